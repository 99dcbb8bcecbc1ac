-- Published by the address feature: standard addresses (doorplates) in use or planned, read-only.
create view address_public as
select a.id, a.code, a.full_text as "fullText", a.road_id as "roadId", a.number, a.number_suffix as "numberSuffix",
       a.building, a.unit, a.room, a.community_code::text as "communityCode",
       a.township_code::text as "townshipCode", a.county_code::text as "countyCode", a.status,
       a.geom::geometry(Point, 4490) as geom
  from address a
 where a.status <> 'retired';
