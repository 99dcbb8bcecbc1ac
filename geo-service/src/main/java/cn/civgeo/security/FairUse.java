package cn.civgeo.security;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fair use for every caller: one token bucket per anonymous address, per user and per API client, each refilled
 * at its per-minute limit, kept in PostgreSQL (Bucket4j, select-for-update) so every instance of the service draws
 * from the same bucket. A request costs 1; expensive requests cost more ({@link #charge}: a batch or an export per
 * {@value #ROWS_PER_UNIT} rows, a wildcard-like search {@value #BROAD_SEARCH_COST}). Every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is
 * full again; IETF httpapi-ratelimit-headers draft); a refusal is 429 with {@code Retry-After}, before any work.
 *
 * <p>Per-request cost: taking the bucket row {@code FOR UPDATE} on every request serialised one caller's
 * concurrent requests and halved the geocoder's throughput. Each instance therefore keeps one Bucket4j proxy per
 * bucket with the {@linkplain Optimizations#delaying delaying} optimisation: it consumes from its local copy of
 * the shared state and writes what it took to PostgreSQL at the latest after {@code sync-share} of the limit
 * ({@link #unsynchronizedTokens}) or {@code sync-interval}, whichever comes first, and reads the others'
 * consumption back in the same round trip. A local refusal is always right (the shared bucket holds at most what
 * the local copy holds); the tolerance is the other way: N instances together admit at most the limit plus the
 * refill plus N × {@code floor(limit × sync-share)} requests in any window (0 extra for limits under
 * {@code 1 / sync-share}: those buckets stay exact). What was admitted beyond the limit is still written to the
 * shared bucket, which then goes below zero and pays it back.
 */
@Component
class FairUse {
    public static final int ROWS_PER_UNIT = 100;
    public static final int BROAD_SEARCH_COST = 5;
    static final String CALLER = FairUse.class.getName() + ".caller";
    private static final Logger log = LoggerFactory.getLogger(FairUse.class);

    /** Who is charged: the bucket key, a name for messages and the per-minute limit. */
    record Caller(String key, String name, int perMinute) {}

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** This instance's proxies (each holds the local state of the delaying optimisation), by bucket key. */
    private final Map<String, Local> proxies = new ConcurrentHashMap<>();
    private final double syncShare;
    private final Duration syncInterval;
    private final boolean enabled;
    private final int anonymousPerMinute;
    private final int userPerMinute;
    private final int apiClientPerMinute;
    private final ScheduledExecutorService sweeper;

    public FairUse(DataSource dataSource,
                   @Value("${civgeo.fair-use.anonymous-per-minute:1200}") int anonymousPerMinute,
                   @Value("${civgeo.fair-use.user-per-minute:6000}") int userPerMinute,
                   @Value("${civgeo.security.default-rate-limit-per-minute}") int apiClientPerMinute,
                   @Value("${civgeo.fair-use.sync-share:0.02}") double syncShare,
                   @Value("${civgeo.fair-use.sync-interval:PT1S}") Duration syncInterval,
                   @Value("${civgeo.fair-use.enabled:true}") boolean enabled) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.anonymousPerMinute = anonymousPerMinute;
        this.userPerMinute = userPerMinute;
        this.apiClientPerMinute = apiClientPerMinute;
        if (syncShare < 0 || syncShare > 0.5) throw new IllegalArgumentException("civgeo.fair-use.sync-share must be within 0..0.5");
        this.syncShare = syncShare;
        this.syncInterval = syncInterval;
        this.enabled = enabled;
        if (!enabled) log.warn("FAIR USE IS OFF (civgeo.fair-use.enabled=false): no caller is limited");
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "civgeo-fair-use-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.MINUTES);
        sweeper.scheduleWithFixedDelay(this::flushIdle, 30, 30, TimeUnit.SECONDS);
    }

    /** Whether requests are charged at all ({@code civgeo.fair-use.enabled}; off only for benchmarks' baselines). */
    public boolean enabled() { return enabled; }

    /** Tokens one instance may take from a bucket of {@code perMinute} without writing them to PostgreSQL. */
    long unsynchronizedTokens(int perMinute) { return (long) Math.floor(perMinute * syncShare); }

    private record Local(BucketProxy bucket, long[] lastUsed) {}

    Caller anonymous(String address) { return new Caller("a:" + address, "anonymous caller " + address, anonymousPerMinute); }

    Caller user(String username) { return new Caller("u:" + username, "user " + username, userPerMinute); }

    Caller apiClient(long id, String name, Integer ownLimit) {
        return new Caller("k:" + id, "API client " + name, ownLimit == null ? apiClientPerMinute : ownLimit);
    }

    /** The outcome of taking tokens. */
    record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

    Decision take(Caller c, long cost) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(c.perMinute()).refillGreedy(c.perMinute(), Duration.ofMinutes(1))).build();
        // The limit is part of the key: a changed limit starts a fresh bucket (the old one expires within a minute).
        String key = c.key() + "/" + c.perMinute();
        try {
            return take(c, cost, key, config);
        } catch (RuntimeException e) {
            // The bucket's row went (expired and swept, here or by another instance) under a proxy that still holds
            // tokens taken locally: start the caller afresh rather than answer 500.
            if (!notFound(e)) throw e;
            proxies.remove(key);
            return take(c, cost, key, config);
        }
    }

    private static boolean notFound(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause()) {
            if (x instanceof io.github.bucket4j.distributed.proxy.BucketNotFoundException) return true;
        }
        return false;
    }

    private Decision take(Caller c, long cost, String key, BucketConfiguration config) {
        Local local = proxies.computeIfAbsent(key, k -> {
            long tokens = unsynchronizedTokens(c.perMinute());
            var builder = buckets.builder();
            if (tokens > 0) builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(tokens, syncInterval)));
            return new Local(builder.build(k, () -> config), new long[1]);
        });
        local.lastUsed()[0] = System.nanoTime();
        ConsumptionProbe p = local.bucket().tryConsumeAndReturnRemaining(Math.min(cost, c.perMinute()));
        long reset = seconds(p.getNanosToWaitForReset());
        return new Decision(p.isConsumed(), c.perMinute(), p.getRemainingTokens(), reset,
                p.isConsumed() ? 0 : Math.max(1, seconds(p.getNanosToWaitForRefill())));
    }

    static void headers(HttpServletResponse res, Decision d) {
        res.setHeader("RateLimit-Limit", Integer.toString(d.limit()));
        res.setHeader("RateLimit-Remaining", Long.toString(d.remaining()));
        res.setHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
        res.setHeader("RateLimit-Policy", d.limit() + ";w=60");
        if (!d.allowed()) res.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
    }

    /**
     * Charges {@code units} more to the caller of this request (the filter charged 1): 429 with Retry-After, and
     * nothing done, when the caller's bucket does not hold them. {@code what} explains the cost in the answer.
     */
    public void charge(HttpServletRequest req, HttpServletResponse res, long units, String what) {
        if (units <= 0 || !(req.getAttribute(CALLER) instanceof Caller c)) return;
        Decision d = take(c, units);
        headers(res, d);
        if (!d.allowed()) {
            throw new ApiException(ProblemType.RATE_LIMITED, c.name() + " is limited to " + c.perMinute() + " requests per minute and "
                    + what + " counts as " + (units + 1) + "; retry in " + d.retryAfterSeconds() + " s or ask for less",
                    List.of(), Map.of("retryAfterSeconds", d.retryAfterSeconds(), "cost", units, "limit", c.perMinute()));
        }
    }

    /** Rows of a batch or an export in units: one per started {@value #ROWS_PER_UNIT} rows beyond the first. */
    public static long rowUnits(long rows) { return Math.max(0, (rows - 1) / ROWS_PER_UNIT); }

    private void sweep() {
        try {
            buckets.removeExpired(1000);
        } catch (RuntimeException e) {
            log.debug("fair-use sweep failed", e);
        }
    }

    /**
     * Writes what idle proxies took locally to PostgreSQL (any command after {@code sync-interval} syncs) and drops
     * proxies idle for a minute, so the map holds only active callers.
     */
    void flushIdle() {
        long now = System.nanoTime();
        for (Map.Entry<String, Local> e : proxies.entrySet()) {
            long idle = now - e.getValue().lastUsed()[0];
            if (idle < syncInterval.toNanos()) continue;
            try {
                e.getValue().bucket().getAvailableTokens();
            } catch (RuntimeException ex) {
                log.debug("fair-use flush failed", ex);
                continue;
            }
            if (idle > TimeUnit.MINUTES.toNanos(1)) proxies.remove(e.getKey(), e.getValue());
        }
    }

    private static long seconds(long nanos) { return (nanos + 999_999_999L) / 1_000_000_000L; }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        flushIdle();
    }
}
