package cn.civgeo.map;

import cn.civgeo.common.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The layers the map knows. A layer is available when every table it reads exists, so the map grows as the
 * features it shows are deployed. SQL comes from {@code classpath:sql/map/<id>.tile.sql} and {@code .items.sql}.
 */
@Component
public class MapLayerRegistry {
    private static final long RECHECK_MILLIS = 30_000;

    private final MapRepository repo;
    private final Map<String, MapLayer> layers = new LinkedHashMap<>();
    private final Map<String, Boolean> tableExists = new ConcurrentHashMap<>();
    private volatile long checkedAt;

    MapLayerRegistry(MapRepository repo) {
        this.repo = repo;
        add("divisions", "行政区划", "Administrative divisions", "Polygon", List.of("division"));
        add("division-labels", "行政区划注记", "Division labels", "Point", List.of("division"));
        add("boundary-lines", "行政区域界线", "Boundary lines", "LineString", List.of("boundary_line", "boundary_marker"));
        add("boundary-markers", "界桩", "Boundary markers", "Point", List.of("boundary_marker", "boundary_line"));
        add("disputes", "界线争议", "Boundary disputes", "Polygon", List.of("boundary_dispute"));
        add("line-inspections", "界线联检记录", "Line inspection history", null,
                List.of("line_inspection", "inspection_round", "marker_record"));
    }

    private void add(String id, String zh, String en, String geometryType, List<String> tables) {
        layers.put(id, new MapLayer(id, zh, en, geometryType, tables, sql(id + ".tile.sql"), sql(id + ".items.sql")));
    }

    private static String sql(String file) { return cn.civgeo.common.io.SqlFiles.loadIfPresent("map/" + file); }

    /** All layers, available or not, in display order. */
    public List<MapLayer> all() { return List.copyOf(layers.values()); }

    public boolean available(MapLayer layer) {
        long now = System.currentTimeMillis();
        if (now - checkedAt > RECHECK_MILLIS) {
            tableExists.clear();
            checkedAt = now;
        }
        return layer.requiredTables().stream().allMatch(t -> tableExists.computeIfAbsent(t, this::exists));
    }

    private boolean exists(String table) { return repo.tableExists(table); }

    /** The layer, or 404 when unknown or not deployed. */
    public MapLayer get(String id) {
        MapLayer l = layers.get(id);
        if (l == null || !available(l)) throw ApiException.notFound("Map layer", id);
        return l;
    }
}
