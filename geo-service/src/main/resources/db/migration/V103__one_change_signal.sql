-- One change signal (issue #12): the statement trigger of V102 that sends NOTIFY civgeo_changes also keeps, for the
-- tables whose readers need to see their own writes at once (the reverse geocoder's copy of addresses and place
-- names), a counter in the writer's transaction: a reader sees the new count exactly when it sees the new rows.
-- It replaces the geocoder's own counter and its triggers on the address and place-name tables (V30), so no
-- feature keeps triggers on another's tables for this. Only tables created with the 'count' argument bump it, so
-- writers of the other tables never queue on a counter row.
create table change_counter (
    table_name text primary key,
    changes    bigint not null default 0
);
insert into change_counter (table_name, changes)
select t, coalesce((select changes from geocode_nearby_changes where id = 1), 0) from unnest(array['address', 'place_name']) t;

create or replace function civgeo_notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('civgeo_changes', tg_table_name);
    if tg_nargs > 0 and tg_argv[0] = 'count' then
        update public.change_counter set changes = changes + 1 where table_name = tg_table_name; -- qualified: restores run with an empty search_path
    end if;
    return null;
end $$;

-- The changes so far of some tables, one number (read by caches that must match the tables now).
create function civgeo_change_count(tables text[]) returns bigint language sql stable as $$
    select coalesce(sum(changes), 0)::bigint from change_counter where table_name = any(tables)
$$;

do $$
declare
    t text;
begin
    foreach t in array array['address', 'place_name']
    loop
        execute format('drop trigger if exists %I on public.%I', t || '_notify_change', t);
        execute format('create trigger %I after insert or update or delete or truncate on public.%I '
                       || 'for each statement execute function public.civgeo_notify_change(''count'')', t || '_notify_change', t);
    end loop;
end $$;

drop trigger if exists address_nearby_changed on address;
drop trigger if exists place_name_nearby_changed on place_name;
drop function if exists geocode_nearby_changed();
drop table if exists geocode_nearby_changes;
