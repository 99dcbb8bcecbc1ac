package cn.civgeo.adjustment;

import cn.civgeo.adjustment.ImpactReport.Check;
import cn.civgeo.adjustment.ImpactReport.Unit;
import cn.civgeo.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks a resulting unit against a configured establishment standard: pass, fail or unknown, each with its reason. */
@Component
class StandardChecks {
    private final AdjustmentProperties props;

    StandardChecks(AdjustmentProperties props) { this.props = props; }

    Map<String, AdjustmentProperties.Standard> all() { return props.standards(); }

    void requireKnown(String key, String field) {
        if (key != null && !props.standards().containsKey(key)) {
            throw ApiException.badField(field, "unknown standard " + key + "; configured: " + String.join(", ", props.standards().keySet().stream().sorted().toList()));
        }
    }

    List<Check> check(String key, Unit u, Map<String, Double> entered) {
        if (key == null) return List.of();
        AdjustmentProperties.Standard s = props.standards().get(key);
        if (s == null || (s.kinds() != null && !s.kinds().isEmpty() && !s.kinds().contains(u.kind()))) return List.of();
        List<Check> out = new ArrayList<>();
        if (s.minPopulation() != null) out.add(min("population", s.minPopulation(), u.population() == null ? null : u.population().doubleValue(), "", "人"));
        if (s.minAreaKm2() != null) out.add(min("areaKm2", s.minAreaKm2(), u.areaKm2(), "", "km²"));
        if (s.minCommunities() != null) out.add(min("communities", s.minCommunities(), (double) u.communities(), "", ""));
        if (s.minGdpShare() != null) {
            Double g = entered.get("gdpShare");
            out.add(g == null ? new Check("gdpShare", "≥ " + s.minGdpShare(), null, null, "not entered: give entered." + u.code() + ".gdpShare")
                    : min("gdpShare", s.minGdpShare(), g, "", ""));
        }
        if (s.maxSeatDistanceKm() != null) {
            Double km = u.farthestCommunityM() == null ? null : u.farthestCommunityM() / 1000;
            String req = "≤ " + fmt(s.maxSeatDistanceKm()) + " km";
            out.add(km == null ? new Check("farthestCommunityKm", req, null, null, "no seat given")
                    : new Check("farthestCommunityKm", req, fmt(km) + " km", km <= s.maxSeatDistanceKm() + 1e-9,
                    km <= s.maxSeatDistanceKm() + 1e-9 ? "within the limit" : "the farthest community (" + u.farthestCommunity() + ") is " + fmt(km) + " km from the seat"));
        }
        return out;
    }

    private static Check min(String rule, double required, Double actual, String prefix, String unit) {
        String req = "≥ " + fmt(required) + (unit.isEmpty() ? "" : " " + unit);
        if (actual == null) return new Check(rule, req, null, null, "figure unknown");
        boolean pass = actual >= required - 1e-9;
        String act = fmt(actual) + (unit.isEmpty() ? "" : " " + unit);
        return new Check(rule, req, act, pass, pass ? "meets the standard" : act + " is below the required " + req);
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
