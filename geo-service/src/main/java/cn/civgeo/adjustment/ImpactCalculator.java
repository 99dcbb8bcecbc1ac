package cn.civgeo.adjustment;

import cn.civgeo.apiuse.ApiUseService;

import cn.civgeo.adjustment.ImpactReport.AddressRecode;
import cn.civgeo.adjustment.ImpactReport.Duplicate;
import cn.civgeo.adjustment.ImpactReport.FacilityMove;
import cn.civgeo.adjustment.ImpactReport.Line;
import cn.civgeo.adjustment.ImpactReport.Marker;
import cn.civgeo.adjustment.ImpactReport.Unit;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.division.change.ChangeResult;
import cn.civgeo.placename.NameCheckService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a proposal's steps in the caller's transaction and reads what they did: the dry run of the impact report
 * (the caller rolls back) and approval (the caller commits) share this one path. Reads only public views and
 * services of other features.
 */
@Component
class ImpactCalculator {
    /** Overlaps and parts outside the parent smaller than this (m²) are slivers of digitising, not errors. */
    static final double TOLERANCE_M2 = 1.0;

    private final StepApplier applier;
    private final DivisionService divisions;
    private final ImpactIndicators indicators;
    private final NameCheckService names;
    private final StandardChecks standards;
    private final ImpactRepository repo;
    private final JsonMapper json;
    private final ApiUseService apiUse;
    /** How far back the impact report looks for API use of the old codes. */
    static final int API_USE_DAYS = 90;

    ImpactCalculator(StepApplier applier, DivisionService divisions, ImpactIndicators indicators, NameCheckService names,
                     StandardChecks standards, ImpactRepository repo, JsonMapper json, ApiUseService apiUse) {
        this.apiUse = apiUse;
        this.applier = applier;
        this.divisions = divisions;
        this.indicators = indicators;
        this.names = names;
        this.standards = standards;
        this.repo = repo;
        this.json = json;
    }

    record Outcome(ImpactReport report, List<StepApplier.Applied> applied) {}

    @Transactional(propagation = Propagation.MANDATORY)
    Outcome run(long id, int version, ProposalRequest body, LocalDate date, String document, boolean withIndicators) {
        List<JsonNode> steps = body.steps();
        applier.checkStatic(steps);
        List<String> notes = new ArrayList<>();
        // ---- before: every existing unit the steps name (not parents named as the target of a move)
        Set<String> predCodes = predecessorCodes(steps);
        Map<String, Unit> before = new LinkedHashMap<>();
        for (String c : predCodes) {
            Optional<Division> d = divisions.find(c);
            if (d.isEmpty() || !d.get().active()) continue;
            before.put(c, unit(c, "predecessor", null, null));
        }
        ImpactIndicators.Before indBefore = indicators.before(before.keySet(), date, withIndicators);
        String beforeArea = predCodes.isEmpty() ? null : repo.unionEwkbHex(predCodes);

        // ---- apply (dry run or approval: the caller decides whether this commits)
        List<StepApplier.Applied> applied = applier.applyAll(steps, date, document, body.note());

        // ---- the resulting units: per step, the active units of the step's own level it created or reshaped
        Resulting res = resulting(applied, before);
        checkGeometry(res.step());
        List<String> resultCodes = List.copyOf(res.step().keySet());
        List<FacilityMove> facilities = repo.facilityMoves(beforeArea, resultCodes);
        // the facilities that change division move with the change (their new unit is the one containing them)
        int movedFacilities = indicators.moveFacilities(facilities, res.touched());
        if (movedFacilities > 0) notes.add(movedFacilities + " facilities move into the unit that contains them");

        List<Unit> results = resultUnits(body, date, withIndicators, applied, res, indBefore, notes);
        List<AddressRecode> addresses = repo.addressRecodes(beforeArea, resultCodes);
        List<Line> lines = res.touched().isEmpty() ? List.of() : repo.linesOf(res.touched());
        List<Marker> markers = lines.isEmpty() ? List.of() : repo.markersOf(lines.stream().map(Line::id).toList());
        List<Duplicate> dups = new ArrayList<>(divisionDuplicates(resultCodes, res.touched()));
        dups.addAll(placeNameDuplicates(beforeArea, resultCodes));
        ImpactReport.ApiClientUse api = apiClientUse(predCodes, date);
        for (StepApplier.Applied a : applied) for (ChangeResult r : a.results()) notes.addAll(r.notes());
        Map<String, String> resultNames = new LinkedHashMap<>();
        results.forEach(u -> resultNames.put(u.code(), u.name()));
        ImpactReport.ServiceCoverage cov = indicators.coverage(indBefore, resultNames, date, withIndicators);
        ImpactReport report = new ImpactReport(id, version, date, body.standard(), List.copyOf(before.values()), results, facilities,
                lines, markers, dups, addresses, api, cov, notes);
        return new Outcome(report, applied);
    }

    /** Every existing unit the steps name, not parents named as the target of a move. */
    private static Set<String> predecessorCodes(List<JsonNode> steps) {
        Set<String> predCodes = new LinkedHashSet<>();
        for (JsonNode s : steps) {
            for (String c : StepApplier.named(s)) {
                if (c.equals(StepApplier.text(s, "parentCode"))) continue;
                predCodes.add(c);
            }
        }
        return predCodes;
    }

    /**
     * The resulting units with the step that made each ({@code step}), their predecessors ({@code preds}) and every
     * unit the steps touched.
     */
    private record Resulting(Map<String, Integer> step, Map<String, List<String>> preds, Set<String> touched) {}

    private Resulting resulting(List<StepApplier.Applied> applied, Map<String, Unit> before) {
        Map<String, Integer> resultStep = new LinkedHashMap<>();
        Map<String, List<String>> stepPreds = new LinkedHashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        for (StepApplier.Applied a : applied) {
            int level = primaryLevel(a);
            for (ChangeResult r : a.results()) {
                for (ChangeResult.Touched t : r.units()) {
                    touched.add(t.code());
                    if (!"active".equals(t.status())) continue;
                    if (!Set.of("created", "survivor", "target", "source", "reshaped", "renamed", "moved").contains(t.role())) continue;
                    Optional<Division> d = divisions.find(t.code());
                    if (d.isEmpty() || d.get().level() != level) continue;
                    if (a.kind().equals("convert") && !t.role().equals("created")) continue;
                    resultStep.put(t.code(), a.step());
                    stepPreds.computeIfAbsent(t.code(), k -> new ArrayList<>()).addAll(
                            a.named().stream().filter(before::containsKey).toList());
                }
            }
        }
        resultStep.keySet().removeIf(c -> divisions.find(c).map(d -> !d.active()).orElse(true));
        return new Resulting(resultStep, stepPreds, touched);
    }

    private List<Unit> resultUnits(ProposalRequest body, LocalDate date, boolean withIndicators, List<StepApplier.Applied> applied,
                                   Resulting res, ImpactIndicators.Before indBefore, List<String> notes) {
        List<Unit> results = new ArrayList<>();
        for (Map.Entry<String, Integer> e : res.step().entrySet()) {
            Division d = divisions.find(e.getKey()).orElseThrow();
            double[] seat = seat(body, d);
            List<ImpactReport.IndicatorChange> ic = withIndicators
                    ? indicators.changes(applied.get(e.getValue()).kind(), d.code(), res.preds().getOrDefault(e.getKey(), List.of()), indBefore, date)
                    : List.of();
            Unit u = unit(d.code(), "result", seat, ic);
            Map<String, Double> entered = entered(body, d);
            results.add(new Unit(u.code(), u.name(), u.kind(), u.level(), u.parentCode(), roleOf(applied, d.code()), u.areaKm2(),
                    u.population(), u.households(), u.elderly(), u.communities(), u.seat(), u.farthestCommunityM(),
                    u.farthestCommunity(), u.indicators(), standards.check(body.standard(), u, entered)));
            if (seat == null) notes.add(d.code() + " " + d.name() + ": no proposed seat (驻地) given, so no distance to it");
        }
        return results;
    }

    private ImpactReport.ApiClientUse apiClientUse(Set<String> predCodes, LocalDate date) {
        List<ApiUseService.Use> uses = apiUse.callers(predCodes, date.minusDays(API_USE_DAYS), 200);
        long anonymous = uses.stream().filter(u -> ApiUseService.ANONYMOUS.equals(u.client())).mapToLong(ApiUseService.Use::requests).sum();
        return new ImpactReport.ApiClientUse(true,
                uses.stream().map(ApiUseService.Use::client).distinct().toList(), uses, anonymous,
                "API callers that asked about the changed units' codes (or codes under them) in the " + API_USE_DAYS
                        + " days before " + date + " (requests without an API key or sign-in as '" + ApiUseService.ANONYMOUS
                        + "'); the change feed (old and new codes) tells other systems of the change");
    }

    private int primaryLevel(StepApplier.Applied a) {
        if (a.kind().equals("convert")) return 3;
        for (ChangeResult r : a.results()) {
            for (ChangeResult.Touched t : r.units()) {
                if (a.kind().equals("establish") && t.role().equals("created")) return divisions.find(t.code()).map(Division::level).orElse(-1);
            }
        }
        for (String c : a.named()) {
            Optional<Division> d = divisions.find(c);
            if (d.isPresent()) return d.get().level();
        }
        return -1;
    }

    private static String roleOf(List<StepApplier.Applied> applied, String code) {
        String role = null;
        for (StepApplier.Applied a : applied)
            for (ChangeResult r : a.results())
                for (ChangeResult.Touched t : r.units()) if (t.code().equals(code)) role = t.role();
        return role;
    }

    /** Resulting units must not overlap an active sibling nor reach outside their parent (both beyond a sliver). */
    private void checkGeometry(Map<String, Integer> results) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> e : results.entrySet()) {
            String f = "steps[" + e.getValue() + "]";
            repo.siblingOverlaps(e.getKey()).stream()
                    .filter(r -> r.m2() > TOLERANCE_M2)
                    .forEach(r -> problems.add(new FieldProblem(f, String.format(java.util.Locale.ROOT,
                            "overlapping geometry: %s overlaps its sibling %s %s by %.0f m²", e.getKey(), r.code(), r.name(), r.m2()))));
            repo.outsideParent(e.getKey()).stream()
                    .filter(r -> r.m2() > TOLERANCE_M2)
                    .forEach(r -> problems.add(new FieldProblem(f, String.format(java.util.Locale.ROOT,
                            "unit outside its parent: %s reaches %.0f m² outside %s %s", e.getKey(), r.m2(), r.code(), r.name()))));
        }
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
    }

    /** Figures of one unit from division_public (population etc. its own, else the sum of its children's). */
    Unit unit(String code, String role, double[] seat, List<ImpactReport.IndicatorChange> ic) {
        Division d = divisions.find(code).orElseThrow(() -> ApiException.notFound("division", code));
        Map<String, Object> row = repo.unitFigures(code);
        Double far = null;
        String farName = null;
        if (seat != null) {
            var r = repo.farthestCommunity(code, seat);
            if (r.isPresent()) {
                farName = (String) r.get()[0];
                far = Math.round((double) r.get()[1] * 10) / 10.0;
            }
        }
        return new Unit(code, d.name(), d.kind(), d.level(), d.parentCode(), role, round4((Number) row.get("area_km2")),
                lng(row.get("population")), lng(row.get("households")), lng(row.get("elderly")),
                row.get("communities") == null ? 0 : ((Number) row.get("communities")).longValue(), seat, far, farName,
                ic == null ? List.of() : ic, List.of());
    }

    /** Children of a resulting unit whose names clash (重) once they share it as their parent. */
    private List<Duplicate> divisionDuplicates(List<String> results, Set<String> touched) {
        List<Duplicate> out = new ArrayList<>();
        for (String code : results) {
            List<Division> kids = divisions.children(code).stream().filter(Division::active).toList();
            for (int i = 0; i < kids.size(); i++) {
                for (int j = i + 1; j < kids.size(); j++) {
                    Division a = kids.get(i), b = kids.get(j);
                    if (!touched.contains(a.code()) && !touched.contains(b.code())) continue;
                    String cat = divisionCategory(a);
                    if (!cat.equals(divisionCategory(b))) continue;
                    if (names.duplicates(a.name(), b.name(), cat, a.code())) {
                        Division mover = touched.contains(b.code()) ? b : a, other = mover == b ? a : b;
                        out.add(new Duplicate("division", null, mover.name(), cat, mover.code(), code, other.name(), other.code(), code));
                    }
                }
            }
        }
        return out;
    }

    private static String divisionCategory(Division d) {
        return switch (d.level()) {
            case 2 -> "2120"; case 3 -> "2130"; case 4 -> "2140";
            default -> "村".equals(d.kind()) ? "2220" : "2210";
        };
    }

    private record Named(long id, String name, String cat, String oldDiv, String newDiv) {}

    private static Named named(ImpactRepository.NamedRow r) {
        return new Named(r.id(), r.name(), r.cat(), r.oldDiv(), r.newDiv());
    }

    /** Approved place names whose uniqueness scope changes and that clash with a name of the new scope. */
    private List<Duplicate> placeNameDuplicates(String beforeArea, List<String> after) {
        List<Named> inArea = repo.placeNamesInArea(beforeArea, after).stream().map(ImpactCalculator::named).toList();
        List<Named> moved = inArea.stream().filter(n -> !NameCheckService.scopeOf(n.cat(), n.oldDiv()).equals(NameCheckService.scopeOf(n.cat(), n.newDiv()))).toList();
        List<Duplicate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Long> areaIds = new HashSet<>();
        inArea.forEach(n -> areaIds.add(n.id()));
        for (Named m : moved) {
            String scope = NameCheckService.scopeOf(m.cat(), m.newDiv());
            List<Named> others = new ArrayList<>(inArea);
            repo.placeNamesInScope(scope).stream().map(ImpactCalculator::named)
                    .filter(o -> !areaIds.contains(o.id())).forEach(others::add);
            for (Named o : others) {
                if (o.id() == m.id() || !NameCheckService.comparedTogether(m.cat(), o.cat())) continue;
                if (!NameCheckService.scopeOf(o.cat(), o.newDiv()).equals(scope)) continue;
                String key = Math.min(m.id(), o.id()) + "/" + Math.max(m.id(), o.id());
                if (seen.contains(key)) continue;
                if (names.duplicates(m.name(), o.name(), m.cat(), m.newDiv())) {
                    seen.add(key);
                    out.add(new Duplicate("place-name", m.id(), m.name(), m.cat(), m.oldDiv(), m.newDiv(), o.name(), o.newDiv(), scope));
                }
            }
        }
        return out;
    }

    private static double[] seat(ProposalRequest body, Division d) {
        if (body.seats() == null) return null;
        List<Double> s = body.seats().get(d.code());
        if (s == null) s = body.seats().get(d.name());
        return s == null || s.size() != 2 ? null : new double[] {s.get(0), s.get(1)};
    }

    private static Map<String, Double> entered(ProposalRequest body, Division d) {
        if (body.entered() == null) return Map.of();
        Map<String, Double> e = body.entered().get(d.code());
        if (e == null) e = body.entered().get(d.name());
        return e == null ? Map.of() : e;
    }

    private static Double round4(Number n) { return n == null ? null : Math.round(n.doubleValue() * 10000) / 10000.0; }

    private static Long lng(Object o) { return o == null ? null : ((Number) o).longValue(); }
}
