-- Residential units of a division and whether each lies in a service area of the chosen facility kinds, as of a
-- date. Units are the active divisions under :division (or :division itself) that have a geometry and no active
-- children: communities and villages where the registry goes that deep. A unit counts as covered when its
-- representative point (ST_PointOnSurface) lies in a service area; coveredAreaShare is the share of its polygon
-- inside the union of the service areas touching it. top = the direct child of :division the unit rolls up to.
-- Facilities count when operating at :asOf (opened on or before it, not closed by then, not suspended or planned).
with recursive tree as (
    select d.code, 0 as depth, d.code as top from division_read d where d.code = :division
    union all
    select c.code, t.depth + 1, case when t.depth = 0 then c.code else t.top end
      from division_read c join tree t on c.parent_code = t.code
     where c.status = 'active'
),
demo as (
    -- Demographics (cn.civgeo.demographics read view): each division's latest row of a year <= the asOf year.
    -- A division with no row up to that year falls back to its own division figures (see README).
    select * from demographics_at(extract(year from cast(:asOf as date))::int)
),
units as (
    select d.code, d.name, t.top, d.level, coalesce(m.urban_rural, d.urban_rural) as urban_rural,
           coalesce(case when m.division_code is null then d.households else m.households end, 0) as households,
           coalesce(case when m.division_code is null then d.elderly else m.age60 end, 0) as elderly,
           coalesce(case when m.division_code is null then d.population else m.population end, 0) as population, d.geom,
           ST_PointOnSurface(d.geom) as pt
      from tree t join division_residential_unit_read d on d.code = t.code
      left join demo m on m.division_code = d.code
),
areas as (
    select s.geom
      from service_area s join facility_operating_at(:asOf) f on f.id = s.facility_id
     where f.kind = any(cast(:kinds as text[]))
)
select u.code, u.name, u.top, u.level, u.urban_rural, u.households, u.elderly, u.population,
       exists (select 1 from areas a where a.geom && u.pt and ST_Covers(a.geom, u.pt)) as covered,
       coalesce((select ST_Area(ST_Intersection(u.geom, ST_Union(a.geom))::geography) / nullif(ST_Area(u.geom::geography), 0)
                   from areas a where a.geom && u.geom and ST_Intersects(a.geom, u.geom)), 0) as covered_area_share,
       (select round(ST_Distance(f.geom::geography, u.pt::geography))
          from facility_operating_at(:asOf) f
         where f.kind = any(cast(:kinds as text[]))
         order by f.geom <-> u.pt limit 1) as nearest_m
  from units u
 order by u.code
