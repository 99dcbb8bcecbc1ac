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
    public long acquire(long clientId, int perMinute, long nowMillis) { return acquire(clientId, perMinute, nowMillis, 1); }

    /** As {@link #acquire(long, int, long)} for a call worth {@code units} requests (a batch). */
    public long acquire(long clientId, int perMinute, long nowMillis, int units) {
        long minute = nowMillis / 60_000;
        Window w = windows.compute(clientId, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, new AtomicLong()) : old);
        if (w.count().addAndGet(units) <= perMinute) return 0;
        return Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
    }
}
