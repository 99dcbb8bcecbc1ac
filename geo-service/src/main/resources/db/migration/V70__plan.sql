-- Five-year plans as data (规划指标): a plan belongs to a division and a period and lists indicators with a
-- baseline, a target, a direction and a kind (约束性 binding / 预期性 expected). Owned by cn.civgeo.plan.

create table plan (
    id             bigint generated always as identity primary key,
    -- a stable short code, e.g. xiamen-14th
    code           text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    division_code  varchar(12) not null,
    name           text not null check (length(name) between 1 and 200),
    name_en        text,
    period_from    smallint not null,
    period_to      smallint not null,
    baseline_year  smallint not null,
    -- where the plan's figures come from (document, table)
    source         text,
    version        integer not null default 0,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    check (period_from between 1949 and 2100 and period_to between period_from and period_from + 10),
    check (baseline_year between period_from - 5 and period_from)
);
create index plan_division on plan(division_code);

create table plan_indicator (
    id           bigint generated always as identity primary key,
    plan_id      bigint not null references plan(id) on delete cascade,
    position     integer not null,
    code         text not null check (code ~ '^[A-Za-z][A-Za-z0-9_]{1,63}$'),
    name_zh      text not null,
    name_en      text not null,
    unit         text not null,
    definition   text,
    baseline     double precision,
    target       double precision,
    -- upper bound when direction = 'range' (target is the lower bound)
    target_max   double precision,
    -- the plan's words when the target is given in text only (e.g. "50% of urban stations ≥ 600 m²")
    target_text  text,
    direction    text not null check (direction in ('ge','le','eq','range')),
    kind         text not null check (kind in ('binding','expected')),
    source       text,
    -- how it is computed from the map (null = entered per year as a reported value); see cn.civgeo.plan.Metric
    metric       jsonb,
    -- per-child-division targets {"350203": 75.0, ...}
    overrides    jsonb not null default '{}'::jsonb,
    unique (plan_id, code),
    check (direction <> 'range' or (target is not null and target_max is not null and target_max >= target))
);

-- Every version of a plan as it was saved (the whole plan with its indicators), for history.
create table plan_version (
    plan_id     bigint not null references plan(id) on delete cascade,
    version     integer not null,
    snapshot    jsonb not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    primary key (plan_id, version)
);

-- Figures that cannot be computed from the map (低保 standards, social workers, burial rates): one per plan,
-- indicator, division and year, with their source.
create table plan_reported_value (
    id              bigint generated always as identity primary key,
    plan_id         bigint not null references plan(id) on delete cascade,
    indicator_code  text not null,
    division_code   varchar(12) not null,
    year            smallint not null check (year between 1949 and 2100),
    value           double precision not null,
    source          text not null check (length(source) between 1 and 500),
    note            text,
    version         integer not null default 0,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    unique (plan_id, indicator_code, division_code, year)
);
