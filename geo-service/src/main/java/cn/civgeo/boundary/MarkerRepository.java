package cn.civgeo.boundary;

import cn.civgeo.common.crs.GaussKruger;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MarkerRepository {
    /**
     * Gauss–Krüger zone from the marker's longitude and its SRID (gk_zone, gk_srid: common.crs.GaussKruger in SQL); ST_X of the
     * transformed point is the easting (survey y), ST_Y the northing (survey x).
     */
    private static final String SELECT = """
            with base as (
                select m.*, l.code as line_code, l.geom as line_geom,
                       gk_zone(ST_X(m.geom)) as zone
                  from boundary_marker m join boundary_line l on l.id = m.line_id
            )
            select b.id, b.line_id, b.line_code, b.number, b.seq, b.type_code, ST_X(b.geom) as lon, ST_Y(b.geom) as lat,
                   b.zone, ST_X(ST_Transform(b.geom, gk_srid(b.zone))) as gk_y, ST_Y(ST_Transform(b.geom, gk_srid(b.zone))) as gk_x,
                   b.elevation_m, b.material, b.installed_on, b.status, b.last_condition, b.last_inspected_on, b.note,
                   ST_Distance(b.geom::geography, b.line_geom::geography) as distance_m,
                   ST_LineLocatePoint(boundary_line_path(b.line_geom), b.geom) as measure,
                   b.version, b.created_at, b.updated_at
              from base b
            """;

    private final JdbcClient jdbc;

    MarkerRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<BoundaryMarker> find(long id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query(MarkerRepository::map).optional();
    }

    Optional<BoundaryMarker> findByNumber(String number) {
        return jdbc.sql(SELECT + " where b.number = :n").param("n", number).query(MarkerRepository::map).optional();
    }

    List<BoundaryMarker> byLine(long lineId) {
        return jdbc.sql(SELECT + " where b.line_id = :l order by b.seq, b.type_code").param("l", lineId)
                .query(MarkerRepository::map).list();
    }

    List<BoundaryMarker> list(Long lineId, String status, int limit, int offset) {
        return jdbc.sql(SELECT + """
                         where (cast(:l as bigint) is null or b.line_id = :l) and (cast(:s as text) is null or b.status = :s)
                         order by b.line_code, b.seq, b.type_code limit :limit offset :offset""")
                .param("l", lineId).param("s", status).param("limit", limit).param("offset", offset)
                .query(MarkerRepository::map).list();
    }

    long count(Long lineId, String status) {
        return jdbc.sql("""
                        select count(*) from boundary_marker where (cast(:l as bigint) is null or line_id = :l)
                           and (cast(:s as text) is null or status = :s)""")
                .param("l", lineId).param("s", status).query(Long.class).single();
    }

    long insert(long lineId, String number, int seq, char type, double lon, double lat, BigDecimal elevation,
                String material, LocalDate installedOn, String status, String note) {
        return jdbc.sql("""
                        insert into boundary_marker(line_id, number, seq, type_code, geom, elevation_m, material, installed_on,
                               status, note)
                        values (:line, :number, :seq, :type, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), :elev, :mat, :inst,
                                :status, :note) returning id""")
                .param("line", lineId).param("number", number).param("seq", seq).param("type", String.valueOf(type))
                .param("lon", lon).param("lat", lat).param("elev", elevation).param("mat", material)
                .param("inst", installedOn).param("status", status).param("note", note)
                .query(Long.class).single();
    }

    boolean update(long id, int version, double lon, double lat, BigDecimal elevation, String material,
                   LocalDate installedOn, String status, String note) {
        return jdbc.sql("""
                        update boundary_marker set geom = ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), elevation_m = :elev,
                               material = :mat, installed_on = :inst, status = :status, note = :note,
                               version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("lon", lon).param("lat", lat).param("elev", elevation).param("mat", material)
                .param("inst", installedOn).param("status", status).param("note", note)
                .param("id", id).param("v", version).update() == 1;
    }

    /** Lon/lat of a Gauss–Krüger (x northing, y easting with prefix) pair in {@code zone}. */
    double[] fromGaussKruger(double x, double y, int zone) {
        return jdbc.sql("""
                        select ST_X(p) as lon, ST_Y(p) as lat
                          from (select ST_Transform(ST_SetSRID(ST_MakePoint(:y, :x), :srid), 4490) as p) t""")
                .param("x", x).param("y", y).param("srid", GaussKruger.srid(zone))
                .query((rs, i) -> new double[] {rs.getDouble("lon"), rs.getDouble("lat")}).single();
    }

    /** The markers breaking the placement and numbering rules (resources/sql/boundary/marker-qa.sql). */
    List<MarkerQaService.Issue> qaIssues(Long lineId, String prefix, double tol) {
        return jdbc.sql(BoundarySql.load("marker-qa.sql"))
                .param("line", lineId).param("prefix", prefix).param("tol", tol)
                .query((rs, i) -> new MarkerQaService.Issue(rs.getString("issue"), rs.getLong("id"), rs.getString("number"),
                        rs.getString("line_code"), rs.getString("detail")))
                .list();
    }

    private static BoundaryMarker map(ResultSet rs, int i) throws SQLException {
        int zone = rs.getInt("zone");
        String type = rs.getString("type_code");
        BigDecimal elev = rs.getBigDecimal("elevation_m");
        return new BoundaryMarker(rs.getLong("id"), rs.getLong("line_id"), rs.getString("line_code"), rs.getString("number"),
                rs.getInt("seq"), type, BoundaryMarker.kindOf(type.charAt(0)), rs.getDouble("lon"), rs.getDouble("lat"),
                new BoundaryMarker.GaussKrugerXY(zone, "EPSG:" + GaussKruger.srid(zone), mm(rs.getDouble("gk_x")), mm(rs.getDouble("gk_y"))),
                elev == null ? null : elev.doubleValue(), rs.getString("material"),
                rs.getObject("installed_on", LocalDate.class), rs.getString("status"), rs.getString("last_condition"),
                rs.getObject("last_inspected_on", LocalDate.class), rs.getString("note"),
                Math.round(rs.getDouble("distance_m") * 1000) / 1000.0, Math.round(rs.getDouble("measure") * 1e6) / 1e6,
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    static double mm(double v) { return Math.round(v * 1000) / 1000.0; }
}
