package cn.civgeo.address;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An approved doorplate changes only through its workflow (reopen, change, approve; or retire). */
class ApprovedAddressIT extends IntegrationTest {

    @Test
    void anApprovedDoorplateIsNotMovedByAPlainPutAndTheWorkflowStillWorks() {
        PlaceNameTestData.ensureDivisions(jdbc);
        double y = 30.06 + new java.util.Random().nextInt(2000) / 100_000.0;
        long roadId = PlaceNameTestData.approvedRoad((p, b) -> post(p, "admin-t", b), json, PlaceNameTestData.uniqueSpecific() + "路", y);
        Response created = post("/api/addresses", "surveyor-t", Map.of("roadId", roadId, "number", 7, "lon", 100.05, "lat", y + 0.0002));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("approval").asString()).isEqualTo("draft");

        // Only an admin approves; approving is audited.
        assertThat(post("/api/addresses/" + id + "/approve", "surveyor-t", Map.of("version", 0)).status()).isEqualTo(403);
        long audits = auditRows(AddressService.ENTITY, id);
        Response approved = post("/api/addresses/" + id + "/approve", "admin-t", Map.of("version", 0));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("approved");
        assertThat(auditRows(AddressService.ENTITY, id)).isEqualTo(audits + 1);
        int v = approved.json().get("version").asInt();

        // A plain PUT moving it 2 km answers 409 naming the fields and the workflow, and changes nothing.
        Response moved = put("/api/addresses/" + id, "surveyor-t", Map.of("version", v, "lat", y + 0.018, "room", "501"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
        assertThat(moved.contentType()).startsWith("application/problem+json");
        assertThat(moved.json().get("type").asString()).endsWith("/state-conflict");
        assertThat(moved.json().get("detail").asString()).contains("/reopen").contains("/approve").contains("/retire");
        assertThat(moved.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("lat", "room");
        JsonNode after = get("/api/addresses/" + id).json();
        assertThat(after.get("version").asInt()).isEqualTo(v);
        assertThat(after.get("lat").asDouble()).isEqualTo(approved.json().get("lat").asDouble());

        // The record sent back as it is passes (nothing changes but the version).
        Response same = put("/api/addresses/" + id, "surveyor-t", Map.of("version", v, "number", 7, "roadId", roadId));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        v = same.json().get("version").asInt();

        // The workflow: reopen (admin), change, approve again.
        assertThat(post("/api/addresses/" + id + "/reopen", "surveyor-t", Map.of("version", v)).status()).isEqualTo(403);
        Response reopened = post("/api/addresses/" + id + "/reopen", "admin-t", Map.of("version", v));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("approval").asString()).isEqualTo("draft");
        Response changed = put("/api/addresses/" + id, "surveyor-t", Map.of("version", v + 1, "room", "501"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("room").asString()).isEqualTo("501");
        assertThat(post("/api/addresses/" + id + "/approve", "admin-t", Map.of("version", v + 1)).status()).isEqualTo(409); // stale
        Response again = post("/api/addresses/" + id + "/approve", "admin-t", Map.of("version", v + 2));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(post("/api/addresses/" + id + "/approve", "admin-t", Map.of("version", v + 3)).status()).isEqualTo(409); // not a draft
        // Retiring is part of the workflow.
        Response retired = post("/api/addresses/" + id + "/retire", "surveyor-t", Map.of("version", v + 3));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");
    }

    @Test
    void existingDoorplatesAreApproved() {
        long drafts = jdbc.sql("select count(*) from address where source in ('demo', 'bench') and approval <> 'approved'").query(Long.class).single();
        assertThat(drafts).isZero();
    }
}
