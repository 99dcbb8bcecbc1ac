/**
 * OGC API – Features (Part 1 Core + GeoJSON, Part 2 CRS by reference, Part 3 queryables and CQL2 text filters) at
 * {@code /api/ogc}, over the read-only {@code *_public} views that the owning features publish (migrations
 * V90–V95): this package never reads another feature's tables.
 *
 * <p>SRID and units: the views hold CGCS2000 (EPSG:4490, degrees). Answers default to CRS84 (lon/lat, treated as
 * identical to CGCS2000 at metre level, no transformation); EPSG:4490 and EPSG:4326 by URI are written latitude
 * first, EPSG:3857 in metres, the CGCS2000 3-degree Gauss–Krüger zones (EPSG:4513–4554) northing first, as their
 * EPSG definitions order the axes. Polygons are written with counter-clockwise outer rings (RFC 7946).
 *
 * <p>Assumptions: every published layer has one geometry type (place names are split into points, lines and
 * areas); datetime applies to collections whose records have a validity (divisions: validFrom/validTo;
 * facilities: openedOn/closedOn) and is ignored by the others; the feature order is the view's id.
 */
package cn.civgeo.ogc;
