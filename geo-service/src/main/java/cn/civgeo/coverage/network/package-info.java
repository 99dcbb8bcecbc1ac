/**
 * Walking road networks as pgRouting topologies (tables road_network, road_node, road_edge; SRID 4490, lengths in
 * metres on the ellipsoid). Imports: OSM XML through osm2pgrouting (its own noding, bridges kept apart), GeoJSON,
 * Shapefile and anything else GDAL reads through ogr2ogr, then noded at every crossing and endpoints merged within
 * the snap tolerance. Motorways and trunk roads are not walkable and are left out of OSM imports.
 */
package cn.civgeo.coverage.network;
