-- The web map's own copy of active division geometry, ready for vector tiles: per zoom band, projected once to
-- Web Mercator (EPSG:3857) and simplified for the band, plus one label point per unit. A tile request then reads
-- small, already projected polygons through the GiST index: no ST_Transform per request (PROJ start-up alone costs
-- about 0.3 s on every new database connection) and no simplification of whole districts per tile.
--
-- Maintained by trigger on division, like division_part: every path that writes geometry (registry, demo city,
-- geometry import, change events) keeps it current inside its own transaction. A statement-level trigger sends
-- NOTIFY civgeo_map_tiles (delivered at commit) so the service drops the vector tiles it has cached.

-- Tile zoom bands: band b serves tile zooms (ST_TileEnvelope z) in the range below and is simplified with the
-- tolerance of its deepest zoom: one 1024th of that zoom's tile width (the map draws tiles 1024 pixels wide, so
-- at most one screen pixel), in metres of EPSG:3857 (tile width at z = 40075016.686 / 2^z). Band 4: full detail.
create function map_band_tolerance(band int) returns double precision language sql immutable parallel safe as $$
    select case band when 0 then 40075016.686 / 2 ^ 5 / 1024     -- z 0–5
                     when 1 then 40075016.686 / 2 ^ 8 / 1024     -- z 6–8
                     when 2 then 40075016.686 / 2 ^ 11 / 1024    -- z 9–11
                     when 3 then 40075016.686 / 2 ^ 14 / 1024    -- z 12–14
                     else 0 end                                   -- z 15+
$$;

create function map_band_for_zoom(z int) returns smallint language sql immutable parallel safe as $$
    select (case when z <= 5 then 0 when z <= 8 then 1 when z <= 11 then 2 when z <= 14 then 3 else 4 end)::smallint
$$;

create table map_division_shape (
    code   varchar(12) not null references division(code) on delete cascade,
    band   smallint not null check (band between 0 and 4),
    level  smallint not null,
    geom   geometry(MultiPolygon, 3857) not null,
    primary key (code, band)
);
create index map_division_shape_geom on map_division_shape using gist (geom);

create table map_division_label (
    code   varchar(12) primary key references division(code) on delete cascade,
    level  smallint not null,
    geom   geometry(Point, 4490) not null
);
create index map_division_label_geom on map_division_label using gist (geom);
create index map_division_label_level on map_division_label(level);

-- Shapes of one unit (nothing when it has no geometry or is not active). Latitudes beyond Web Mercator's limit
-- (±85.05°) are cut off first so the projection never fails.
create function map_division_shapes_of(p_code varchar, p_level smallint, p_geom geometry, p_status text)
returns void language plpgsql as $$
declare
    merc geometry;
begin
    delete from map_division_shape where code = p_code;
    delete from map_division_label where code = p_code;
    if p_geom is null or p_status <> 'active' or st_isempty(p_geom) then
        return;
    end if;
    merc := st_transform(case when st_ymax(p_geom) > 85.05 or st_ymin(p_geom) < -85.05
                              then st_clipbybox2d(p_geom, st_makeenvelope(-180, -85.05, 180, 85.05, 4490))
                              else p_geom end, 3857);
    insert into map_division_shape(code, band, level, geom)
    select p_code, b, p_level,
           st_multi(case when map_band_tolerance(b) > 0 then st_simplifypreservetopology(merc, map_band_tolerance(b)) else merc end)
      from generate_series(0, 4) b
     where not st_isempty(merc);
    insert into map_division_label(code, level, geom) values (p_code, p_level, st_pointonsurface(p_geom));
end $$;

create function map_division_shapes() returns trigger language plpgsql as $$
begin
    perform map_division_shapes_of(new.code, new.level, new.geom, new.status);
    return null;
end $$;
create trigger map_division_shapes_ins after insert on division for each row when (new.geom is not null)
    execute function map_division_shapes();
create trigger map_division_shapes_upd after update of geom, status, level on division for each row
    when (old.geom is distinct from new.geom or old.status is distinct from new.status or old.level is distinct from new.level)
    execute function map_division_shapes();

-- Any statement that may change what a division tile shows (geometry, status, or a property the tile carries).
create function map_tiles_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('civgeo_map_tiles', 'division');
    return null;
end $$;
create trigger map_tiles_division_ins_del after insert or delete or truncate on division for each statement
    execute function map_tiles_notify();
create trigger map_tiles_division_upd
    after update of geom, status, level, name, short_name, kind, parent_code, population, urban_rural on division
    for each statement execute function map_tiles_notify();

-- What is there already.
select map_division_shapes_of(code, level, geom, status) from division where geom is not null and status = 'active';
analyze map_division_shape;
analyze map_division_label;
