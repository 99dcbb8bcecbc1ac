-- Sign-in throttling counters shared by every instance (#18; they were per-instance memory): one row per account
-- ('u:<name>') or client address ('a:<ip>'): failures in the current window, its start, lockouts in a row and the
-- end of the current lockout (epoch ms; 0 when not locked). LoginThrottle updates a row under FOR UPDATE, so two
-- instances count each other's failures; rows are swept once their window and lockout are over.
create table if not exists login_throttle (
    key          text primary key,
    failures     int    not null default 0,
    window_start bigint not null default 0,
    strikes      int    not null default 0,
    locked_until bigint not null default 0,
    touched_at   bigint not null default 0
);
create index if not exists login_throttle_touched on login_throttle(touched_at);
