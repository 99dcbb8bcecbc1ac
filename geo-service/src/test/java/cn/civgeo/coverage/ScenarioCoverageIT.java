package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios (/api/scenarios, feature cn.civgeo.scenario) on {@link TestCity}: proposed facilities stay out of the
 * registry, the comparison counts them, writes are versioned and audited, promotion creates planned facilities.
 * One day-care centre F1 at v0's centre; straight-line discs of 810 m (no network).
 */
class ScenarioCoverageIT extends IntegrationTest {
    @Test
    void aScenarioIsComparedWithTodayAndPromotedToPlannedFacilities() {
        TestCity c = TestCity.create(jdbc);
        Map<String, Object> f1 = new HashMap<>(Map.of("kind", "community_station", "name", "测试" + c.rr + "F1", "operatorKind", "public",
                "lon", c.lon(0, 0), "lat", c.lat(0), "beds", 10));
        Response made = post("/api/facilities", "planner-t", f1);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long f1Id = made.json().get("id").asLong();
        long before = jdbc.sql("select count(*) from facility").query(Long.class).single();

        Map<String, Object> body = new HashMap<>(Map.of("name", "测试方案" + c.rr, "division", c.prefecture, "kinds", List.of("community_station"),
                "changes", List.of(
                        Map.of("action", "new", "kind", "community_station", "name", "拟建" + c.rr + "A", "lon", c.lon(2, 0), "lat", c.lat(0), "beds", 20),
                        Map.of("action", "new", "kind", "community_station", "name", "拟建" + c.rr + "B", "lon", c.lon(5, 0), "lat", c.lat(0)))));
        Response created = post("/api/scenarios", "planner-t", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(jdbc.sql("select count(*) from facility").query(Long.class).single()).as("kept apart from the registry").isEqualTo(before);
        assertThat(auditRows("scenario", id)).isEqualTo(1);

        JsonNode cmp = get("/api/scenarios/" + id + "/compare", "planner-t").json();
        assertThat(cmp.get("today").get("coveredUnits").asLong()).isEqualTo(1);          // v0
        assertThat(cmp.get("scenario").get("coveredUnits").asLong()).isEqualTo(3);       // v0, v2, v5
        assertThat(cmp.get("facilitiesScenario").asInt()).isEqualTo(cmp.get("facilitiesToday").asInt() + 2);
        assertThat(cmp.get("newlyCovered").findValuesAsString("code")).containsExactly(c.villages.get(2), c.villages.get(5));
        assertThat(cmp.get("scenario").get("householdShare").asDouble()).isGreaterThan(cmp.get("today").get("householdShare").asDouble());

        // closing F1 in the scenario uncovers v0
        body.put("changes", List.of(Map.of("action", "close", "facilityId", f1Id)));
        body.put("version", 0);
        Response put = put("/api/scenarios/" + id, "planner-t", body);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("version").asInt()).isEqualTo(1);
        Response stale = put("/api/scenarios/" + id, "planner-t", body);
        assertThat(stale.status()).isEqualTo(409);
        cmp = get("/api/scenarios/" + id + "/compare", "planner-t").json();
        assertThat(cmp.get("noLongerCovered").findValuesAsString("code")).containsExactly(c.villages.get(0));

        // bad input names the field; a viewer may not write
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("changes", List.of(Map.of("action", "new", "kind", "no_such_kind", "name", "x", "lon", 1.0, "lat", 1.0)));
        bad.remove("version");
        Response r = post("/api/scenarios", "planner-t", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("changes[0].kind");
        assertThat(post("/api/scenarios", "viewer-t", body).status()).isEqualTo(403);

        // promotion: the proposed new facilities become planned facilities (through the facility service, audited)
        body.put("changes", List.of(Map.of("action", "new", "kind", "community_station", "name", "拟建" + c.rr + "A", "lon", c.lon(2, 0),
                "lat", c.lat(0), "beds", 20)));
        body.put("version", 1);
        assertThat(put("/api/scenarios/" + id, "planner-t", body).status()).isEqualTo(200);
        Response promoted = post("/api/scenarios/" + id + "/promote", "planner-t", Map.of("version", 2));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("status").asString()).isEqualTo("promoted");
        long fid = promoted.json().get("promotedFacilityIds").get(0).asLong();
        JsonNode fac = get("/api/facilities/" + fid, "planner-t").json();
        assertThat(fac.get("status").asString()).isEqualTo("planned");
        assertThat(fac.get("divisionCode").asString()).isEqualTo(c.villages.get(2));
        assertThat(auditRows("facility", fid)).isEqualTo(1);
        assertThat(post("/api/scenarios/" + id + "/promote", "planner-t", Map.of("version", 3)).status()).isEqualTo(409);

        // a second scenario proposing a site of the same name there: promoted under a name that carries its scenario
        Map<String, Object> second = new HashMap<>(body);
        second.remove("version");
        second.put("name", "测试方案" + c.rr + "乙");
        Response again = post("/api/scenarios", "planner-t", second);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        long id2 = again.json().get("id").asLong();
        Response promoted2 = post("/api/scenarios/" + id2 + "/promote", "planner-t", Map.of("version", again.json().get("version").asInt()));
        assertThat(promoted2.status()).as(promoted2.toString()).isEqualTo(200);
        long fid2 = promoted2.json().get("promotedFacilityIds").get(0).asLong();
        assertThat(get("/api/facilities/" + fid2, "planner-t").json().get("name").asString())
                .isEqualTo("拟建" + c.rr + "A（测试方案" + c.rr + "乙）");
    }
}
