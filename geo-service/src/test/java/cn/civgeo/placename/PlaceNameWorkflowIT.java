package cn.civgeo.placename;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlaceNameWorkflowIT extends IntegrationTest {
    @BeforeEach
    void divisions() { PlaceNameTestData.ensureDivisions(jdbc); }

    private JsonNode propose(String user, String name, String category, String geometry) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("category", category);
        if (geometry != null) body.put("geometry", json.readTree(geometry));
        body.put("meaning", "以道旁松柏得名");
        body.put("locationText", "测试区中部，东西走向");
        Response r = post("/api/place-names", user, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> step(int version, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", version);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private Map<String, Object> approval(int version) {
        return step(version, "approvalAuthority", "测试市人民政府", "approvalDoc", "测政地〔2026〕1号", "approvalDate", "2026-03-01");
    }

    @Test
    void fullLifecycleWithEventsAndAudit() {
        String specific = PlaceNameTestData.uniqueSpecific();
        String name = specific + "路";
        JsonNode created = propose("planner-t", name, "2530", PlaceNameTestData.line(0.001));
        JsonNode p = created.get("placeName");
        long id = p.get("id").asLong();
        assertThat(p.get("status").asString()).isEqualTo("proposed");
        assertThat(p.get("spelling").asString()).endsWith(" Lu").doesNotContain("  ");
        assertThat(p.get("divisionCode").asString()).isEqualTo(PlaceNameTestData.COMMUNITY); // the finest unit containing it
        assertThat(p.get("lengthM").asDouble()).isBetween(7000.0, 8000.0);
        assertThat(created.get("findings").isEmpty()).isTrue();
        assertThat(auditRows("place_name", id)).isEqualTo(1);

        // roles: a viewer cannot propose, a planner cannot approve
        assertThat(post("/api/place-names", "viewer-t", Map.of("name", "松柏路", "category", "2530")).status()).isEqualTo(403);

        JsonNode submitted = post("/api/place-names/" + id + "/submit", "planner-t", step(0)).json();
        assertThat(submitted.get("status").asString()).isEqualTo("under_review");
        assertThat(post("/api/place-names/" + id + "/approve", "planner-t", approval(1)).status()).isEqualTo(403);
        Response missing = post("/api/place-names/" + id + "/approve", "admin-t", step(1));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("approvalDoc");
        assertThat(post("/api/place-names/" + id + "/approve", "admin-t", approval(0)).status()).isEqualTo(409); // stale

        JsonNode approved = post("/api/place-names/" + id + "/approve", "admin-t", approval(1)).json();
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("code").asString()).startsWith(PlaceNameTestData.DISTRICT + "2530").hasSize(16);
        assertThat(approved.get("reviewedBy").asString()).isEqualTo("admin-t");

        JsonNode ann = post("/api/place-names/" + id + "/announce", "admin-t", step(2, "announcementNo", "测地名公告〔2026〕1号")).json();
        assertThat(ann.get("name").asString()).isEqualTo(name);
        assertThat(ann.get("spelling").asString()).isEqualTo(approved.get("spelling").asString());
        assertThat(ann.get("division").asString()).isEqualTo("测试省测试市测试区测试街道测试社区");
        assertThat(ann.get("approvalAuthority").asString()).isEqualTo("测试市人民政府");
        assertThat(ann.get("approvalDate").asString()).isEqualTo("2026-03-01");
        assertThat(ann.get("locationText").asString()).contains("东西走向");
        assertThat(get("/api/place-names/" + id + "/announcement").status()).isEqualTo(200);

        String newName = PlaceNameTestData.uniqueSpecific() + "路";
        Response renamed = post("/api/place-names/" + id + "/rename", "admin-t", step(3, "newName", newName, "reason", "道路延伸后统一命名",
                "approvalDoc", "测政地〔2026〕9号", "approvalDate", "2026-06-01"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo(newName);
        assertThat(renamed.json().get("formerNames").get(0).get("name").asString()).isEqualTo(name);
        assertThat(renamed.json().get("formerNames").get(0).get("validTo").asString()).isEqualTo("2026-06-01");
        assertThat(renamed.json().get("code").asString()).isEqualTo(approved.get("code").asString());
        // the former name stays searchable
        JsonNode found = get("/api/place-names?mode=exact&q=" + enc(name)).json();
        assertThat(found.get("items")).anySatisfy(h -> {
            assertThat(h.get("id").asLong()).isEqualTo(id);
            assertThat(h.get("name").asString()).isEqualTo(newName);
            assertThat(h.get("matched").asString()).isEqualTo(name);
        });

        JsonNode abolished = post("/api/place-names/" + id + "/abolish", "admin-t", step(4, "reason", "道路拆除", "approvalDoc",
                "测政地〔2027〕2号", "approvalDate", "2027-01-10")).json();
        assertThat(abolished.get("status").asString()).isEqualTo("abolished");
        assertThat(abolished.get("current").asBoolean()).isFalse();
        assertThat(abolished.get("abolishedYear").asInt()).isEqualTo(2027);
        assertThat(get("/api/place-names/" + id).json().get("name").asString()).isEqualTo(newName); // record kept

        JsonNode events = get("/api/place-names/" + id + "/events").json();
        assertThat(events.valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("propose", "submit", "approve", "announce", "rename", "abolish");
        assertThat(events.get(5).get("reason").asString()).isEqualTo("道路拆除");
        assertThat(auditRows("place_name", id)).isEqualTo(6);
        String lastActor = jdbc.sql("select actor from audit_log where entity = 'place_name' and entity_id = :id order by id desc limit 1")
                .param("id", String.valueOf(id)).query(String.class).single();
        assertThat(lastActor).isEqualTo("admin-t");
        // an abolished name cannot be approved again
        assertThat(post("/api/place-names/" + id + "/approve", "admin-t", approval(5)).status()).isEqualTo(409);
    }

    @Test
    void rejectNeedsAReasonAndReopenReturnsToProposed() {
        JsonNode p = propose("surveyor-t", PlaceNameTestData.uniqueSpecific() + "巷", "2540", PlaceNameTestData.line(0.002)).get("placeName");
        long id = p.get("id").asLong();
        post("/api/place-names/" + id + "/submit", "surveyor-t", step(0));
        assertThat(post("/api/place-names/" + id + "/reject", "admin-t", step(1)).status()).isEqualTo(400);
        JsonNode rejected = post("/api/place-names/" + id + "/reject", "admin-t", step(1, "reason", "与规划路网不符")).json();
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.get("rejectReason").asString()).isEqualTo("与规划路网不符");
        JsonNode reopened = post("/api/place-names/" + id + "/reopen", "surveyor-t", step(2, "reason", "已修改")).json();
        assertThat(reopened.get("status").asString()).isEqualTo("proposed");
        assertThat(auditRows("place_name", id)).isEqualTo(4);
    }

    @Test
    void duplicateInScopeIsFoundAndBlocksApproval() {
        String name = PlaceNameTestData.uniqueSpecific() + "街";
        long first = propose("planner-t", name, "2530", PlaceNameTestData.line(0.003)).get("placeName").get("id").asLong();
        post("/api/place-names/" + first + "/submit", "planner-t", step(0));
        post("/api/place-names/" + first + "/approve", "admin-t", approval(1));
        // the same name with a city prefix, in the same city
        JsonNode second = propose("planner-t", "测试" + name, "2530", PlaceNameTestData.line(0.004));
        assertThat(second.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asString()).isEqualTo("DUPLICATE");
            assertThat(f.get("label").asString()).isEqualTo("重");
            assertThat(f.get("others").get(0).asString()).startsWith(name + " (");
            assertThat(f.get("fix").asString()).isNotBlank();
        });
        long id = second.get("placeName").get("id").asLong();
        post("/api/place-names/" + id + "/submit", "planner-t", step(0));
        Response refused = post("/api/place-names/" + id + "/approve", "admin-t", approval(1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("findings").get(0).get("check").asString()).isEqualTo("duplicate");
    }

    @Test
    void checksNameExemptionsAndDivisionCategories() {
        JsonNode exempt = post("/api/place-names/check", "viewer-t", Map.of("name", "白求恩国际和平医院", "category", "2920",
                "divisionCode", PlaceNameTestData.TOWNSHIP)).json();
        assertThat(exempt.get("passes").asBoolean()).isTrue();
        assertThat(exempt.get("findings")).hasSize(2).allSatisfy(f -> assertThat(f.get("exemptReason").asString()).contains("historic"));
        JsonNode foreign = post("/api/place-names/check", "viewer-t", Map.of("name", "威尼斯花园", "category", "2410",
                "divisionCode", PlaceNameTestData.TOWNSHIP)).json();
        assertThat(foreign.get("passes").asBoolean()).isFalse();
        assertThat(foreign.get("findings").get(0).get("triggers").get(0).asString()).isEqualTo("威尼斯");
        Response division = post("/api/place-names", "admin-t", Map.of("name", "松柏区", "category", "2130", "divisionCode", PlaceNameTestData.DISTRICT));
        assertThat(division.status()).isEqualTo(400);
        assertThat(division.body()).contains("division registry");
        // exemptions are recorded with a reason, by ADMIN only
        String n = "列宁" + PlaceNameTestData.uniqueSpecific() + "园";
        assertThat(post("/api/place-name-exemptions", "planner-t", Map.of("name", n, "rule", "洋", "reason", "历史地名")).status()).isEqualTo(403);
        assertThat(post("/api/place-name-exemptions", "admin-t", Map.of("name", n, "rule", "洋")).status()).isEqualTo(400);
        Response ex = post("/api/place-name-exemptions", "admin-t", Map.of("name", n, "rule", "洋", "reason", "历史地名，沿用已久"));
        assertThat(ex.status()).isEqualTo(201);
        assertThat(post("/api/place-names/check", "viewer-t", Map.of("name", n, "category", "2720", "divisionCode",
                PlaceNameTestData.TOWNSHIP)).json().get("passes").asBoolean()).isTrue();
        // listed; a second one of the same name and rule is a duplicate; removed by ADMIN only, then gone (404 again)
        long exId = ex.json().get("id").asLong();
        assertThat(ex.json().get("name").asString()).isEqualTo(n);
        assertThat(ex.json().get("reason").asString()).isEqualTo("历史地名，沿用已久");
        assertThat(post("/api/place-name-exemptions", "admin-t", Map.of("name", " " + n, "rule", "洋", "reason", "再来一次的理由")).status())
                .isEqualTo(409);
        var listed = new java.util.ArrayList<String>();
        get("/api/place-name-exemptions").json().forEach(x -> { if (x.get("id").asLong() == exId) listed.add(x.get("name").asString() + "|" + x.get("rule").asString()); });
        assertThat(listed).containsExactly(n + "|" + ex.json().get("rule").asString());
        assertThat(delete("/api/place-name-exemptions/" + exId, "planner-t").status()).isEqualTo(403);
        assertThat(delete("/api/place-name-exemptions/" + exId, "admin-t").status()).isEqualTo(204);
        assertThat(delete("/api/place-name-exemptions/" + exId, "admin-t").status()).isEqualTo(404);
        listed.clear();
        get("/api/place-name-exemptions").json().forEach(x -> { if (x.get("id").asLong() == exId) listed.add(x.get("name").asString()); });
        assertThat(listed).isEmpty();
        assertThat(post("/api/place-names/check", "viewer-t", Map.of("name", n, "category", "2720", "divisionCode",
                PlaceNameTestData.TOWNSHIP)).json().get("passes").asBoolean()).isFalse();
    }

    @Test
    void optimisticLockingOnUpdate() {
        long id = propose("planner-t", PlaceNameTestData.uniqueSpecific() + "路", "2530", PlaceNameTestData.line(0.005))
                .get("placeName").get("id").asLong();
        assertThat(put("/api/place-names/" + id, "planner-t", Map.of("version", 0, "description", "新描述")).status()).isEqualTo(200);
        assertThat(put("/api/place-names/" + id, "planner-t", Map.of("version", 0, "description", "旧版本")).status()).isEqualTo(409);
        assertThat(get("/api/place-names/" + id).json().get("description").asString()).isEqualTo("新描述");
    }

    static String enc(String s) { return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8); }
}
