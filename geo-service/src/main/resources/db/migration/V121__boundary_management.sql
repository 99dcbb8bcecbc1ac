-- Boundary feature (#15): everyday boundary management (domain §2, §8).
-- 平安边界: per line, the creation agreement the two sides sign (parties, dates, documents, status).
create table peace_border (
    id          bigint generated always as identity primary key,
    line_id     bigint not null unique references boundary_line (id),
    status      text not null default 'planned' check (status in ('planned', 'negotiating', 'signed', 'lapsed')),
    parties     text[] not null default '{}',
    signed_on   date,
    valid_until date,
    documents   text[] not null default '{}',
    note        text,
    version     integer not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (status <> 'signed' or (signed_on is not null and cardinality(parties) >= 2)),
    check (valid_until is null or signed_on is null or valid_until >= signed_on)
);

-- 界线界桩管理责任制: the custodian (unit, person, contact) of a line or of a marker, and the patrol log.
create table boundary_custodian (
    id                   bigint generated always as identity primary key,
    line_id              bigint references boundary_line (id),
    marker_id            bigint references boundary_marker (id),
    unit                 text not null check (length(unit) between 1 and 200),
    person               text not null check (length(person) between 1 and 100),
    contact              text,
    patrol_interval_days integer not null default 90 check (patrol_interval_days between 1 and 3660),
    since                date not null default current_date,
    version              integer not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check ((line_id is null) <> (marker_id is null))
);
create unique index boundary_custodian_line on boundary_custodian (line_id) where line_id is not null;
create unique index boundary_custodian_marker on boundary_custodian (marker_id) where marker_id is not null;

create table boundary_patrol (
    id            bigint generated always as identity primary key,
    custodian_id  bigint not null references boundary_custodian (id),
    patrolled_on  date not null,
    patrolled_by  text not null,
    findings      text,
    problem_found boolean not null default false,
    recorded_by   text not null,
    created_at    timestamptz not null default now()
);
create index boundary_patrol_custodian on boundary_patrol (custodian_id, patrolled_on desc);

-- Re-demarcation (勘界) after a division change: opened when a change marks a line for re-survey, closed when the
-- new agreement, the new markers and the new line description are done.
create table redemarcation_task (
    id               bigint generated always as identity primary key,
    line_id          bigint not null references boundary_line (id),
    reason           text not null,
    opened_on        date not null default current_date,
    agreement_done   boolean not null default false,
    markers_done     boolean not null default false,
    description_done boolean not null default false,
    status           text not null default 'open' check (status in ('open', 'closed')),
    closed_on        date,
    note             text,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (status = 'open' or (agreement_done and markers_done and description_done and closed_on is not null))
);
create unique index redemarcation_task_open on redemarcation_task (line_id) where status = 'open';

-- Disputes: the resource at stake and the departments involved.
alter table boundary_dispute
    add column resources text[] not null default '{}'
        check (resources <@ array['forest', 'water', 'mineral', 'land', 'grassland', 'sea']::text[]),
    add column departments text[] not null default '{}';
