package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A boundary line in force under a signed agreement keeps its name and agreement until its workflow moves it. */
class AgreementGuardIT extends IntegrationTest {
    static final String PREFIX = "9972";

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, PREFIX);
        BoundaryFixtures.ensurePrefecture(jdbc, "997200", "测试乙市");
        BoundaryFixtures.division(jdbc, "997201", "丁县", 3, "县", "997200", "POLYGON((119.0 24.5, 119.1 24.5, 119.1 24.6, 119.0 24.6, 119.0 24.5))");
        BoundaryFixtures.division(jdbc, "997202", "戊县", 3, "县", "997200", "POLYGON((119.1 24.5, 119.2 24.5, 119.2 24.6, 119.1 24.6, 119.1 24.5))");
    }

    @Test
    void aPutOnALineUnderAgreementAnswers409NamingTheWorkflow() {
        Response derived = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997200", "level", 3));
        assertThat(derived.status()).as(derived.toString()).isEqualTo(200);
        long id = jdbc.sql("select id from boundary_line where code like '9972%'").query(Long.class).single();
        JsonNode l = get("/api/boundary/lines/" + id, "surveyor-t").json();
        assertThat(l.get("status").asString()).isEqualTo("in_force");
        int v = l.get("version").asInt();

        // No agreement yet: recording one is a plain change.
        Map<String, Object> agreement = Map.of("number", "测界协〔2026〕1号", "date", "2026-03-01", "parties", List.of("丁县", "戊县"));
        Response signed = put("/api/boundary/lines/" + id, "surveyor-t", Map.of("version", v, "agreement", agreement));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        v = signed.json().get("version").asInt();

        Response renamed = put("/api/boundary/lines/" + id, "surveyor-t", Map.of("version", v, "name", "别的线",
                "agreement", Map.of("number", "测界协〔2026〕9号", "date", "2026-03-01", "parties", List.of("丁县", "戊县"))));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(409);
        assertThat(renamed.json().get("type").asString()).endsWith("/state-conflict");
        assertThat(renamed.json().get("detail").asString()).contains("needs_resurvey").contains("测界协〔2026〕1号");
        assertThat(renamed.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "agreement");
        assertThat(get("/api/boundary/lines/" + id, "surveyor-t").json().get("version").asInt()).isEqualTo(v);

        // The free note and the agreement sent back unchanged pass; the workflow (status) then opens the line.
        Response note = put("/api/boundary/lines/" + id, "surveyor-t", Map.of("version", v, "note", "2026年联检无变化", "agreement", agreement));
        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        v = note.json().get("version").asInt();
        Response resurvey = put("/api/boundary/lines/" + id, "surveyor-t", Map.of("version", v, "status", "needs_resurvey",
                "statusReason", "河道改道"));
        assertThat(resurvey.status()).as(resurvey.toString()).isEqualTo(200);
        v = resurvey.json().get("version").asInt();
        Response now = put("/api/boundary/lines/" + id, "surveyor-t", Map.of("version", v, "name", "丁县—戊县线（重测）"));
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
    }
}
