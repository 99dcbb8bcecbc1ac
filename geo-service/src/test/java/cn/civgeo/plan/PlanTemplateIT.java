package cn.civgeo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four seed plan templates (data/plans) imported through the API give plans whose indicators match the seed
 * table of domain.md §7, transcribed here row by row (code, baseline, target, kind), independently of the files.
 * Also: CRUD with roles, audit, 409 on a stale version and the version history.
 */
class PlanTemplateIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    /** One row of §7 for one city: baseline (null = none given), target, binding? */
    record Seed(String code, Double baseline, double target, boolean binding) {}

    static final Map<String, List<Seed>> SEEDS = Map.of(
            "zigong-14th", List.of(
                    new Seed("nursingBedShare", 30.0, 55, true),
                    new Seed("townshipCentreShare", null, 60, false),
                    new Seed("communityServiceAreaPer100Households", null, 30, false),
                    new Seed("countyBurialCoverage", null, 100, true),
                    new Seed("ecoCremators", 14.0, 18, false),
                    new Seed("incubatorCountyCoverage", null, 80, false),
                    new Seed("volunteerStationShare", null, 100, false),
                    new Seed("countyMinorProtection", null, 100, false),
                    new Seed("townshipMinorStations", null, 50, false),
                    new Seed("townshipSocialWorkStations", null, 100, false),
                    new Seed("mentalRehabTownships", null, 40, false)),
            "xiamen-14th", List.of(
                    new Seed("bedsPer1000Elderly", 31.4, 40, false),
                    new Seed("nursingBedShare", 60.0, 70, false),
                    new Seed("nursingInstitutionBedsPer1000", 9.0, 12, false),
                    new Seed("townshipCentreShare", null, 65, false),
                    new Seed("communityServiceAreaPer100Households", 26.0, 30, false),
                    new Seed("countyBurialCoverage", null, 100, false),
                    new Seed("ecoBurialRate", 80.3, 85, false),
                    new Seed("volunteerStationShare", 60.0, 80, false),
                    new Seed("countyMinorProtection", null, 100, false),
                    new Seed("townshipMinorStations", null, 100, false)),
            "wuhan-14th", List.of(
                    new Seed("nursingBedShare", 54.0, 65, false),
                    new Seed("townshipCentreShare", 75.0, 100, false),
                    new Seed("communityServiceAreaPerCommunity", null, 100, false),
                    new Seed("countyBurialCoverage", 40.0, 60, false),
                    new Seed("townshipSocialWorkStations", 62.4, 100, false),
                    new Seed("mentalRehabDistricts", 73.33, 85, false),
                    new Seed("urbanCommunityElderlyCoverage", null, 100, false),
                    new Seed("ruralCommunityElderlyCoverage", null, 90, false),
                    new Seed("dayCareCoverage", null, 100, false),
                    new Seed("marriageRegistry3A", null, 80, false)),
            "jingmen-13th", List.of(
                    new Seed("bedsPer1000Elderly", 30.0, 35, false),
                    new Seed("nursingBedShare", null, 40, false),
                    new Seed("townshipCentreShare", null, 90, false),
                    new Seed("urbanStationsOver600", null, 50, false),
                    new Seed("countyBurialCoverage", 40.0, 70, false),
                    new Seed("ecoBurialRate", 4.0, 26, false),
                    new Seed("ruralMutualAidCoverage", null, 60, false),
                    new Seed("marriageRegistry3A", null, 80, false)));

    @BeforeEach
    void registry() { DivisionFixtures.ensureRegistry(ctx); }

    static ObjectNode template(tools.jackson.databind.json.JsonMapper json, String code) throws Exception {
        return (ObjectNode) json.readTree(Files.readString(Path.of("..", "data", "plans", code + ".json")));
    }

    @Test
    void everySeedTemplateImportsWithEveryRowOfTheSeedTable() throws Exception {
        for (var seed : SEEDS.entrySet()) {
            ObjectNode t = template(json, seed.getKey());
            String code = unique(seed.getKey() + "-");
            t.put("code", code);
            Response r = post("/api/plans/import", "planner-t", json.writeValueAsBytes(t));
            assertThat(r.status()).as(seed.getKey() + ": " + r).isEqualTo(201);
            JsonNode plan = get("/api/plans/" + r.json().get("id").asLong()).json();
            Map<String, JsonNode> byCode = new HashMap<>();
            plan.get("indicators").forEach(i -> byCode.put(i.get("code").asString(), i));
            assertThat(byCode.keySet()).as(seed.getKey()).containsExactlyInAnyOrderElementsOf(seed.getValue().stream().map(Seed::code).toList());
            for (Seed s : seed.getValue()) {
                JsonNode i = byCode.get(s.code());
                String what = seed.getKey() + " " + s.code();
                if (s.baseline() == null) assertThat(i.get("baseline") == null || i.get("baseline").isNull()).as(what + " baseline").isTrue();
                else assertThat(i.get("baseline").asDouble()).as(what + " baseline").isEqualTo(s.baseline());
                assertThat(i.get("target").asDouble()).as(what + " target").isEqualTo(s.target());
                assertThat(i.get("kind").asString()).as(what + " kind").isEqualTo(s.binding() ? "binding" : "expected");
                assertThat(i.get("nameZh").asString()).as(what).isNotBlank();
                assertThat(i.get("source").asString()).as(what).contains("§7");
            }
            assertThat(plan.get("divisionCode").asString()).isEqualTo(t.get("divisionCode").asString());
            assertThat(auditRows("plan", plan.get("id").asLong())).isEqualTo(1);
        }
    }

    @Test
    void writesNeedARoleAreVersionedAndKeepTheirHistory() throws Exception {
        ObjectNode t = template(json, "xiamen-14th");
        t.put("code", unique("crud-"));
        assertThat(post("/api/plans/import", "viewer-t", json.writeValueAsBytes(t)).status()).isEqualTo(403);
        assertThat(post("/api/plans/import", null, json.writeValueAsBytes(t)).status()).isEqualTo(401);
        JsonNode created = post("/api/plans/import", "planner-t", json.writeValueAsBytes(t)).json();
        long id = created.get("id").asLong();
        assertThat(post("/api/plans/import", "planner-t", json.writeValueAsBytes(t)).status()).isEqualTo(409);

        ObjectNode change = t.deepCopy();
        change.put("version", 0);
        change.put("name", "厦门市规划（修订）");
        ((ObjectNode) change.get("indicators").get(0)).put("target", 42.0);
        ((ObjectNode) change.get("indicators").get(0)).set("overrides", json.readTree("{\"350203\": 45.0}"));
        Response ok = put("/api/plans/" + id, "planner-t", change);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("version").asInt()).isEqualTo(1);
        assertThat(ok.json().get("indicators").get(0).get("target").asDouble()).isEqualTo(42.0);
        assertThat(ok.json().get("indicators").get(0).get("overrides").get("350203").asDouble()).isEqualTo(45.0);
        Response stale = put("/api/plans/" + id, "planner-t", change); // still version 0
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("problem+json");

        JsonNode versions = get("/api/plans/" + id + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("snapshot").get("indicators").get(0).get("target").asDouble()).isEqualTo(40.0);
        assertThat(versions.get(1).get("snapshot").get("name").asString()).isEqualTo("厦门市规划（修订）");
        assertThat(auditRows("plan", id)).isEqualTo(2);

        ObjectNode bad = (ObjectNode) change.deepCopy();
        bad.put("version", 1);
        ((ObjectNode) bad.get("indicators").get(1)).put("direction", "more");
        ((ObjectNode) bad.get("indicators").get(2).get("metric")).put("numerator", "facility.windows");
        Response r = put("/api/plans/" + id, "planner-t", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .contains("indicators[1].direction", "indicators[2].metric.numerator");
        assertThat(get("/api/plans/" + id).json().get("version").asInt()).isEqualTo(1);
    }
}
