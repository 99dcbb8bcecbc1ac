-- Published by the coverage feature: today's coverage gaps of the 15-minute elderly-care circle, read-only. One
-- row per residential unit (a division with geometry and no active child) with the part of it outside every
-- service area of an operating elderly-care facility; units fully covered are left out. Same rules as
-- sql/coverage/uncovered.sql with kinds = elderly care and asOf = today.
-- Computing the differences takes seconds at city scale (about 6 s for the demo city's 555 units), so the layer
-- is a materialized view; readers call coverage_gap_refresh() first, which rebuilds it only when service areas,
-- facilities, divisions or the date changed since the last build (a cheap fingerprint).
create materialized view coverage_gap_public as
with units as (
    select d.code, d.name, d.level, coalesce(d.households, 0) as households, coalesce(d.elderly, 0) as elderly, d.geom
      from division d
     where d.status = 'active' and d.geom is not null
       and not exists (select 1 from division c where c.parent_code = d.code and c.status = 'active')
), areas as (
    select s.geom
      from service_area s join facility f on f.id = s.facility_id
     where f.kind in ('nursing_home', 'township_centre', 'community_station', 'rural_mutual_aid')
       and f.status in ('operating', 'closed')
       and (f.opened_on is null or f.opened_on <= current_date)
       and (f.closed_on is null or f.closed_on > current_date)
), gaps as (
    select u.code, u.name, u.level, u.households, u.elderly,
           ST_Multi(ST_CollectionExtract(coalesce(ST_Difference(u.geom,
               (select ST_Union(a.geom) from areas a where a.geom && u.geom and ST_Intersects(a.geom, u.geom))), u.geom), 3)) as geom
      from units u
)
select g.code::text as id, g.code::text as code, g.name, g.level::int as level, g.households, g.elderly,
       round((ST_Area(g.geom::geography) / 1e6)::numeric, 4)::double precision as "uncoveredAreaKm2",
       g.geom::geometry(MultiPolygon, 4490) as geom
  from gaps g
 where not ST_IsEmpty(g.geom) and ST_Area(g.geom::geography) > 1;
create unique index coverage_gap_public_id on coverage_gap_public(id);
create index coverage_gap_public_geom on coverage_gap_public using gist (geom);

create table coverage_gap_state (
    singleton   boolean primary key default true check (singleton),
    fingerprint text
);
insert into coverage_gap_state(fingerprint) values (null);

create function coverage_gap_refresh() returns boolean language plpgsql as $$
declare
    fp text;
begin
    select concat_ws('/', (select count(*) from service_area), (select max(computed_at) from service_area),
                     (select count(*) from facility), (select max(updated_at) from facility),
                     (select count(*) from division), (select max(updated_at) from division), current_date)
      into fp;
    if fp is not distinct from (select fingerprint from coverage_gap_state) then
        return false;
    end if;
    perform pg_advisory_xact_lock(hashtext('coverage_gap_refresh'));
    if fp is not distinct from (select fingerprint from coverage_gap_state) then
        return false; -- another session rebuilt it meanwhile
    end if;
    refresh materialized view concurrently coverage_gap_public;
    update coverage_gap_state set fingerprint = fp;
    return true;
end $$;
