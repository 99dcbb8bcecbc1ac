-- The division feature's tile-ready shapes (issue #12: a feature keeps triggers only on its own tables). V60 let the
-- map feature keep triggers on the division table that maintain the map's copy of division geometry per zoom band.
-- That copy is derived from the division table inside the writer's transaction, like division_part, so it is the
-- division feature's: this migration (division's) takes it over under division names and publishes it for the
-- map through read views (read-only for the application role, V98's rule, applied below as well). The map's
-- cache invalidation already uses the one change channel (civgeo_changes, V102), so its own NOTIFY trigger on
-- division (civgeo_map_tiles, which nobody listens to any more) goes.

alter table map_division_shape rename to division_tile_shape;
alter index map_division_shape_geom rename to division_tile_shape_geom;
alter table map_division_label rename to division_tile_label;
alter index map_division_label_geom rename to division_tile_label_geom;
alter index map_division_label_level rename to division_tile_label_level;

-- The simplification tolerance of zoom band b (see V60): one 1024th of the band's deepest tile width, in metres of
-- EPSG:3857; band 4 keeps full detail.
create function division_tile_tolerance(band int) returns double precision language sql immutable parallel safe as $$
    select case band when 0 then 40075016.686 / 2 ^ 5 / 1024     -- z 0–5
                     when 1 then 40075016.686 / 2 ^ 8 / 1024     -- z 6–8
                     when 2 then 40075016.686 / 2 ^ 11 / 1024    -- z 9–11
                     when 3 then 40075016.686 / 2 ^ 14 / 1024    -- z 12–14
                     else 0 end                                   -- z 15+
$$;

create function division_tile_shapes_of(p_code varchar, p_level smallint, p_geom geometry, p_status text)
returns void language plpgsql as $$
declare
    merc geometry;
begin
    delete from public.division_tile_shape where code = p_code;
    delete from public.division_tile_label where code = p_code;
    if p_geom is null or p_status <> 'active' or public.st_isempty(p_geom) then
        return;
    end if;
    merc := public.st_transform(case when public.st_ymax(p_geom) > 85.05 or public.st_ymin(p_geom) < -85.05
                              then public.st_clipbybox2d(p_geom, public.st_makeenvelope(-180, -85.05, 180, 85.05, 4490))
                              else p_geom end, 3857);
    insert into public.division_tile_shape(code, band, level, geom)
    select p_code, b, p_level,
           public.st_multi(case when public.division_tile_tolerance(b) > 0
                                then public.st_simplifypreservetopology(merc, public.division_tile_tolerance(b)) else merc end)
      from generate_series(0, 4) b
     where not public.st_isempty(merc);
    insert into public.division_tile_label(code, level, geom) values (p_code, p_level, public.st_pointonsurface(p_geom));
end $$;

create function division_tile_shapes() returns trigger language plpgsql as $$
begin
    perform public.division_tile_shapes_of(new.code, new.level, new.geom, new.status);
    return null;
end $$;

drop trigger map_division_shapes_ins on division;
drop trigger map_division_shapes_upd on division;
drop trigger map_tiles_division_ins_del on division;
drop trigger map_tiles_division_upd on division;
drop function map_division_shapes();
drop function map_division_shapes_of(varchar, smallint, geometry, text);
drop function map_tiles_notify();
drop function map_band_tolerance(int);

create trigger division_tile_shapes_ins after insert on division for each row when (new.geom is not null)
    execute function division_tile_shapes();
-- EWKB comparison, not geometry equality: the condition survives pg_dump/pg_restore (see V12).
create trigger division_tile_shapes_upd after update of geom, status, level on division for each row
    when (public.st_asewkb(old.geom) is distinct from public.st_asewkb(new.geom) or old.status is distinct from new.status
          or old.level is distinct from new.level)
    execute function division_tile_shapes();

create view division_tile_shape_read as select s.* from division_tile_shape s;
comment on view division_tile_shape_read is
    'Active divisions in EPSG:3857 per tile zoom band 0–4, simplified to one pixel of the band (published by the division feature; read-only)';
create view division_tile_label_read as select l.* from division_tile_label l;
comment on view division_tile_label_read is 'One label point inside each active division (published by the division feature; read-only)';

do $$
declare
    r text := '${appRole}';
begin
    if r = '' or r = current_user or not exists (select 1 from pg_roles where rolname = r) then
        return;
    end if;
    execute format('grant select on division_tile_shape_read, division_tile_label_read to %I', r);
    execute format('revoke insert, update, delete, truncate on division_tile_shape_read, division_tile_label_read from %I', r);
end $$;
