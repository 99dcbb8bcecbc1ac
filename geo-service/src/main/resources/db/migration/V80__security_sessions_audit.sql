-- Security: sign-in events in the audit trail, sessions (bearer tokens) an admin can list and revoke,
-- and an audit trail that the application can only append to.

alter table audit_log drop constraint if exists audit_log_action_check;
alter table audit_log add constraint audit_log_action_check
    check (action in ('CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'LOCKOUT', 'REVOKE'));

-- A session is one issued token: an id to name it by (the hash stays secret), where and with what it was issued.
alter table auth_token add column if not exists id bigint generated always as identity;
alter table auth_token add column if not exists client_address text;
alter table auth_token add column if not exists user_agent text;
create unique index if not exists auth_token_id on auth_token(id);
create index if not exists auth_token_user on auth_token(user_id);

-- Append-only: nobody changes or removes an audit row (the grants in V81 take UPDATE/DELETE from the
-- application role; this trigger stops everyone else too, the schema owner included, short of dropping it).
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;
drop trigger if exists audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only();
