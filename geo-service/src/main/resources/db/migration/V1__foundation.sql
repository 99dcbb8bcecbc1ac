-- Foundation: extensions, users and roles, API clients, bearer tokens, audit trail.
create extension if not exists postgis;
create extension if not exists pgrouting;
create extension if not exists pg_trgm;

create table app_user (
    id            bigint generated always as identity primary key,
    username      text not null unique check (username ~ '^[A-Za-z0-9_.-]{3,64}$'),
    display_name  text not null,
    password_hash text not null,
    roles         text[] not null check (roles <@ array['ADMIN','SURVEYOR','PLANNER','VIEWER']::text[] and cardinality(roles) > 0),
    enabled       boolean not null default true,
    version       integer not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table api_client (
    id                    bigint generated always as identity primary key,
    name                  text not null unique,
    -- SHA-256 of the key: keys are 256-bit random, so a fast hash is safe and keeps lookups cheap.
    key_hash              text not null unique,
    key_prefix            text not null,
    rate_limit_per_minute integer check (rate_limit_per_minute > 0),
    enabled               boolean not null default true,
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

create table auth_token (
    token_hash text primary key,
    user_id    bigint not null references app_user(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index auth_token_expires on auth_token(expires_at);

create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor      text not null,
    action     text not null check (action in ('CREATE','UPDATE','DELETE')),
    entity     text not null,
    entity_id  text not null,
    before     jsonb,
    after      jsonb
);
create index audit_log_entity on audit_log(entity, entity_id, at);
