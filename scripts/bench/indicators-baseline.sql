-- The Xiamen 14th plan's computed indicators for the demo city (350200) and its districts on 2025-12-31, as one
-- plain SQL query per indicator: facilities straight from the facility table, "in" a division by ST_Within on its
-- polygon, demographics straight from the demographics table. The baseline of scripts/bench/indicators; each query
-- prints rows "indicator|code|value".
\set asof '''2025-12-31'''
\timing on
\pset footer off
-- bedsPer1000Elderly
with t as (select code, geom from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'bedsPer1000Elderly', t.code, round((coalesce((select sum(f.beds) from facility f where f.kind in ('nursing_home','township_centre','community_complex','regional_centre','community_station','rural_mutual_aid')
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, t.geom)), 0) * 1000.0
       / nullif((select age60 from demographics where division_code = t.code and year <= 2025 order by year desc limit 1), 0))::numeric, 4) from t;
-- nursingBedShare
with t as (select code, geom from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'nursingBedShare', t.code, round((100.0 * sum(f.nursing_beds) / nullif(sum(f.beds), 0))::numeric, 4)
  from t left join facility f on f.kind = 'nursing_home' and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof)
       and (f.closed_on is null or f.closed_on > :asof) and ST_Within(f.geom, t.geom)
 group by t.code;
-- nursingInstitutionBedsPer1000
with t as (select code, geom from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'nursingInstitutionBedsPer1000', t.code, round((coalesce((select sum(f.nursing_beds) from facility f where f.kind = 'nursing_home'
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, t.geom)), 0) * 1000.0
       / nullif((select age60 from demographics where division_code = t.code and year <= 2025 order by year desc limit 1), 0))::numeric, 4) from t;
-- townshipCentreShare
with t as (select code, case when code = '350200' then '3502' else code end as prefix from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'townshipCentreShare', t.code, round((100.0 * count(*) filter (where exists (select 1 from facility f where f.kind in ('township_centre','regional_centre')
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, u.geom))) / nullif(count(*), 0))::numeric, 4)
  from t join division u on u.level = 4 and u.status = 'active' and u.code like t.prefix || '%' group by t.code;
-- communityServiceAreaPer100Households
with t as (select code, geom from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'communityServiceAreaPer100Households', t.code, round((coalesce((select sum(f.floor_area_m2) from facility f where f.kind = 'community_service_centre'
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, t.geom)), 0) * 100.0
       / nullif((select households from demographics where division_code = t.code and year <= 2025 order by year desc limit 1), 0))::numeric, 4) from t;
-- countyBurialCoverage (county-level units in cremation areas)
with t as (select code, case when code = '350200' then '3502' else code end as prefix from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'countyBurialCoverage', t.code, round((100.0 * count(*) filter (where exists (select 1 from facility f where f.kind in ('public_cemetery','columbarium')
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, u.geom))) / nullif(count(*), 0))::numeric, 4)
  from t join division u on u.level = 3 and u.status = 'active' and u.code like t.prefix || '%'
 where coalesce((select cremation_area from demographics where division_code = u.code and year <= 2025 order by year desc limit 1), true)
 group by t.code;
-- volunteerStationShare (communities with a community service centre)
with t as (select code, case when code = '350200' then '3502' else code end as prefix from division where code = '350200' or (parent_code = '350200' and status = 'active')),
c as (select t.code as target, u.code, u.geom from t join division u on u.level = 5 and u.status = 'active' and u.code like t.prefix || '%'
       where exists (select 1 from facility f where f.kind = 'community_service_centre' and f.status in ('operating','closed')
         and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof) and ST_Within(f.geom, u.geom)))
select 'volunteerStationShare', c.target, round((100.0 * count(*) filter (where exists (select 1 from facility f where f.kind = 'volunteer_station'
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, c.geom))) / nullif(count(*), 0))::numeric, 4)
  from c group by c.target;
-- countyMinorProtection
with t as (select code, case when code = '350200' then '3502' else code end as prefix from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'countyMinorProtection', t.code, round((100.0 * count(*) filter (where exists (select 1 from facility f where f.kind = 'minor_protection_institution'
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, u.geom))) / nullif(count(*), 0))::numeric, 4)
  from t join division u on u.level = 3 and u.status = 'active' and u.code like t.prefix || '%' group by t.code;
-- townshipMinorStations
with t as (select code, case when code = '350200' then '3502' else code end as prefix from division where code = '350200' or (parent_code = '350200' and status = 'active'))
select 'townshipMinorStations', t.code, round((100.0 * count(*) filter (where exists (select 1 from facility f where f.kind = 'minor_protection_station'
         and f.status in ('operating','closed') and (f.opened_on is null or f.opened_on <= :asof) and (f.closed_on is null or f.closed_on > :asof)
         and ST_Within(f.geom, u.geom))) / nullif(count(*), 0))::numeric, 4)
  from t join division u on u.level = 4 and u.status = 'active' and u.code like t.prefix || '%' group by t.code;
