package cn.civgeo.adjustment;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionNames;
import cn.civgeo.division.DivisionService;
import cn.civgeo.division.change.ChangeRequest;
import cn.civgeo.division.change.ChangeResult;
import cn.civgeo.division.change.DivisionChangeService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a proposal's steps into division change requests and applies them, in the caller's transaction, through the
 * division feature's change service. Used by the dry run (impact report, validation; rolled back) and by approval
 * (committed). A step may be any change kind of the registry, or {@code convert} (county → city or district: a new
 * county-level unit {@code newCode}/{@code name} on the old one's ground, its children re-parented, the old code
 * abolished with the new one as successor).
 */
@Component
class StepApplier {
    static final Set<String> KINDS = Set.of("establish", "abolish", "rename", "merge", "split", "reparent", "boundary", "convert");

    private final DivisionChangeService changes;
    private final DivisionService divisions;
    private final ImpactRepository repo;
    private final JsonMapper json;

    StepApplier(DivisionChangeService changes, DivisionService divisions, ImpactRepository repo, JsonMapper json) {
        this.changes = changes;
        this.divisions = divisions;
        this.repo = repo;
        this.json = json;
    }

    /** What one step did: its change results (a convert makes several) and the codes named before it ran. */
    record Applied(int step, String kind, List<ChangeResult> results, List<String> named) {}

    /** Checks that need no database: kinds, code syntax and code ranges of requested codes. */
    void checkStatic(List<JsonNode> steps) {
        List<FieldProblem> problems = new ArrayList<>();
        if (steps == null || steps.isEmpty()) throw ApiException.badField("steps", "must list at least one change");
        if (steps.size() > 50) throw ApiException.badField("steps", "at most 50 changes in one proposal");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String f = "steps[" + i + "]";
            if (s == null || !s.isObject()) { problems.add(new FieldProblem(f, "must be an object")); continue; }
            String kind = text(s, "kind");
            if (kind == null || !KINDS.contains(kind)) {
                problems.add(new FieldProblem(f + ".kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList())));
                continue;
            }
            for (String k : List.of("effectiveDate", "approvalDocument", "expectedVersions")) {
                if (s.has(k)) problems.add(new FieldProblem(f + "." + k, "is set at approval (today, the approval document, the versions then); leave it out"));
            }
            codeInRange(text(s, "newCode"), text(s, "name"), f + ".newCode", problems);
            if (s.get("targets") instanceof ArrayNode targets) {
                for (int j = 0; j < targets.size(); j++) {
                    codeInRange(text(targets.get(j), "code"), text(targets.get(j), "name"), f + ".targets[" + j + "].code", problems);
                }
            }
            if (kind.equals("convert")) {
                if (text(s, "code") == null) problems.add(new FieldProblem(f + ".code", "is required: the county-level unit to convert"));
                if (text(s, "name") == null) problems.add(new FieldProblem(f + ".name", "is required: the new name (…市 or …区)"));
                if (text(s, "newCode") == null) problems.add(new FieldProblem(f + ".newCode", "is required: the new county-level code"));
            }
        }
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
    }

    /** A requested code must be a code of 6, 9 or 12 digits in the number range of the kind its name implies. */
    static void codeInRange(String code, String name, String field, List<FieldProblem> problems) {
        if (code == null) return;
        int level = DivisionNames.levelOf(code);
        if (level < 0 || !code.matches("\\d+")) { problems.add(new FieldProblem(field, "must be a division code of 6, 9 or 12 digits")); return; }
        if (level == 1 || name == null) return;
        String kind = DivisionNames.kindOf(level, code, name);
        if (!DivisionNames.kindMatchesRange(level, code, kind)) {
            problems.add(new FieldProblem(field, "code " + code + " is out of the number range for a " + kind + " (domain rule: "
                    + rangeText(level, kind) + ")"));
        }
    }

    private static String rangeText(int level, String kind) {
        return switch (level) {
            case 2 -> kind.equals("地级市") ? "prefecture pair 01–20 or 51–70" : "prefecture pair 21–50";
            case 3 -> switch (kind) { case "县", "自治县", "旗", "自治旗" -> "county pair 21–50"; case "县级市" -> "county pair 81–99";
                default -> "county pair 01–20 or 51–80"; };
            case 4 -> switch (kind) { case "街道" -> "001–099"; case "镇" -> "100–199"; case "乡", "民族乡", "苏木", "民族苏木" -> "200–399";
                default -> "400–599"; };
            default -> switch (kind) { case "社区" -> "001–199"; case "村" -> "200–399"; default -> "400–599"; };
        };
    }

    /** Applies every step in the current transaction; errors name the step ({@code steps[i].field}). */
    List<Applied> applyAll(List<JsonNode> steps, LocalDate date, String document, String note) {
        List<Applied> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String prefix = "steps[" + i + "]";
            try {
                out.add(apply(i, steps.get(i), date, document, note));
            } catch (ApiException e) {
                List<FieldProblem> errs = e.errors().stream().map(p -> new FieldProblem(prefix + "." + p.field(), p.message())).toList();
                if (errs.isEmpty()) errs = List.of(new FieldProblem(prefix, e.getMessage()));
                throw new ApiException(e.type(), prefix + " (" + text(steps.get(i), "kind") + "): " + e.getMessage(), errs, e.extra());
            }
        }
        return out;
    }

    private Applied apply(int i, JsonNode step, LocalDate date, String document, String note) {
        ObjectNode s = resolveCompose((ObjectNode) step.deepCopy());
        String kind = text(s, "kind");
        List<String> named = named(s);
        if (kind.equals("convert")) return new Applied(i, kind, convert(s, date, document, note), named);
        return new Applied(i, kind, List.of(changes.apply(request(s, date, document, note))), named);
    }

    /**
     * A convert is the division feature's own {@code convert} change (one event: the county's code abolished with the
     * new code as its successor, territory, figures and towns passing to it); the step only adds date and versions.
     */
    private List<ChangeResult> convert(ObjectNode s, LocalDate date, String document, String note) {
        Division old = divisions.find(text(s, "code")).filter(Division::active)
                .orElseThrow(() -> ApiException.badField("code", "is not an active division"));
        if (old.level() != 3) throw ApiException.badField("code", "must be a county-level unit (level 3) to convert");
        ObjectNode c = json.createObjectNode();
        c.put("kind", "convert").put("code", old.code()).put("name", text(s, "name")).put("newCode", text(s, "newCode"));
        if (text(s, "note") != null) c.put("note", text(s, "note"));
        return List.of(changes.apply(request(c, date, document, note)));
    }

    /** {@code composeFrom: [codes]} → {@code geometry}: the union of those units' current geometry (division_public). */
    private ObjectNode resolveCompose(ObjectNode s) {
        if (s.get("composeFrom") instanceof ArrayNode a) s.set("geometry", compose(a, "composeFrom"));
        s.remove("composeFrom");
        if (s.get("targets") instanceof ArrayNode targets) {
            for (int j = 0; j < targets.size(); j++) {
                if (targets.get(j) instanceof ObjectNode t && t.get("composeFrom") instanceof ArrayNode a) {
                    t.set("geometry", compose(a, "targets[" + j + "].composeFrom"));
                    t.remove("composeFrom");
                }
            }
        }
        return s;
    }

    private JsonNode compose(ArrayNode codes, String field) {
        List<String> list = new ArrayList<>();
        codes.forEach(c -> list.add(c.asString()));
        if (list.isEmpty()) throw ApiException.badField(field, "must name at least one unit");
        String gj = repo.activeUnionGeoJson(list);
        if (gj == null) throw ApiException.badField(field, "every code must be an active unit with geometry");
        return json.readTree(gj);
    }

    /** The step as a change request: today's date, the document, the versions current now for every unit named. */
    private ChangeRequest request(ObjectNode s, LocalDate date, String document, String note) {
        s.put("effectiveDate", date.toString());
        s.put("approvalDocument", document);
        if (!s.has("note") && note != null) s.put("note", note);
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String c : named(s)) divisions.find(c).ifPresent(d -> versions.put(d.code(), d.version()));
        s.set("expectedVersions", json.valueToTree(versions));
        return json.treeToValue(s, ChangeRequest.class);
    }

    /** Codes of existing units a step names (code, survivor, absorbed, geometries' keys, parentCode). */
    static List<String> named(JsonNode s) {
        List<String> out = new ArrayList<>();
        for (String k : List.of("code", "survivor", "parentCode")) if (text(s, k) != null) out.add(text(s, k));
        if (s.get("absorbed") instanceof ArrayNode a) a.forEach(x -> out.add(x.asString()));
        if (s.get("geometries") != null && s.get("geometries").isObject()) s.get("geometries").propertyNames().forEach(out::add);
        return out;
    }

    static String text(JsonNode n, String k) {
        JsonNode v = n == null ? null : n.get(k);
        return v == null || v.isNull() || !v.isString() || v.asString().isBlank() ? null : v.asString().strip();
    }
}
