package cn.civgeo.boundary;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups of the {@code division} table (owned by the division feature) that boundary work needs:
 * name, level, status and the geometry as WKT. No writes, ever.
 */
@Component
class DivisionLookup {
    record Unit(String code, String name, int level, String status, String wkt) {}

    private final JdbcClient jdbc;

    DivisionLookup(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<Unit> find(String code) {
        if (code == null) return Optional.empty();
        return jdbc.sql("select code, name, level, status, ST_AsText(geom) as wkt from division_read division where code = :c")
                .param("c", code)
                .query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("status"), rs.getString("wkt")))
                .optional();
    }
}
