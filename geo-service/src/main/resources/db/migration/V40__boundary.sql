-- Boundary lines (行政区域界线), markers (界桩), attachments (photos, documents), joint inspections (联检),
-- tracked problems and disputes (界线争议). Division codes are not foreign keys: the division table belongs to
-- another feature and keeps abolished codes; the services check codes against it.

create table boundary_line (
    id               bigint generated always as identity primary key,
    code             text not null unique check (code ~ '^[0-9A-Z]{2,24}$'),
    name             text not null check (length(name) between 1 and 200),
    -- 1 province, 2 prefecture, 3 county, 4 township
    level            smallint not null check (level between 1 and 4),
    -- left/right relative to the digitising direction (= marker numbering direction: west->east or north->south)
    left_code        varchar(12) not null,
    right_code       varchar(12) not null,
    agreement_no     text,
    agreement_date   date,
    agreement_parties text[],
    source           text not null check (source in ('derived', 'survey', 'manual')),
    direction        text not null check (direction in ('west_east', 'north_south')),
    geom             geometry(MultiLineString, 4490) not null,
    length_km        double precision not null,
    status           text not null default 'in_force' check (status in ('in_force', 'needs_resurvey', 'superseded')),
    status_reason    text,
    note             text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (left_code <> right_code)
);
create index boundary_line_geom on boundary_line using gist (geom);
create index boundary_line_left on boundary_line (left_code);
create index boundary_line_right on boundary_line (right_code);
-- one line in force (or awaiting re-survey) per pair of divisions
create unique index boundary_line_pair on boundary_line (least(left_code, right_code), greatest(left_code, right_code))
    where status <> 'superseded';

create table boundary_marker (
    id               bigint generated always as identity primary key,
    line_id          bigint not null references boundary_line (id),
    number           text not null unique,
    seq              smallint not null check (seq between 1 and 999),
    type_code        char(1) not null check (type_code in ('Q', 'A', 'B', 'C', 'D', 'E')),
    geom             geometry(Point, 4490) not null,
    elevation_m      numeric(9, 3),
    material         text,
    installed_on     date,
    status           text not null default 'in_place'
                     check (status in ('in_place', 'damaged', 'missing', 'displaced', 'removed')),
    last_condition   text check (last_condition in ('intact', 'damaged', 'missing', 'displaced')),
    last_inspected_on date,
    note             text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (line_id, seq, type_code)
);
create index boundary_marker_geom on boundary_marker using gist (geom);
create index boundary_marker_line on boundary_marker (line_id, seq);

-- Photos and documents of markers, inspection records, problems and disputes; bytes in the row or on disk.
create table boundary_attachment (
    id           bigint generated always as identity primary key,
    owner_kind   text not null check (owner_kind in ('marker', 'marker_record', 'problem', 'dispute')),
    owner_id     bigint not null,
    kind         text not null check (kind in ('photo', 'document', 'evidence')),
    filename     text not null,
    content_type text not null,
    size_bytes   bigint not null,
    sha256       text not null,
    data         bytea,
    storage_path text,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now(),
    check ((data is null) <> (storage_path is null))
);
create index boundary_attachment_owner on boundary_attachment (owner_kind, owner_id);

create table inspection_round (
    id         bigint generated always as identity primary key,
    number     integer not null check (number > 0),
    level      smallint not null check (level between 1 and 4),
    name       text not null,
    year_from  smallint not null,
    year_to    smallint not null,
    status     text not null default 'planned' check (status in ('planned', 'in_progress', 'completed')),
    note       text,
    version    integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (year_to >= year_from),
    unique (level, number, name)
);

create table inspection_round_line (
    round_id bigint not null references inspection_round (id),
    line_id  bigint not null references boundary_line (id),
    primary key (round_id, line_id)
);

create table line_inspection (
    id            bigint generated always as identity primary key,
    round_id      bigint not null references inspection_round (id),
    line_id       bigint not null references boundary_line (id),
    inspected_on  date not null,
    party_left    text not null,
    party_right   text not null,
    team          text[] not null default '{}',
    note          text,
    version       integer not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (round_id, line_id)
);

create table marker_record (
    id                bigint generated always as identity primary key,
    inspection_id     bigint not null references line_inspection (id),
    marker_id         bigint not null references boundary_marker (id),
    condition         text not null check (condition in ('intact', 'damaged', 'missing', 'displaced')),
    -- re-surveyed position as given (Gauss-Krueger zone x northing / y easting with zone prefix) and stored
    surveyed_x        numeric(12, 3),
    surveyed_y        numeric(12, 3),
    surveyed_zone     smallint,
    surveyed_geom     geometry(Point, 4490),
    displacement_m    numeric(10, 3),
    reference_objects_present boolean,
    repainted         boolean,
    note              text,
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (inspection_id, marker_id)
);

create table stretch_record (
    id                 bigint generated always as identity primary key,
    inspection_id      bigint not null references line_inspection (id),
    from_marker        text,
    to_marker          text,
    terrain_changed    boolean not null default false,
    river_moved        boolean not null default false,
    cross_boundary_construction boolean not null default false,
    description        text,
    created_at         timestamptz not null default now()
);

create table boundary_problem (
    id            bigint generated always as identity primary key,
    line_id       bigint not null references boundary_line (id),
    round_id      bigint references inspection_round (id),
    inspection_id bigint references line_inspection (id),
    marker_id     bigint references boundary_marker (id),
    category      text not null check (category in ('marker_damaged', 'marker_missing', 'marker_displaced',
                      'terrain_change', 'river_moved', 'cross_boundary_construction', 'other')),
    description   text not null,
    status        text not null default 'open' check (status in ('open', 'assigned', 'fixed', 'closed')),
    assignee      text,
    evidence      text,
    fixed_on      date,
    verified_by   text,
    verified_at   timestamptz,
    version       integer not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index boundary_problem_line on boundary_problem (line_id, status);
create index boundary_problem_round on boundary_problem (round_id, status);

create table boundary_problem_event (
    id          bigint generated always as identity primary key,
    problem_id  bigint not null references boundary_problem (id),
    at          timestamptz not null default now(),
    actor       text not null,
    from_status text,
    to_status   text not null,
    note        text
);

create table boundary_dispute (
    id           bigint generated always as identity primary key,
    title        text not null,
    left_code    varchar(12) not null,
    right_code   varchar(12) not null,
    line_id      bigint references boundary_line (id),
    area         geometry(MultiPolygon, 4490) not null,
    area_km2     double precision not null,
    status       text not null default 'reported'
                 check (status in ('reported', 'negotiating', 'mediation', 'ruling', 'settled')),
    description  text,
    settlement   text,
    settled_on   date,
    version      integer not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check (left_code <> right_code)
);
create index boundary_dispute_area on boundary_dispute using gist (area);

create table boundary_dispute_event (
    id          bigint generated always as identity primary key,
    dispute_id  bigint not null references boundary_dispute (id),
    at          timestamptz not null default now(),
    actor       text not null,
    from_status text,
    to_status   text not null,
    note        text
);

-- A MultiLineString's parts joined in their stored order (the line is oriented and its parts ordered along the
-- numbering direction), so ST_LineLocatePoint gives a marker's position along the whole line.
create function boundary_line_path(g geometry) returns geometry language sql immutable parallel safe as $$
    select case when ST_NumGeometries(g) = 1 then ST_GeometryN(g, 1)
                else ST_MakeLine(array(select (dp).geom from ST_DumpPoints(g) dp order by (dp).path)) end
$$;
