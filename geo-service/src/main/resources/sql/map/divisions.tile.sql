-- Division polygons of one level as a Mapbox vector tile (layer "divisions"). Feature id = the division code
-- (a number); property names are those of the GeoJSON collections (shortName, parentCode, urbanRural).
-- :z :x :y tile address (XYZ, Web Mercator); :level division level; :band the zoom band (TileService.band).
-- Reads division_tile_shape_read (V104, published by the division feature): geometry already in EPSG:3857 and simplified for the band, so the query only
-- finds the tile's polygons through the GiST index and cuts them to the tile (ST_AsMVTGeom clips to the buffered
-- tile box and quantises to the 4096 grid). No ST_Transform here: PROJ never starts on the request path.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env,
           ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096) as clip
), mvtgeom as (
    select d.code::bigint as fid, d.code, d.name, coalesce(d.short_name, d.name) as "shortName", d.level, d.kind,
           d.parent_code as "parentCode", d.population, d.urban_rural as "urbanRural",
           ST_AsMVTGeom(s.geom, b.env, 4096, 64, true) as geom
    from division_tile_shape_read s join division_read d on d.code = s.code, bounds b
    where s.geom && b.clip and s.band = :band and s.level = :level and d.status = 'active'
)
select coalesce(ST_AsMVT(mvtgeom.*, 'divisions', 4096, 'geom', 'fid'), ''::bytea) from mvtgeom where geom is not null
