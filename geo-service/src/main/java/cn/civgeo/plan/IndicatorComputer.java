package cn.civgeo.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes a {@link Metric} for several divisions at once, one SQL statement per call (resources/sql/plan). Reads the
 * other features only through their published read views: {@code facility_operating_at(date)} (facility),
 * {@code demographics_at(year)} (demographics), {@code division} / {@code division_part} (division registry).
 */
@Component
class IndicatorComputer {
    private final IndicatorRepository repo;

    IndicatorComputer(IndicatorRepository repo) { this.repo = repo; }

    /** value = numerator / denominator × scale (null when the denominator is 0 or unknown); a count has no denominator. */
    record Figure(Double value, Double numerator, Double denominator) {}

    Map<String, Figure> compute(Metric m, List<String> codes, LocalDate asOf, int year) {
        Map<String, Figure> out = new HashMap<>();
        String[] codeArray = codes.toArray(String[]::new);
        switch (m.type()) {
            case "ratio" -> {
                String num = m.numerator(), den = m.denominator();
                repo.ratio(m, codeArray, asOf, year, field(num, "facility."), field(den, "facility."),
                        field(num, "demographics."), field(den, "demographics.")).forEach(r -> {
                            Double n = side(num, r.numFac(), r.numDem());
                            Double d = den == null ? null : side(den, r.denFac(), r.denDem());
                            out.put(r.code(), figure(n, d, den == null, m.scaleOr1()));
                        });
            }
            case "unitShare" -> repo.unitShare(m, codeArray, asOf, year)
                    .forEach(r -> out.put(r.code(), figure(r.num(), r.den(), false, scale(m))));
            case "facilityShare" -> repo.facilityShare(m, codeArray, asOf)
                    .forEach(r -> out.put(r.code(), figure(r.num(), r.den(), false, scale(m))));
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
