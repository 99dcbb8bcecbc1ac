-- Division polygons of one level as a Mapbox vector tile (layer "divisions").
-- :z :x :y tile address (XYZ, Web Mercator); :tol simplification tolerance in degrees; :level division level.
-- The tile envelope is transformed to the column's SRID (4490) so the GiST index is used; each polygon is first
-- clipped to the (buffered) tile box with ST_ClipByBox2D (fast, no validity work), then simplified and projected,
-- so the cost per tile follows the tile's content, not the size of whole districts.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env3857,
           ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096), 4490) as env
), mvtgeom as (
    select d.code, d.name, coalesce(d.short_name, d.name) as short_name, d.level, d.kind, d.parent_code,
           d.population, d.urban_rural,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(ST_ClipByBox2D(d.geom, b.env), :tol, true), 3857),
                        b.env3857, 4096, 64, true) as geom
    from division d, bounds b
    where d.geom && b.env and d.level = :level and d.status = 'active'
)
select coalesce(ST_AsMVT(mvtgeom.*, 'divisions', 4096, 'geom'), ''::bytea) from mvtgeom where geom is not null
