package cn.civgeo.coverage;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Analytical queries over divisions (read-only), facilities and service areas; SQL in resources/sql/coverage. */
@Repository
class CoverageRepository {
    private static final String UNITS = sql("units.sql");
    private static final String UNCOVERED = sql("uncovered.sql");
    private static final String INDICATORS = sql("indicators.sql");

    private final JdbcClient jdbc;

    CoverageRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Whether the demo city (350200) is in the registry. */
    boolean demoCityExists() {
        return jdbc.sql("select exists(select 1 from division_read division where code = '350200')").query(Boolean.class).single();
    }

    /** One residential unit and whether it is covered. */
    record Unit(String code, String name, String top, int level, String urbanRural, long households, long elderly,
                long population, boolean covered, double coveredAreaShare, Long nearestM) {}

    List<Unit> units(String division, List<String> kinds, LocalDate asOf) {
        return jdbc.sql(UNITS).param("division", division).param("kinds", array(kinds)).param("asOf", Date.valueOf(asOf))
                .query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), rs.getString("top"), rs.getInt("level"),
                        rs.getString("urban_rural"), rs.getLong("households"), rs.getLong("elderly"), rs.getLong("population"),
                        rs.getBoolean("covered"), rs.getDouble("covered_area_share"),
                        rs.getObject("nearest_m") == null ? null : ((Number) rs.getObject("nearest_m")).longValue()))
                .list();
    }

    String uncovered(String division, List<String> kinds, LocalDate asOf) {
        return jdbc.sql(UNCOVERED).param("division", division).param("kinds", array(kinds)).param("asOf", Date.valueOf(asOf))
                .query(String.class).single();
    }

    /** The named figures of indicators.sql for one division. */
    Map<String, Object> indicatorFigures(String division, LocalDate asOf) {
        return jdbc.sql(INDICATORS).param("division", division).param("asOf", Date.valueOf(asOf)).query().singleRow();
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CoverageDivisionRef")
    record DivisionRef(String code, String name, int level, Long households, Long elderly) {}

    Optional<DivisionRef> division(String code) {
        return jdbc.sql("select code, name, level, households::bigint, elderly::bigint from division_read division where code = :c").param("c", code)
                .query((rs, i) -> new DivisionRef(rs.getString(1), rs.getString(2), rs.getInt(3),
                        (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class))).optional();
    }

    List<DivisionRef> children(String code) {
        return jdbc.sql("select code, name, level, households::bigint, elderly::bigint from division_read division where parent_code = :c and status = 'active' order by code")
                .param("c", code).query((rs, i) -> new DivisionRef(rs.getString(1), rs.getString(2), rs.getInt(3),
                        (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class))).list();
    }

    Map<String, String> names(List<String> codes) {
        if (codes.isEmpty()) return Map.of();
        return jdbc.sql("select code, name from division_read division where code in (:c)").param("c", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Which of the points (EPSG:4490 lon/lat) lie outside the division's outline (on its boundary counts as inside):
     * their 0-based indexes, ascending; empty when the division has no geometry or does not exist (see
     * {@link #division}).
     */
    List<Integer> outside(String division, double[] lons, double[] lats) {
        return jdbc.sql("""
                select p.i - 1 from division_read division,
                       unnest(cast(:lons as float8[]), cast(:lats as float8[])) with ordinality as p(lon, lat, i)
                 where division.code = :c and division.geom is not null
                   and not ST_Covers(division.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4490))
                 order by p.i""")
                .param("c", division).param("lons", numbers(lons)).param("lats", numbers(lats)).query(Integer.class).list();
    }

    /** Whether the division exists with a geometry. */
    boolean hasOutline(String division) {
        return jdbc.sql("select exists(select 1 from division_read division where code = :c and geom is not null)")
                .param("c", division).query(Boolean.class).single();
    }

    private static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ",").append(values[i]);
        return sb.append('}').toString();
    }

    static String array(List<String> values) { return "{" + String.join(",", values) + "}"; }

    static String sql(String name) { return cn.civgeo.common.io.SqlFiles.load("coverage/" + name); }
}
