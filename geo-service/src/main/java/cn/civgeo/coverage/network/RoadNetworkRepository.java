package cn.civgeo.coverage.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoadNetworkRepository {
    private static final String COLUMNS = """
            id, name, source_format, source_ref, snap_tolerance_m, edge_count, node_count, length_km, component_count,
            ST_AsGeoJSON(extent, 7) as extent, active, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    RoadNetworkRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /**
     * A fingerprint per network of everything the walk reads (RoadNetworkWatch): the network row (active, extent,
     * version), and count and XOR of row hashes of its edges (ends, length, walk factor, geometry) and nodes. Any
     * insert, update or delete of a row changes it; one pass over the edge table (about 60 ms per 100,000 edges).
     */
    java.util.Map<Long, String> fingerprints(Long networkId) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        jdbc.sql("""
                        select n.id, hashtextextended(row(n.active, n.version, n.updated_at, n.extent, n.snap_tolerance_m)::text, 0)
                               || ':' || coalesce(e.c, 0) || ':' || coalesce(e.h, 0) || ':' || coalesce(d.c, 0) || ':' || coalesce(d.h, 0)
                          from road_network n
                          left join (select network_id, count(*) c,
                                            bit_xor(hashtextextended(row(id, source, target, length_m, walk_factor, geom)::text, 0)) h
                                       from road_edge where cast(:n as bigint) is null or network_id = :n group by network_id) e on e.network_id = n.id
                          left join (select network_id, count(*) c, bit_xor(hashtextextended(row(id, geom)::text, 0)) h
                                       from road_node where cast(:n as bigint) is null or network_id = :n group by network_id) d on d.network_id = n.id
                         where cast(:n as bigint) is null or n.id = :n""")
                .param("n", networkId)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** Every edge of a network for the in-memory walk: end nodes, walking cost, vertices as lon/lat pairs. */
    List<WalkGraph.Edge> edges(long networkId) {
        // the geometry as WKB read by JTS: a city of 45,000 edges loads in about a second (the vertices as a SQL
        // array per edge, ST_DumpPoints + array_agg, took 11 s)
        org.locationtech.jts.io.WKBReader wkb = new org.locationtech.jts.io.WKBReader();
        return jdbc.sql("""
                        select id, source, target, length_m * walk_factor, ST_AsBinary(geom)
                          from road_edge e where network_id = :n order by id""")
                .param("n", networkId)
                .query((rs, i) -> {
                    org.locationtech.jts.geom.Coordinate[] c;
                    try {
                        c = wkb.read(rs.getBytes(5)).getCoordinates();
                    } catch (org.locationtech.jts.io.ParseException x) {
                        throw new IllegalStateException("road_edge " + rs.getLong(1) + ": " + x.getMessage(), x);
                    }
                    double[] xy = new double[2 * c.length];
                    for (int k = 0; k < c.length; k++) { xy[2 * k] = c[k].x; xy[2 * k + 1] = c[k].y; }
                    return new WalkGraph.Edge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), xy);
                }).list();
    }

    List<RoadNetwork> all() {
        return jdbc.sql("select " + COLUMNS + " from road_network order by id").query(RoadNetworkRepository::map).list();
    }

    Optional<RoadNetwork> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from road_network where id = :id").param("id", id)
                .query(RoadNetworkRepository::map).optional();
    }

    Optional<RoadNetwork> byName(String name) {
        return jdbc.sql("select " + COLUMNS + " from road_network where name = :n").param("n", name)
                .query(RoadNetworkRepository::map).optional();
    }

    long insert(String name, String format, String ref, double snapTolerance) {
        return jdbc.sql("""
                        insert into road_network(name, source_format, source_ref, snap_tolerance_m)
                        values (:n, :f, :r, :t) returning id""")
                .param("n", name).param("f", format).param("r", ref).param("t", snapTolerance).query(Long.class).single();
    }

    void clearEdges(long id) {
        jdbc.sql("delete from road_edge where network_id = :id").param("id", id).update();
        jdbc.sql("delete from road_node where network_id = :id").param("id", id).update();
    }

    int stageLine(String key, String name, String highway, String wkt) {
        return jdbc.sql("""
                        insert into road_import_line(import_key, name, highway, geom)
                        select :k, :n, :h, (ST_Dump(ST_LineMerge(ST_Multi(ST_GeomFromText(:w, 4490))))).geom""")
                .param("k", key).param("n", name).param("h", highway).param("w", wkt).update();
    }

    /** Copies the lines of an ogr2ogr table into the staging table (multi-lines exploded, CRS already 4490). */
    int stageFromTable(String key, String table, String nameColumn, String highwayColumn) {
        String name = nameColumn == null ? "null" : "\"" + nameColumn + "\"::text";
        String highway = highwayColumn == null ? "null" : "\"" + highwayColumn + "\"::text";
        return jdbc.sql("insert into road_import_line(import_key, name, highway, geom) "
                        + "select :k, " + name + ", " + highway + ", ST_SetSRID((ST_Dump(ST_Force2D(geom))).geom, 4490) from " + table
                        + " where geom is not null and GeometryType(geom) in ('LINESTRING','MULTILINESTRING')")
                .param("k", key).update();
    }

    int build(long id, String key, double stepsFactor) {
        return jdbc.sql("select civgeo_build_network(:id, :k, :f)").param("id", id).param("k", key).param("f", stepsFactor)
                .query(Integer.class).single();
    }

    int ingestOsm(long id, String schema, String sql, double stepsFactor) {
        String code = sql.replace("{schema}", schema).lines().filter(l -> !l.strip().startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        int n = 0;
        for (String statement : code.split(";")) {
            if (statement.isBlank()) continue;
            var spec = jdbc.sql(statement).param("network", id);
            if (statement.contains(":stepsFactor")) spec = spec.param("stepsFactor", stepsFactor);
            n = spec.update();
        }
        return n;
    }

    void stats(long id) {
        jdbc.sql("select civgeo_network_stats(:id)").param("id", id).query(Object.class).optional();
        jdbc.sql("update road_network set version = version + 1 where id = :id").param("id", id).update();
    }

    List<String> columns(String schema, String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_schema = :s and table_name = :t order by ordinal_position")
                .param("s", schema).param("t", table).query(String.class).list();
    }

    void dropSchema(String schema) { jdbc.sql("drop schema if exists " + schema + " cascade").update(); }

    void createSchema(String schema) { jdbc.sql("create schema " + schema).update(); }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from road_network where id = :id and version = :v").param("id", id).param("v", version).update() == 1;
    }

    /** An active network's extent (its bounding box: {@code &&} in {@link #covering} compares boxes too). */
    record Extent(long id, double minX, double minY, double maxX, double maxY) {
        boolean contains(double x, double y) { return x >= minX && x <= maxX && y >= minY && y <= maxY; }
    }

    /** The active networks' extents in the order {@link #covering} prefers them: the most recently updated first. */
    List<Extent> activeExtents() {
        return jdbc.sql("""
                        select id, ST_XMin(extent), ST_YMin(extent), ST_XMax(extent), ST_YMax(extent) from road_network
                         where active and extent is not null order by updated_at desc, id desc""")
                .query((rs, i) -> new Extent(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).list();
    }

    /** The active network whose extent contains the point, the most recently updated first. */
    Optional<Long> covering(double lon, double lat) {
        return jdbc.sql("""
                        select id from road_network
                         where active and extent && ST_SetSRID(ST_MakePoint(:x, :y), 4490)
                         order by updated_at desc, id desc limit 1""")
                .param("x", lon).param("y", lat).query(Long.class).optional();
    }

    private static RoadNetwork map(ResultSet rs, int i) throws SQLException {
        return new RoadNetwork(rs.getLong("id"), rs.getString("name"), rs.getString("source_format"), rs.getString("source_ref"),
                rs.getDouble("snap_tolerance_m"), rs.getInt("edge_count"), rs.getInt("node_count"), rs.getDouble("length_km"),
                rs.getInt("component_count"), rs.getString("extent"), rs.getBoolean("active"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
