package cn.civgeo.coverage;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The site suggestion's database reads: the demand points of a division ({@code resources/sql/coverage/demand.sql}),
 * the division's centre and metric CRS, and the deepest active unit at a pick.
 */
@Repository
class SuggestionDemandRepository {
    private static final String DEMAND = CoverageRepository.sql("demand.sql");
    private static final String CENTRE = """
            select ST_X(ST_PointOnSurface(geom)) as x, ST_Y(ST_PointOnSurface(geom)) as y
              from division_read division where code = :c and geom is not null""";
    private static final String METRIC_SRID = "select civgeo_metric_srid(:x, :y)";
    private static final String UNIT_AT = """
            select code, name from division_read division where status = 'active' and geom && ST_SetSRID(ST_MakePoint(:x, :y), 4490)
               and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:x, :y), 4490)) order by level desc limit 1""";

    /** A demand point (EPSG:4490) with its share of its unit's elderly and households, and whether it is covered already. */
    record DemandPoint(long id, String code, double lon, double lat, double elderly, double households, boolean covered) {}

    /** A division unit: code and name. */
    record Unit(String code, String name) {}

    private final JdbcClient jdbc;

    SuggestionDemandRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A point on the division's surface as {x, y} (EPSG:4490), empty when the division is unknown or has no geometry. */
    Optional<double[]> centre(String division) {
        return jdbc.sql(CENTRE).param("c", division)
                .query((rs, i) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).list().stream().findFirst();
    }

    /** The metric (Gauss–Krüger) SRID for a point. */
    int metricSrid(double x, double y) {
        return jdbc.sql(METRIC_SRID).param("x", x).param("y", y).query(Integer.class).single();
    }

    /** The demand grid of {@code spacing} metres over the division's residential units, covered by {@code kinds} at {@code asOf} or not. */
    List<DemandPoint> demand(String division, double spacing, int srid, List<String> kinds, LocalDate asOf) {
        return jdbc.sql(DEMAND).param("division", division).param("spacing", spacing).param("srid", srid)
                .param("kinds", CoverageRepository.array(kinds)).param("asOf", Date.valueOf(asOf))
                .query((rs, i) -> new DemandPoint(rs.getLong("id"), rs.getString("code"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getDouble("elderly"), rs.getDouble("households"), rs.getBoolean("covered"))).list();
    }

    /** The deepest active division at a point, or a unit of nulls outside every division. */
    Unit unitAt(double lon, double lat) {
        return jdbc.sql(UNIT_AT).param("x", lon).param("y", lat)
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2))).optional().orElse(new Unit(null, null));
    }
}
