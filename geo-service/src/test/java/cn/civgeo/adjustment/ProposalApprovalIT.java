package cn.civgeo.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A merge of two towns of a synthetic rural county: the impact report finds the duplicate village name (一村委会) and
 * the duplicate road (沿河路, unique within a town in a county) and the doorplate to recode; approval as ADMIN applies
 * it as today's change events, opens a renaming task per duplicate and recodes the doorplate in a durable job.
 */
class ProposalApprovalIT extends IntegrationTest {

    @Test
    void approvalAppliesTheMergeAndOpensTheFollowUpTasks() throws InterruptedException {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("甲乙合并"), "note", "测试",
                "steps", List.of(Map.of("kind", "merge", "survivor", c.t1(), "absorbed", List.of(c.t2()), "name", "甲乙镇")),
                "seats", Map.of(c.t1(), List.of(c.x0() + 0.01, c.y0() + 0.01)),
                "entered", Map.of(c.t1(), Map.of("gdpShare", 0.4)), "standard", "town-example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        int version = created.json().get("version").asInt();
        assertThat(auditRows("adjustment-proposal", id)).isEqualTo(1);

        JsonNode rep = get("/api/adjustments/proposals/" + id + "/impact?indicators=false", "planner-t").json();
        JsonNode u = rep.get("results").get(0);
        assertThat(u.get("code").asString()).isEqualTo(c.t1());
        assertThat(u.get("name").asString()).isEqualTo("甲乙镇");
        assertThat(u.get("population").asLong()).isEqualTo(4000);
        assertThat(u.get("communities").asLong()).isEqualTo(4);
        // farthest village centre from the seat (x0+0.01, y0+0.01): v3 or v4, by hand
        double far = jdbc.sql("""
                select max(st_distance(st_pointonsurface(geom)::geography, st_setsrid(st_makepoint(:x, :y), 4490)::geography))
                  from division where code in (:v)""").param("x", c.x0() + 0.01).param("y", c.y0() + 0.01)
                .param("v", List.of(c.v1(), c.v2(), c.v3(), c.v4())).query(Double.class).single();
        assertThat(u.get("farthestCommunityM").asDouble()).isCloseTo(far, org.assertj.core.data.Offset.offset(0.1));
        Map<String, JsonNode> checks = new java.util.HashMap<>();
        u.get("checks").forEach(ch -> checks.put(ch.get("rule").asString(), ch));
        assertThat(checks.get("population").get("pass").asBoolean()).isFalse(); // 4000 < 20000
        assertThat(checks.get("population").get("reason").asString()).contains("below");
        assertThat(checks.get("gdpShare").get("pass").asBoolean()).isFalse(); // 0.4 < 0.6 entered
        assertThat(checks.get("farthestCommunityKm").get("pass").asBoolean()).isTrue();

        Set<String> dups = new HashSet<>();
        rep.get("duplicateNames").forEach(d -> dups.add(d.get("source").asString() + ":" + d.get("name").asString()));
        assertThat(dups).containsExactlyInAnyOrder("division:一村委会", "place-name:沿河路");
        assertThat(rep.get("addresses")).hasSize(1);
        assertThat(rep.get("addresses").get(0).get("id").asLong()).isEqualTo(c.address());
        assertThat(rep.get("addresses").get(0).get("toTownship").asString()).isEqualTo(c.t1());

        // demographics: last year for both towns, this year for the merged one (evaluated after approval)
        int year = java.time.LocalDate.now().getYear();
        jdbc.sql("insert into demographics(division_code, year, population, households, age60) values (:a, :y, 2100, 820, 310), (:b, :y, 1900, 780, 290), (:a, :y1, 4100, 1610, 620)")
                .param("a", c.t1()).param("b", c.t2()).param("y", year - 1).param("y1", year).update();
        assertThat(get("/api/adjustments/proposals/" + id + "/evaluation", "planner-t").status()).isEqualTo(409);

        // planners may not approve; a stale version is refused; nothing applied by either
        assertThat(post("/api/adjustments/proposals/" + id + "/approve", "planner-t", Map.of("version", version,
                "approvalDocument", "测政〔2026〕1号")).status()).isEqualTo(403);
        Response stale = post("/api/adjustments/proposals/" + id + "/approve", "admin-t", Map.of("version", version + 5,
                "approvalDocument", "测政〔2026〕1号"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(get("/api/divisions/" + c.t2()).json().get("status").asString()).isEqualTo("active");

        Response ok = post("/api/adjustments/proposals/" + id + "/approve", "admin-t", Map.of("version", version,
                "approvalDocument", "测政〔2026〕1号"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode t2 = get("/api/divisions/" + c.t2()).json();
        assertThat(t2.get("status").asString()).isEqualTo("abolished");
        assertThat(t2.get("validTo").asString()).isEqualTo(java.time.LocalDate.now().toString());
        assertThat(get("/api/divisions/" + c.t1()).json().get("name").asString()).isEqualTo("甲乙镇");
        long event = ok.json().get("eventIds").get(0).asLong();
        assertThat(get("/api/divisions/changes/" + event).json().get("approvalDocument").asString()).isEqualTo("测政〔2026〕1号");
        assertThat(get("/api/adjustments/proposals/" + id, "planner-t").json().get("status").asString()).isEqualTo("approved");
        assertThat(post("/api/adjustments/proposals/" + id + "/approve", "admin-t", Map.of("version", version + 1,
                "approvalDocument", "again")).status()).isEqualTo(409);

        // follow-up tasks: one renaming task per duplicate, one recoding task whose job recodes the doorplate
        String moved = get("/api/divisions/" + c.v3() + "/history").json().get("resolvesTo").get(0).get("code").asString();
        assertThat(moved).startsWith(c.t1());
        JsonNode tasks = null;
        for (int i = 0; i < 240; i++) {
            tasks = get("/api/adjustments/proposals/" + id + "/tasks", "planner-t").json();
            boolean running = false;
            for (JsonNode t : tasks) if (t.get("kind").asString().equals("address_recoding") && t.get("status").asString().equals("running")) running = true;
            if (!running) break;
            Thread.sleep(500);
        }
        Map<String, Integer> kinds = new java.util.HashMap<>();
        JsonNode recoding = null;
        for (JsonNode t : tasks) {
            kinds.merge(t.get("kind").asString(), 1, Integer::sum);
            if (t.get("kind").asString().equals("address_recoding")) recoding = t;
        }
        assertThat(kinds).containsEntry("rename_duplicate", 2).containsEntry("address_recoding", 1);
        assertThat(recoding.get("status").asString()).as(recoding.toString()).isEqualTo("done");
        JsonNode a = get("/api/addresses/" + c.address(), "planner-t").json();
        assertThat(a.get("communityCode").asString()).isEqualTo(moved);
        assertThat(a.get("code").asString()).startsWith(moved);
        assertThat(recoding.get("report").get("recoded").asInt()).isEqualTo(1);

        // a renaming task is closed by hand, version-checked
        JsonNode rename = null;
        for (JsonNode t : tasks) if (t.get("kind").asString().equals("rename_duplicate")) rename = t;
        Response done = put("/api/adjustments/tasks/" + rename.get("id").asLong(), "planner-t", Map.of("version", rename.get("version").asInt(), "status", "done"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(put("/api/adjustments/tasks/" + rename.get("id").asLong(), "planner-t", Map.of("version", rename.get("version").asInt(), "status", "open")).status())
                .isEqualTo(409);
        // effect evaluation: predecessors summed before the change, the successor after, as a time series
        JsonNode ev = get("/api/adjustments/proposals/" + id + "/evaluation?years=1", "planner-t").json();
        Map<String, JsonNode> points = new java.util.HashMap<>();
        ev.get("series").forEach(pt -> points.put(pt.get("year").asInt() + "/" + pt.get("side").asString(), pt));
        assertThat(points.get((year - 1) + "/predecessors").get("population").asLong()).isEqualTo(4000);
        assertThat(points.get((year - 1) + "/predecessors").get("elderly").asLong()).isEqualTo(600);
        assertThat(points.get((year - 1) + "/predecessors").get("unitsWithData").asInt()).isEqualTo(2);
        assertThat(points.get(year + "/successors").get("population").asLong()).isEqualTo(4100);
        assertThat(points.get(year + "/successors").get("households").asLong()).isEqualTo(1610);

        // the stored report answers after approval
        assertThat(get("/api/adjustments/proposals/" + id + "/impact", "planner-t").json().get("results").get(0).get("code").asString()).isEqualTo(c.t1());
        assertThat(get("/api/adjustments/proposals/" + id + "/revisions", "planner-t").json()).hasSize(1);
    }
}
