-- The features' read views (*_read: V13, V23, V41, V53) are for reading only: the application role may select
-- from them and nothing else (V82's grants and default privileges gave it more). Runs after V82 on a new
-- database and after the views on an older one.
do $$
declare
    r text := '${appRole}';
    v record;
begin
    if r = '' or r = current_user or not exists (select 1 from pg_roles where rolname = r) then
        return;
    end if;
    for v in select viewname from pg_views where schemaname = 'public' and viewname like '%\_read' loop
        execute format('revoke insert, update, delete, truncate on %I from %I', v.viewname, r);
        execute format('grant select on %I to %I', v.viewname, r);
    end loop;
end $$;
