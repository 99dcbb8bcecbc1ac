package cn.civgeo.facility;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which division a facility lies in (read-only lookups on the division feature's table). */
@Component
class FacilityDivisions {
    private final JdbcClient jdbc;

    private volatile boolean present;

    FacilityDivisions(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether the division feature's table is there (it is, once the division migrations ran). */
    private boolean present() {
        if (!present) present = jdbc.sql("select to_regclass('division') is not null").query(Boolean.class).single();
        return present;
    }

    boolean exists(String code) {
        if (!present()) return false;
        return jdbc.sql("select exists(select 1 from division where code = :c)").param("c", code).query(Boolean.class).single();
    }

    /** The deepest active division whose polygon covers the point (EPSG:4490). */
    Optional<String> deepestAt(double lon, double lat) {
        if (!present()) return Optional.empty();
        return jdbc.sql("""
                        select code from division
                         where status = 'active' and geom && ST_SetSRID(ST_MakePoint(:x, :y), 4490)
                           and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:x, :y), 4490))
                         order by level desc, code limit 1""")
                .param("x", lon).param("y", lat).query(String.class).optional();
    }
}
