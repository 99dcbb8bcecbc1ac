package cn.civgeo.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Per-client fixed one-minute windows, kept in memory: enough for one service instance; a cluster would move
 * the counters into the database or a shared cache.
 */
@Component
public class RateLimiter {
    private record Window(long minute, AtomicLong count) {}

    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();

    /** Seconds to wait before retrying, or 0 when the call is allowed (and counted). */
    public long acquire(long clientId, int perMinute, long nowMillis) {
        long minute = nowMillis / 60_000;
        Window w = windows.compute(clientId, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, new AtomicLong()) : old);
        if (w.count().incrementAndGet() <= perMinute) return 0;
        return Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
    }
}
