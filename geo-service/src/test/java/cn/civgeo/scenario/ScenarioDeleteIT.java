package cn.civgeo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DELETE /api/scenarios/{id}?version=: versioned, audited, then gone; a scenario of an unknown division is a 400. */
class ScenarioDeleteIT extends IntegrationTest {
    @Test
    void aScenarioIsDeletedWithItsVersionOnly() {
        String name = unique("删除方案");
        Response created = post("/api/scenarios", "planner-t", Map.of("name", name, "division", "350203", "changes", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("kinds").get(0).asString()).as("the default kind").isEqualTo("elderly_care");
        assertThat(get("/api/scenarios?division=350203", "planner-t").json().findValuesAsString("name")).contains(name);

        assertThat(delete("/api/scenarios/" + id, "planner-t").status()).as("no version").isEqualTo(400);
        assertThat(delete("/api/scenarios/" + id + "?version=1", "planner-t").status()).as("stale").isEqualTo(409);
        assertThat(get("/api/scenarios/" + id, "planner-t").status()).isEqualTo(200);
        Response deleted = delete("/api/scenarios/" + id + "?version=0", "planner-t");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(get("/api/scenarios/" + id, "planner-t").status()).isEqualTo(404);
        assertThat(delete("/api/scenarios/" + id + "?version=0", "planner-t").status()).as("gone").isEqualTo(404);
        assertThat(auditRows(ScenarioService.ENTITY, id)).isEqualTo(2);

        Response unknown = post("/api/scenarios", "planner-t", Map.of("name", name, "division", "999999"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("division");
    }
}
