package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The planner's coverage table and uncovered layer (GET /api/coverage/table, /api/coverage/uncovered) on
 * {@link TestCity}, which has no road network: every area is a straight-line disc of minutes × 60 × speed metres
 * around its facility, the villages' centres are 1000 m apart.
 * <pre>
 *  F1 community_station (day care) at v0's centre
 *  F2 nursing_home                 at v2's centre
 *  F3 rural_mutual_aid             at v4's centre
 * </pre>
 */
class PlannerCoverageIT extends IntegrationTest {
    private static TestCity city;
    @org.springframework.beans.factory.annotation.Autowired PlannerCoverage coverage;

    @BeforeEach
    void fixture() {
        synchronized (PlannerCoverageIT.class) {
            if (city != null) return;
            TestCity c = TestCity.create(jdbc);
            facility(c, "community_station", "F1", 0);
            facility(c, "nursing_home", "F2", 2);
            facility(c, "rural_mutual_aid", "F3", 4);
            city = c;
        }
    }

    @Test
    void theTableAgreesWithTheCoverageOfTheStoredAreas() {
        JsonNode t = ok("/api/coverage/table?division=" + city.prefecture);
        JsonNode total = t.get("total");
        assertThat(t.get("rows").size()).isEqualTo(7);
        assertThat(total.get("coveredUnits").asLong()).isEqualTo(3);
        assertThat(total.get("coveredHouseholds").asLong()).isEqualTo(1000 + 1200 + 400);
        assertThat(total.get("coveredElderly").asLong()).isEqualTo(200 + 300 + 100);
        assertThat(t.get("areaSource").asString()).isEqualTo("stored");
        // the same rule and areas as GET /api/coverage (and so the 15-minute indicator)
        JsonNode old = ok("/api/coverage?division=" + city.prefecture).get("total");
        assertThat(total.get("coveredHouseholds").asLong()).isEqualTo(old.get("coveredHouseholds").asLong());
        assertThat(total.get("coveredElderly").asLong()).isEqualTo(old.get("coveredElderly").asLong());
        // a county's table holds its own villages only
        JsonNode b = ok("/api/coverage/table?division=" + city.countyB);
        assertThat(b.get("rows").findValuesAsString("code")).containsExactlyElementsOf(city.villages.subList(3, 7));
        assertThat(b.get("name").asString()).isNotBlank();
    }

    @Test
    void dayCareOnlyCoversLessAndNamesTheNearestDayCareCentre() {
        JsonNode t = ok("/api/coverage/table?division=" + city.prefecture + "&kind=community_station");
        Map<String, JsonNode> rows = rows(t);
        assertThat(t.get("kinds").get(0).asString()).isEqualTo("community_station");
        assertThat(t.get("total").get("coveredUnits").asLong()).isEqualTo(1);
        assertThat(rows.get(city.villages.get(0)).get("covered").asBoolean()).isTrue();
        assertThat(rows.get(city.villages.get(2)).get("covered").asBoolean()).isFalse(); // F2 is a nursing home
        JsonNode v1 = rows.get(city.villages.get(1));
        assertThat(v1.get("nearestFacilityName").asString()).isEqualTo("测试" + city.rr + "F1");
        assertThat(v1.get("nearestFacilityM").asLong()).isBetween(995L, 1005L);
        assertThat(v1.get("nearestBy").asString()).isEqualTo("straight-line"); // no network in the test city
        assertThat(rows.get(city.villages.get(6)).get("nearestFacilityM").asLong()).isBetween(5990L, 6010L);
        assertThat(v1.get("townshipCode").asString()).isEqualTo(city.a1);
        assertThat(v1.get("bbox").size()).isEqualTo(4);
    }

    @Test
    void theUncoveredLayerHoldsExactlyTheTablesUncoveredUnitsWithValidGeometry() {
        String q = "?division=" + city.prefecture + "&kind=community_station";
        JsonNode t = ok("/api/coverage/table" + q);
        List<String> uncoveredRows = new ArrayList<>();
        t.get("rows").forEach(r -> { if (!r.get("covered").asBoolean()) uncoveredRows.add(r.get("code").asString()); });
        JsonNode fc = ok("/api/coverage/uncovered" + q);
        List<String> ids = fc.get("features").findValuesAsString("code");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(uncoveredRows).doesNotContain(city.villages.get(0));
        for (JsonNode f : fc.get("features")) {
            Boolean valid = jdbc.sql("select ST_IsValid(ST_GeomFromGeoJSON(:g))").param("g", f.get("geometry").toString())
                    .query(Boolean.class).single();
            assertThat(valid).as(f.get("id").asString()).isTrue();
            assertThat(f.get("properties").get("covered").asBoolean()).isFalse();
        }
        // v1: F1's 810 m disc around v0's centre reaches 310 m into it (the circular segment beyond x = 500 m)
        double segment = 0;
        for (double x = 500.05; x < 810; x += 0.1) segment += Math.min(2 * Math.sqrt(810 * 810 - x * x), 1000) * 0.1;
        segment /= 1e6;
        JsonNode v1 = fc.get("features").get(0).get("properties");
        assertThat(v1.get("code").asString()).isEqualTo(city.villages.get(1));
        assertThat(v1.get("uncoveredAreaKm2").asDouble()).isCloseTo(1 - segment, within(0.01));
        assertThat(v1.get("elderly").asLong()).isEqualTo(150);
        // drawn as only its uncovered part: the feature's own area is that part, not the whole 1 km² village
        double drawnKm2 = jdbc.sql("select ST_Area(ST_GeomFromGeoJSON(:g)::geography) / 1e6")
                .param("g", fc.get("features").get(0).get("geometry").toString()).query(Double.class).single();
        assertThat(drawnKm2).isCloseTo(1 - segment, within(0.02));
    }

    @Test
    void aFasterWalkReachesTheNeighbourVillage() {
        JsonNode t = ok("/api/coverage/table?division=" + city.prefecture + "&kind=community_station&speedMps=2.0");
        assertThat(t.get("maxDistanceM").asDouble()).isEqualTo(1800.0);
        assertThat(t.get("areaSource").asString()).isEqualTo("memory");
        Map<String, JsonNode> rows = rows(t);
        assertThat(rows.get(city.villages.get(1)).get("covered").asBoolean()).isTrue();  // 1000 m from F1
        assertThat(rows.get(city.villages.get(2)).get("covered").asBoolean()).isFalse(); // 2000 m
        JsonNode minutes = ok("/api/coverage/table?division=" + city.prefecture + "&kind=community_station&minutes=5");
        assertThat(minutes.get("maxDistanceM").asDouble()).isEqualTo(270.0);
        assertThat(rows(minutes).get(city.villages.get(0)).get("covered").asBoolean()).isTrue(); // its own centre
        assertThat(rows(minutes).get(city.villages.get(0)).get("coveredAreaShare").asDouble()).isLessThan(0.3);
    }

    @Test
    void aNewFacilityIsInTheTableOnceItsWriteCommits() throws InterruptedException {
        String q = "/api/coverage/table?division=" + city.countyB + "&kind=community_station";
        assertThat(rows(ok(q)).get(city.villages.get(3)).get("covered").asBoolean()).isFalse();
        facility(city, "community_station", "F4", 3);
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        boolean covered = false;
        while (!covered && Instant.now().isBefore(until)) {
            covered = rows(ok(q)).get(city.villages.get(3)).get("covered").asBoolean();
            if (!covered) Thread.sleep(200);
        }
        assertThat(covered).as("v3 covered after F4 was added").isTrue();
        assertThat(rows(ok(q)).get(city.villages.get(3)).get("nearestFacilityName").asString()).isEqualTo("测试" + city.rr + "F4");
    }

    /** A facility written by SQL outside the service (another instance, psql): only its NOTIFY tells the model. */
    @Test
    void aFacilityInsertedBySqlElsewhereReachesTheTableThroughNotify() throws InterruptedException {
        TestCity c = TestCity.create(jdbc); // a city of its own: the shared one's counts stay as the other tests expect
        String q = "/api/coverage/table?division=" + c.countyB + "&kind=community_station";
        assertThat(rows(ok(q)).get(c.villages.get(6)).get("covered").asBoolean()).isFalse();
        jdbc.sql("""
                insert into facility (kind, name, geom, operator_kind, beds, status)
                values ('community_station', :name, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), 'public', 10, 'operating')""")
                .param("name", "测试" + c.rr + "F6sql").param("lon", c.lon(6, 0)).param("lat", c.lat(0)).update();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        boolean covered = false;
        while (!covered && Instant.now().isBefore(until)) {
            covered = rows(ok(q)).get(c.villages.get(6)).get("covered").asBoolean();
            if (!covered) Thread.sleep(200);
        }
        assertThat(covered).as("v6 covered after a facility was inserted by SQL").isTrue();
        assertThat(rows(ok(q)).get(c.villages.get(6)).get("nearestFacilityName").asString()).isEqualTo("测试" + c.rr + "F6sql");
    }

    /**
     * A road network built by SQL outside the service (another instance, a script calling civgeo_build_network), then
     * edited by SQL: only the road tables' NOTIFY (V139) tells the model, which then measures the nearest facility
     * along the new streets, and again along the edited ones (its walking graph reloaded).
     */
    @Test
    void aRoadNetworkBuiltAndEditedBySqlElsewhereReachesTheTableThroughNotify() throws InterruptedException {
        TestCity c = TestCity.create(jdbc);
        facility(c, "community_station", "R0", 0);
        String q = "/api/coverage/table?division=" + c.countyA + "&kind=community_station";
        String v1 = c.villages.get(1);
        assertThat(awaitRow(q, v1, r -> String.valueOf(r.get("nearestFacilityName")).contains("R0")).get("nearestBy").asString())
                .isEqualTo("straight-line");
        // one street along the villages' centres, in pieces of 1000 m, imported in one transaction by SQL
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "('k-%s', '测试路', 'residential', ST_GeomFromText('LINESTRING(%.9f %.9f, %.9f %.9f)', 4490))",
                    c.rr, c.lon(i, 0), c.lat(0), c.lon(i + 1, 0), c.lat(0)));
        }
        String name = "测试路网 " + c.rr + " by SQL";
        jdbc.sql(String.format(java.util.Locale.ROOT, """
                do $$ declare n bigint; begin
                  insert into road_network (name, source_format, snap_tolerance_m) values ('%s', 'sql', 1) returning id into n;
                  insert into road_import_line (import_key, name, highway, geom) values %s;
                  perform civgeo_build_network(n, 'k-%s', 1.0);
                  perform civgeo_network_stats(n);
                end $$""", name, lines, c.rr)).update();
        long net = jdbc.sql("select id from road_network where name = :n").param("n", name).query(Long.class).single();
        try {
            JsonNode row = awaitRow(q, v1, r -> "network".equals(r.get("nearestBy").asString()));
            assertThat(row.get("nearestBy").asString()).as("v1 measured along the SQL-built street").isEqualTo("network");
            assertThat(row.get("nearestFacilityM").asLong()).isBetween(995L, 1005L);
            // an edit by SQL: the piece between v0 and v1 now costs twice its length (stairs, a slope)
            jdbc.sql("""
                    update road_edge set walk_factor = 2
                     where network_id = :n and ST_DWithin(ST_LineInterpolatePoint(geom, 0.5), ST_SetSRID(ST_MakePoint(:x, :y), 4490), 1e-6)""")
                    .param("n", net).param("x", c.lon(0, 500)).param("y", c.lat(0)).update();
            row = awaitRow(q, v1, r -> r.get("nearestFacilityM").asLong() > 1500);
            assertThat(row.get("nearestFacilityM").asLong()).as("v1 after the edit by SQL").isBetween(1990L, 2010L);
        } finally {
            jdbc.sql("delete from road_network where id = :n").param("n", net).update();
        }
    }

    /** The table's row of a unit once it satisfies done (polled for up to 90 s), else the last one read. */
    private JsonNode awaitRow(String q, String code, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode row = rows(ok(q)).get(code);
        while (!done.test(row) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            row = rows(ok(q)).get(code);
        }
        return row;
    }

    @Test
    void badInputNamesTheField() {
        Response r = get("/api/coverage/table?division=" + city.prefecture + "&minutes=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.body()).contains("minutes");
        r = get("/api/coverage/table?division=" + city.prefecture + "&speedMps=9");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("speedMps");
        r = get("/api/coverage/uncovered?division=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("division");
        r = get("/api/coverage/table?division=" + city.prefecture + "&kind=no_such_kind");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("kind");
        assertThat(get("/api/coverage/table?division=990000999").status()).isEqualTo(404);
    }

    @Test
    void siteSuggestionNamesEachPicksCommunityAndItsHouseholdGain() throws InterruptedException {
        Map<String, Object> body = Map.of("division", city.prefecture, "k", 2, "kinds", List.of("community_station"),
                "candidates", List.of(new double[] {city.lon(0, 0), city.lat(0)}, new double[] {city.lon(2, 0), city.lat(0)},
                        new double[] {city.lon(5, 0), city.lat(0)}));
        Response submitted = post("/api/site-suggestions", "planner-t", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        JsonNode result = awaitJob(submitted.json().get("id").asString());
        JsonNode picks = result.get("picks");
        assertThat(picks.size()).isEqualTo(2);
        // v2 (300 elderly) before v5 (90); v0 is covered by F1 already
        assertThat(picks.get(0).get("divisionCode").asString()).isEqualTo(city.villages.get(2));
        assertThat(picks.get(0).get("divisionName").asString()).isNotBlank();
        assertThat(picks.get(1).get("divisionCode").asString()).isEqualTo(city.villages.get(5));
        assertThat(picks.get(0).get("gainHouseholds").asDouble()).isGreaterThan(picks.get(1).get("gainHouseholds").asDouble()).isPositive();
        double before = result.get("coveredHouseholdShareBefore").asDouble();
        assertThat(picks.get(1).get("coveredHouseholdShare").asDouble()).isGreaterThan(before);
        assertThat(picks.get(1).get("cumulativeHouseholds").asDouble())
                .isCloseTo(result.get("coveredHouseholdsBefore").asDouble() + picks.get(0).get("gainHouseholds").asDouble()
                        + picks.get(1).get("gainHouseholds").asDouble(), within(0.5));

        // a dragged pick: the same site twice gains nothing the second time; moved onto covered v0 it gains nothing
        Response e = post("/api/site-suggestions/evaluate", "planner-t", Map.of("division", city.prefecture, "kinds", List.of("community_station"),
                "sites", List.of(new double[] {city.lon(2, 0), city.lat(0)}, new double[] {city.lon(2, 0), city.lat(0)},
                        new double[] {city.lon(0, 0), city.lat(0)})));
        assertThat(e.status()).as(e.toString()).isEqualTo(200);
        JsonNode ep = e.json().get("picks");
        assertThat(ep.size()).isEqualTo(3);
        assertThat(ep.get(0).get("gainElderly").asDouble()).isCloseTo(picks.get(0).get("gainElderly").asDouble(), within(0.1));
        assertThat(ep.get(1).get("gainElderly").asDouble()).isZero();
        assertThat(ep.get(2).get("gainElderly").asDouble()).isLessThan(ep.get(0).get("gainElderly").asDouble());
        Response bad = post("/api/site-suggestions/evaluate", "planner-t", Map.of("division", city.prefecture, "sites", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("sites");
        assertThat(post("/api/site-suggestions/evaluate", "viewer-t", Map.of("division", city.prefecture,
                "sites", List.of(new double[] {city.lon(2, 0), city.lat(0)}))).status()).isEqualTo(403);
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            JsonNode j = get("/api/jobs/" + id, "planner-t").json();
            String status = j.get("status").asString();
            if (status.equals("SUCCEEDED")) return j.get("result");
            if (status.equals("FAILED")) throw new AssertionError("job failed: " + j);
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static Map<String, JsonNode> rows(JsonNode t) {
        Map<String, JsonNode> m = new HashMap<>();
        t.get("rows").forEach(r -> m.put(r.get("code").asString(), r));
        return m;
    }

    /**
     * After a change, a model read within the hot window is rebuilt in the background; a model nobody read lately is
     * dropped (rebuilt on its next read); a division change elsewhere concerns neither.
     */
    @Test
    void aChangeRebuildsRecentlyReadModelsAndDropsTheOthers() throws Exception {
        List<String> day = List.of("community_station"), home = List.of("nursing_home");
        PlannerCoverage.Model hot0 = null, cold0 = null;
        // until no stray change of an earlier test (its NOTIFY arrives after its commit) drops the models meanwhile:
        // the "cold" one read 1.5 s ago, the "hot" one read just now, both still the ones in memory
        for (int attempt = 0; attempt < 20; attempt++) {
            PlannerCoverage.Model h = coverage.model(city.prefecture, day, null, null, null);
            PlannerCoverage.Model c = coverage.model(city.prefecture, home, null, null, null);
            Thread.sleep(1500);
            if (coverage.model(city.prefecture, day, null, null, null) == h && coverage.cached(c.key()) != null
                    && coverage.cached(c.key()).getNow(null) == c) {
                hot0 = h;
                cold0 = c;
                break;
            }
        }
        assertThat(hot0).as("a quiet moment to test in").isNotNull();
        Duration configured = coverage.hotWindow(Duration.ofMillis(1000));
        try {
            // a division change in another province concerns neither model
            coverage.onDivision(new cn.civgeo.division.DivisionChangedEvent("rename", List.of("110101"), java.time.LocalDate.now()));
            assertThat(coverage.cached(hot0.key()).getNow(null)).isSameAs(hot0);
            assertThat(coverage.cached(cold0.key()).getNow(null)).isSameAs(cold0);
            // one in the city concerns both: the recently read one is rebuilt at once, the other dropped
            coverage.onDivision(new cn.civgeo.division.DivisionChangedEvent("rename", List.of(city.countyA), java.time.LocalDate.now()));
            assertThat(coverage.cached(cold0.key())).isNull();
            PlannerCoverage.Model hot1 = coverage.cached(hot0.key()).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(hot1).isNotSameAs(hot0);
            assertThat(hot1.builtAt()).isAfter(hot0.builtAt());
            assertThat(coverage.cached(cold0.key())).isNull(); // nobody asked: not built
            assertThat(coverage.model(city.prefecture, home, null, null, null)).isNotSameAs(cold0); // built on its read
        } finally {
            coverage.hotWindow(configured);
        }
    }

    private JsonNode ok(String path) {
        Response r = get(path);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }

    private void facility(TestCity c, String kind, String name, int village) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", "测试" + c.rr + name);
        body.put("operatorKind", "public");
        body.put("lon", c.lon(village, 0));
        body.put("lat", c.lat(0));
        if (!kind.equals("rural_mutual_aid")) body.put("beds", 10);
        Response r = post("/api/facilities", "planner-t", body);
        assertThat(r.status()).as(name + ": " + r).isEqualTo(201);
    }
}
