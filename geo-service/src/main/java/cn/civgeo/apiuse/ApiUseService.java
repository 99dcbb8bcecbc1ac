package cn.civgeo.apiuse;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Counts API use per caller, code and day in memory and writes it in batches; answers who used which codes.
 * Durability bound: a batch is written every {@code civgeo.api-use.flush-ms} (default 1000) and at a graceful shutdown,
 * so a crash (kill -9, power loss) loses at most the counts of the last interval plus those of a flush in progress.
 * While the database is unreachable the counts stay in memory (and are lost with the process).
 */
@Service
public class ApiUseService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiUseService.class);

    /** The caller name under which requests without an API key or sign-in are counted. */
    public static final String ANONYMOUS = "anonymous";

    record Key(LocalDate day, String client, String code) {}

    private final ApiUseRepository uses;
    // merge/remove of ConcurrentHashMap are atomic per key: no increment lands on a batch already taken by a flush
    private final ConcurrentHashMap<Key, Long> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private final long flushMs;

    ApiUseService(ApiUseRepository uses, @Value("${civgeo.api-use.flush-ms:1000}") long flushMs) {
        this.uses = uses;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-use-flush");
            t.setDaemon(true);
            return t;
        });
        long s = Math.max(50, flushMs);
        this.flushMs = s;
        flusher.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("API use: counts not written, kept for the next flush: {}", e.toString());
            }
        }, s, s, TimeUnit.MILLISECONDS);
    }

    /** Counts one request of {@code client} naming {@code codes} (cheap: no I/O). */
    void count(String client, Collection<String> codes) {
        if (halted) return;
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        for (String c : codes) counts.merge(new Key(day, client, c), 1L, Long::sum);
    }

    /** Writes the counts gathered so far in one batch (called by the background thread, at shutdown, and by tests). */
    public synchronized int flush() {
        if (counts.isEmpty()) return 0;
        List<Object[]> rows = new ArrayList<>();
        for (Key k : List.copyOf(counts.keySet())) {
            Long n = counts.remove(k);
            if (n != null && n > 0) rows.add(new Object[] {k.day(), k.client(), k.code(), n});
        }
        if (rows.isEmpty()) return 0;
        try {
            uses.add(rows);
        } catch (RuntimeException e) {
            // put the counts back: the next flush tries again
            for (Object[] r : rows) counts.merge(new Key((LocalDate) r[0], (String) r[1], (String) r[2]), (Long) r[3], Long::sum);
            throw e;
        }
        return rows.size();
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("API use: last counts not written at shutdown: {}", e.toString());
        }
    }

    /** One caller's use of one code since a day: requests and the last time. */
    public record Use(String client, String code, long requests, OffsetDateTime lastAt) {}

    /**
     * Callers that asked about any of the codes or their descendants (code prefix) on or after {@code since}, most
     * requests first (at most {@code limit} rows).
     */
    public List<Use> callers(Collection<String> codes, LocalDate since, int limit) {
        if (codes.isEmpty()) return List.of();
        return uses.callers(codes, since, limit);
    }

    /** Counts not yet written (for tests and metrics). */
    long pending() { return counts.values().stream().mapToLong(Long::longValue).sum(); }

    /** The flush interval in milliseconds: the durability bound's interval. */
    long flushMs() { return flushMs; }

    /**
     * Stops the background writer without the last flush, as a crash would (tests): answers the counts discarded. The
     * service counts nothing afterwards.
     */
    long halt() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = pending();
        counts.clear();
        halted = true;
        return lost;
    }

    private volatile boolean halted;

}
