package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.facility.FacilityKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Who is served: the share of households, elderly and residential units of a division inside the service areas of
 * the chosen facility kinds, per direct child division (rolled up from the units under it), and the uncovered units.
 */
@Service
public class CoverageService {
    public static final String RULE = "a residential unit (the deepest division with a polygon: community or village) is "
            + "covered when its representative point (ST_PointOnSurface) lies in a service area; areaWeighted* spread "
            + "households evenly over the unit's polygon";

    private final CoverageRepository repo;
    private final ServiceAreaService areas;

    CoverageService(CoverageRepository repo, ServiceAreaService areas) {
        this.repo = repo;
        this.areas = areas;
    }

    /** Totals of a set of units. Shares are fractions 0..1 (null when the denominator is 0). */
    public record Share(long units, long coveredUnits, long households, long coveredHouseholds, long elderly, long coveredElderly,
                        Double unitShare, Double householdShare, Double elderlyShare, Double areaWeightedHouseholdShare) {
        static Share of(List<CoverageRepository.Unit> us) {
            long n = us.size(), cn = 0, hh = 0, chh = 0, el = 0, cel = 0;
            double awh = 0;
            for (var u : us) {
                hh += u.households();
                el += u.elderly();
                awh += u.households() * Math.min(1, u.coveredAreaShare());
                if (u.covered()) {
                    cn++;
                    chh += u.households();
                    cel += u.elderly();
                }
            }
            return new Share(n, cn, hh, chh, el, cel, ratio(cn, n), ratio(chh, hh), ratio(cel, el), hh == 0 ? null : round4(awh / hh));
        }
    }

    public record ChildCoverage(String code, String name, Share coverage) {}

    public record UncoveredUnit(String code, String name, String childCode, long households, long elderly,
                                double coveredAreaShare, Long nearestFacilityM) {}

    public record Coverage(String division, String name, List<String> kinds, LocalDate asOf, double minutes, double speedMps,
                           String rule, Share total, List<ChildCoverage> children, List<UncoveredUnit> uncovered) {}

    /** Coverage of {@code division} by {@code kinds} (codes or "elderly_care"), as of {@code asOf} (default today). */
    public Coverage coverage(String division, List<String> kinds, LocalDate asOf, Progress progress) {
        var d = repo.division(division).orElseThrow(() -> ApiException.notFound("Division", division));
        List<String> codes = kindsOrDefault(kinds);
        LocalDate at = asOf == null ? LocalDate.now() : asOf;
        progress.message("bringing service areas up to date");
        areas.recompute(codes, null, false, progress);
        progress.message("computing coverage");
        List<CoverageRepository.Unit> units = repo.units(d.code(), codes, at);
        Map<String, List<CoverageRepository.Unit>> byTop = new LinkedHashMap<>();
        for (var u : units) byTop.computeIfAbsent(u.top(), k -> new ArrayList<>()).add(u);
        Map<String, String> names = repo.names(new ArrayList<>(byTop.keySet()));
        List<ChildCoverage> children = new ArrayList<>();
        for (var e : byTop.entrySet()) {
            if (e.getKey().equals(d.code())) continue; // the division is itself a unit
            children.add(new ChildCoverage(e.getKey(), names.get(e.getKey()), Share.of(e.getValue())));
        }
        List<UncoveredUnit> uncovered = units.stream().filter(u -> !u.covered())
                .map(u -> new UncoveredUnit(u.code(), u.name(), u.top(), u.households(), u.elderly(), round4(u.coveredAreaShare()), u.nearestM()))
                .toList();
        var p = areas.defaults();
        return new Coverage(d.code(), d.name(), codes, at, p.minutes(), p.speedMps(), RULE, Share.of(units), children, uncovered);
    }

    public String uncoveredGeoJson(String division, List<String> kinds, LocalDate asOf) {
        var d = repo.division(division).orElseThrow(() -> ApiException.notFound("Division", division));
        List<String> codes = kindsOrDefault(kinds);
        areas.recompute(codes, null, false, Progress.NONE);
        return repo.uncovered(d.code(), codes, asOf == null ? LocalDate.now() : asOf);
    }

    static List<String> kindsOrDefault(List<String> kinds) {
        if (kinds == null || kinds.isEmpty()) return FacilityKind.ELDERLY_CARE.stream().map(FacilityKind::code).toList();
        return ServiceAreaService.kindCodes(kinds);
    }

    static Double ratio(double a, double b) { return b == 0 ? null : round4(a / b); }

    static double round4(double v) { return Math.round(v * 10000) / 10000.0; }
}
