package cn.civgeo.map;

import java.util.List;

/**
 * One map layer: its titles, the tables it reads (all must exist for the layer to be available), and its SQL.
 *
 * <p>Tile SQL takes {@code :z :x :y :tol :level} and returns one {@code bytea} (an MVT). Items SQL takes
 * {@code :tol :bbox :minx :miny :maxx :maxy :level :id :limit :offset} and returns rows of
 * {@code feature} (a GeoJSON Feature as text) and {@code total} (the count of all matching rows).
 *
 * @param id             URL name, e.g. {@code divisions}
 * @param titleZh        Chinese title
 * @param titleEn        English title
 * @param geometryType   Polygon, LineString or Point (for clients choosing a style)
 * @param requiredTables tables that must exist
 * @param tileSql        null when the layer has no vector tiles
 * @param itemsSql       the GeoJSON items query
 */
public record MapLayer(String id, String titleZh, String titleEn, String geometryType, List<String> requiredTables,
                       String tileSql, String itemsSql) {
    public boolean tiled() { return tileSql != null; }
}
