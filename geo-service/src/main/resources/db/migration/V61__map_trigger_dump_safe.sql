-- Same reason as V12: a trigger condition on geometry equality does not survive pg_dump/pg_restore. Compare the
-- EWKB bytes instead (see V12).
drop trigger map_division_shapes_upd on division;
create trigger map_division_shapes_upd after update of geom, status, level on division for each row
    when (public.st_asewkb(old.geom) is distinct from public.st_asewkb(new.geom) or old.status is distinct from new.status
          or old.level is distinct from new.level)
    execute function map_division_shapes();
