package cn.civgeo.boundary;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BoundaryLineRepository {
    private static final String SELECT = """
            select l.id, l.code, l.name, l.level, l.left_code, dl.name as left_name, l.right_code, dr.name as right_name,
                   l.agreement_no, l.agreement_date, l.agreement_parties, l.source, l.direction, l.length_km, l.status,
                   l.status_reason, l.note, l.version, l.created_at, l.updated_at,
                   (select count(*) from boundary_marker m where m.line_id = l.id) as marker_count,
                   %s as geometry
              from boundary_line l
              left join division_read dl on dl.code = l.left_code
              left join division_read dr on dr.code = l.right_code
            """;

    private final JdbcClient jdbc;

    BoundaryLineRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<BoundaryLine> find(long id, boolean geometry) {
        return jdbc.sql(select(geometry) + " where l.id = :id").param("id", id).query(BoundaryLineRepository::map).optional();
    }

    Optional<BoundaryLine> findByCode(String code) {
        return jdbc.sql(select(true) + " where l.code = :c").param("c", code).query(BoundaryLineRepository::map).optional();
    }

    Optional<BoundaryLine> findActivePair(String a, String b) {
        return jdbc.sql(select(true) + """
                         where least(l.left_code, l.right_code) = least(:a, :b)
                           and greatest(l.left_code, l.right_code) = greatest(:a, :b) and l.status <> 'superseded'""")
                .param("a", a).param("b", b).query(BoundaryLineRepository::map).optional();
    }

    List<BoundaryLine> list(Integer level, String status, String division, String prefix, boolean geometry, int limit, int offset) {
        return jdbc.sql(select(geometry) + WHERE + " order by l.level, l.code limit :limit offset :offset")
                .param("level", level).param("status", status).param("division", division).param("prefix", prefix)
                .param("limit", limit).param("offset", offset)
                .query(BoundaryLineRepository::map).list();
    }

    long count(Integer level, String status, String division, String prefix) {
        return jdbc.sql("select count(*) from boundary_line l" + WHERE)
                .param("level", level).param("status", status).param("division", division).param("prefix", prefix)
                .query(Long.class).single();
    }

    private static final String WHERE = """
             where (cast(:level as smallint) is null or l.level = :level)
               and (cast(:status as text) is null or l.status = :status)
               and (cast(:division as text) is null or l.left_code = :division or l.right_code = :division)
               and (cast(:prefix as text) is null or l.left_code like :prefix || '%' or l.right_code like :prefix || '%')
            """;

    /** Inserts a line; geometry as WKT in SRID 4490 (a MultiLineString), its length computed on the ellipsoid. */
    long insert(String code, String name, int level, String left, String right, BoundaryLine.Agreement agreement,
                String source, String direction, String wkt, String note) {
        return jdbc.sql("""
                        insert into boundary_line(code, name, level, left_code, right_code, agreement_no, agreement_date,
                               agreement_parties, source, direction, geom, length_km, note)
                        values (:code, :name, :level, :left, :right, :ano, :adate, cast(:aparties as text[]), :source, :dir,
                                ST_Multi(ST_GeomFromText(:wkt, 4490)),
                                ST_Length(ST_GeomFromText(:wkt, 4490)::geography) / 1000, :note)
                        returning id""")
                .param("code", code).param("name", name).param("level", level).param("left", left).param("right", right)
                .param("ano", agreement == null ? null : agreement.number())
                .param("adate", agreement == null ? null : agreement.date())
                .param("aparties", agreement == null ? null : pgArray(agreement.parties()))
                .param("source", source).param("dir", direction).param("wkt", wkt).param("note", note)
                .query(Long.class).single();
    }

    boolean updateAttributes(long id, int version, String name, BoundaryLine.Agreement agreement, String status,
                             String statusReason, String note) {
        return jdbc.sql("""
                        update boundary_line set name = :name, agreement_no = :ano, agreement_date = :adate,
                               agreement_parties = cast(:aparties as text[]), status = :status, status_reason = :reason,
                               note = :note, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("name", name)
                .param("ano", agreement == null ? null : agreement.number())
                .param("adate", agreement == null ? null : agreement.date())
                .param("aparties", agreement == null ? null : pgArray(agreement.parties()))
                .param("status", status).param("reason", statusReason).param("note", note)
                .param("id", id).param("v", version).update() == 1;
    }

    boolean updateGeometry(long id, int version, String left, String right, String source, String direction, String wkt) {
        return jdbc.sql("""
                        update boundary_line set left_code = :left, right_code = :right, source = :source, direction = :dir,
                               geom = ST_Multi(ST_GeomFromText(:wkt, 4490)),
                               length_km = ST_Length(ST_GeomFromText(:wkt, 4490)::geography) / 1000,
                               status = 'in_force', status_reason = null, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("left", left).param("right", right).param("source", source).param("dir", direction)
                .param("wkt", wkt).param("id", id).param("v", version).update() == 1;
    }

    /** Lines touching any of the codes, not yet superseded. */
    List<Long> activeLinesTouching(List<String> codes) {
        if (codes.isEmpty()) return List.of();
        return jdbc.sql("""
                        select id from boundary_line where status <> 'superseded'
                           and (left_code in (:codes) or right_code in (:codes)) order by id""")
                .param("codes", codes).query(Long.class).list();
    }

    int markNeedsResurvey(long id, String reason) {
        return jdbc.sql("""
                        update boundary_line set status = 'needs_resurvey', status_reason = :r, version = version + 1,
                               updated_at = now() where id = :id and status <> 'superseded'""")
                .param("r", reason).param("id", id).update();
    }

    /** GeoJSON geometries collected into one, as WKT (PostGIS parses them; throws on bad GeoJSON). */
    String collectGeoJson(List<String> geojson) {
        return jdbc.sql("select ST_AsText(ST_Collect(ST_GeomFromGeoJSON(g))) from unnest(cast(:gs as text[])) g")
                .param("gs", geojson.toArray(String[]::new)).query(String.class).single();
    }

    /** Distance in metres on the ellipsoid from a lon/lat point to the line. */
    double distanceM(long id, double lon, double lat) {
        return jdbc.sql("select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490)::geography) from boundary_line where id = :id")
                .param("lon", lon).param("lat", lat).param("id", id).query(Double.class).single();
    }

    String wkt(long id) {
        return jdbc.sql("select ST_AsText(geom) from boundary_line where id = :id").param("id", id).query(String.class).single();
    }

    /** Whether the line's geometry equals the WKT (EPSG:4490, made multi). */
    boolean sameGeometry(long id, String wkt) {
        return jdbc.sql("select ST_Equals(geom, ST_Multi(ST_GeomFromText(:w, 4490))) from boundary_line where id = :id")
                .param("w", wkt).param("id", id).query(Boolean.class).single();
    }

    /** One shared edge of two neighbouring divisions, as the database finds it: WKB of both polygons and the edge. */
    record EdgeRow(String aCode, String aName, String bCode, String bName, byte[] aWkb, byte[] bWkb, byte[] edgeWkb) {}

    /** The shared edges of neighbouring pairs of {@code level} under {@code prefix} (resources/sql/boundary/shared-edges.sql). */
    List<EdgeRow> sharedEdges(String prefix, int level, boolean sameParent, double snapDegrees) {
        return jdbc.sql(BoundarySql.load("shared-edges.sql"))
                .param("level", level).param("prefix", prefix).param("same_parent", sameParent)
                .param("snap", snapDegrees).param("min_length_m", 1.0)
                .query((rs, i) -> new EdgeRow(rs.getString("a_code"), rs.getString("a_name"), rs.getString("b_code"),
                        rs.getString("b_name"), rs.getBytes("a_wkb"), rs.getBytes("b_wkb"), rs.getBytes("edge_wkb")))
                .list();
    }

    double centroidLongitude(long id) {
        return jdbc.sql("select ST_X(ST_Centroid(geom)) from boundary_line where id = :id").param("id", id)
                .query(Double.class).single();
    }

    /**
     * A row of resources/sql/boundary/consistency.sql: the Hausdorff distance and lengths (the same on every row),
     * and one stretch farther than the tolerance ({@code which} null when there is none).
     */
    record ConsistencyRow(double hausdorff, double lineM, double edgeM, String which, Number lengthM, Number maxM,
                          String geometry) {}

    List<ConsistencyRow> consistency(long id, int srid, double toleranceM) {
        return jdbc.sql(BoundarySql.load("consistency.sql"))
                .param("id", id).param("srid", srid).param("tol", toleranceM)
                .query((rs, i) -> new ConsistencyRow(rs.getDouble("hausdorff"), rs.getDouble("line_m"), rs.getDouble("edge_m"),
                        rs.getString("which"), (Number) rs.getObject("length_m"), (Number) rs.getObject("max_m"),
                        rs.getString("geometry")))
                .list();
    }

    /** Whether the demo city (3502…) has any line yet. */
    boolean anyDemoCityLine() {
        return jdbc.sql("select exists(select 1 from boundary_line where left_code like '3502%')").query(Boolean.class).single();
    }

    /** A Gauss–Krüger WKT (EPSG {@code srid}) transformed to lon/lat WKT in EPSG:4490. */
    String toLonLat(String wkt, int srid) {
        return jdbc.sql("select ST_AsText(ST_Transform(ST_GeomFromText(:w, :srid), 4490))")
                .param("w", wkt).param("srid", srid).query(String.class).single();
    }

    private static String select(boolean geometry) {
        return SELECT.formatted(geometry ? "ST_AsGeoJSON(l.geom, 7)" : "null");
    }

    static String pgArray(List<String> items) {
        if (items == null) return null;
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    static List<String> list(Array a) throws SQLException {
        return a == null ? null : Arrays.asList((String[]) a.getArray());
    }

    private static BoundaryLine map(ResultSet rs, int i) throws SQLException {
        String ano = rs.getString("agreement_no");
        LocalDate adate = rs.getObject("agreement_date", LocalDate.class);
        List<String> parties = list(rs.getArray("agreement_parties"));
        BoundaryLine.Agreement agreement = ano == null && adate == null && parties == null ? null
                : new BoundaryLine.Agreement(ano, adate, parties);
        return new BoundaryLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                rs.getString("left_code"), rs.getString("left_name"), rs.getString("right_code"), rs.getString("right_name"),
                agreement, rs.getString("source"), rs.getString("direction"), rs.getDouble("length_km"),
                rs.getString("status"), rs.getString("status_reason"), rs.getString("note"), rs.getLong("marker_count"),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("geometry"));
    }
}
