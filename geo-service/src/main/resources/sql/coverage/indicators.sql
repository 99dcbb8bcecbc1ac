-- The figures behind the planning indicators of one division at :asOf (domain.md §5). Facilities belong to the
-- division tree through their division_code (the deepest division containing them) and count when operating
-- at :asOf. Villages (level 5) are urban (居委会/社区) or rural (村委会) by urban_rural, else by their code
-- (001-199 居委会, 200-399 村委会).
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
    select d.code, m.division_code is not null as has_demo, m.households as demo_households, m.age60 as demo_elderly,
           d.households as div_households, d.elderly as div_elderly,
           case when m.division_code is null then d.households else m.households end as households,
           case when m.division_code is null then d.elderly else m.age60 end as elderly
      from division_read d left join demo m on m.division_code = d.code
     where d.code in (select code from tree)
),
units as (
    select u.code, u.level,
           coalesce(m.urban_rural, u.urban_rural,
                    case when u.level = 5 and substr(u.code, 10, 3) < '200' then 'urban' else 'rural' end) as ur
      from tree t join division_read u on u.code = t.code
      left join demo m on m.division_code = u.code
),
-- The division's households and elderly: its own demographics row; else, when any of its communities/villages has a
-- demographics row, their sum (each from its row or its division figures); else its division figures; else the sum
-- of its villages' division figures.
lvl5 as (
    select sum(f.households) as households, sum(f.elderly) as elderly, bool_or(f.has_demo) as any_demo
      from fig f where f.code in (select code from units where level = 5)
),
fac as (
    select f.kind, f.division_code, f.beds, f.nursing_beds, f.floor_area_m2
      from facility_operating_at(:asOf) f
     where f.division_code in (select code from tree)
)
select
    coalesce((select demo_households from fig where code = :division),
             (select households from lvl5 where any_demo),
             (select div_households from fig where code = :division),
             (select households from lvl5)) as households,
    coalesce((select demo_elderly from fig where code = :division),
             (select elderly from lvl5 where any_demo),
             (select div_elderly from fig where code = :division),
             (select elderly from lvl5)) as elderly,
    (select coalesce(sum(floor_area_m2), 0) from fac where kind = 'community_service_centre') as csc_area_m2,
    (select count(*) from fac where kind = 'community_service_centre') as csc_count,
    (select coalesce(sum(beds), 0) from fac
      where kind in ('nursing_home', 'township_centre', 'community_station', 'rural_mutual_aid')) as beds,
    (select coalesce(sum(nursing_beds), 0) from fac
      where kind in ('nursing_home', 'township_centre', 'community_station', 'rural_mutual_aid')) as nursing_beds,
    (select count(*) from units where level = 5 and ur = 'urban') as urban_communities,
    (select count(*) from units u where u.level = 5 and u.ur = 'urban' and exists (select 1 from fac
        where fac.division_code = u.code and fac.kind in ('community_station', 'township_centre'))) as urban_communities_served,
    (select count(*) from units where level = 5 and ur = 'rural') as rural_villages,
    (select count(*) from units u where u.level = 5 and u.ur = 'rural' and exists (select 1 from fac
        where fac.division_code = u.code and fac.kind in ('community_station', 'township_centre', 'rural_mutual_aid'))) as rural_villages_served,
    (select count(*) from units where level = 4) as townships,
    (select count(*) from units u where u.level = 4 and exists (select 1 from fac
        where fac.division_code like u.code || '%' and fac.kind = 'township_centre')) as townships_with_centre,
    (select count(*) from units u where u.level = 4 and exists (select 1 from fac
        where fac.division_code like u.code || '%' and fac.kind in ('public_cemetery', 'columbarium'))) as townships_with_cemetery,
    (select count(*) from units where level = 3) as counties,
    (select count(*) from units u where u.level = 3 and exists (select 1 from fac
        where fac.division_code like u.code || '%' and fac.kind = 'funeral_home')) as counties_with_funeral_home
