-- Coverage's gap layer reads the facilities operating today through facility's published facility_operating_at(date)
-- and the residential units through division's division_residential_unit_read (V161), instead of its own copies of
-- both rules on the facility and division tables (V95; issue #12: one home per rule). Same rows, same columns, same indexes, same grants; the
-- refresh function's fingerprint reads the same read views. The view is rebuilt at the next coverage_gap_refresh().
drop materialized view coverage_gap_public;
create materialized view coverage_gap_public as
with units as (
    select d.code, d.name, d.level, coalesce(d.households, 0) as households, coalesce(d.elderly, 0) as elderly, d.geom
      from division_residential_unit_read d
), areas as (
    select s.geom
      from service_area s join facility_operating_at(current_date) f on f.id = s.facility_id
     where f.kind in ('nursing_home', 'township_centre', 'community_station', 'rural_mutual_aid')
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
comment on materialized view coverage_gap_public is 'Elderly-care coverage gaps today (CGCS2000, EPSG:4490); call coverage_gap_refresh() first; read-only';

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'civgeo_reader') then
        grant select on coverage_gap_public to civgeo_reader;
    end if;
end $$;

-- "create or replace" keeps owner and grants but not the other properties: security definer and search_path again (V97)
create or replace function coverage_gap_refresh() returns boolean language plpgsql
security definer set search_path = public, pg_temp as $$
declare
    fp text;
begin
    select concat_ws('/', (select count(*) from service_area), (select max(computed_at) from service_area),
                     (select count(*) from facility_read), (select max(updated_at) from facility_read),
                     (select count(*) from division_read), (select max(updated_at) from division_read), current_date)
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
update coverage_gap_state set fingerprint = null;
