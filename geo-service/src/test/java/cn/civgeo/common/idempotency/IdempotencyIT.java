package cn.civgeo.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on writes: a retry gets the stored answer and the write happens once. */
class IdempotencyIT extends IntegrationTest {

    private Map<String, Object> facility(String name) {
        return new HashMap<>(Map.of("kind", "养老机构", "name", name, "operatorKind", "public_private", "lon", 118.1, "lat", 24.5,
                "beds", 200, "nursingBeds", 120, "floorAreaM2", 9000.0, "openedOn", "2019-05-01", "address", "测试地址1号"));
    }

    private Response write(String method, String path, String user, String key, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (key != null) b.header("Idempotency-Key", key);
        return send(b);
    }

    private long rows(String name) {
        return jdbc.sql("select count(*) from facility where name = ?").param(name).query(Long.class).single();
    }

    @Test
    void aRetryGetsTheStoredAnswerAndTheWriteHappensOnce() {
        String name = unique("幂等养老院");
        String key = UUID.randomUUID().toString();
        Response first = write("POST", "/api/facilities", "planner-t", key, facility(name));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        long id = first.json().get("id").asLong();

        Response again = write("POST", "/api/facilities", "planner-t", key, facility(name));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(rows(name)).isEqualTo(1);
        assertThat(auditRows("facility", id)).isEqualTo(1);

        // Without a key the same retry is refused as a duplicate: the client could not tell that its write landed.
        Response noKey = write("POST", "/api/facilities", "planner-t", null, facility(name));
        assertThat(noKey.status()).isEqualTo(409);
        assertThat(rows(name)).isEqualTo(1);

        // The key belongs to its caller: another user's request with it is their own.
        String other = unique("幂等养老院");
        Response admins = write("POST", "/api/facilities", "admin-t", key, facility(other));
        assertThat(admins.status()).as(admins.toString()).isEqualTo(201);
        assertThat(admins.header("Idempotency-Replayed")).isNull();
        assertThat(rows(other)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String name = unique("幂等养老院");
        assertThat(write("POST", "/api/facilities", "planner-t", key, facility(name)).status()).isEqualTo(201);
        String changed = unique("幂等养老院");
        Response r = write("POST", "/api/facilities", "planner-t", key, facility(changed));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(rows(changed)).isZero();
        // Another path with the key is another request too.
        assertThat(write("DELETE", "/api/facilities/999999999", "planner-t", key, null).status()).isEqualTo(422);

        Response bad = write("POST", "/api/facilities", "planner-t", "x".repeat(256), facility(unique("幂等")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
    }

    @Test
    void aRefusedWriteKeepsNoKeyAndKeysExpire() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = facility(unique("幂等养老院"));
        invalid.remove("name");
        Response refused = write("POST", "/api/facilities", "planner-t", key, invalid);
        assertThat(refused.status()).isEqualTo(400);
        // Nothing was stored for the key, so the corrected request (a different body) is accepted, not 422.
        String name = unique("幂等养老院");
        Response fixed = write("POST", "/api/facilities", "planner-t", key, facility(name));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        assertThat(rows(name)).isEqualTo(1);

        // After 24 h the key is free again (aged here by hand).
        jdbc.sql("update idempotency_key set expires_at = now() - interval '1 second' where key = ?").param(key).update();
        String later = unique("幂等养老院");
        Response reused = write("POST", "/api/facilities", "planner-t", key, facility(later));
        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.header("Idempotency-Replayed")).isNull();
        assertThat(rows(later)).isEqualTo(1);
        assertThat(jdbc.sql("select expires_at > now() + interval '23 hours' from idempotency_key where key = ?").param(key)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void concurrentRequestsWithOneKeyWriteOnce() {
        String key = UUID.randomUUID().toString();
        String name = unique("幂等养老院");
        List<CompletableFuture<Response>> all = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> write("POST", "/api/facilities", "planner-t", key, facility(name))))
                .toList();
        List<Response> answers = all.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(answers.stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.header("Idempotency-Replayed") == null)).hasSize(1);
        assertThat(rows(name)).isEqualTo(1);
    }

    @Test
    void anUpdateWithAKeyIsAppliedOnceEvenWhenRetriedAfterItsVersionMoved() {
        String name = unique("幂等养老院");
        Response created = write("POST", "/api/facilities", "planner-t", null, facility(name));
        long id = created.json().get("id").asLong();
        Map<String, Object> change = facility(name);
        change.put("beds", 250);
        change.put("version", created.json().get("version").asInt());
        String key = UUID.randomUUID().toString();
        Response put = write("PUT", "/api/facilities/" + id, "planner-t", key, change);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        // Without the key this retry would be a 409 (stale version); with it, the stored 200.
        Response retry = write("PUT", "/api/facilities/" + id, "planner-t", key, change);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(write("PUT", "/api/facilities/" + id, "planner-t", null, change).status()).isEqualTo(409);
        assertThat(auditRows("facility", id)).isEqualTo(2);
    }
}
