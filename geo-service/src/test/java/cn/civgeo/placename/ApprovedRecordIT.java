package cn.civgeo.placename;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An approved standard name changes only through its workflow; a plain PUT may touch its free notes only. */
class ApprovedRecordIT extends IntegrationTest {

    @BeforeEach
    void divisions() { PlaceNameTestData.ensureDivisions(jdbc); }

    private long approved() {
        return PlaceNameTestData.approvedRoad((p, b) -> post(p, "admin-t", b), json, PlaceNameTestData.uniqueSpecific() + "路", 30.05);
    }

    @Test
    void plannerCannotMoveAnApprovedName20kmWithAPlainPut() {
        long id = approved();
        JsonNode before = get("/api/place-names/" + id, "planner-t").json();
        long audits = auditRows(PlaceNameService.ENTITY, id);
        // 0.18° of latitude north: about 20 km.
        Map<String, Object> body = Map.of("version", before.get("version").asInt(), "geometry",
                json.readTree("{\"type\":\"LineString\",\"coordinates\":[[100.02,30.23],[100.08,30.23]]}"));
        Response r = put("/api/place-names/" + id, "planner-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/state-conflict");
        assertThat(r.json().get("detail").asString()).contains("/rename").contains("/abolish");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("geometry");

        JsonNode after = get("/api/place-names/" + id, "planner-t").json();
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(after.get("geometry").toString()).isEqualTo(before.get("geometry").toString());
        assertThat(auditRows(PlaceNameService.ENTITY, id)).isEqualTo(audits);
    }

    @Test
    void otherFieldsAreNamedAndTheFreeNotesStillChange() {
        long id = approved();
        JsonNode before = get("/api/place-names/" + id, "planner-t").json();
        int v = before.get("version").asInt();
        Response r = put("/api/place-names/" + id, "planner-t", Map.of("version", v, "category", "2540", "locationText", "别处",
                "name", "松松路"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("category", "locationText", "name");

        Response notes = put("/api/place-names/" + id, "planner-t", Map.of("version", v, "description", "路面于2026年翻修"));
        assertThat(notes.status()).as(notes.toString()).isEqualTo(200);
        assertThat(notes.json().get("placeName").get("description").asString()).isEqualTo("路面于2026年翻修");
        assertThat(notes.json().get("placeName").get("version").asInt()).isEqualTo(v + 1);

        // The whole record sent back unchanged, with new notes, is still only a notes change.
        Map<String, Object> whole = new HashMap<>();
        JsonNode p = notes.json().get("placeName");
        whole.put("version", v + 1);
        whole.put("name", p.get("name").asString());
        whole.put("category", p.get("categoryCode").asString());
        whole.put("divisionCode", p.get("divisionCode").asString());
        whole.put("numbering", p.get("numbering").asString());
        whole.put("geometry", p.get("geometry"));
        whole.put("description", "再次更新");
        Response again = put("/api/place-names/" + id, "planner-t", whole);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("placeName").get("description").asString()).isEqualTo("再次更新");
    }
}
