-- A unit-share indicator for each target division (:codes): of its units at :level (by the division tree: active
-- descendants through parent_code, or the target itself when it is of :level), optionally only urban / rural / in cremation areas (demographics of :year, else the
-- division's own urban_rural flag; a unit counts as in a cremation area unless its demographics say false), and
-- optionally only those containing a facility of :among, how many contain (by location) at least one facility of
-- :kinds operating on :asOf with at least :minBeds beds, all of :functions and at least :minFloor m².
with recursive tree as (
    -- Level and urban/rural ride along the walk down, so units need no second look-up in division (the planner
    -- cannot estimate a recursive walk and hashed all 620,000 villages for it: ~280 ms instead of ~15 ms).
    select t.code as target, d.code::text as code, d.level, d.urban_rural
      from unnest(cast(:codes as text[])) as t(code) join division_read d on d.code = t.code
    union all
    select tree.target, c.code::text, c.level, c.urban_rural
      from tree join division_read c on c.parent_code = tree.code
     where c.status = 'active' and c.level <= :level
),
-- materialized: otherwise the planner pushes counted's "in among_hit" filter into a scan of the whole division
-- table (665,000 rows, ~200 ms) instead of filtering the few hundred units.
units as materialized (
    select t.target, t.code, coalesce(d.urban_rural, t.urban_rural) as ur, d.cremation_area
      from tree t
      left join demographics_at(:year) d on d.division_code = t.code
     where t.level = :level
),
fac as (
    select f.* from facility_operating_at(:asOf) f
     where f.kind = any(cast(:kinds as text[]))
       and (cast(:minBeds as integer) is null or coalesce(f.beds, 0) >= cast(:minBeds as integer))
       and (cast(:functions as text[]) is null or coalesce(f.functions, '{}') @> cast(:functions as text[]))
       and (cast(:minFloor as double precision) is null or coalesce(f.floor_area_m2, 0) >= cast(:minFloor as double precision))
),
hit as (
    select distinct p.code from fac f join division_part_read p on p.level = :level and ST_Intersects(p.geom, f.geom)
),
among_hit as (
    select distinct p.code
      from facility_operating_at(:asOf) f join division_part_read p on p.level = :level and ST_Intersects(p.geom, f.geom)
     where f.kind = any(cast(:among as text[]))
),
counted as (
    select * from units
     where (cast(:filter as text) is null
            or (cast(:filter as text) = 'urban' and ur = 'urban')
            or (cast(:filter as text) = 'rural' and ur = 'rural')
            or (cast(:filter as text) = 'cremation' and cremation_area is not false))
       and (cast(:among as text[]) is null or code in (select code from among_hit))
)
select t.code,
       count(c.code)::double precision as den,
       (count(c.code) filter (where c.code in (select code from hit)))::double precision as num
  from unnest(cast(:codes as text[])) as t(code) left join counted c on c.target = t.code
 group by t.code
