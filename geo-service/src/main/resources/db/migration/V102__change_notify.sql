-- One channel for "data changed" across instances (common.changes.ChangeBus): a statement trigger on the tables
-- behind in-memory indexes and caches sends NOTIFY civgeo_changes with the table's name; PostgreSQL delivers it at
-- commit to every instance's listening connection, whoever made the change (another instance, an import, psql).
create or replace function civgeo_notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('civgeo_changes', tg_table_name);
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['division', 'address', 'place_name', 'facility', 'demographics']
    loop
        if to_regclass('public.' || t) is not null then
            execute format('drop trigger if exists %I on public.%I', t || '_notify_change', t);
            execute format('create trigger %I after insert or update or delete or truncate on public.%I '
                           || 'for each statement execute function public.civgeo_notify_change()', t || '_notify_change', t);
        end if;
    end loop;
end $$;
