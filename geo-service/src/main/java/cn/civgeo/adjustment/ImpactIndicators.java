package cn.civgeo.adjustment;

import cn.civgeo.adjustment.ImpactReport.FacilityMove;
import cn.civgeo.adjustment.ImpactReport.IndicatorChange;
import cn.civgeo.adjustment.ImpactReport.ServiceCoverage;
import cn.civgeo.adjustment.ImpactReport.UnitCoverage;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.coverage.CoverageService;
import cn.civgeo.coverage.IndicatorService;
import cn.civgeo.facility.FacilityService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The plan's indicators and the elderly-care service-area coverage of an adjustment, before and after, through the
 * coverage feature's services only ({@link IndicatorService}, {@link CoverageService}); and the facilities that change
 * division moved into their new unit through the facility feature's service, so that the "after" figures (and, on
 * approval, the registry) count them where they lie. Runs inside the dry run or the approval transaction.
 */
@Component
class ImpactIndicators {
    /** Kinds whose resulting unit keeps every household and facility of its predecessors: after = pooled before. */
    static final Set<String> POOLED = Set.of("merge", "convert", "rename");

    private final IndicatorService indicators;
    private final CoverageService coverage;
    private final FacilityService facilities;

    ImpactIndicators(IndicatorService indicators, CoverageService coverage, FacilityService facilities) {
        this.indicators = indicators;
        this.coverage = coverage;
        this.facilities = facilities;
    }

    /** Indicators and coverage of the existing units a proposal names, read before its steps are applied. */
    record Before(Map<String, IndicatorService.DivisionIndicators> indicators, Map<String, UnitCoverage> coverage,
                  CoverageService.Coverage any) {}

    Before before(Collection<String> codes, LocalDate date, boolean compute) {
        Map<String, IndicatorService.DivisionIndicators> ind = new LinkedHashMap<>();
        Map<String, UnitCoverage> cov = new LinkedHashMap<>();
        CoverageService.Coverage any = null;
        if (compute) {
            for (String c : codes) {
                ind.put(c, indicators.indicators(c, date, false, Progress.NONE));
                any = coverage.coverage(c, null, date, Progress.NONE);
                cov.put(c, of(any));
            }
        }
        return new Before(ind, cov, any);
    }

    /**
     * Moves each listed facility whose old or new division the change touched into the unit now containing it (its
     * location unchanged); facilities outside every active unit stay. Returns how many moved.
     */
    int moveFacilities(List<FacilityMove> moves, Set<String> touched) {
        int n = 0;
        for (FacilityMove m : moves) {
            if (m.toCode() == null || !(touched.contains(m.fromCode()) || touched.contains(m.toCode()))) continue;
            facilities.moveToDivision(m.id(), facilities.get(m.id()).version(), m.toCode());
            n++;
        }
        return n;
    }

    /**
     * Indicators of a resulting unit: before pooled over its predecessors, after its own figure on the changed
     * registry (after the facility moves), or the pooled one for a merge, convert or rename.
     */
    List<IndicatorChange> changes(String kind, String result, List<String> preds, Before b, LocalDate date) {
        List<IndicatorService.DivisionIndicators> list = preds.stream().distinct().map(b.indicators()::get).filter(x -> x != null).toList();
        boolean pooledAfter = POOLED.contains(kind);
        if (pooledAfter && list.isEmpty()) return List.of();
        IndicatorService.DivisionIndicators now = pooledAfter ? null : indicators.indicators(result, date, false, Progress.NONE);
        List<IndicatorService.Indicator> template = now != null ? now.indicators() : list.get(0).indicators();
        List<IndicatorChange> out = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            IndicatorService.Indicator first = template.get(i);
            Double before = null;
            if (!list.isEmpty()) {
                double num = 0, den = 0;
                for (IndicatorService.DivisionIndicators d : list) {
                    num += d.indicators().get(i).numerator();
                    den += d.indicators().get(i).denominator();
                }
                before = den == 0 ? null : Math.round(num / den * 10000) / 10000.0;
            }
            Double after = pooledAfter ? before : now.indicators().get(i).value();
            Boolean changed = before == null || after == null ? null : Math.abs(after - before) > 1e-4;
            out.add(new IndicatorChange(first.code(), first.label(), before, after, first.target(), changed, pooledAfter
                    ? "facilities and households stay with their communities: the merged unit's figure is the pooled one"
                    : "the resulting unit's own figure, with the facilities that change division counted where they lie"));
        }
        return out;
    }

    /** The coverage section: each named unit before, each resulting unit after, and the totals of both sides. */
    ServiceCoverage coverage(Before b, Map<String, String> results, LocalDate date, boolean compute) {
        if (!compute) return new ServiceCoverage(false, List.of(), 0, List.of(), List.of(), null, null,
                "not computed: ask for the report with indicators");
        List<UnitCoverage> after = new ArrayList<>();
        CoverageService.Coverage any = b.any();
        for (String code : results.keySet()) {
            any = coverage.coverage(code, null, date, Progress.NONE);
            after.add(of(any));
        }
        List<UnitCoverage> before = List.copyOf(b.coverage().values());
        return new ServiceCoverage(true, any == null ? List.of() : any.kinds(), any == null ? 0 : any.minutes(), before, after,
                total(before), total(after), "residential units (communities and villages) whose representative point lies in a "
                        + "walking service area of an operating elderly-care facility; households and elderly as the registry "
                        + "or the demographics hold them");
    }

    private static UnitCoverage of(CoverageService.Coverage c) {
        CoverageService.Share s = c.total();
        return new UnitCoverage(c.division(), c.name(), s.households(), s.coveredHouseholds(), s.householdShare(), s.elderly(),
                s.coveredElderly(), s.elderlyShare());
    }

    static UnitCoverage total(List<UnitCoverage> us) {
        long hh = 0, chh = 0, el = 0, cel = 0;
        for (UnitCoverage u : us) {
            hh += u.households();
            chh += u.coveredHouseholds();
            el += u.elderly();
            cel += u.coveredElderly();
        }
        return new UnitCoverage(null, null, hh, chh, share(chh, hh), el, cel, share(cel, el));
    }

    private static Double share(long a, long b) { return b == 0 ? null : Math.round((double) a / b * 10000) / 10000.0; }
}
