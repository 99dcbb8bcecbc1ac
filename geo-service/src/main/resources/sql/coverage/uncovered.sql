-- The parts of a division's residential units outside every service area of the chosen kinds at :asOf, as a
-- GeoJSON FeatureCollection (one feature per unit with an uncovered part, EPSG:4490). Same unit and facility
-- rules as units.sql.
with recursive tree as (
    select d.code, 0 as depth from division_read d where d.code = :division
    union all
    select c.code, t.depth + 1 from division_read c join tree t on c.parent_code = t.code where c.status = 'active'
),
demo as (
    -- Demographics (cn.civgeo.demographics read view): each division's latest row of a year <= the asOf year.
    -- A division with no row up to that year falls back to its own division figures (see README).
    select * from demographics_at(extract(year from cast(:asOf as date))::int)
),
units as (
    select d.code, d.name,
           coalesce(case when m.division_code is null then d.households else m.households end, 0) as households,
           coalesce(case when m.division_code is null then d.elderly else m.age60 end, 0) as elderly, d.geom,
           ST_PointOnSurface(d.geom) as pt
      from tree t join division_residential_unit_read d on d.code = t.code
      left join demo m on m.division_code = d.code
),
areas as (
    select s.geom
      from service_area s join facility_operating_at(:asOf) f on f.id = s.facility_id
     where f.kind = any(cast(:kinds as text[]))
),
gaps as (
    select u.code, u.name, u.households, u.elderly,
           exists (select 1 from areas a where a.geom && u.pt and ST_Covers(a.geom, u.pt)) as covered,
           coalesce(ST_Difference(u.geom, (select ST_Union(a.geom) from areas a where a.geom && u.geom and ST_Intersects(a.geom, u.geom))), u.geom) as geom
      from units u
)
select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
           'type', 'Feature', 'id', g.code, 'geometry', ST_AsGeoJSON(g.geom, 6)::json,
           'properties', json_build_object('code', g.code, 'name', g.name, 'households', g.households,
               'elderly', g.elderly, 'covered', g.covered,
               'uncoveredAreaKm2', round((ST_Area(g.geom::geography) / 1e6)::numeric, 4))) order by g.code), '[]'::json))::text
  from gaps g
 where not ST_IsEmpty(g.geom) and ST_Area(g.geom::geography) > 1
