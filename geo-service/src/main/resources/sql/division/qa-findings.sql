-- Topology QA of the children of one unit (:parent), as the registry stood on the date {{source}} reads.
-- One row per finding: kind (gap | overlap | outside), codes involved, area on the ellipsoid (m²), a point on
-- the finding, its GeoJSON (EPSG:4490). Findings smaller than :tol m² are returned as slivers (kind prefixed "sliver-").
with parent as (
    select code, geom from {{source}} p where code = :parent
), kids as (
    select code, geom from {{source}} k where parent_code = :parent and geom is not null
), kids_union as (
    select st_union(geom) as g from kids
), gap_geoms as (
    -- within the parent: the parent minus the children; without parent geometry: holes inside the children's union
    select (st_dump(st_collectionextract(st_difference(p.geom,
               coalesce(u.g, st_setsrid('POLYGON EMPTY'::geometry, 4490))), 3))).geom as g
      from parent p, kids_union u where p.geom is not null
    union all
    select (st_dump(st_collectionextract(st_difference(st_makepolygon(st_exteriorring(d.geom)), d.geom), 3))).geom
      from parent p, kids_union u, lateral st_dump(u.g) d where p.geom is null and u.g is not null
), gaps as (
    select 'gap'::text as kind,
           array(select k.code from kids k where st_dwithin(k.geom, g.g, 1e-6) order by k.code) as codes, g.g
      from gap_geoms g where not st_isempty(g.g)
), overlap_parts as (
    select 'overlap'::text as kind, array[a.code, b.code]::text[] as codes,
           (st_dump(st_collectionextract(st_intersection(a.geom, b.geom), 3))).geom as g
      from kids a join kids b on a.code < b.code and st_intersects(a.geom, b.geom)
     where not st_touches(a.geom, b.geom)
), outside as (
    select 'outside'::text as kind, array[k.code]::text[] as codes,
           (st_dump(st_collectionextract(st_difference(k.geom, p.geom), 3))).geom as g
      from kids k join parent p on p.geom is not null
     where not st_within(k.geom, p.geom)
), findings as (
    select * from gaps union all select * from overlap_parts union all select * from outside
)
select case when a.area >= :tol then f.kind else 'sliver-' || f.kind end as kind, f.codes, a.area,
       st_x(pt) as lon, st_y(pt) as lat, st_asgeojson(f.g, 7) as geojson
  from findings f
 cross join lateral (select st_area(f.g::geography) as area, st_pointonsurface(f.g) as pt) a
 where not st_isempty(f.g)
 order by a.area desc
