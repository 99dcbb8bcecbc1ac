package cn.civgeo.boundary;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only look-ups of the {@code division} table (owned by the division feature) that boundary work needs:
 * name, level, status and the geometry as WKT, through the read view {@code division_read} the division feature
 * publishes. No writes, ever.
 */
@Repository
class DivisionReadRepository {
    record Unit(String code, String name, int level, String status, String wkt) {}

    private final JdbcClient jdbc;

    DivisionReadRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<Unit> find(String code) {
        if (code == null) return Optional.empty();
        return jdbc.sql("select code, name, level, status, ST_AsText(geom) as wkt from division_read division where code = :c")
                .param("c", code)
                .query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("status"), rs.getString("wkt")))
                .optional();
    }

    /** Divisions of the demo city (3502…) at county or township level that have a polygon. */
    long demoCityPolygons() {
        return jdbc.sql("select count(*) from division_read division where code like '3502%' and level in (3, 4) and geom is not null")
                .query(Long.class).single();
    }
}
