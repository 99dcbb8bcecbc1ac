-- Staged import lines get a spatial index: civgeo_build_network looks up, for every noded piece, the line it came
-- from (name, highway) by distance; without the index that lookup scans the whole batch for each piece.
create index road_import_line_geom on road_import_line using gist(geom);
