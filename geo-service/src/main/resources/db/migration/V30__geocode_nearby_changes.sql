-- The reverse geocoder keeps standard addresses and place names in memory. This counter tells it, with one
-- primary-key read, whether its copy still matches the tables: every statement that changes either table bumps it
-- in the same transaction, so a reader sees the new count exactly when it can see the new rows.
-- One row for both tables, so two writers never take the two locks in opposite orders.
create table geocode_nearby_changes (
    id      smallint primary key default 1 check (id = 1),
    changes bigint   not null default 0
);
insert into geocode_nearby_changes (id, changes) values (1, 0);

create function geocode_nearby_changed() returns trigger language plpgsql as $$
begin
    update geocode_nearby_changes set changes = changes + 1 where id = 1;
    return null;
end
$$;

create trigger address_nearby_changed after insert or update or delete or truncate on address
    for each statement execute function geocode_nearby_changed();
create trigger place_name_nearby_changed after insert or update or delete or truncate on place_name
    for each statement execute function geocode_nearby_changed();
