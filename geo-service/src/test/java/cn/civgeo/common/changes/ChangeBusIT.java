package cn.civgeo.common.changes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A change made outside this instance (here: plain SQL on the test database, as another instance, an import or
 * an administrator in psql would make it; no application event) reaches this instance's geocoder through the one
 * NOTIFY channel; so does a change made through this instance's API (its after-commit event). There is no periodic
 * check, so only these signals can make the tests pass. The test profile turns both off (every other test would
 * start a rebuild of the 665,000-unit index); this context turns them on, as production has them.
 */
// Its own context is closed after the class: cached, it would go on listening, warming and rebuilding in the
// background through the rest of the suite.
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = "civgeo.geocode.rebuild-on-change=true")
class ChangeBusIT extends IntegrationTest {
    @Autowired
    ChangeBus bus;
    @Autowired
    cn.civgeo.geocode.GeocodeIndex index;

    /**
     * One test, two changes (each rebuild of the national index costs 10–20 s under load): first plain SQL, then
     * the API; the name is restored by hand once at the end (no second version row for a test's rename).
     */
    @Test
    void aDivisionRenamedElsewhereAndThenThroughTheApiIsFoundByTheGeocoderWithinSeconds() throws Exception {
        PlaceNameTestData.ensureDivisions(jdbc);
        for (int i = 0; i < 100 && !bus.isListening(); i++) Thread.sleep(100);
        assertThat(bus.isListening()).isTrue();
        // this context's first index (a national registry: 20–75 s on a loaded machine) is built before the change,
        // so what is measured is the rebuild the NOTIFY starts, not the start-up build
        index.refreshIfChanged();
        String code = "990102";
        String old = jdbc.sql("select name from division where code = ?").param(code).query(String.class).single();
        String bySql = "测试" + PlaceNameTestData.uniqueSpecific() + "区";
        String byApi = "测试" + PlaceNameTestData.uniqueSpecific() + "区";
        assertThat(candidateCode("测试市" + bySql, bySql)).as("not known before the change").isNull();
        try {
            jdbc.sql("update division set name = ?, version = version + 1, updated_at = now() where code = ?")
                    .params(bySql, code).update();
            awaitFound(code, bySql, "after the NOTIFY of a plain SQL update");
            assertThat(candidateCode("测试市" + byApi, byApi)).as("not known before the API change").isNull();
            Response r = post("/api/divisions/changes", "admin-t", renameBody(code, byApi));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            awaitFound(code, byApi, "after the API's change");
        } finally {
            jdbc.sql("update division set name = ?, version = version + 1, updated_at = now() where code = ?").params(old, code).update();
        }
    }

    private void awaitFound(String code, String name, String after) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        String found = null;
        while (System.currentTimeMillis() - t0 < 120_000 && !code.equals(found = candidateCode("测试市" + name, name))) Thread.sleep(250);
        assertThat(found).as("found %s, %d ms", after, System.currentTimeMillis() - t0).isEqualTo(code);
    }

    private java.util.Map<String, Object> renameBody(String code, String name) {
        int version = jdbc.sql("select version from division where code = ?").param(code).query(Integer.class).single();
        return java.util.Map.of("kind", "rename", "effectiveDate", java.time.LocalDate.now().toString(),
                "approvalDocument", "测政〔2026〕改名号", "code", code, "name", name,
                "expectedVersions", java.util.Map.of(code, version));
    }

    /** The code of the candidate named exactly {@code name} (fuzzy candidates of other names do not count), or null. */
    private String candidateCode(String q, String name) {
        Response r = get("/api/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (r.status() != 200) return null;
        JsonNode c = r.json().get("candidates");
        if (c == null) return null;
        for (JsonNode x : c) if (name.equals(x.path("name").asString(null))) return x.get("code").asString();
        return null;
    }
}
