-- Standard addresses (标准地址, doorplates 门牌; domain.md §4, GA/T 2000.32, GB/T 39609-2020).
-- A doorplate hangs on a road, lane or residential area (a standard place name), has a number with an optional
-- suffix (之一, 附1, A), optional building (楼栋), unit (单元) and room (户室), lies in a community or village
-- (level-5 division; the chain above it follows from the code) and has a point in EPSG:4490.
create table address (
    id              bigint generated always as identity primary key,
    -- Geocoded address code: community (12) + road sequence (6) + number (5) + suffix code (2), then
    -- "-building-unit-room" when given. Unique.
    code            text not null unique,
    road_id         bigint not null references place_name(id),
    number          integer not null check (number between 1 and 99999),
    number_suffix   text check (number_suffix ~ '^(之[一二三四五六七八九十]|附[0-9]{0,2}|[A-Z])$'),
    building        text check (length(building) <= 20),
    unit            text check (length(unit) <= 10),
    room            text check (length(room) <= 10),
    community_code  varchar(12) not null check (length(community_code) = 12),
    township_code   varchar(9) generated always as (substr(community_code, 1, 9)) stored,
    county_code     varchar(6) generated always as (substr(community_code, 1, 6)) stored,
    geom            geometry(Point,4490) not null,
    status          text not null default 'active' check (status in ('planned','active','retired')),
    -- The full standard address as written on documents (省市区街道社区 + 路 + 号 + 栋单元室).
    full_text       text not null,
    -- Where the row came from: manual, import, demo, bench.
    source          text not null default 'manual',
    version         integer not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index address_road_number on address(road_id, number);
create index address_community on address(community_code);
create index address_township on address(township_code);
create index address_county on address(county_code);
create index address_geom on address using gist (geom);
create index address_full_trgm on address using gin (full_text gin_trgm_ops);
create index address_source on address(source);
