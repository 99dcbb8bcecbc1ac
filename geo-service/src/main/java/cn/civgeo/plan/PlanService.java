package cn.civgeo.plan;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Plans: validation, CRUD with audit, optimistic locking (409) and a saved snapshot of every version. */
@Service
class PlanService {
    static final String ENTITY = "plan";
    static final Set<String> DIRECTIONS = Set.of("ge", "le", "eq", "range");
    static final Set<String> KINDS = Set.of("binding", "expected");

    private final PlanRepository repo;
    private final DivisionService divisions;
    private final AuditService audit;
    private final JsonMapper json;

    PlanService(PlanRepository repo, DivisionService divisions, AuditService audit, JsonMapper json) {
        this.repo = repo;
        this.divisions = divisions;
        this.audit = audit;
        this.json = json;
    }

    public Plan get(long id) { return repo.byId(id).orElseThrow(() -> ApiException.notFound("Plan", id)); }

    public List<Plan> list(String division) { return repo.list(division); }

    public List<Plan.Version> versions(long id) {
        get(id);
        return repo.versions(id);
    }

    @Transactional
    public Plan create(Plan.Input in) {
        check(in);
        if (repo.idByCode(in.code()).isPresent()) throw ApiException.duplicate("A plan with code '" + in.code() + "' already exists");
        String actor = AuditService.currentActor();
        long id = repo.insert(in, actor);
        Plan created = get(id);
        repo.insertVersion(id, created.version(), created, actor);
        audit.created(ENTITY, id, created);
        return created;
    }

    @Transactional
    public Plan update(long id, Plan.Input in) {
        if (in.version() == null) throw ApiException.badField("version", "is required: send the version you read");
        Plan before = get(id);
        check(in);
        if (before.approval().approved()) {
            List<cn.civgeo.common.FieldProblem> changed = changedFields(before, in);
            if (changed.isEmpty()) return before; // sent back what it holds: nothing to write
            throw new ApiException(cn.civgeo.common.ProblemType.STATE_CONFLICT, "plan " + before.code() + " is approved ("
                    + before.approval().approvingBody() + ", " + before.approval().document() + "); it changes only through its "
                    + "workflow: " + WORKFLOW.replace("{id}", String.valueOf(id)) + " (changed: "
                    + String.join(", ", changed.stream().map(cn.civgeo.common.FieldProblem::field).toList()) + ")", changed);
        }
        repo.idByCode(in.code()).filter(other -> other != id)
                .ifPresent(other -> { throw ApiException.duplicate("Another plan has code '" + in.code() + "'"); });
        String actor = AuditService.currentActor();
        if (!repo.update(id, in.version(), in, actor)) throw ApiException.staleVersion("Plan", id, in.version());
        Plan after = get(id);
        repo.insertVersion(id, after.version(), after, actor);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Integer version) {
        if (version == null) throw ApiException.badField("version", "is required: send the version you read");
        Plan before = get(id);
        if (before.approval().approved()) {
            throw new ApiException(cn.civgeo.common.ProblemType.STATE_CONFLICT, "plan " + before.code() + " is approved; "
                    + "reopen it first (POST /api/plans/" + id + "/reopen, ADMIN, with a reason)", List.of());
        }
        if (!repo.delete(id, version)) throw ApiException.staleVersion("Plan", id, version);
        audit.deleted(ENTITY, id, before);
    }

    static final String WORKFLOW = "POST /api/plans/{id}/reopen (ADMIN, with a reason) to take it back to draft, change it, "
            + "then POST /api/plans/{id}/approve";

    /** The fields of a replace that differ from the plan as it is (an approved plan refuses them). */
    static List<cn.civgeo.common.FieldProblem> changedFields(Plan b, Plan.Input in) {
        List<cn.civgeo.common.FieldProblem> out = new java.util.ArrayList<>();
        String msg = "an approved plan changes only through its workflow";
        if (!java.util.Objects.equals(in.code(), b.code())) out.add(new cn.civgeo.common.FieldProblem("code", msg));
        if (!java.util.Objects.equals(in.divisionCode(), b.divisionCode())) out.add(new cn.civgeo.common.FieldProblem("divisionCode", msg));
        if (!java.util.Objects.equals(in.name(), b.name())) out.add(new cn.civgeo.common.FieldProblem("name", msg));
        if (in.nameEn() != null && !in.nameEn().equals(b.nameEn())) out.add(new cn.civgeo.common.FieldProblem("nameEn", msg));
        if (in.periodFrom() != null && in.periodFrom() != b.periodFrom()) out.add(new cn.civgeo.common.FieldProblem("periodFrom", msg));
        if (in.periodTo() != null && in.periodTo() != b.periodTo()) out.add(new cn.civgeo.common.FieldProblem("periodTo", msg));
        if (in.baselineYear() != null && in.baselineYear() != b.baselineYear()) out.add(new cn.civgeo.common.FieldProblem("baselineYear", msg));
        if (in.source() != null && !in.source().equals(b.source())) out.add(new cn.civgeo.common.FieldProblem("source", msg));
        List<Plan.Indicator> asked = in.indicators() == null ? List.of() : in.indicators();
        java.util.Map<String, Plan.Indicator> held = new java.util.HashMap<>();
        b.indicators().forEach(i -> held.put(i.code(), i));
        java.util.Set<String> seen = new HashSet<>();
        for (int k = 0; k < asked.size(); k++) {
            Plan.Indicator a = asked.get(k);
            seen.add(a.code());
            Plan.Indicator h = held.get(a.code());
            if (h == null) { out.add(new cn.civgeo.common.FieldProblem("indicators[" + k + "]", msg + ": a new indicator " + a.code())); continue; }
            for (String f : indicatorDifferences(a, h)) out.add(new cn.civgeo.common.FieldProblem("indicators[" + k + "]." + f, msg));
        }
        for (String code : held.keySet()) {
            if (!seen.contains(code)) out.add(new cn.civgeo.common.FieldProblem("indicators", msg + ": indicator " + code + " removed"));
        }
        return out;
    }

    private static List<String> indicatorDifferences(Plan.Indicator a, Plan.Indicator h) {
        List<String> out = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(a.baseline(), h.baseline())) out.add("baseline");
        if (!java.util.Objects.equals(a.target(), h.target())) out.add("target");
        if (!java.util.Objects.equals(a.targetMax(), h.targetMax())) out.add("targetMax");
        if (a.direction() != null && !a.direction().equals(h.direction())) out.add("direction");
        if (a.kind() != null && !a.kind().equals(h.kind())) out.add("kind");
        if (!java.util.Objects.equals(a.metric(), h.metric())) out.add("metric");
        java.util.Map<String, Double> ao = a.overrides() == null ? java.util.Map.of() : a.overrides();
        java.util.Map<String, Double> ho = h.overrides() == null ? java.util.Map.of() : h.overrides();
        if (!ao.equals(ho)) out.add("overrides");
        return out;
    }

    /** Approves a draft plan (ADMIN): who issued it, the document and its date. Audited; a new saved version. */
    @Transactional
    public Plan approve(long id, Plan.ApprovalInput a) {
        if (a == null || a.version() == null) throw ApiException.badField("version", "is required: send the version you read");
        List<cn.civgeo.common.FieldProblem> bad = new java.util.ArrayList<>();
        if (a.approvingBody() == null || a.approvingBody().isBlank()) bad.add(new cn.civgeo.common.FieldProblem("approvingBody", "is required: who issued the plan (e.g. 厦门市人民政府)"));
        if (a.document() == null || a.document().isBlank()) bad.add(new cn.civgeo.common.FieldProblem("document", "is required: the issuing document (e.g. 厦府〔2021〕12号)"));
        if (a.approvedOn() == null) bad.add(new cn.civgeo.common.FieldProblem("approvedOn", "is required: the date of the document (yyyy-MM-dd)"));
        else if (a.approvedOn().isAfter(java.time.LocalDate.now())) bad.add(new cn.civgeo.common.FieldProblem("approvedOn", "is in the future"));
        if (!bad.isEmpty()) throw new ApiException(cn.civgeo.common.ProblemType.VALIDATION, "the approval is incomplete", bad);
        Plan before = get(id);
        if (before.approval().approved()) throw ApiException.conflict("plan " + before.code() + " is already approved");
        if (!repo.approve(id, a.version(), a, AuditService.currentActor())) throw ApiException.staleVersion("Plan", id, a.version());
        Plan after = get(id);
        repo.insertVersion(id, after.version(), after, AuditService.currentActor());
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    /** Takes an approved plan back to draft (ADMIN) with the reason (e.g. 中期评估调整). Audited; a new saved version. */
    @Transactional
    public Plan reopen(long id, Plan.ReopenInput r) {
        if (r == null || r.version() == null) throw ApiException.badField("version", "is required: send the version you read");
        if (r.reason() == null || r.reason().isBlank()) throw ApiException.badField("reason", "is required: why the approved plan is reopened");
        Plan before = get(id);
        if (!before.approval().approved()) throw ApiException.conflict("plan " + before.code() + " is a draft, not approved");
        if (!repo.reopen(id, r.version(), r.reason(), AuditService.currentActor())) throw ApiException.staleVersion("Plan", id, r.version());
        Plan after = get(id);
        repo.insertVersion(id, after.version(), after, AuditService.currentActor());
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    /** Imports a plan template (the JSON of data/plans/*.json): a new plan, 409 when its code exists. */
    @Transactional
    public Plan importTemplate(byte[] body) {
        Plan.Input in;
        try {
            in = json.readValue(body, Plan.Input.class);
        } catch (JacksonException e) {
            throw ApiException.badField("file", "is not a plan template (JSON with code, divisionCode, name, periodFrom, "
                    + "periodTo, baselineYear, indicators): " + e.getOriginalMessage());
        }
        return create(new Plan.Input(in.code(), in.divisionCode(), in.name(), in.nameEn(), in.periodFrom(), in.periodTo(),
                in.baselineYear(), in.source(), in.indicators(), null));
    }

    // reported values

    public List<Plan.ReportedValue> values(long planId, String indicator, String division) {
        get(planId);
        return repo.values(planId, indicator, division);
    }

    /** Records (version absent/0) or replaces (the version read) one reported value. */
    @Transactional
    public Plan.ReportedValue recordValue(long planId, Plan.ValueInput v) {
        Plan plan = get(planId);
        Validation val = new Validation();
        Plan.Indicator ind = plan.indicators().stream().filter(i -> i.code().equals(v.indicatorCode())).findFirst().orElse(null);
        val.require(ind != null, "indicatorCode", "the plan has no indicator '" + v.indicatorCode() + "'");
        val.require(v.divisionCode() != null && divisions.find(v.divisionCode()).filter(Division::active).isPresent(), "divisionCode",
                "no active division has code " + v.divisionCode());
        val.require(v.year() != null && v.year() >= plan.baselineYear() && v.year() <= plan.periodTo() + 5, "year",
                "must be between the baseline year " + plan.baselineYear() + " and " + (plan.periodTo() + 5));
        val.require(v.value() != null && Double.isFinite(v.value()), "value", "is required (a number)");
        val.require(v.source() != null && !v.source().isBlank() && v.source().length() <= 500, "source", "is required: where the figure comes from");
        val.throwIfInvalid();
        String actor = AuditService.currentActor();
        var existing = repo.value(planId, v.indicatorCode(), v.divisionCode(), v.year());
        if (existing.isPresent()) {
            if (v.version() == null || !repo.updateValue(existing.get().id(), v.version(), v, actor)) {
                throw ApiException.staleVersion("Reported value " + v.indicatorCode() + " of " + v.divisionCode() + " in", v.year(),
                        v.version() == null ? 0 : v.version());
            }
            var after = repo.value(planId, v.indicatorCode(), v.divisionCode(), v.year()).orElseThrow();
            audit.updated("plan-value", after.id(), existing.get(), after);
            return after;
        }
        if (v.version() != null && v.version() != 0) throw ApiException.staleVersion("Reported value", v.indicatorCode(), v.version());
        long id = repo.insertValue(planId, v, actor);
        var created = repo.value(planId, v.indicatorCode(), v.divisionCode(), v.year()).orElseThrow();
        audit.created("plan-value", id, created);
        return created;
    }

    private void check(Plan.Input in) {
        Validation v = new Validation();
        v.require(in.code() != null && in.code().matches("[a-z0-9][a-z0-9-]{1,63}"), "code", "must be 2-64 lower-case letters, digits or '-'");
        v.require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "name", "must be 1 to 200 characters");
        v.require(in.divisionCode() != null && divisions.find(in.divisionCode()).filter(Division::active).isPresent(), "divisionCode",
                "no active division has code " + in.divisionCode());
        boolean years = in.periodFrom() != null && in.periodTo() != null && in.baselineYear() != null;
        v.require(years, "periodFrom", "periodFrom, periodTo and baselineYear are required");
        if (years) {
            v.require(in.periodFrom() >= 1949 && in.periodFrom() <= 2100, "periodFrom", "must be a year 1949-2100");
            v.require(in.periodTo() >= in.periodFrom() && in.periodTo() <= in.periodFrom() + 10, "periodTo", "must be periodFrom … periodFrom + 10");
            v.require(in.baselineYear() >= in.periodFrom() - 5 && in.baselineYear() <= in.periodFrom(), "baselineYear",
                    "must be periodFrom - 5 … periodFrom (usually the year before the period)");
        }
        v.require(in.indicators() != null && !in.indicators().isEmpty(), "indicators", "a plan needs at least one indicator");
        if (in.indicators() != null) {
            Set<String> codes = new HashSet<>();
            for (int n = 0; n < in.indicators().size(); n++) {
                Plan.Indicator i = in.indicators().get(n);
                String f = "indicators[" + n + "]";
                v.require(i.code() != null && i.code().matches("[A-Za-z][A-Za-z0-9_]{1,63}"), f + ".code", "must be 2-64 letters, digits or _");
                v.require(i.code() == null || codes.add(i.code()), f + ".code", "appears twice: " + i.code());
                v.require(i.nameZh() != null && !i.nameZh().isBlank(), f + ".nameZh", "is required");
                v.require(i.nameEn() != null && !i.nameEn().isBlank(), f + ".nameEn", "is required");
                v.require(i.unit() != null && !i.unit().isBlank(), f + ".unit", "is required (%, 张, m² …)");
                v.require(i.direction() != null && DIRECTIONS.contains(i.direction()), f + ".direction", "must be ge, le, eq or range");
                v.require(i.kind() != null && KINDS.contains(i.kind()), f + ".kind", "must be binding (约束性) or expected (预期性)");
                v.require(i.target() != null || i.targetText() != null, f + ".target", "a target (number) or targetText is required");
                v.require(!"range".equals(i.direction()) || (i.target() != null && i.targetMax() != null && i.targetMax() >= i.target()),
                        f + ".targetMax", "a range needs target ≤ targetMax");
                if (i.overrides() != null) {
                    for (var o : i.overrides().entrySet()) {
                        v.require(o.getKey().startsWith(in.divisionCode() == null ? "" : DivisionCode.significant(in.divisionCode())) && !o.getKey().equals(in.divisionCode()), f + ".overrides",
                                o.getKey() + " is not a division under " + in.divisionCode());
                        v.require(o.getValue() != null && Double.isFinite(o.getValue()), f + ".overrides", "target of " + o.getKey() + " must be a number");
                    }
                }
                Metric.check(v, f + ".metric", i.metric());
            }
        }
        v.throwIfInvalid();
    }

}
