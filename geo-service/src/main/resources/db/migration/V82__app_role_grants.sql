-- Least privilege: the service connects as the application role (CIVGEO_APP_DB_USER, default civgeo_app, created
-- by scripts/db.sh), which may read and write rows but owns nothing; Flyway runs as the schema owner
-- (spring.flyway.user). Default privileges give the role the same rights on tables later migrations create.
-- The audit trail is append-only for it: INSERT and SELECT only (and V80's trigger stops changes from anyone).
-- No-op when no application role is configured (the service then connects as the owner, as before).
do $$
declare
    r text := '${appRole}';
begin
    if r = '' or r = current_user or not exists (select 1 from pg_roles where rolname = r) then
        return;
    end if;
    execute format('grant usage on schema public to %I', r);
    execute format('grant select, insert, update, delete, references, trigger on all tables in schema public to %I', r);
    execute format('grant usage, select, update on all sequences in schema public to %I', r);
    execute format('alter default privileges in schema public grant select, insert, update, delete, references, trigger on tables to %I', r);
    execute format('alter default privileges in schema public grant usage, select, update on sequences to %I', r);
    -- Imports: ogr2ogr stages layers in division_import; road imports make scratch schemas of their own.
    execute format('grant usage, create on schema division_import to %I', r);
    execute format('grant select, insert, update, delete on all tables in schema division_import to %I', r);
    execute format('grant create, temporary on database %I to %I', current_database(), r);
    execute format('revoke update, delete, truncate on audit_log from %I', r);
end $$;
