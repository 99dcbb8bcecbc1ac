package cn.civgeo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approved plan changes only through its workflow (#18): a PUT moving a target answers 409 naming the field and
 * the workflow and writes nothing; DELETE is refused; reopening needs a reason; every step is audited and versioned.
 */
class PlanApprovalIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private long plan;

    @BeforeEach
    void plan() throws Exception {
        synchronized (PlanApprovalIT.class) {
            DivisionFixtures.ensureDemoCity(ctx);
        }
        ObjectNode t = PlanTemplateIT.template(json, "xiamen-14th");
        t.put("code", unique("approval-"));
        Response r = post("/api/plans/import", "planner-t", json.writeValueAsBytes(t));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        plan = r.json().get("id").asLong();
    }

    private JsonNode now() { return get("/api/plans/" + plan).json(); }

    /** The plan as a replace body (the Input shape), at the version read. */
    private ObjectNode asInput(JsonNode p) {
        ObjectNode in = json.createObjectNode();
        for (String f : new String[] {"code", "divisionCode", "name", "nameEn", "periodFrom", "periodTo", "baselineYear", "source", "indicators", "version"}) {
            in.set(f, p.get(f) == null ? null : p.get(f).deepCopy()); // a copy: the tests change indicators in it
        }
        return in;
    }

    @Test
    void anApprovedPlanChangesOnlyThroughItsWorkflow() {
        JsonNode draft = now();
        assertThat(draft.get("approval").get("status").asString()).isEqualTo("draft");
        int v = draft.get("version").asInt();

        // approving: ADMIN only, every field named when missing, nothing written
        assertThat(post("/api/plans/" + plan + "/approve", "planner-t", Map.of("version", v, "approvingBody", "厦门市人民政府",
                "document", "厦府〔2021〕12号", "approvedOn", "2021-09-30")).status()).isEqualTo(403);
        Response incomplete = post("/api/plans/" + plan + "/approve", "admin-t", Map.of("version", v));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.contentType()).startsWith("application/problem+json");
        assertThat(incomplete.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("approvingBody", "document", "approvedOn");
        Response future = post("/api/plans/" + plan + "/approve", "admin-t", Map.of("version", v, "approvingBody", "厦门市人民政府",
                "document", "厦府〔2021〕12号", "approvedOn", "2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(now().get("version").asInt()).isEqualTo(v);
        assertThat(post("/api/plans/" + plan + "/approve", "admin-t", Map.of("version", v - 1, "approvingBody", "厦门市人民政府",
                "document", "厦府〔2021〕12号", "approvedOn", "2021-09-30")).status()).as("stale version").isEqualTo(409);

        Response ok = post("/api/plans/" + plan + "/approve", "admin-t", Map.of("version", v, "approvingBody", "厦门市人民政府",
                "document", "厦府〔2021〕12号", "approvedOn", "2021-09-30"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode approved = ok.json();
        assertThat(approved.get("approval").get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("approval").get("approvedBy").asString()).isEqualTo("admin-t");
        assertThat(approved.get("approval").get("approvedOn").asString()).isEqualTo("2021-09-30");
        assertThat(post("/api/plans/" + plan + "/approve", "admin-t", Map.of("version", approved.get("version").asInt(),
                "approvingBody", "x", "document", "y", "approvedOn", "2021-09-30")).status()).as("already approved").isEqualTo(409);

        // moving a target of an approved plan: 409 naming the indicator's field and the workflow, nothing written
        ObjectNode moved = asInput(approved);
        ObjectNode first = (ObjectNode) ((ArrayNode) moved.get("indicators")).get(0);
        double target = first.get("target").asDouble();
        first.put("target", target + 10);
        Response refused = put("/api/plans/" + plan, "admin-t", moved);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("indicators[0].target");
        assertThat(refused.json().get("detail").asString()).contains("/reopen").contains("/approve");
        assertThat(now().get("indicators").get(0).get("target").asDouble()).isEqualTo(target);
        assertThat(now().get("version").asInt()).isEqualTo(approved.get("version").asInt());
        // sending back what it holds changes nothing and is not refused
        Response same = put("/api/plans/" + plan, "admin-t", asInput(approved));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(delete("/api/plans/" + plan + "?version=" + approved.get("version").asInt(), "admin-t").status()).isEqualTo(409);

        // reopen: a reason is required; then the change goes through and the approved version stays in /versions
        assertThat(post("/api/plans/" + plan + "/reopen", "admin-t", Map.of("version", approved.get("version").asInt())).status()).isEqualTo(400);
        assertThat(post("/api/plans/" + plan + "/reopen", "planner-t", Map.of("version", approved.get("version").asInt(),
                "reason", "中期评估")).status()).isEqualTo(403);
        Response reopened = post("/api/plans/" + plan + "/reopen", "admin-t", Map.of("version", approved.get("version").asInt(),
                "reason", "中期评估调整目标"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("approval").get("status").asString()).isEqualTo("draft");
        assertThat(reopened.json().get("approval").get("reopenReason").asString()).isEqualTo("中期评估调整目标");
        ObjectNode again = asInput(reopened.json());
        ((ObjectNode) ((ArrayNode) again.get("indicators")).get(0)).put("target", target + 10);
        Response changed = put("/api/plans/" + plan, "planner-t", again);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("indicators").get(0).get("target").asDouble()).isEqualTo(target + 10);
        JsonNode versions = get("/api/plans/" + plan + "/versions").json();
        assertThat(versions.findValuesAsString("status")).contains("approved", "draft");

        // audited: approve and reopen each an UPDATE with before and after
        long audited = jdbc.sql("select count(*) from audit_log where entity = 'plan' and entity_id = ? and action = 'UPDATE' "
                + "and before->'approval'->>'status' is distinct from after->'approval'->>'status'").param(String.valueOf(plan))
                .query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }
}
