package cn.civgeo.boundary.dispute;

import cn.civgeo.boundary.dispute.DisputeService.Dispute;
import cn.civgeo.boundary.dispute.DisputeService.Event;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link DisputeService}: boundary_dispute and its event history. */
@Repository
class DisputeRepository {
    private static final String SELECT = """
            select id, title, left_code, right_code, line_id, area_km2, status, description, settlement, settled_on, version,
                   created_at, updated_at, ST_AsGeoJSON(area, 7) as area_json, resources, departments from boundary_dispute""";

    private static final String LIST_WHERE = """
             where (cast(:s as text) is null or status = :s)
               and (cast(:d as text) is null or left_code = :d or right_code = :d)""";

    private final JdbcClient jdbc;

    DisputeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Dispute> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(DisputeRepository::map).optional();
    }

    List<Dispute> listPage(String status, String division, int limit, int offset) {
        return jdbc.sql(SELECT + " " + LIST_WHERE + " order by id desc limit :limit offset :offset").param("s", status)
                .param("d", division).param("limit", limit).param("offset", offset)
                .query(DisputeRepository::map).list();
    }

    long count(String status, String division) {
        return jdbc.sql("select count(*) from boundary_dispute " + LIST_WHERE).param("s", status).param("d", division)
                .query(Long.class).single();
    }

    List<Event> events(long id) {
        return jdbc.sql("select * from boundary_dispute_event where dispute_id = :id order by id").param("id", id)
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("note"))).list();
    }

    boolean divisionExists(String code) {
        return jdbc.sql("select exists(select 1 from division_read division where code = :c)").param("c", code).query(Boolean.class).single();
    }

    boolean lineExists(long lineId) {
        return jdbc.sql("select exists(select 1 from boundary_line where id = :id)").param("id", lineId)
                .query(Boolean.class).single();
    }

    /** What is wrong with the GeoJSON area (null when it is a valid polygon); throws when it is no GeoJSON geometry. */
    String areaProblem(String geojson) {
        return jdbc.sql("""
                        select case when GeometryType(g) not in ('POLYGON', 'MULTIPOLYGON') then 'must be a Polygon or MultiPolygon'
                                    when not ST_IsValid(g) then 'is not a valid polygon: ' || ST_IsValidReason(g) end
                          from (select ST_GeomFromGeoJSON(:g) as g) t""")
                .param("g", geojson).query(String.class).optional().orElse(null);
    }

    long insert(DisputeService.NewDispute in, String geojson, List<String> resources, List<String> departments) {
        return jdbc.sql("""
                        insert into boundary_dispute(title, left_code, right_code, line_id, area, area_km2, description,
                               resources, departments)
                        select :t, :l, :r, :line, g, ST_Area(g::geography) / 1e6, :d, :res, :deps
                          from (select ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4490)) as g) x returning id""")
                .param("t", in.title()).param("l", in.leftCode()).param("r", in.rightCode()).param("line", in.lineId())
                .param("d", in.description()).param("g", geojson).param("res", resources.toArray(String[]::new))
                .param("deps", departments.toArray(String[]::new)).query(Long.class).single();
    }

    /** Rows updated: 0 when the version is stale. */
    int updateStatus(long id, DisputeService.StatusChange c) {
        return jdbc.sql("""
                        update boundary_dispute set status = :s, settlement = coalesce(:st, settlement),
                               settled_on = coalesce(:on, settled_on), version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("s", c.status()).param("st", c.settlement()).param("on", c.settledOn()).param("id", id)
                .param("v", c.version()).update();
    }

    void insertEvent(long id, String actor, String from, String to, String note) {
        jdbc.sql("insert into boundary_dispute_event(dispute_id, actor, from_status, to_status, note) values (:d, :a, :f, :t, :n)")
                .param("d", id).param("a", actor).param("f", from).param("t", to).param("n", note).update();
    }

    private static Dispute map(ResultSet rs, int i) throws SQLException {
        return new Dispute(rs.getLong("id"), rs.getString("title"), rs.getString("left_code"), rs.getString("right_code"),
                (Long) rs.getObject("line_id", Long.class), rs.getDouble("area_km2"), rs.getString("status"),
                rs.getString("description"), rs.getString("settlement"), rs.getObject("settled_on", LocalDate.class),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("area_json"), strings(rs.getArray("resources")),
                strings(rs.getArray("departments")));
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : java.util.Arrays.asList((String[]) a.getArray());
    }
}
