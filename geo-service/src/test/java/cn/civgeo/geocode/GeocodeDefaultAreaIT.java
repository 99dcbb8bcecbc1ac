package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.placename.PlaceNameFixtures;
import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue #20: an API client's default area biases forward geocoding when the query names no division; with no bias at
 * all, road + number is searched nationwide by the exact road name: answered when unique, else uncertain with every
 * candidate (never confidently wrong).
 */
class GeocodeDefaultAreaIT extends IntegrationTest {
    @Autowired ApplicationContext ctx;
    @Autowired GeocodeIndex index;

    @BeforeEach
    void data() {
        PlaceNameFixtures.ensureDemo(ctx);
        PlaceNameTestData.ensureDivisions(jdbc);
        index.refreshIfChanged();
        GeocodeTestIndex.ready(index);
    }

    private Map<String, Object> demoAddress() {
        return jdbc.sql("""
                select a.code, p.name as road, a.number from address a join place_name p on p.id = a.road_id
                 where a.building is null and a.number_suffix is null and a.status = 'active' and a.source = 'demo'
                 order by a.id limit 1""").query().singleRow();
    }

    private Response withKey(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key", key).GET());
    }

    /** An approved road (as PlaceNameTestData.approvedRoad) along y from x1 to x2. */
    private long road(String name, double x1, double x2, double y) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("category", "2530");
        body.put("numbering", "EW");
        body.put("geometry", json.readTree("{\"type\":\"LineString\",\"coordinates\":[[" + x1 + "," + y + "],[" + x2 + "," + y + "]]}"));
        Response r = post("/api/place-names", "admin-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("placeName").get("id").asLong();
        post("/api/place-names/" + id + "/submit", "admin-t", Map.of("version", 0));
        Response a = post("/api/place-names/" + id + "/approve", "admin-t", Map.of("version", 1,
                "approvalAuthority", "测试市人民政府", "approvalDoc", "测政地〔2026〕3号", "approvalDate", "2026-02-01"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void theClientsDefaultAreaBiasesAQueryThatNamesNoDivision() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", "default-area-" + System.nanoTime()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("client").get("id").asLong();
        String key = created.json().get("apiKey").asString();
        JsonNode fresh = created.json().get("client");
        assertThat(fresh.has("defaultDivision") && !fresh.get("defaultDivision").isNull()).isFalse();

        // validation names the field; a stale version is refused
        Response bad = put("/api/api-clients/" + id + "/default-division", "admin-t", Map.of("version", 0, "defaultDivision", "12345"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("defaultDivision");
        Response unknown = put("/api/api-clients/" + id + "/default-division", "admin-t", Map.of("version", 0, "defaultDivision", "999998"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("defaultDivision");
        Response notAdmin = put("/api/api-clients/" + id + "/default-division", "surveyor-t", Map.of("version", 0, "defaultDivision", "350200"));
        assertThat(notAdmin.status()).isEqualTo(403);
        Response set = put("/api/api-clients/" + id + "/default-division", "admin-t", Map.of("version", 0, "defaultDivision", "350200"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("defaultDivision").asString()).isEqualTo("350200");
        assertThat(put("/api/api-clients/" + id + "/default-division", "admin-t", Map.of("version", 0, "defaultDivision", "350200")).status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'api_client' and entity_id = :id and action = 'UPDATE'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        Map<String, Object> a = demoAddress();
        String q = GeocodeIT.enc(a.get("road") + "" + a.get("number") + "号");
        JsonNode r = withKey("/api/geocode?q=" + q, key).json();
        JsonNode c = r.get("candidates").get(0);
        assertThat(c.get("addressCode").asString()).as(r.toString()).isEqualTo(a.get("code"));
        assertThat(c.get("notes").toString()).contains("area bias").contains("default area");
        assertThat(c.get("components").get(0).get("start").asInt()).isZero();
        // an explicit within= wins over the default area; a query naming its division is not biased
        JsonNode other = withKey("/api/geocode?q=" + q + "&within=420100", key).json();
        assertThat(other.toString()).doesNotContain("default area");
        JsonNode named = withKey("/api/geocode?q=" + GeocodeIT.enc("湖北省武汉市江汉区民族街街道"), key).json();
        assertThat(named.get("candidates").get(0).get("code").asString()).isEqualTo("420103001");
        assertThat(named.toString()).doesNotContain("area bias");

        // cleared: back to the nationwide search
        Response clear = put("/api/api-clients/" + id + "/default-division", "admin-t", new HashMap<>(Map.of("version", 1)));
        assertThat(clear.status()).as(clear.toString()).isEqualTo(200);
        assertThat(withKey("/api/geocode?q=" + q, key).json().toString()).doesNotContain("default area");
    }

    @Test
    void oneRoadNameWithTheNumberInSeveralPlacesIsAmbiguousNeverConfident() {
        // a random name whose beginning reads as a division (桃竹… → 桃竹村) would be a division query, not a bare road
        String name;
        do {
            name = PlaceNameTestData.uniqueSpecific() + "路";
        } while (readsADivision(name + "7号"));
        // the naming rules allow one road of a name per area: one in the place-name tests' square (测试市), one in a
        // fresh test county of another test prefecture
        double y1 = 30.03 + new Random().nextInt(500) / 100_000.0;
        long road1 = PlaceNameTestData.approvedRoad((path, body) -> post(path, "admin-t", body), json, name, y1);
        DivisionFixtures.TestCounty t = DivisionFixtures.freshTestCounty(jdbc);
        double y2 = t.y0() + 0.005;
        long road2 = road(name, t.x0() + 0.003, t.x0() + 0.017, y2);
        Response a1 = post("/api/addresses", "surveyor-t", Map.of("roadId", road1, "number", 7, "lon", 100.0731, "lat", y1 + 0.0002));
        Response a2 = post("/api/addresses", "surveyor-t", Map.of("roadId", road2, "number", 7, "lon", t.x0() + 0.01, "lat", y2 + 0.0002));
        assertThat(a1.status()).as(a1.toString()).isEqualTo(201);
        assertThat(a2.status()).as(a2.toString()).isEqualTo(201);
        index.refreshIfChanged(); // the fresh test county is new to the gazetteer

        JsonNode r = get("/api/geocode?q=" + GeocodeIT.enc(name + "7号")).json();
        assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("uncertain");
        assertThat(r.get("candidates").findValuesAsString("addressCode")).as(r.toString())
                .containsExactlyInAnyOrder(a1.json().get("code").asString(), a2.json().get("code").asString());
        for (JsonNode c : r.get("candidates")) {
            assertThat(c.get("confidence").asDouble()).isLessThanOrEqualTo(0.5);
            assertThat(c.get("notes").toString()).contains("ambiguous");
        }
        // the same road name with a number only one of them has: answered, and it is that one
        Response a3 = post("/api/addresses", "surveyor-t", Map.of("roadId", road2, "number", 9, "lon", t.x0() + 0.011, "lat", y2 + 0.0002));
        assertThat(a3.status()).as(a3.toString()).isEqualTo(201);
        JsonNode one = get("/api/geocode?q=" + GeocodeIT.enc(name + "9号")).json();
        assertThat(one.get("status").asString()).as(one.toString()).isEqualTo("matched");
        assertThat(one.get("candidates").get(0).get("addressCode").asString()).isEqualTo(a3.json().get("code").asString());
        assertThat(one.get("candidates").get(0).get("notes").toString()).contains("road searched nationwide");
        // a road nobody has: no doorplate and nothing confident (the parser may still offer a loose division reading)
        JsonNode none = get("/api/geocode?q=" + GeocodeIT.enc(PlaceNameTestData.uniqueSpecific() + "路7号")).json();
        assertThat(none.get("status").asString()).as(none.toString()).isNotEqualTo("matched");
        for (JsonNode c : none.get("candidates")) assertThat(c.hasNonNull("addressCode")).as(c.toString()).isFalse();
        assertThat(none.toString()).doesNotContain("road searched nationwide");
    }

    /** Whether the geocoder reads any division in the text (before the test's roads exist). */
    private boolean readsADivision(String q) {
        for (JsonNode c : get("/api/geocode?q=" + GeocodeIT.enc(q)).json().path("candidates"))
            for (JsonNode k : c.path("components"))
                if (!k.path("kind").asString().equals("road") && !k.path("kind").asString().equals("doorplate")) return true;
        return false;
    }
}
