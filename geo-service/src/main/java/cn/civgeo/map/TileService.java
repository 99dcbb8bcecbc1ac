package cn.civgeo.map;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * Builds Mapbox vector tiles in PostGIS and keeps built ones in an LRU cache (bounded in entries and age), so
 * panning back and forth at city zoom is answered from memory. The cache is dropped whenever divisions change
 * ({@link MapTileInvalidation}); a tile built while a change commits is not kept (generation check).
 */
@Service
public class TileService {
    public static final int MAX_ZOOM = 22;

    /** A built tile: its bytes, a strong ETag over them, and the division level it shows (0 when not levelled). */
    public record Tile(byte[] bytes, String etag, int level, long builtAt) {}

    private final MapRepository repo;
    private final MapLayerRegistry layers;
    private final MapProperties props;
    private final Map<String, Tile> cache;
    /** Bumped by every invalidation: a tile built under an older generation is returned but not cached. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Integer maxLevel;

    TileService(MapRepository repo, MapLayerRegistry layers, MapProperties props) {
        this.repo = repo;
        this.layers = layers;
        this.props = props;
        int max = props.tileCacheEntries();
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tile> eldest) { return size() > max; }
        };
    }

    /** The zoom band of {@code division_tile_shape_read} (V104) serving tile zoom z: 0 (z 0–5) … 4 (z 15+). */
    public static int band(int z) { return z <= 5 ? 0 : z <= 8 ? 1 : z <= 11 ? 2 : z <= 14 ? 3 : 4; }

    /** Simplification tolerance for a zoom: half a screen pixel, in degrees. */
    public static double tolerance(int z) { return 180.0 / (256.0 * Math.pow(2, z)); }

    public Tile tile(String layerId, int z, int x, int y, Integer level) {
        long n = 1L << Math.min(Math.max(z, 0), MAX_ZOOM);
        new Validation()
                .require(z >= 0 && z <= MAX_ZOOM, "z", "must be between 0 and " + MAX_ZOOM)
                .require(x >= 0 && x < n, "x", "must be between 0 and 2^z - 1")
                .require(y >= 0 && y < n, "y", "must be between 0 and 2^z - 1")
                .require(level == null || (level >= 1 && level <= 5), "level", "must be between 1 and 5")
                .throwIfInvalid();
        MapLayer layer = layers.get(layerId);
        if (!layer.tiled()) throw ApiException.notFound("Vector tiles for layer", layerId);
        int lvl = level != null ? level : props.levelForZoom(z);
        String key = layerId + '/' + z + '/' + x + '/' + y + '/' + lvl;
        long now = System.currentTimeMillis();
        long gen = generation.get();
        synchronized (cache) {
            Tile t = cache.get(key);
            if (t != null && now - t.builtAt() < props.tileCacheSeconds() * 1000L) return t;
        }
        byte[] bytes = repo.tile(layer.tileSql(), z, x, y, band(z), tolerance(z), lvl);
        Tile t = new Tile(bytes, etag(bytes), lvl, now);
        synchronized (cache) {
            if (generation.get() == gen) cache.put(key, t);
        }
        return t;
    }

    /** Whether a tile is in the cache and fresh (for the start-up warm-up). */
    boolean cached(String layerId, int z, int x, int y, int level) {
        String key = layerId + '/' + z + '/' + x + '/' + y + '/' + level;
        synchronized (cache) {
            Tile t = cache.get(key);
            return t != null && System.currentTimeMillis() - t.builtAt() < props.tileCacheSeconds() * 1000L;
        }
    }

    /** How many tiles the cache holds. */
    public int cachedTiles() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /**
     * The deepest division level that has geometry (the map never zooms into an empty level); 5 when unknown.
     * Read from the map's label points (one per active unit with geometry, V60) and remembered until divisions
     * change.
     */
    public int maxDivisionLevel() {
        Integer m = maxLevel;
        if (m != null) return m;
        MapLayer divisions = layers.all().stream().filter(l -> l.id().equals("divisions")).findFirst().orElseThrow();
        if (!layers.available(divisions)) return 5;
        long gen = generation.get();
        Integer max = repo.deepestLabelledLevel();
        int result = max == null ? 5 : max;
        if (generation.get() == gen) maxLevel = result;
        return result;
    }

    /** Forget every built tile and the deepest level (after data changes that must show at once). */
    public void invalidate() {
        synchronized (cache) {
            generation.incrementAndGet();
            maxLevel = null;
            cache.clear();
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            // weak: Tomcat does not gzip a response with a strong ETag (noCompressionStrongETag)
            return "W/\"" + HexFormat.of().formatHex(d, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
