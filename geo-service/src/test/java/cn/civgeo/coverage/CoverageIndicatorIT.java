package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coverage and every indicator on {@link TestCity} against hand-computed values. There is no road network there,
 * so every service area is a straight-line disc of 15 min × 0.9 m/s = 810 m: a facility at a village's centre
 * covers that village's centre and no other (the next centre is 1000 m away).
 * <pre>
 *  F1  community_station        v0 centre   10 beds /  4 nursing   opened 2018-01-01
 *  F2  township_centre          v2 centre   30 beds / 20 nursing   opened 2021-05-01
 *  F3  nursing_home             v4 centre   50 beds / 26 nursing   opened 2018-03-01
 *  F4  rural_mutual_aid         v5 centre    0 beds                opened 2018-06-01
 *  F5  community_service_centre v0 +100 m   600 m²                 opened 2016-01-01
 *  F6  community_service_centre v3 centre   450 m²                 opened 2016-01-01
 *  F7  funeral_home             v1 +100 m                          opened 2016-01-01
 *  F8  public_cemetery          v6 +100 m                          opened 2016-01-01
 *  F9  columbarium              v1 -100 m                          opened 2016-01-01
 *  F10 nursing_home (planned)   v6 centre  100 beds                — never counts
 *  F11 community_station        v1 centre   20 beds                2015-03-01 .. closed 2020-01-01
 * </pre>
 */
class CoverageIndicatorIT extends IntegrationTest {
    private static TestCity city;

    @BeforeEach
    void fixture() {
        synchronized (CoverageIndicatorIT.class) {
            if (city != null) return;
            TestCity c = TestCity.create(jdbc);
            facility(c, "community_station", "F1", 0, 0, Map.of("beds", 10, "nursingBeds", 4, "openedOn", "2018-01-01"));
            facility(c, "township_centre", "F2", 2, 0, Map.of("beds", 30, "nursingBeds", 20, "openedOn", "2021-05-01"));
            facility(c, "nursing_home", "F3", 4, 0, Map.of("beds", 50, "nursingBeds", 26, "openedOn", "2018-03-01"));
            facility(c, "rural_mutual_aid", "F4", 5, 0, Map.of("beds", 0, "openedOn", "2018-06-01"));
            facility(c, "community_service_centre", "F5", 0, 100, Map.of("floorAreaM2", 600.0, "openedOn", "2016-01-01"));
            facility(c, "community_service_centre", "F6", 3, 0, Map.of("floorAreaM2", 450.0, "openedOn", "2016-01-01"));
            facility(c, "funeral_home", "F7", 1, 100, Map.of("openedOn", "2016-01-01"));
            facility(c, "public_cemetery", "F8", 6, 100, Map.of("capacity", 5000, "openedOn", "2016-01-01"));
            facility(c, "columbarium", "F9", 1, -100, Map.of("capacity", 20000, "openedOn", "2016-01-01"));
            facility(c, "nursing_home", "F10", 6, 0, Map.of("beds", 100, "status", "planned"));
            facility(c, "community_station", "F11", 1, 0, Map.of("beds", 20, "nursingBeds", 0, "status", "closed",
                    "openedOn", "2015-03-01", "closedOn", "2020-01-01"));
            city = c;
        }
    }

    @Test
    void facilitiesLandInTheirVillage() {
        Response r = get("/api/facilities?division=" + city.countyA + "&limit=100");
        assertThat(r.json().get("total").asLong()).isEqualTo(6); // F1, F2, F5, F7, F9, F11
        Map<String, String> division = new HashMap<>();
        r.json().get("items").forEach(n -> division.put(n.get("name").asString().substring(4), n.get("divisionCode").asString()));
        assertThat(division.get("F1")).isEqualTo(city.villages.get(0));
        assertThat(division.get("F2")).isEqualTo(city.villages.get(2));
        assertThat(division.get("F9")).isEqualTo(city.villages.get(1));
    }

    @Test
    void elderlyCareCoverageTodayMatchesHandCount() {
        JsonNode c = ok("/api/coverage?division=" + city.prefecture);
        JsonNode t = c.get("total");
        assertThat(t.get("units").asLong()).isEqualTo(7);
        assertThat(t.get("coveredUnits").asLong()).isEqualTo(4);
        assertThat(t.get("households").asLong()).isEqualTo(4500);
        assertThat(t.get("coveredHouseholds").asLong()).isEqualTo(2900);
        assertThat(t.get("elderly").asLong()).isEqualTo(1020);
        assertThat(t.get("coveredElderly").asLong()).isEqualTo(690);
        assertThat(t.get("householdShare").asDouble()).isCloseTo(2900.0 / 4500, within(1e-4));
        // a disc of 810 m around a 1 km square's centre covers all of it but the corners, and a little of the neighbours
        assertThat(t.get("areaWeightedHouseholdShare").asDouble()).isBetween(0.4, 0.9);
        JsonNode children = c.get("children");
        assertThat(children.size()).isEqualTo(2);
        assertThat(children.get(0).get("code").asString()).isEqualTo(city.countyA);
        assertThat(children.get(0).get("coverage").get("coveredHouseholds").asLong()).isEqualTo(2200);
        assertThat(children.get(0).get("coverage").get("coveredElderly").asLong()).isEqualTo(500);
        assertThat(children.get(1).get("coverage").get("coveredHouseholds").asLong()).isEqualTo(700);
        assertThat(children.get(1).get("coverage").get("coveredElderly").asLong()).isEqualTo(190);
        assertThat(c.get("uncovered").findValuesAsString("code"))
                .containsExactly(city.villages.get(1), city.villages.get(3), city.villages.get(6));
        JsonNode v1 = c.get("uncovered").get(0);
        assertThat(v1.get("nearestFacilityM").asLong()).isBetween(995L, 1005L); // F1 at v0's centre

        JsonNode county = ok("/api/coverage?division=" + city.countyB);
        assertThat(county.get("children").size()).isEqualTo(2); // townships B1, B2
        assertThat(county.get("total").get("coveredHouseholds").asLong()).isEqualTo(700);
    }

    @Test
    void coverageAsOfAPastDateUsesTheFacilitiesOperatingThen() {
        JsonNode t = ok("/api/coverage?division=" + city.prefecture + "&asOf=2019-06-01").get("total");
        assertThat(t.get("coveredHouseholds").asLong()).isEqualTo(1000 + 800 + 400 + 300); // F1, F11, F3, F4
        JsonNode funeral = ok("/api/coverage?division=" + city.prefecture + "&kind=funeral_home").get("total");
        assertThat(funeral.get("coveredHouseholds").asLong()).isEqualTo(800);
    }

    @Test
    void uncoveredAreasAreGeoJsonOfTheGaps() {
        JsonNode fc = ok("/api/coverage/uncovered?division=" + city.prefecture);
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        Map<String, JsonNode> byCode = new HashMap<>();
        fc.get("features").forEach(f -> byCode.put(f.get("id").asString(), f.get("properties")));
        // v6: F4's 810 m disc around v5's centre reaches 310 m into it: the circular segment beyond x = 500 m from the
        // centre, cut to the square's 1000 m height (integrated numerically below), ≈ 0.254 km².
        double segment = 0;
        for (double x = 500.05; x < 810; x += 0.1) segment += Math.min(2 * Math.sqrt(810 * 810 - x * x), 1000) * 0.1;
        segment /= 1e6;
        assertThat(byCode.get(city.villages.get(6)).get("uncoveredAreaKm2").asDouble()).isCloseTo(1 - segment, within(0.01));
        assertThat(byCode.get(city.villages.get(6)).get("covered").asBoolean()).isFalse();
        // v0 lies wholly inside F1's disc (its corners are 707 m from the centre): no gap, no feature
        assertThat(byCode).doesNotContainKey(city.villages.get(0));
        assertThat(byCode).containsKeys(city.villages.get(1), city.villages.get(3), city.villages.get(6));
    }

    @Test
    void everyIndicatorMatchesHandComputedValues() {
        JsonNode r = ok("/api/indicators?division=" + city.prefecture + "&children=true");
        Map<String, JsonNode> i = byCode(r.get("indicators"));
        check(i, "communityServiceAreaPer100Households", 1050.0 / 45, false);
        check(i, "bedsPer1000Elderly", 90 / 1.020, true);
        check(i, "nursingBedShare", 50.0 / 90, true);
        check(i, "urbanCommunityShare", 2.0 / 4, false);
        check(i, "ruralVillageShare", 1.0 / 3, false);
        check(i, "townshipCentreShare", 1.0 / 4, false);
        check(i, "townshipCemeteryShare", 2.0 / 4, false);
        check(i, "countyFuneralHomeShare", 1.0 / 2, false);
        check(i, "fifteenMinuteCoverage", 2900.0 / 4500, false);
        assertThat(i.get("bedsPer1000Elderly").get("target").asDouble()).isEqualTo(40.0);
        assertThat(r.get("passed").asLong()).isEqualTo(2);
        assertThat(r.get("failed").asLong()).isEqualTo(7);

        Map<String, JsonNode> a = byCode(r.get("children").get(0).get("indicators"));
        assertThat(r.get("children").get(0).get("division").asString()).isEqualTo(city.countyA);
        check(a, "communityServiceAreaPer100Households", 600.0 / 30, false);
        check(a, "bedsPer1000Elderly", 40 / 0.650, true);
        check(a, "nursingBedShare", 24.0 / 40, true);
        check(a, "urbanCommunityShare", 2.0 / 3, false);
        assertThat(a.get("ruralVillageShare").has("value")).isFalse();
        assertThat(a.get("ruralVillageShare").has("pass")).isFalse(); // no rural villages: no verdict
        check(a, "townshipCentreShare", 1.0 / 2, false);
        check(a, "townshipCemeteryShare", 1.0 / 2, false);
        check(a, "countyFuneralHomeShare", 1.0, true);
        check(a, "fifteenMinuteCoverage", 2200.0 / 3000, false);
    }

    @Test
    void indicatorsAsOfAPastDate() {
        Map<String, JsonNode> i = byCode(ok("/api/indicators?division=" + city.prefecture + "&asOf=2019-06-01").get("indicators"));
        check(i, "bedsPer1000Elderly", 80 / 1.020, true);           // F1 10 + F3 50 + F4 0 + F11 20
        check(i, "nursingBedShare", 30.0 / 80, false);              // 4 + 26 + 0 + 0
        check(i, "urbanCommunityShare", 2.0 / 4, false);            // v0 (F1), v1 (F11)
        check(i, "townshipCentreShare", 0.0, false);                // F2 opened 2021
        check(i, "fifteenMinuteCoverage", 2500.0 / 4500, false);
    }

    @Test
    void exportsCsvAndXlsx() {
        Response csv = get("/api/indicators/export?division=" + city.prefecture + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.body();
        assertThat(text).contains("bedsPer1000Elderly").contains("每千名老年人养老床位数").contains(city.countyB);
        assertThat(text.lines().count()).isEqualTo(1 + 9 * 3);
        Response xlsx = call("GET", "/api/indicators/export?division=" + city.prefecture + "&format=xlsx", null, null, null);
        assertThat(xlsx.status()).isEqualTo(200);
        byte[] b = xlsx.raw().body();
        assertThat(new String(b, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(get("/api/indicators?division=990000999").status()).isEqualTo(404);
    }

    @Test
    void siteSuggestionPicksTheLargestNewlyCoveredElderlyFirst() throws InterruptedException {
        // Uncovered today: the middle of v1 (~45% of 150 elderly), of v3 (~45% of 120) and most of v6 (~75% of 60).
        Map<String, Object> body = Map.of("division", city.prefecture, "k", 4, "gridSpacingM", 100,
                "candidates", java.util.List.of(new double[] {city.lon(0, 0), city.lat(0)}, new double[] {city.lon(6, 0), city.lat(0)},
                        new double[] {city.lon(1, 0), city.lat(0)}, new double[] {city.lon(3, 0), city.lat(0)}));
        Response submitted = post("/api/site-suggestions", "planner-t", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        JsonNode job = awaitJob(submitted.json().get("id").asString(), "planner-t");
        JsonNode result = job.get("result");
        assertThat(result.get("totalElderly").asDouble()).isCloseTo(1020, within(0.5));
        double before = result.get("coveredElderlyBefore").asDouble();
        assertThat(before).isBetween(800.0, 880.0);
        JsonNode picks = result.get("picks");
        assertThat(picks.size()).isEqualTo(3); // the 4th candidate (v0, already covered) gains nothing
        assertThat(picks.get(0).get("divisionCode").asString()).isEqualTo(city.villages.get(1));
        assertThat(picks.get(1).get("divisionCode").asString()).isEqualTo(city.villages.get(3));
        assertThat(picks.get(2).get("divisionCode").asString()).isEqualTo(city.villages.get(6));
        assertThat(picks.get(0).get("gainElderly").asDouble()).isGreaterThan(picks.get(1).get("gainElderly").asDouble());
        assertThat(picks.get(1).get("gainElderly").asDouble()).isGreaterThan(picks.get(2).get("gainElderly").asDouble());
        assertThat(picks.get(2).get("gainElderly").asDouble()).isCloseTo(45, within(6.0));
        assertThat(picks.get(2).get("coveredElderlyShare").asDouble()).isCloseTo(1.0, within(1e-3));
        assertThat(picks.get(0).get("method").asString()).isEqualTo("straight-line-off-network");
        assertThat(picks.get(0).get("serviceArea").get("type").asString()).isEqualTo("MultiPolygon");
    }

    JsonNode awaitJob(String id, String user) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode j = get("/api/jobs/" + id, user).json();
            String status = j.get("status").asString();
            if (status.equals("SUCCEEDED")) return j;
            if (status.equals("FAILED")) throw new AssertionError("job failed: " + j);
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private JsonNode ok(String path) {
        Response r = get(path);
        assertThat(r.status()).as(path + " -> " + r).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> byCode(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(n -> m.put(n.get("code").asString(), n));
        return m;
    }

    private static void check(Map<String, JsonNode> m, String code, double value, boolean pass) {
        JsonNode n = m.get(code);
        assertThat(n.get("value").asDouble()).as(code).isCloseTo(value, within(1e-4));
        assertThat(n.get("pass").asBoolean()).as(code + " pass").isEqualTo(pass);
    }

    private void facility(TestCity c, String kind, String name, int village, double dx, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("kind", kind);
        body.put("name", "测试" + c.rr + name);
        body.put("operatorKind", "public");
        body.put("lon", c.lon(village, dx));
        body.put("lat", c.lat(dx == 0 ? 0 : 100));
        Response r = post("/api/facilities", "planner-t", body);
        assertThat(r.status()).as(name + ": " + r).isEqualTo(201);
    }
}
