package cn.civgeo.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a {@link Metric} for several divisions at once, one SQL statement per call (resources/sql/plan). Reads the
 * other features only through their published read views: {@code facility_operating_at(date)} (facility),
 * {@code demographics_at(year)} (demographics), {@code division} / {@code division_part} (division registry).
 */
@Component
class IndicatorComputer {
    private static final String RATIO = sql("ratio.sql");
    private static final String UNIT_SHARE = sql("unit-share.sql");
    private static final String FACILITY_SHARE = sql("facility-share.sql");

    private final JdbcClient jdbc;

    IndicatorComputer(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** value = numerator / denominator × scale (null when the denominator is 0 or unknown); a count has no denominator. */
    record Figure(Double value, Double numerator, Double denominator) {}

    Map<String, Figure> compute(Metric m, List<String> codes, LocalDate asOf, int year) {
        Map<String, Figure> out = new HashMap<>();
        String[] codeArray = codes.toArray(String[]::new);
        switch (m.type()) {
            case "ratio" -> {
                String num = m.numerator(), den = m.denominator();
                jdbc.sql(RATIO).param("codes", codeArray).param("asOf", Date.valueOf(asOf)).param("year", year)
                        .param("kinds", m.kindsOrEmpty().toArray(String[]::new))
                        .param("numField", field(num, "facility.")).param("denField", field(den, "facility."))
                        .param("numDemo", field(num, "demographics.")).param("denDemo", field(den, "demographics."))
                        .query((rs, i) -> {
                            Double n = side(num, rs.getDouble("num_fac"), (Double) rs.getObject("num_dem"));
                            Double d = den == null ? null : side(den, rs.getDouble("den_fac"), (Double) rs.getObject("den_dem"));
                            out.put(rs.getString("code"), figure(n, d, den == null, m.scaleOr1()));
                            return null;
                        }).list();
            }
            case "unitShare" -> jdbc.sql(UNIT_SHARE).param("codes", codeArray).param("asOf", Date.valueOf(asOf)).param("year", year)
                    .param("level", m.level()).param("kinds", m.kindsOrEmpty().toArray(String[]::new))
                    .param("minBeds", m.minBeds())
                    .param("functions", m.functions() == null ? null : m.functions().toArray(String[]::new))
                    .param("minFloor", m.minFloorArea()).param("filter", m.filter())
                    .param("among", m.among() == null ? null : m.among().toArray(String[]::new))
                    .query((rs, i) -> {
                        out.put(rs.getString("code"), figure(rs.getDouble("num"), rs.getDouble("den"), false, scale(m)));
                        return null;
                    }).list();
            case "facilityShare" -> jdbc.sql(FACILITY_SHARE).param("codes", codeArray).param("asOf", Date.valueOf(asOf))
                    .param("kinds", m.kindsOrEmpty().toArray(String[]::new)).param("grades", m.grades().toArray(String[]::new))
                    .query((rs, i) -> {
                        out.put(rs.getString("code"), figure(rs.getDouble("num"), rs.getDouble("den"), false, scale(m)));
                        return null;
                    }).list();
            default -> throw new IllegalStateException("unknown metric type " + m.type());
        }
        return out;
    }

    private static double scale(Metric m) { return m.scale() == null ? 100 : m.scale(); }

    private static Figure figure(Double n, Double d, boolean count, double scale) {
        if (count) return new Figure(n == null ? null : round(n * scale), n, null);
        if (n == null || d == null || d == 0) return new Figure(null, n, d);
        return new Figure(round(n / d * scale), n, d);
    }

    static double round(double v) { return Math.round(v * 10000) / 10000.0; }

    private static Double side(String spec, double facilityValue, Double demographicValue) {
        return spec.startsWith("facility.") ? Double.valueOf(facilityValue) : demographicValue;
    }

    private static String field(String spec, String prefix) {
        return spec != null && spec.startsWith(prefix) ? spec.substring(prefix.length()) : null;
    }

    static String sql(String name) { return cn.civgeo.common.io.SqlFiles.load("plan/" + name); }
}
