-- Administrative divisions (行政区划): current state, subdivided geometry for point lookups, history and events.
-- SRID 4490 (CGCS2000) everywhere; areas on the ellipsoid (geography), in km².

create table division (
    code         varchar(12) primary key check (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    name         text not null check (length(name) between 1 and 100),
    short_name   text not null,
    level        smallint not null check (level between 1 and 5),
    kind         text not null,
    parent_code  varchar(12) references division(code),
    urban_rural  text check (urban_rural in ('urban','rural')),
    population   integer check (population >= 0),
    households   integer check (households >= 0),
    elderly      integer check (elderly >= 0),
    geom         geometry(MultiPolygon,4490),
    -- Where the geometry came from: 'synthetic' (demo generator), 'import:<source>', or null when no geometry.
    geom_source  text,
    area_km2     double precision,
    pinyin       text,
    initials     text,
    status       text not null default 'active' check (status in ('active','abolished')),
    -- The current version's validity; null valid_from = since before records began (registry load).
    valid_from   date,
    valid_to     date,
    version      integer not null default 0,
    updated_at   timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to > valid_from),
    check ((status = 'abolished') = (valid_to is not null)),
    check ((level = 1) = (parent_code is null)),
    check (length(code) = case when level <= 3 then 6 when level = 4 then 9 else 12 end)
);
create index division_parent on division(parent_code);
create index division_level on division(level);
create index division_code_prefix on division(code varchar_pattern_ops);
create index division_name_trgm on division using gin (name gin_trgm_ops);
create index division_short_name on division(short_name);
create index division_pinyin on division(pinyin text_pattern_ops);
create index division_initials on division(initials text_pattern_ops);
create index division_geom on division using gist (geom);

-- Area on the ellipsoid whenever the geometry changes.
create function division_area() returns trigger language plpgsql as $$
begin
    new.area_km2 := case when new.geom is null then null else st_area(new.geom::geography) / 1e6 end;
    return new;
end $$;
create trigger division_area_ins before insert on division for each row when (new.geom is not null)
    execute function division_area();
create trigger division_area_upd before update of geom on division for each row
    when (old.geom is distinct from new.geom) execute function division_area();

-- Active geometry cut into small pieces (ST_Subdivide, ≤ 128 vertices each): point-in-polygon tests against
-- small boxes instead of whole districts. Maintained by trigger; only active units are here.
create table division_part (
    id    bigint generated always as identity primary key,
    code  varchar(12) not null references division(code) on delete cascade,
    level smallint not null,
    geom  geometry(Polygon,4490) not null
);
create index division_part_geom on division_part using gist (geom);
create index division_part_code on division_part(code);

create function division_parts() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from division_part where code = old.code;
    end if;
    if new.geom is not null and new.status = 'active' then
        insert into division_part(code, level, geom)
        select new.code, new.level, (st_dump(st_subdivide(new.geom, 128))).geom;
    end if;
    return null;
end $$;
create trigger division_parts_ins after insert on division for each row when (new.geom is not null)
    execute function division_parts();
create trigger division_parts_upd after update of geom, status on division for each row
    when (old.geom is distinct from new.geom or old.status is distinct from new.status)
    execute function division_parts();

-- Change events (新设 establish, 撤销 abolish, 更名 rename, 合并 merge, 拆分 split, 隶属变更 reparent,
-- 界线调整 boundary), each with its approval document (批复文号) and effective date.
create table division_event (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('establish','abolish','rename','merge','split','reparent','boundary')),
    effective_date  date not null,
    approval_doc    text not null check (length(approval_doc) between 1 and 200),
    approved_by     text,
    note            text,
    request         jsonb not null,
    created_by      text not null,
    created_at      timestamptz not null default now()
);
create index division_event_date on division_event(effective_date);

-- Which units an event touched and how: role in ('created','abolished','renamed','survivor','absorbed',
-- 'source','target','moved','reshaped','updated').
create table division_event_unit (
    event_id  bigint not null references division_event(id),
    code      varchar(12) not null references division(code),
    role      text not null,
    primary key (event_id, code, role)
);
create index division_event_unit_code on division_event_unit(code);

-- Superseded versions of a unit (closed: valid_to is set). The current version is the division row itself.
create table division_version (
    id           bigint generated always as identity primary key,
    code         varchar(12) not null references division(code),
    name         text not null,
    short_name   text not null,
    level        smallint not null,
    kind         text not null,
    parent_code  varchar(12),
    urban_rural  text,
    population   integer,
    households   integer,
    elderly      integer,
    geom         geometry(MultiPolygon,4490),
    geom_source  text,
    area_km2     double precision,
    pinyin       text,
    initials     text,
    valid_from   date,
    valid_to     date not null,
    version      integer not null,
    -- the event that ended this version
    ended_by     bigint references division_event(id)
);
create index division_version_code on division_version(code, valid_to);
create index division_version_geom on division_version using gist (geom);

-- Predecessor → successor links, so an abolished code resolves to today's unit(s).
create table division_succession (
    predecessor  varchar(12) not null references division(code),
    successor    varchar(12) not null references division(code),
    event_id     bigint not null references division_event(id),
    primary key (predecessor, successor, event_id)
);
create index division_succession_successor on division_succession(successor);

-- Registry loads done (source + version), so start-up skips a registry already loaded.
create table division_registry_load (
    source     text primary key,
    units      integer not null,
    loaded_at  timestamptz not null default now(),
    millis     bigint not null
);

-- Every unit as it was on a date: the current rows valid then plus the closed versions valid then.
create function division_asof(d date) returns table (
    code varchar(12), name text, short_name text, level smallint, kind text, parent_code varchar(12),
    urban_rural text, population integer, households integer, elderly integer, geom geometry(MultiPolygon,4490),
    geom_source text, area_km2 double precision, pinyin text, initials text, status text, valid_from date,
    valid_to date, version integer)
language sql stable as $$
    select code, name, short_name, level, kind, parent_code, urban_rural, population, households, elderly, geom,
           geom_source, area_km2, pinyin, initials, 'active'::text, valid_from, valid_to, version
      from division
     where (valid_from is null or valid_from <= d) and (valid_to is null or valid_to > d)
    union all
    select code, name, short_name, level, kind, parent_code, urban_rural, population, households, elderly, geom,
           geom_source, area_km2, pinyin, initials, 'active'::text, valid_from, valid_to, version
      from division_version
     where (valid_from is null or valid_from <= d) and valid_to > d
$$;
