package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SecurityIT extends IntegrationTest {

    private Map<String, Object> newUser(String name) {
        return Map.of("username", name, "displayName", "测试", "password", "secret-pass-1", "roles", List.of("VIEWER"));
    }

    @Test
    void anonymousWriteIs401ProblemJson() {
        Response r = post("/api/users", null, newUser(unique("anon")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void viewerWriteIs403() {
        String name = unique("v");
        Response r = post("/api/users", "viewer-t", newUser(name));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", name).query(Long.class).single()).isZero();
    }

    @Test
    void createThenUpdateWritesOneAuditRowEachAndStaleVersionIs409WithNothingChanged() {
        String name = unique("u");
        Response created = post("/api/users", "admin-t", newUser(name));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().has("passwordHash")).isFalse();
        assertThat(auditRows("user", id)).isEqualTo(1);

        Response updated = put("/api/users/" + id, "admin-t", Map.of("version", 0, "displayName", "改名"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertThat(updated.json().get("displayName").asString()).isEqualTo("改名");
        assertThat(auditRows("user", id)).isEqualTo(2);
        JsonNode audit = get("/api/audit?entity=user&id=" + id, "admin-t").json().get("items").get(0);
        assertThat(audit.get("actor").asString()).isEqualTo("admin-t");
        assertThat(audit.get("action").asString()).isEqualTo("UPDATE");
        assertThat(audit.get("before").get("displayName").asString()).isEqualTo("测试");
        assertThat(audit.get("after").get("displayName").asString()).isEqualTo("改名");

        Response stale = put("/api/users/" + id, "admin-t", Map.of("version", 0, "displayName", "过期"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/version-conflict");
        assertThat(get("/api/users/" + id, "admin-t").json().get("displayName").asString()).isEqualTo("改名");
        assertThat(auditRows("user", id)).isEqualTo(2);
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        Response r = post("/api/users", "admin-t", Map.of("username", "x", "password", "short", "roles", List.of("KING")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("username", "password", "roles");
    }

    @Test
    void auditIsForAdminsOnly() {
        assertThat(get("/api/audit", "planner-t").status()).isEqualTo(403);
        assertThat(get("/api/audit", null).status()).isEqualTo(401);
    }

    @Test
    void wrongTokenAndWrongPasswordAre401() {
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me"))
                .header("Authorization", "Bearer nope")).status()).isEqualTo(401);
        Response r = post("/api/auth/login", null, Map.of("username", "admin-t", "password", "wrong-password"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void basicAuthWorksForScripts() {
        token("planner-t");
        String basic = Base64.getEncoder().encodeToString(("planner-t:" + PASSWORD).getBytes());
        Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me"))
                .header("Authorization", "Basic " + basic));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("roles").get(0).asString()).isEqualTo("PLANNER");
    }

    @Test
    void apiKeyIsRateLimitedWith429AndRetryAfter() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("sys"), "rateLimitPerMinute", 3));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("apiKey").asString();
        int[] statuses = new int[5];
        String retryAfter = null;
        for (int i = 0; i < 5; i++) {
            Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).header("X-API-Key", key));
            statuses[i] = r.status();
            if (r.status() == 429) retryAfter = r.header("Retry-After");
        }
        // Three fit in the window; the window may roll over once during the loop, so at least one of 4th/5th is 429.
        assertThat(statuses[0]).isEqualTo(200);
        assertThat(statuses).contains(429);
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        Response bad = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).header("X-API-Key", "cgk_wrong_key_123456"));
        assertThat(bad.status()).isEqualTo(401);
    }
}
