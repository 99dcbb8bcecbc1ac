-- The residential units (active divisions with a polygon and no active children: communities and villages where the
-- registry goes that deep) whose code starts with :prefix, with their township, households and elderly at :asOf
-- (demographics_at, the same fallback as units.sql), representative point (ST_PointOnSurface, as units.sql) and
-- polygon (WKB, EPSG:4490). Read once per planner coverage model (PlannerCoverage).
with demo as (
    select * from demographics_at(extract(year from cast(:asOf as date))::int)
)
select d.code, d.name, d.parent_code, p.name as parent_name,
       coalesce(case when m.division_code is null then d.households else m.households end, 0)::bigint as households,
       coalesce(case when m.division_code is null then d.elderly else m.age60 end, 0)::bigint as elderly,
       ST_X(ST_PointOnSurface(d.geom)) as lon, ST_Y(ST_PointOnSurface(d.geom)) as lat,
       ST_AsBinary(d.geom) as wkb
  from division_residential_unit_read d
  left join division_read p on p.code = d.parent_code
  left join demo m on m.division_code = d.code
 where d.code like :prefix || '%'
 order by d.code
