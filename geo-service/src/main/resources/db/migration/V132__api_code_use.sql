-- Owned by the API-use feature (cn.civgeo.apiuse, issue #19): how often each API caller asked about each division code,
-- per day, so an adjustment's impact report can name the systems still using an old code. Counted in memory and
-- written in batches (one upsert per caller, code and day), never in the request's own transaction.
create table api_code_use (
    day       date not null,
    -- the signed-in user or API client (its principal name), or 'anonymous'
    client    text not null,
    code      varchar(12) not null,
    requests  bigint not null,
    last_at   timestamptz not null,
    primary key (day, client, code)
);
create index api_code_use_code on api_code_use(code text_pattern_ops, day);
