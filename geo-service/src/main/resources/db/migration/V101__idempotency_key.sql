-- Idempotency-Key on writes (common.idempotency.IdempotencyFilter): the first request with a key (per caller) runs in
-- one transaction with this row, and its answer is stored here in that same transaction, so a retry gets the stored
-- answer and the write is never applied twice. Rows expire after 24 hours.
create table idempotency_key (
    caller       text        not null,
    key          text        not null,
    fingerprint  text        not null,
    method       text        not null,
    path         text        not null,
    status       int,
    content_type text,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null default now() + interval '24 hours',
    primary key (caller, key)
);
create index idempotency_key_expires_idx on idempotency_key (expires_at);
