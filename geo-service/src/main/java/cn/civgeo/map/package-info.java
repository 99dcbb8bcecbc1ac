/**
 * The map's data services: Mapbox vector tiles built by PostGIS ({@code ST_AsMVT}), OGC-API-Features-like GeoJSON
 * collections simplified per zoom, and exports (GeoJSON, CSV with WKT, KML).
 *
 * <p>SRID and units: storage is CGCS2000 (EPSG:4490, degrees), treated as WGS 84 for web display (metre-level
 * difference). Tiles are in Web Mercator (EPSG:3857) tile space with the standard XYZ scheme; a tile envelope is
 * transformed to 4490 to use the GiST index, never the column to 3857. Simplification tolerances are in degrees,
 * derived from the zoom's pixel size.
 *
 * <p>Assumptions: the layers read other features' tables read-only (analytical joins, allowed by the team
 * contract); a layer whose table does not exist yet (feature not deployed) is simply listed as unavailable.
 * Each layer's SQL lives in {@code resources/sql/map/<layer>.tile.sql} and {@code <layer>.items.sql}.
 */
package cn.civgeo.map;
