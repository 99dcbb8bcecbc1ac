-- Fair use: one Bucket4j token bucket per caller (anonymous address, user, API client), shared by every
-- instance of the service. Rows expire (expires_at, epoch ms) and are swept by FairUse.
create table if not exists rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index if not exists rate_limit_bucket_expires on rate_limit_bucket(expires_at);
