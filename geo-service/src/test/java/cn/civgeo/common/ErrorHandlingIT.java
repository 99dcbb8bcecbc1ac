package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorHandlingIT extends IntegrationTest {

    @Test
    void malformedJsonIs400ProblemJson() {
        Response r = call("POST", "/api/users", "admin-t", "application/json", bytes("{\"username\": \"abc\", "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/malformed-body");
        assertThat(r.body()).doesNotContain("at tools.jackson", "Exception");
    }

    @Test
    void wrongTypeNamesTheField() {
        Response r = call("PUT", "/api/users/1", "admin-t", "application/json", bytes("{\"version\": \"abc\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("version");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
    }

    @Test
    void oversizedBodyIs413() {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        Response r = call("POST", "/api/users", "admin-t", "application/json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownPathIs404ProblemAndBadParamIs400() {
        Response r = get("/api/users/999999999", "admin-t");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).contains("999999999");
        Response bad = get("/api/users/abc", "admin-t");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void healthIncludesTheDatabase() throws InterruptedException {
        // Health is OUT_OF_SERVICE until the in-memory gazetteer is built (a few seconds after start-up).
        for (int i = 0; i < 240 && get("/actuator/health").status() != 200; i++) Thread.sleep(250);
        Response r = get("/actuator/health", "admin-t"); // details are for administrators (SecureDefaultsIT)
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
    }
}
