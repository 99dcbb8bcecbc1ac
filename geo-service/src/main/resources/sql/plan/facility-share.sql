-- A facility-share indicator for each target division (:codes): of the facilities of :kinds operating on :asOf whose
-- point lies in the division, how many have a grade in :grades.
with t as (select unnest(cast(:codes as text[])) as code),
fac as (
    select f.* from facility_operating_at(:asOf) f where f.kind = any(cast(:kinds as text[]))
),
inside as (
    select distinct p.code, f.id
      from fac f join division_part_read p on ST_Intersects(p.geom, f.geom)
     where p.code = any(cast(:codes as text[]))
)
select t.code,
       count(f.id)::double precision as den,
       (count(f.id) filter (where f.grade = any(cast(:grades as text[]))))::double precision as num
  from t
  left join inside i on i.code = t.code
  left join fac f on f.id = i.id
 group by t.code
