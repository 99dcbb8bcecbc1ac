package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT /api/api-clients/{id}: rate limit and switch, versioned and audited; a switched-off client's key stops working. */
class ApiClientUpdateIT extends IntegrationTest {
    private Response me(String key) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).header("X-API-Key", key));
    }

    @Test
    void anUpdateChangesTheLimitAndSwitchesTheKeyOffAndAStaleVersionIs409() {
        String name = unique("upd");
        Response created = post("/api/api-clients", "admin-t", Map.of("name", name, "rateLimitPerMinute", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("client").get("id").asLong();
        String key = created.json().get("apiKey").asString();
        assertThat(me(key).status()).isEqualTo(200);

        // only the limit: enabled stays as it was
        Response limited = put("/api/api-clients/" + id, "admin-t", Map.of("version", 0, "rateLimitPerMinute", 7));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
        assertThat(limited.json().get("rateLimitPerMinute").asInt()).isEqualTo(7);
        assertThat(limited.json().get("enabled").asBoolean()).isTrue();
        assertThat(limited.json().get("version").asInt()).isEqualTo(1);

        Response stale = put("/api/api-clients/" + id, "admin-t", Map.of("version", 0, "enabled", false));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(me(key).status()).as("a refused update changes nothing").isEqualTo(200);

        Map<String, Object> off = new HashMap<>(Map.of("version", 1, "enabled", false));
        Response disabled = put("/api/api-clients/" + id, "admin-t", off);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("rateLimitPerMinute").asInt()).as("the limit stays when not sent").isEqualTo(7);
        assertThat(me(key).status()).as("the key of a switched-off client").isEqualTo(401);

        JsonNode listed = null;
        for (JsonNode c : get("/api/api-clients", "admin-t").json()) if (c.get("name").asString().equals(name)) listed = c;
        assertThat(listed).isNotNull();
        assertThat(listed.get("version").asInt()).isEqualTo(2);
        assertThat(auditRows(ApiClientService.ENTITY, id)).isEqualTo(3);
        assertThat(put("/api/api-clients/" + id, "admin-t", Map.of("version", 2, "rateLimitPerMinute", 0)).status()).isEqualTo(400);
        assertThat(put("/api/api-clients/99999999", "admin-t", Map.of("version", 0)).status()).isEqualTo(404);
    }
}
