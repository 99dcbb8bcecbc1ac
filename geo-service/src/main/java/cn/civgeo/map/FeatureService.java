package cn.civgeo.map;

import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** GeoJSON feature collections of the map layers, built in SQL and simplified for the requested zoom. */
@Service
public class FeatureService {
    /** Exports may return this many features at most. */
    public static final int EXPORT_MAX = 100_000;

    private final JdbcClient jdbc;
    private final MapLayerRegistry layers;

    FeatureService(JdbcClient jdbc, MapLayerRegistry layers) {
        this.jdbc = jdbc;
        this.layers = layers;
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
        Bbox b = q.bbox();
        List<String> features = new ArrayList<>(), keys = new ArrayList<>();
        long[] total = {0};
        jdbc.sql(layer.itemsSql())
                .param("tol", q.zoom() == null ? 0.0 : TileService.tolerance(q.zoom()))
                .param("bbox", b != null)
                .param("minx", b == null ? 0.0 : b.minx()).param("miny", b == null ? 0.0 : b.miny())
                .param("maxx", b == null ? 0.0 : b.maxx()).param("maxy", b == null ? 0.0 : b.maxy())
                .param("level", q.level() == null ? 0 : q.level())
                .param("id", q.id() == null ? "" : q.id())
                .param("q", q.q() == null ? "" : q.q())
                .param("limit", q.limit()).param("offset", q.offset())
                .param("after", q.after() == null ? "" : q.after())
                .query((rs, i) -> {
                    total[0] = rs.getLong("total");
                    features.add(rs.getString("feature"));
                    keys.add(rs.getString("page_key"));
                    return null;
                }).list();
        if (features.isEmpty() && q.offset() > 0 && q.after() == null) {
            total[0] = count(layer, q);
        }
        return new Result(features, total[0], keys);
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
