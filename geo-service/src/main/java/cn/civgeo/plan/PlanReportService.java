package cn.civgeo.plan;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.ApiException;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Builds the plan report. Each computed indicator is one SQL statement for the division and all its children
 * together, plus one per earlier recorded year for the trend (years with demographics of the division or reported
 * values); reported indicators read the latest value of a year ≤ the report year.
 * <p>Report year: current view = this year, but not past periodTo; midterm = periodFrom + (periodTo − periodFrom) / 2;
 * final = periodTo. Facilities are counted as on 31 December of the report year (today when that is later).
 * On track: expected = baseline + (target − baseline) × (year − baselineYear) / (periodTo − baselineYear) (the target
 * itself when there is no baseline); for ge the latest value must be ≥ expected, for le ≤ expected, for eq within 1% of
 * the target's size of expected, for range ≥ expected (lower bound). Met: the latest value meets the final target.
 */
@Service
class PlanReportService {
    private final PlanService plans;
    private final PlanRepository repo;
    private final IndicatorComputer computer;
    private final DivisionService divisions;

    PlanReportService(PlanService plans, PlanRepository repo, IndicatorComputer computer, DivisionService divisions) {
        this.plans = plans;
        this.repo = repo;
        this.computer = computer;
        this.divisions = divisions;
    }

    public PlanReport report(long planId, String divisionCode, Integer yearParam, String viewParam) {
        long t0 = System.nanoTime();
        Plan plan = plans.get(planId);
        String view = viewParam == null ? "current" : viewParam;
        int year = reportYear(plan, view, yearParam);
        String code = divisionCode == null ? plan.divisionCode() : divisionCode;
        if (!code.equals(plan.divisionCode()) && !code.startsWith(DivisionCode.significant(plan.divisionCode()))) {
            throw ApiException.badField("division", code + " is not the plan's division " + plan.divisionCode() + " or under it");
        }
        Division d = divisions.find(code).orElseThrow(() -> ApiException.notFound("Division", code));
        List<Division> kids = divisions.children(code).stream().filter(Division::active).toList();
        List<String> codes = new ArrayList<>();
        codes.add(code);
        kids.forEach(k -> codes.add(k.code()));
        LocalDate asOf = asOf(year);
        Set<Integer> recorded = recordedYears(planId, code, plan.baselineYear(), year);
        Map<String, List<Plan.ReportedValue>> reported = new HashMap<>();
        for (Plan.ReportedValue v : repo.values(planId, null, null)) reported.computeIfAbsent(v.indicatorCode(), k -> new ArrayList<>()).add(v);

        List<PlanReport.Row> rows = new ArrayList<>();
        for (Plan.Indicator ind : plan.indicators()) {
            rows.add(row(plan, ind, code, codes, kids, year, asOf, recorded, reported.getOrDefault(ind.code(), List.of())));
        }
        long on = rows.stream().filter(r -> Boolean.TRUE.equals(r.onTrack())).count();
        long off = rows.stream().filter(r -> Boolean.FALSE.equals(r.onTrack())).count();
        long none = rows.stream().filter(r -> r.latest() == null).count();
        return new PlanReport(plan.id(), plan.code(), plan.name(), code, d.name(), year, asOf, view, plan.baselineYear(),
                plan.periodFrom(), plan.periodTo(), rows, on, off, none, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The year a view reports on, checked against the plan's baseline and period. */
    private static int reportYear(Plan plan, String view, Integer yearParam) {
        int year = switch (view) {
            case "current" -> yearParam != null ? yearParam : Math.min(LocalDate.now().getYear(), plan.periodTo());
            case "midterm" -> plan.periodFrom() + (plan.periodTo() - plan.periodFrom()) / 2;
            case "final" -> plan.periodTo();
            default -> throw ApiException.badField("view", "must be current, midterm or final");
        };
        if (year < plan.baselineYear() || year > plan.periodTo() + 5) {
            throw ApiException.badField("year", "must be between the baseline year " + plan.baselineYear() + " and " + (plan.periodTo() + 5));
        }
        return year;
    }

    /** One indicator's row: its value (computed, or the latest reported), trend, expectation and the children ranked. */
    private PlanReport.Row row(Plan plan, Plan.Indicator ind, String code, List<String> codes, List<Division> kids, int year,
                               LocalDate asOf, Set<Integer> recorded, List<Plan.ReportedValue> rv) {
        Map<String, Double> values = new HashMap<>();
        Map<String, Integer> valueYears = new HashMap<>();
        Double num = null, den = null;
        List<PlanReport.Point> trend = new ArrayList<>();
        if (ind.baseline() != null) trend.add(new PlanReport.Point(plan.baselineYear(), ind.baseline()));
        String valueSource;
        if (ind.computed()) {
            valueSource = "computed";
            Map<String, IndicatorComputer.Figure> figs = computer.compute(ind.metric(), codes, asOf, year);
            figs.forEach((k, f) -> { values.put(k, f.value()); valueYears.put(k, year); });
            IndicatorComputer.Figure own = figs.get(code);
            if (own != null) { num = own.numerator(); den = own.denominator(); }
            for (int y : recorded) {
                if (y == year) continue;
                Double v = computer.compute(ind.metric(), List.of(code), asOf(y), y).get(code).value();
                trend.add(new PlanReport.Point(y, v));
            }
            trend.add(new PlanReport.Point(year, values.get(code)));
        } else {
            valueSource = rv.isEmpty() ? "none" : "reported";
            for (String c : codes) {
                rv.stream().filter(v -> v.divisionCode().equals(c) && v.year() <= year).max(Comparator.comparingInt(Plan.ReportedValue::year))
                        .ifPresent(v -> { values.put(c, v.value()); valueYears.put(c, v.year()); });
            }
            rv.stream().filter(v -> v.divisionCode().equals(code) && v.year() <= year && v.year() != plan.baselineYear())
                    .sorted(Comparator.comparingInt(Plan.ReportedValue::year)).forEach(v -> trend.add(new PlanReport.Point(v.year(), v.value())));
        }
        trend.sort(Comparator.comparingInt(PlanReport.Point::year));
        Double latest = values.get(code);
        Double target = ind.targetFor(code);
        Double expected = expected(ind.baseline(), target, plan.baselineYear(), plan.periodTo(), year);
        Boolean onTrack = latest == null || expected == null ? null : meets(ind.direction(), latest, expected, target);
        Boolean met = latest == null || target == null ? null : meetsFinal(ind.direction(), latest, target, ind.targetMax());
        Double gap = latest == null || target == null ? null : IndicatorComputer.round(target - latest);
        List<PlanReport.Child> children = rank(ind, kids, values);
        return new PlanReport.Row(ind.code(), ind.nameZh(), ind.nameEn(), ind.unit(), ind.kind(), ind.direction(), ind.baseline(),
                target, ind.targetMax(), ind.targetText(), latest, valueYears.get(code), ind.source(), valueSource, num, den,
                expected == null ? null : IndicatorComputer.round(expected), gap, onTrack, met, trend, children, ind.definition());
    }

    private static LocalDate asOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return end.isAfter(LocalDate.now()) ? LocalDate.now() : end;
    }

    /** Years after the baseline up to the report year with demographics of the division or reported values. */
    private Set<Integer> recordedYears(long planId, String code, int baselineYear, int year) {
        Set<Integer> out = new TreeSet<>(repo.recordedYears(planId, code, baselineYear, year));
        return out;
    }

    static Double expected(Double baseline, Double target, int baselineYear, int periodTo, int year) {
        if (target == null) return null;
        if (baseline == null || periodTo <= baselineYear) return target;
        double share = Math.max(0, Math.min(1, (year - baselineYear) / (double) (periodTo - baselineYear)));
        return baseline + (target - baseline) * share;
    }

    static boolean meets(String direction, double value, double expected, Double target) {
        double eps = 1e-9;
        return switch (direction) {
            case "le" -> value <= expected + eps;
            case "eq" -> Math.abs(value - expected) <= Math.max(Math.abs(target == null ? expected : target) * 0.01, eps);
            default -> value >= expected - eps;
        };
    }

    static boolean meetsFinal(String direction, double value, double target, Double targetMax) {
        double eps = 1e-9;
        return switch (direction) {
            case "le" -> value <= target + eps;
            case "eq" -> Math.abs(value - target) <= Math.max(Math.abs(target) * 0.01, eps);
            case "range" -> value >= target - eps && (targetMax == null || value <= targetMax + eps);
            default -> value >= target - eps;
        };
    }

    /** Children best first (highest for ge/range, lowest for le, closest for eq); no value ranks last, unranked. */
    private static List<PlanReport.Child> rank(Plan.Indicator ind, List<Division> kids, Map<String, Double> values) {
        Comparator<Double> better = switch (ind.direction()) {
            case "le" -> Comparator.naturalOrder();
            case "eq" -> Comparator.comparingDouble(v -> Math.abs(v - (ind.target() == null ? 0 : ind.target())));
            default -> Comparator.<Double>naturalOrder().reversed();
        };
        List<PlanReport.Child> out = new ArrayList<>();
        List<Division> sorted = new ArrayList<>(kids);
        sorted.sort((a, b) -> {
            Double va = values.get(a.code()), vb = values.get(b.code());
            if (va == null || vb == null) return va == null ? (vb == null ? a.code().compareTo(b.code()) : 1) : -1;
            int c = better.compare(va, vb);
            return c != 0 ? c : a.code().compareTo(b.code());
        });
        int rank = 0;
        for (Division k : sorted) {
            Double v = values.get(k.code());
            Double t = ind.targetFor(k.code());
            out.add(new PlanReport.Child(k.code(), k.name(), v, t, v == null || t == null ? null : meetsFinal(ind.direction(), v, t, ind.targetMax()),
                    v == null ? null : ++rank));
        }
        return out;
    }
}
