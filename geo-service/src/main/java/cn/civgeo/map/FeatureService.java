package cn.civgeo.map;

import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import cn.civgeo.common.io.StreamedExport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** GeoJSON feature collections of the map layers, built in SQL and simplified for the requested zoom. */
@Service
class FeatureService {
    /** Exports may return this many features at most. */
    public static final int EXPORT_MAX = 100_000;

    /** Rows fetched from the database at a time while an export streams. */
    static final int FETCH_SIZE = 500;

    private final MapRepository repo;
    private final MapLayerRegistry layers;
    private final TransactionTemplate readOnly;

    FeatureService(MapRepository repo, MapLayerRegistry layers, PlatformTransactionManager transactions) {
        this.repo = repo;
        this.layers = layers;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** A query on one layer. {@code zoom} null = full detail; {@code level} null = any; {@code id} null = any. */
    public record Query(String layer, Bbox bbox, Integer zoom, Integer level, String id, String q, int limit, int offset, String after) {
        /** Without a cursor. */
        public Query(String layer, Bbox bbox, Integer zoom, Integer level, String id, String q, int limit, int offset) {
            this(layer, bbox, zoom, level, id, q, limit, offset, null);
        }

        public static Query of(String layer, String bbox, Integer zoom, Integer level, String q, Integer limit, Integer offset) {
            new Validation().require(zoom == null || (zoom >= 0 && zoom <= TileService.MAX_ZOOM), "zoom", "must be between 0 and 22")
                    .require(level == null || (level >= 1 && level <= 5), "level", "must be between 1 and 5")
                    .require(q == null || q.length() <= 100, "q", "must be at most 100 characters")
                    .throwIfInvalid();
            Paging p = Paging.of(limit, offset);
            return new Query(layer, Bbox.parse(bbox), zoom, level, null, q == null ? null : q.strip(), p.limit(), p.offset());
        }
    }

    /**
     * Features as GeoJSON texts plus the number matching (all of them without a cursor; those after it with one) and
     * each feature's key in the layer's order (what {@code after} takes to continue after it).
     */
    public record Result(List<String> features, long total, List<String> keys) {
        public Result(List<String> features, long total) { this(features, total, List.of()); }
    }

    public Result find(Query q) {
        MapLayer layer = layers.get(q.layer());
        List<String> features = new ArrayList<>(), keys = new ArrayList<>();
        long[] total = {0};
        for (MapRepository.Item item : repo.items(layer.itemsSql(), params(q, q.limit()))) {
            total[0] = item.total();
            features.add(item.feature());
            keys.add(item.pageKey());
        }
        if (features.isEmpty() && q.offset() > 0 && q.after() == null) {
            total[0] = count(layer, q);
        }
        return new Result(features, total[0], keys);
    }

    /**
     * An export page's size before its rows stream: the page's features counted up to {@code q.limit() + 1} (more
     * than the limit: another page follows) and the key of its last feature. Reads keys only (the features' JSON is
     * not built).
     */
    public StreamedExport.Counted countPage(Query q) {
        MapLayer layer = layers.get(q.layer());
        long[] n = {0};
        String[] last = {null};
        for (String key : repo.pageKeys(layer.itemsSql(), params(q, q.limit() + 1))) {
            if (++n[0] <= q.limit()) last[0] = key;
        }
        return new StreamedExport.Counted(n[0], last[0] == null ? null : List.of(last[0]));
    }

    /**
     * The page's features as GeoJSON texts, one at a time, from a database cursor ({@value #FETCH_SIZE} rows a fetch):
     * memory stays flat however large the page.
     */
    public void stream(Query q, Consumer<String> sink) {
        MapLayer layer = layers.get(q.layer());
        readOnly.executeWithoutResult(s -> repo.streamFeatures(layer.itemsSql(), params(q, q.limit()), sink));
    }

    private static Map<String, Object> params(Query q, int limit) {
        Bbox b = q.bbox();
        Map<String, Object> m = new HashMap<>();
        m.put("tol", q.zoom() == null ? 0.0 : TileService.tolerance(q.zoom()));
        m.put("bbox", b != null);
        m.put("minx", b == null ? 0.0 : b.minx());
        m.put("miny", b == null ? 0.0 : b.miny());
        m.put("maxx", b == null ? 0.0 : b.maxx());
        m.put("maxy", b == null ? 0.0 : b.maxy());
        m.put("level", q.level() == null ? 0 : q.level());
        m.put("id", q.id() == null ? "" : q.id());
        m.put("q", q.q() == null ? "" : q.q());
        m.put("limit", limit);
        m.put("offset", q.offset());
        m.put("after", q.after() == null ? "" : q.after());
        return m;
    }

    private long count(MapLayer layer, Query q) {
        Result first = find(new Query(q.layer(), q.bbox(), q.zoom(), q.level(), q.id(), q.q(), 1, 0));
        return first.total();
    }

    /** One feature by its id, or null. */
    public String one(String layer, String id, Integer zoom) {
        Result r = find(new Query(layer, null, zoom, null, id, null, 1, 0));
        return r.features().isEmpty() ? null : r.features().get(0);
    }
}
