-- Boundary lines as a vector tile (layer "boundary-lines"): all levels, each with its worst marker condition.
-- Feature id = the line id (also kept as the property id, as in the GeoJSON).
-- Lines of every level show at every zoom; the map's style sets the width by level.
with bounds as (
    select ST_TileEnvelope(:z, :x, :y) as env3857,
           ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096), 4490) as env
), mvtgeom as (
    select l.id as fid, l.id, l.code, l.name, l.level, l.status,
           (select (array['intact', 'damaged', 'displaced', 'missing'])[max(case k.last_condition when 'intact' then 1
                       when 'damaged' then 2 when 'displaced' then 3 when 'missing' then 4 end)]
            from boundary_marker_read k where k.line_id = l.id) as condition,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(ST_ClipByBox2D(l.geom, b.env), :tol, true), 3857),
                        b.env3857, 4096, 64, true) as geom
    from boundary_line_read l, bounds b
    where l.geom && b.env and l.status <> 'superseded'
)
select coalesce(ST_AsMVT(mvtgeom.*, 'boundary-lines', 4096, 'geom', 'fid'), ''::bytea) from mvtgeom where geom is not null
