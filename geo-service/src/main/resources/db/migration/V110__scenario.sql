-- Planning scenarios (feature cn.civgeo.scenario, issue #14): a named set of proposed new, moved or closed facilities
-- of one division, kept apart from the facility registry. Changes are one JSON document per scenario (each
-- {action: new|move|close, facilityId?, kind?, name?, lon?, lat?, beds?}), versioned as a whole (409 on a stale
-- version) and audited by the service. Promotion creates planned facilities through the facility feature's service.
create table scenario (
    id            bigserial primary key,
    name          text not null check (length(btrim(name)) between 1 and 200),
    division_code text not null,
    kinds         text[] not null,
    description   text,
    changes       jsonb not null default '[]'::jsonb check (jsonb_typeof(changes) = 'array'),
    status        text not null default 'draft' check (status in ('draft', 'promoted')),
    promoted_facility_ids bigint[],
    version       int not null default 0,
    created_by    text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index scenario_division_idx on scenario (division_code);
-- Row rights for the application role come from V82's default privileges.
