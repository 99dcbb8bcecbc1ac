package cn.civgeo.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Start-up warm-up, in one low-priority background thread once the application is ready (start-up never waits
 * for it): the division vector tiles of the opening view are built into the cache from the opening zoom down to
 * {@code civgeo.map.warmup-max-zoom} (city zoom), and the page, its bundles, the map configuration, one tile and the
 * opening labels are requested once over HTTP from the service itself, so the first user does not pay for the
 * web stack's lazy initialisation (dispatcher, filters, message converters, compression) and its cold code.
 * Runs again (tiles only) after the tile cache was dropped because divisions changed.
 *
 * <p>The web map draws 1024-pixel tiles: map zoom z shows tiles of zoom z - 2 ({@link #TILE_ZOOM_OFFSET}), with
 * the division level of map zoom z, capped at the deepest level that has geometry (as layers.js does).
 */
@Component
class MapWarmup implements DisposableBean {
    static final int TILE_ZOOM_OFFSET = 2;
    /** Never more tiles than this per warm-up (a national opening view at a deep zoom would be thousands). */
    static final int MAX_TILES = 1500;
    private static final double HALF = 20037508.342789244;
    private static final Logger log = LoggerFactory.getLogger(MapWarmup.class);

    private final TileService tiles;
    private final MapProperties props;
    private final MapRepository repo;
    private final Environment env;
    private final MapAssets assets;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean webDone;

    MapWarmup(TileService tiles, MapProperties props, MapRepository repo, Environment env, MapAssets assets) {
        this.tiles = tiles;
        this.props = props;
        this.repo = repo;
        this.env = env;
        this.assets = assets;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
        schedule();
    }

    /** Run the warm-up soon in the background (once, however often it is asked for meanwhile). */
    void schedule() {
        if (!ready || props.warmupMaxZoom() <= 0) return;
        if (!pending.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                try {
                    Thread.sleep(200); // a burst of changes: one warm-up
                } catch (InterruptedException e) {
                    return;
                }
                pending.set(false);
                run();
            });
        } catch (RuntimeException e) {
            pending.set(false); // shutting down
        }
    }

    private void run() {
        try {
            long t0 = System.nanoTime();
            int built = warmTiles();
            if (!webDone) {
                webDone = true;
                warmWeb();
            }
            log.info("map warm-up: {} division tiles built, {} cached, in {} ms", built, tiles.cachedTiles(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("map warm-up failed: {}", e.toString());
        }
    }

    /** The tiles a map of the opening view shows at each zoom from the opening zoom to the warm-up zoom. */
    List<int[]> plan() {
        List<int[]> out = new ArrayList<>();
        int maxLevel = tiles.maxDivisionLevel();
        double cx = mercX(props.centerLon()), cy = mercY(props.centerLat());
        // the opening view on a large screen (2560 x 1440 CSS pixels)
        double res = 2 * HALF / (256 * Math.pow(2, props.zoom()));
        double[] view = {cx - 1280 * res, cy - 720 * res, cx + 1280 * res, cy + 720 * res};
        for (int z = Math.max(props.zoom(), TILE_ZOOM_OFFSET); z <= props.warmupMaxZoom() && out.size() < MAX_TILES; z++) {
            int tz = z - TILE_ZOOM_OFFSET;
            int level = Math.min(props.levelForZoom(z), maxLevel);
            double[] box = view;
            if (z > props.zoom()) {
                // deeper zooms: only where the level's polygons are, within the opening view
                List<Double> e = repo.levelExtent(TileService.band(tz), level, view);
                if (e == null) continue;
                box = new double[] {Math.max(e.get(0), view[0]), Math.max(e.get(1), view[1]), Math.min(e.get(2), view[2]),
                        Math.min(e.get(3), view[3])};
            }
            double w = 2 * HALF / Math.pow(2, tz);
            int n = 1 << tz;
            int x0 = clamp((int) Math.floor((box[0] + HALF) / w), n), x1 = clamp((int) Math.floor((box[2] + HALF) / w), n);
            int y0 = clamp((int) Math.floor((HALF - box[3]) / w), n), y1 = clamp((int) Math.floor((HALF - box[1]) / w), n);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1 && out.size() < MAX_TILES; y++) out.add(new int[] {tz, x, y, level});
            }
        }
        return out;
    }

    private int warmTiles() {
        int built = 0;
        for (int[] t : plan()) {
            if (tiles.cached("divisions", t[0], t[1], t[2], t[3])) continue;
            tiles.tile("divisions", t[0], t[1], t[2], t[3]);
            built++;
        }
        return built;
    }

    /** One request each for the page, its bundles, the configuration, a tile and the opening labels. */
    private void warmWeb() {
        String port = env.getProperty("local.server.port");
        if (port == null) return;
        String base = "http://127.0.0.1:" + port;
        List<String> paths = new ArrayList<>(List.of("/", "/api/map/config"));
        for (MapAssets.Asset a : assets.assets()) paths.add(MapAssets.PREFIX + a.name());
        List<int[]> plan = plan();
        if (!plan.isEmpty()) {
            int[] t = plan.get(0);
            paths.add("/api/map/tiles/divisions/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt?level=" + t[3]);
            double res = 360.0 / (256 * Math.pow(2, props.zoom()));
            paths.add(String.format(Locale.ROOT, "/api/map/collections/division-labels/items?limit=1000&level=%d&bbox=%.5f,%.5f,%.5f,%.5f",
                    t[3], props.centerLon() - 683 * res, props.centerLat() - 425 * res, props.centerLon() + 683 * res,
                    props.centerLat() + 425 * res));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int round = 0; round < 2; round++) {
            for (String p : paths) {
                try {
                    client.send(HttpRequest.newBuilder(URI.create(base + p)).header("Accept-Encoding", "gzip")
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException e) {
                    log.debug("map warm-up request {} failed: {}", p, e.toString());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static int clamp(int v, int n) { return Math.max(0, Math.min(n - 1, v)); }

    static double mercX(double lon) { return lon * HALF / 180; }

    static double mercY(double lat) {
        double l = Math.max(-85.05112878, Math.min(85.05112878, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2)) * HALF / Math.PI;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
