-- Elderly-care and funeral facilities (养老与殡葬设施) and community service centres. Location in CGCS2000
-- (EPSG:4490); areas in m². division_code is the deepest division containing the location when it was saved.

create table facility (
    id                  bigint generated always as identity primary key,
    kind                text not null check (kind in ('nursing_home','township_centre','community_station',
                            'rural_mutual_aid','funeral_home','public_cemetery','commercial_cemetery','columbarium',
                            'community_service_centre')),
    name                text not null check (length(name) between 1 and 200),
    address             text,
    division_code       varchar(12),
    geom                geometry(Point,4490) not null,
    -- public 公办, private 民办, public_private 公建民营
    operator_kind       text not null check (operator_kind in ('public','private','public_private')),
    operator_name       text,
    beds                integer check (beds >= 0),
    nursing_beds        integer check (nursing_beds >= 0 and nursing_beds <= beds),
    floor_area_m2       double precision check (floor_area_m2 > 0),
    land_area_m2        double precision check (land_area_m2 > 0),
    -- graves or niches (墓穴/格位) for cemeteries and columbaria
    capacity            integer check (capacity >= 0),
    status              text not null check (status in ('planned','under_construction','operating','suspended','closed')),
    opened_on           date,
    closed_on           date check (closed_on is null or opened_on is null or closed_on >= opened_on),
    -- how the location was obtained: manual, geocoded (import), picked (import review)
    location_source     text not null default 'manual' check (location_source in ('manual','geocoded','picked')),
    geocode_confidence  double precision,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index facility_geom on facility using gist(geom);
create index facility_kind on facility(kind, status);
create index facility_division on facility(division_code);
create unique index facility_name_place on facility(kind, name, coalesce(division_code, ''));

-- The stored walking service area of each facility with the parameters it was computed with. stale = the
-- facility moved or the network changed since; a recompute (synchronous on facility writes, a job after a
-- network import) clears it.
create table service_area (
    facility_id      bigint primary key references facility(id) on delete cascade,
    network_id       bigint references road_network(id) on delete set null,
    method           text not null check (method in ('network-buffer','network-hull','straight-line','straight-line-off-network')),
    minutes          double precision not null,
    speed_mps        double precision not null,
    max_distance_m   double precision not null,
    snap_distance_m  double precision,
    reached_length_m double precision,
    reached_nodes    integer,
    area_m2          double precision not null,
    facility_version integer not null,
    stale            boolean not null default false,
    computed_ms      double precision,
    computed_at      timestamptz not null default now(),
    geom             geometry(MultiPolygon,4490) not null
);
create index service_area_geom on service_area using gist(geom);

-- Facility imports whose rows are held for a user to pick the location (geocoding below the threshold).
create table facility_import (
    id          bigint generated always as identity primary key,
    filename    text,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    total_rows  integer not null,
    imported    integer not null,
    held        integer not null
);

create table facility_import_row (
    id               bigint generated always as identity primary key,
    import_id        bigint not null references facility_import(id) on delete cascade,
    row_number       integer not null,
    -- the validated facility as JSON (without a location); the location is picked on review
    facility         jsonb not null,
    address          text,
    candidate_geom   geometry(Point,4490),
    confidence       double precision,
    reason           text not null,
    status           text not null default 'pending' check (status in ('pending','resolved','discarded')),
    facility_id      bigint references facility(id) on delete set null,
    version          integer not null default 0,
    resolved_by      text,
    resolved_at      timestamptz
);
create index facility_import_row_pending on facility_import_row(import_id, status);
