-- Logical dumps must restore complete. pg_restore runs with an empty search_path, so a trigger condition written
-- as `old.geom is distinct from new.geom` cannot be re-created ("operator is not unique: public.geometry =
-- public.geometry") and the restored database silently lacks the trigger. The conditions now compare the
-- geometries' EWKB bytes (bytea equality lives in pg_catalog; pg_dump writes the function as public.st_asewkb),
-- which is also the stricter test: any change of the stored bytes recomputes.
drop trigger division_area_upd on division;
create trigger division_area_upd before update of geom on division for each row
    when (public.st_asewkb(old.geom) is distinct from public.st_asewkb(new.geom)) execute function division_area();

drop trigger division_parts_upd on division;
create trigger division_parts_upd after update of geom, status on division for each row
    when (public.st_asewkb(old.geom) is distinct from public.st_asewkb(new.geom) or old.status is distinct from new.status)
    execute function division_parts();
