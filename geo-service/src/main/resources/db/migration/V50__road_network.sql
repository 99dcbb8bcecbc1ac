-- Walking road networks (pgRouting topology) and the walking-reach function used for service areas.
-- Geometry is CGCS2000 (EPSG:4490); OSM's WGS 84 is stored as is (metre-level difference). Lengths in metres
-- on the ellipsoid. Node and edge ids are global, so one pgRouting call never mixes two networks.

create table road_network (
    id               bigint generated always as identity primary key,
    name             text not null unique check (length(name) between 1 and 200),
    -- where the lines came from: osm (osm2pgrouting), geojson, shapefile, place-names (the LINE place names),
    -- generated (demo), sql (fixtures)
    source_format    text not null check (source_format in ('osm','geojson','shapefile','gpkg','place-names','generated','sql')),
    source_ref       text,
    -- endpoints closer than this are one node (GeoJSON/Shapefile/place-name lines; OSM has shared node ids)
    snap_tolerance_m double precision not null default 1 check (snap_tolerance_m >= 0),
    edge_count       integer not null default 0,
    node_count       integer not null default 0,
    length_km        double precision not null default 0,
    component_count  integer not null default 0,
    extent           geometry(Polygon,4490),
    active           boolean not null default true,
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index road_network_extent on road_network using gist(extent);

create table road_node (
    id         bigint generated always as identity (start with 1) primary key,
    network_id bigint not null references road_network(id) on delete cascade,
    -- the id this node had in the source (OSM vertex id, cluster number), to wire edges during import
    ext_id     bigint,
    geom       geometry(Point,4490) not null
);
create index road_node_network on road_node(network_id, ext_id);
create index road_node_geom on road_node using gist(geom);

create table road_edge (
    id          bigint generated always as identity (start with 1) primary key,
    network_id  bigint not null references road_network(id) on delete cascade,
    source      bigint not null references road_node(id) on delete cascade,
    target      bigint not null references road_node(id) on delete cascade,
    length_m    double precision not null check (length_m >= 0),
    -- walking cost = length_m * walk_factor (steps are slower for elderly walkers; 1 elsewhere)
    walk_factor double precision not null default 1 check (walk_factor >= 1),
    name        text,
    highway     text,
    osm_id      bigint,
    geom        geometry(LineString,4490) not null
);
create index road_edge_network on road_edge(network_id);
create index road_edge_geom on road_edge using gist(geom);
create index road_edge_source on road_edge(source);
create index road_edge_target on road_edge(target);

-- Staging for line imports (GeoJSON, Shapefile, place names): one batch per import key, noded and wired by
-- civgeo_build_network, then deleted.
create unlogged table road_import_line (
    import_key text not null,
    name       text,
    highway    text,
    geom       geometry(LineString,4490) not null
);
create index road_import_line_key on road_import_line(import_key);

-- A metric CRS for buffering around a point: the CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534-4554, no zone
-- prefix) inside China's zones 25-45, else the WGS 84 UTM zone.
create or replace function civgeo_metric_srid(lon double precision, lat double precision) returns integer
language sql immutable parallel safe as $$
    select case
        when round(lon / 3) between 25 and 45 and lat between 0 and 60 then 4534 + (round(lon / 3)::int - 25)
        when lat >= 0 then 32600 + least(60, floor((lon + 180) / 6)::int + 1)
        else 32700 + least(60, floor((lon + 180) / 6)::int + 1)
    end
$$;

-- Nodes and wires the staged lines of one import into a network: splits lines at every crossing (ST_Node),
-- merges endpoints closer than the network's snap tolerance, drops zero-length pieces.
create or replace function civgeo_build_network(p_network bigint, p_key text, p_steps_factor double precision)
returns integer language plpgsql as $$
declare
    tol_deg double precision;
    n integer;
begin
    select snap_tolerance_m / 111320.0 into tol_deg from road_network where id = p_network;
    create temp table _noded on commit drop as
        select (ST_Dump(ST_Node(ST_Collect(geom)))).geom as geom from road_import_line where import_key = p_key;
    create temp table _seg on commit drop as
        select row_number() over () as sid, d.geom, a.name, a.highway
          from _noded d
          left join lateral (
              select l.name, l.highway from road_import_line l
               where l.import_key = p_key and ST_DWithin(l.geom, ST_LineInterpolatePoint(d.geom, 0.5), 1e-7)
               order by ST_Distance(l.geom, ST_LineInterpolatePoint(d.geom, 0.5)) limit 1) a on true
         where ST_Length(d.geom) > 0;
    create temp table _ends on commit drop as
        select sid, 's' as side, ST_StartPoint(geom) as geom from _seg
        union all select sid, 't', ST_EndPoint(geom) from _seg;
    create temp table _clustered on commit drop as
        select sid, side, geom, ST_ClusterDBSCAN(geom, tol_deg, 1) over () as cid from _ends;
    insert into road_node(network_id, ext_id, geom)
        select p_network, cid, ST_Centroid(ST_Collect(geom)) from _clustered group by cid;
    insert into road_edge(network_id, source, target, length_m, walk_factor, name, highway, geom)
        select p_network, ns.id, nt.id, ST_Length(s.geom::geography),
               case when s.highway = 'steps' then p_steps_factor else 1 end, s.name, s.highway, s.geom
          from _seg s
          join _clustered cs on cs.sid = s.sid and cs.side = 's'
          join _clustered ct on ct.sid = s.sid and ct.side = 't'
          join road_node ns on ns.network_id = p_network and ns.ext_id = cs.cid
          join road_node nt on nt.network_id = p_network and nt.ext_id = ct.cid;
    get diagnostics n = row_count;
    delete from road_import_line where import_key = p_key;
    drop table _noded, _seg, _ends, _clustered;
    return n;
end $$;

-- Counts, length, extent and connected components of a network after an import.
create or replace function civgeo_network_stats(p_network bigint) returns void language plpgsql as $$
declare comps integer;
begin
    select count(distinct component) into comps from pgr_connectedComponents(
        format('select id, source, target, length_m as cost, length_m as reverse_cost from road_edge where network_id = %s', p_network));
    update road_network n set
        edge_count = (select count(*) from road_edge where network_id = p_network),
        node_count = (select count(*) from road_node where network_id = p_network),
        length_km = coalesce((select sum(length_m) / 1000 from road_edge where network_id = p_network), 0),
        component_count = coalesce(comps, 0),
        extent = (select ST_Expand(ST_SetSRID(ST_Extent(geom)::geometry, 4490), 0.002) from road_edge where network_id = p_network),
        updated_at = now()
     where n.id = p_network;
end $$;

-- Walking reach from a point on one network within p_max_cost metres of walking cost.
-- The origin snaps to the nearest edge within p_snap_m; that edge is split at the snap point into two virtual
-- edges to a virtual node 0, and pgr_drivingDistance runs (undirected: pedestrians ignore one-way streets) on
-- the edges inside the bounding box of radius p_max_cost (exact: no walk longer than that leaves the box).
-- Reached edges count fully when the budgets left at both ends meet, else the partial pieces from each reached
-- end (the frontier). The area is the reached linework buffered by p_buffer_m ('buffer') or its concave hull
-- plus that buffer ('hull'). Off the network (no edge within p_snap_m), or with p_shape = 'straight-line',
-- the area is a p_max_cost straight-line disc. method says which one was used.
create or replace function civgeo_walk_area(
    p_network bigint, p_origin geometry, p_max_cost double precision, p_snap_m double precision,
    p_buffer_m double precision, p_shape text,
    out method text, out snap_distance_m double precision, out reached_length_m double precision,
    out reached_nodes integer, out area geometry)
language plpgsql as $$
declare
    e record;
    lon double precision := ST_X(p_origin);
    lat double precision := ST_Y(p_origin);
    dy double precision := p_max_cost / 110574.0 + 1e-5;
    dx double precision := p_max_cost / (111320.0 * cos(radians(lat))) + 1e-5;
    sdx double precision := p_snap_m / (111320.0 * cos(radians(lat))) + 1e-6;
    sdy double precision := p_snap_m / 110574.0 + 1e-6;
    srid integer := civgeo_metric_srid(lon, lat);
    on_network boolean := false;
    edges_sql text;
    nodes bigint[];
    rems double precision[];
    lo double precision;
    hi double precision;
    rs double precision;
    rt double precision;
    start_pieces geometry;
    lines geometry;
begin
    p_origin := ST_SetSRID(p_origin, 4490);
    if p_shape <> 'straight-line' and p_network is not null then
        select r.id, r.source, r.target, r.length_m * r.walk_factor as cost, r.geom,
               ST_LineLocatePoint(r.geom, p_origin) as frac,
               ST_Distance(r.geom::geography, p_origin::geography) as d
          into e
          from road_edge r
         where r.network_id = p_network and r.geom && ST_MakeEnvelope(lon - sdx, lat - sdy, lon + sdx, lat + sdy, 4490)
         order by ST_Distance(r.geom::geography, p_origin::geography)
         limit 1;
        on_network := found;
    end if;
    if on_network then on_network := e.d <= p_snap_m; end if;
    if not on_network then
        method := case when p_shape = 'straight-line' then 'straight-line' else 'straight-line-off-network' end;
        if on_network then snap_distance_m := e.d; end if;
        reached_length_m := 0;
        reached_nodes := 0;
        area := ST_Multi(ST_Transform(ST_Buffer(ST_Transform(p_origin, srid), p_max_cost, 16), 4490));
        return;
    end if;
    snap_distance_m := e.d;
    edges_sql := format(
        'select id, source, target, length_m * walk_factor as cost, length_m * walk_factor as reverse_cost from road_edge '
        || 'where network_id = %s and id <> %s and geom && ST_MakeEnvelope(%s, %s, %s, %s, 4490) '
        || 'union all select -1::bigint, %s::bigint, 0::bigint, %s::float8, %s::float8 '
        || 'union all select -2::bigint, 0::bigint, %s::bigint, %s::float8, %s::float8',
        p_network, e.id, lon - dx, lat - dy, lon + dx, lat + dy,
        e.source, e.frac * e.cost, e.frac * e.cost, e.target, (1 - e.frac) * e.cost, (1 - e.frac) * e.cost);
    select array_agg(d.node), array_agg(p_max_cost - d.agg_cost) into nodes, rems
      from pgr_drivingDistance(edges_sql, 0::bigint, p_max_cost, false) d
     where d.node > 0;
    -- The start edge: the stretch walked directly from the snap point, merged with what is reached from its ends
    -- (around a loop), as intervals of the line so that nothing is counted twice.
    if e.cost > 0 then
        lo := greatest(0, e.frac - p_max_cost / e.cost);
        hi := least(1, e.frac + p_max_cost / e.cost);
        rs := rems[array_position(nodes, e.source)];
        rt := rems[array_position(nodes, e.target)];
        if rs is not null and rs / e.cost >= lo then lo := 0; hi := greatest(hi, rs / e.cost); end if;
        if rt is not null and 1 - rt / e.cost <= hi then hi := 1; lo := least(lo, 1 - rt / e.cost); end if;
        if rs is not null and rs / e.cost >= lo then lo := 0; end if;
        start_pieces := ST_LineSubstring(e.geom, lo, hi);
        if rs is not null and rs / e.cost < lo then
            start_pieces := ST_Collect(start_pieces, ST_LineSubstring(e.geom, 0, rs / e.cost));
        end if;
        if rt is not null and 1 - rt / e.cost > hi then
            start_pieces := ST_Collect(start_pieces, ST_LineSubstring(e.geom, 1 - rt / e.cost, 1));
        end if;
    else
        start_pieces := e.geom;
    end if;
    with reach as (select * from unnest(nodes, rems) as t(node, rem)),
    pieces as (
        select start_pieces as piece
        union all
        select case
                   when r.cost = 0 or (rs.rem is not null and rt.rem is not null and rs.rem + rt.rem >= r.cost) then r.geom
                   else ST_Collect(
                       case when rs.rem is not null and rs.rem > 0 then ST_LineSubstring(r.geom, 0, least(1, rs.rem / r.cost)) end,
                       case when rt.rem is not null and rt.rem > 0 then ST_LineSubstring(r.geom, 1 - least(1, rt.rem / r.cost), 1) end)
               end
          from (select id, source, target, length_m * walk_factor as cost, geom from road_edge
                 where network_id = p_network and id <> e.id
                   and geom && ST_MakeEnvelope(lon - dx, lat - dy, lon + dx, lat + dy, 4490)) r
          left join reach rs on rs.node = r.source
          left join reach rt on rt.node = r.target
         where rs.node is not null or rt.node is not null)
    select ST_Collect(m), ST_Union(ST_Buffer(m, p_buffer_m, 4))
      into lines, area
      from (select ST_Transform(piece, srid) as m from pieces where piece is not null) q;
    if lines is null then
        lines := ST_Transform(ST_ClosestPoint(e.geom, p_origin), srid);
        area := ST_Buffer(lines, p_buffer_m, 4);
    end if;
    reached_nodes := coalesce(cardinality(nodes), 0);
    reached_length_m := ST_Length(lines);
    if p_shape = 'hull' then
        method := 'network-hull';
        area := ST_Union(ST_ConcaveHull(lines, 0.3), area);
    else
        method := 'network-buffer';
    end if;
    area := ST_Multi(ST_Transform(ST_CollectionExtract(ST_MakeValid(area), 3), 4490));
end $$;
