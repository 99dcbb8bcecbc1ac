-- A ratio indicator for each target division (:codes) on :asOf with the demographics of :year (cn.civgeo.plan.Metric).
-- Facilities count when operating on :asOf (facility_operating_at) and are in a division when their point lies in its
-- polygon (division_part: each facility once per division, even on the seam between two parts of one polygon).
with t as (select unnest(cast(:codes as text[])) as code),
fac as (
    select f.* from facility_operating_at(:asOf) f where f.kind = any(cast(:kinds as text[]))
),
inside as (
    select distinct p.code, f.id
      from fac f join division_part_read p on ST_Intersects(p.geom, f.geom)
     where p.code = any(cast(:codes as text[]))
),
sums as (
    select i.code,
           sum(case cast(:numField as text) when 'beds' then f.beds when 'nursing_beds' then f.nursing_beds
                   when 'floor_area_m2' then f.floor_area_m2 when 'cremators' then f.cremators
                   when 'eco_cremators' then f.eco_cremators when 'count' then 1 end)::double precision as num_fac,
           sum(case cast(:denField as text) when 'beds' then f.beds when 'nursing_beds' then f.nursing_beds
                   when 'floor_area_m2' then f.floor_area_m2 when 'cremators' then f.cremators
                   when 'eco_cremators' then f.eco_cremators when 'count' then 1 end)::double precision as den_fac
      from inside i join fac f on f.id = i.id
     group by i.code
),
dem as (
    select * from demographics_at(:year) d where d.division_code = any(cast(:codes as text[]))
)
select t.code,
       coalesce(s.num_fac, 0) as num_fac,
       coalesce(s.den_fac, 0) as den_fac,
       (case cast(:numDemo as text) when 'population' then d.population when 'households' then d.households
             when 'age60' then d.age60 when 'age65' then d.age65 when 'age80' then d.age80 end)::double precision as num_dem,
       (case cast(:denDemo as text) when 'population' then d.population when 'households' then d.households
             when 'age60' then d.age60 when 'age65' then d.age65 when 'age80' then d.age80 end)::double precision as den_dem
  from t
  left join sums s on s.code = t.code
  left join dem d on d.division_code = t.code
