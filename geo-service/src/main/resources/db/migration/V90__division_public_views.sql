-- Published by the division feature: a read-only view of the public division data for other features
-- (OGC API Features, GeoServer/MapServer publishing, the civgeo_reader role). Column names are the API's
-- camelCase property names; `id` is the feature id, `geom` the geometry (typed, EPSG:4490). Current versions
-- only (active and abolished units, each with its validity validFrom..validTo); history stays in the registry API.
create view division_public as
select d.code::text as id, d.code::text as code, d.name, d.short_name as "shortName", d.level::int as level, d.kind,
       d.parent_code::text as "parentCode", d.urban_rural as "urbanRural", d.population, d.households, d.elderly,
       round(d.area_km2::numeric, 4)::double precision as "areaKm2", d.status,
       d.valid_from as "validFrom", d.valid_to as "validTo",
       d.geom::geometry(MultiPolygon, 4490) as geom
  from division d
 where d.geom is not null;
comment on view division_public is 'Public divisions (CGCS2000, EPSG:4490), one row per current version; read-only';
