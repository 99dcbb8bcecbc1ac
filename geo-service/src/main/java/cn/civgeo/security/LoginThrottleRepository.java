package cn.civgeo.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_throttle} table: failure counters and lockouts per account or client address key (epoch ms). */
@Repository
class LoginThrottleRepository {
    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** True when the key had a row. */
    boolean delete(String key) {
        return jdbc.sql("delete from login_throttle where key = :k").param("k", key).update() > 0;
    }

    /** Rows whose lockout ended before {@code now} and that were last touched before {@code old}. */
    void deleteStale(long now, long old) {
        jdbc.sql("delete from login_throttle where locked_until < :now and touched_at < :old")
                .param("now", now).param("old", old).update();
    }

    Optional<Long> lockedUntil(String key) {
        return jdbc.sql("select locked_until from login_throttle where key = :k").param("k", key).query(Long.class).optional();
    }

    /** The key's row, inserted (all zeros) when it had none. */
    void insertIfAbsent(String key, long now) {
        jdbc.sql("insert into login_throttle(key, touched_at) values (:k, :now) on conflict (key) do nothing")
                .param("k", key).param("now", now).update();
    }

    /** The key's counters, its row locked until the transaction ends. */
    LoginThrottle.Entry lock(String key) {
        return jdbc.sql("select failures, window_start, strikes, locked_until from login_throttle where key = :k for update")
                .param("k", key).query((rs, i) -> new LoginThrottle.Entry(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getLong(4))).single();
    }

    void write(String key, LoginThrottle.Entry e, long now) {
        jdbc.sql("""
                update login_throttle set failures = :f, window_start = :w, strikes = :s, locked_until = :l, touched_at = :now
                 where key = :k""")
                .param("f", e.failures()).param("w", e.windowStart()).param("s", e.strikes()).param("l", e.lockedUntil())
                .param("now", now).param("k", key).update();
    }
}
