package cn.civgeo.common.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: one row per caller and key, with the stored answer once the write committed. */
@Repository
class IdempotencyKeyRepository {
    /** A key's row: the request it was first used for and the answer stored for it (status 0 and no body before that). */
    record Stored(String fingerprint, String method, String path, int status, String contentType, String headers, byte[] body) {}

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Every caller's expired keys. */
    void deleteExpired() {
        jdbc.sql("delete from idempotency_key where expires_at < now()").update();
    }

    /** The caller's key when it has expired (so it can be used afresh). */
    void deleteExpired(String caller, String key) {
        jdbc.sql("delete from idempotency_key where caller = ? and key = ? and expires_at < now()").params(caller, key).update();
    }

    /**
     * The key's row for a new request: 1 when inserted, 0 when the key exists (after waiting for the lock of a request
     * with the same key that is running).
     */
    int insert(String caller, String key, String fingerprint, String method, String path, int ttlHours) {
        return jdbc.sql("insert into idempotency_key (caller, key, fingerprint, method, path, expires_at) "
                + "values (?, ?, ?, ?, ?, now() + make_interval(hours => ?)) on conflict do nothing")
                .params(caller, key, fingerprint, method, path, ttlHours).update();
    }

    Stored stored(String caller, String key) {
        return jdbc.sql("select fingerprint, method, path, status, content_type, headers::text, body "
                + "from idempotency_key where caller = ? and key = ?").params(caller, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7))).single();
    }

    void storeAnswer(String caller, String key, int status, String contentType, String headersJson, byte[] body) {
        jdbc.sql("update idempotency_key set status = ?, content_type = ?, headers = ?::jsonb, body = ? where caller = ? and key = ?")
                .params(status, contentType, headersJson, body, caller, key)
                .update();
    }
}
