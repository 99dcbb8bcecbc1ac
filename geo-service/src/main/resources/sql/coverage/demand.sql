-- Demand points of a division for site suggestion: a square grid of :spacing metres (in the metric CRS :srid)
-- over each residential unit (deepest divisions with a polygon), or its representative point when the grid misses
-- a small unit. Each point carries its unit's elderly and households divided by the unit's number of points, and
-- whether a service area of the kinds :kinds already covers it at :asOf.
with recursive tree as (
    select d.code from division_read d where d.code = :division
    union all
    select c.code from division_read c join tree t on c.parent_code = t.code where c.status = 'active'
),
demo as (
    -- Demographics (cn.civgeo.demographics read view): each division's latest row of a year <= the asOf year.
    -- A division with no row up to that year falls back to its own division figures (see README).
    select * from demographics_at(extract(year from cast(:asOf as date))::int)
),
fig as (
    select d.code, d.geom,
           coalesce(case when m.division_code is null then d.elderly else m.age60 end, 0) as elderly,
           coalesce(case when m.division_code is null then d.households else m.households end, 0) as households
      from tree t join division_residential_unit_read d on d.code = t.code
      left join demo m on m.division_code = d.code
),
units as (
    select d.code, d.elderly, d.households, d.geom
      from fig d
     where d.households + d.elderly > 0
),
cells as (
    select u.code, ST_Transform(ST_Centroid(g.geom), 4490) as pt
      from units u, ST_SquareGrid(:spacing, ST_Transform(u.geom, :srid)) g
     where ST_Intersects(ST_Transform(u.geom, :srid), ST_Centroid(g.geom))
),
pts as (
    select code, pt from cells
    union all
    select u.code, ST_PointOnSurface(u.geom) from units u where not exists (select 1 from cells c where c.code = u.code)
),
weighted as (
    select p.code, p.pt, u.elderly::float8 / count(*) over (partition by p.code) as elderly,
           u.households::float8 / count(*) over (partition by p.code) as households
      from pts p join units u on u.code = p.code
)
select row_number() over (order by w.code, ST_X(w.pt), ST_Y(w.pt)) as id, w.code, ST_X(w.pt) as lon, ST_Y(w.pt) as lat,
       w.elderly, w.households,
       exists (select 1 from service_area s join facility_operating_at(:asOf) f on f.id = s.facility_id
                where f.kind = any(cast(:kinds as text[]))
                  and s.geom && w.pt and ST_Covers(s.geom, w.pt)) as covered
  from weighted w
 order by 1
