/**
 * The map's data services: Mapbox vector tiles built by PostGIS ({@code ST_AsMVT}), OGC-API-Features-like GeoJSON
 * collections simplified per zoom, and exports (GeoJSON, CSV with WKT, KML).
 *
 * <p>SRID and units: storage is CGCS2000 (EPSG:4490, degrees), treated as WGS 84 for web display (metre-level
 * difference). Tiles are in Web Mercator (EPSG:3857) tile space with the standard XYZ scheme. Division tiles read
 * {@code division_tile_shape_read}, published by the division feature (V104; V60 made it): each active unit
 * projected once to 3857 and simplified per zoom band, kept by the division's own triggers, so no tile request runs ST_Transform (PROJ's start-up costs ~0.3 s per database
 * connection). Other layers' tile SQL transforms the tile envelope to 4490 to use the GiST index. GeoJSON
 * simplification tolerances are in degrees, derived from the zoom's pixel size.
 *
 * <p>Speed: {@link cn.civgeo.map.MapWarmup} builds the opening view's tiles at start-up (background);
 * {@link cn.civgeo.map.MapTileInvalidation} drops the tile cache when divisions change;
 * {@link cn.civgeo.map.MapPageController} serves the page with bundled assets and the configuration inside.
 *
 * <p>Assumptions: the layers read other features' data through their read views ({@code *_read}) only (issue #12,
 * TableOwnershipTest); a layer whose table does not exist yet (feature not deployed) is simply listed as unavailable.
 * Each layer's SQL lives in {@code resources/sql/map/<layer>.tile.sql} and {@code <layer>.items.sql}.
 */
package cn.civgeo.map;
