-- Owned by the feed feature (cn.civgeo.feed): the ordered change feed of divisions, place names and addresses for
-- other systems, and webhooks with their delivery log. Entries are appended in the transaction of the write they
-- describe (from the audited-write event), so a rolled-back write leaves none.
create table feed_entry (
    seq          bigint generated always as identity primary key,
    entity       text not null check (entity in ('division', 'place-name', 'address')),
    -- the record's key: division code, place-name id, address id
    key          text not null,
    op           text not null check (op in ('upsert', 'abolish', 'delete')),
    -- old and new codes: a division abolished or re-coded names its successor code(s); an address its old/new code
    old_code     text,
    new_code     text,
    record       jsonb,
    recorded_at  timestamptz not null default now(),
    -- the writing transaction: entries are served only once every older transaction has ended, so a reader paging by
    -- seq never skips an entry that commits after a later one
    tx           xid8 not null default pg_current_xact_id()
);
create index feed_entry_entity_key on feed_entry(entity, key text_pattern_ops, seq);

create table feed_webhook (
    id           bigint generated always as identity primary key,
    url          text not null check (url ~ '^https?://'),
    secret       text not null,
    entities     text[] not null,
    active       boolean not null default true,
    version      int not null default 1,
    created_by   text not null,
    created_at   timestamptz not null default now()
);

create table feed_delivery (
    id           bigint generated always as identity primary key,
    webhook_id   bigint not null references feed_webhook(id),
    seq          bigint not null references feed_entry(seq),
    status       text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
    attempts     int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_status  int,
    last_error   text,
    delivered_at timestamptz,
    created_at   timestamptz not null default now(),
    unique (webhook_id, seq)
);
create index feed_delivery_pending on feed_delivery(webhook_id, seq) where status = 'pending';
