package cn.civgeo.security;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 */
@Component
public class FairUse {
    public static final int ROWS_PER_UNIT = 100;
    public static final int BROAD_SEARCH_COST = 5;
    static final String CALLER = FairUse.class.getName() + ".caller";
    private static final Logger log = LoggerFactory.getLogger(FairUse.class);

    /** Who is charged: the bucket key, a name for messages and the per-minute limit. */
    record Caller(String key, String name, int perMinute) {}

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final int anonymousPerMinute;
    private final int userPerMinute;
    private final int apiClientPerMinute;
    private final ScheduledExecutorService sweeper;

    public FairUse(DataSource dataSource,
                   @Value("${civgeo.fair-use.anonymous-per-minute:1200}") int anonymousPerMinute,
                   @Value("${civgeo.fair-use.user-per-minute:6000}") int userPerMinute,
                   @Value("${civgeo.security.default-rate-limit-per-minute}") int apiClientPerMinute) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.anonymousPerMinute = anonymousPerMinute;
        this.userPerMinute = userPerMinute;
        this.apiClientPerMinute = apiClientPerMinute;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "civgeo-fair-use-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.MINUTES);
    }

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
        ConsumptionProbe p = buckets.builder().build(c.key() + "/" + c.perMinute(), () -> config)
                .tryConsumeAndReturnRemaining(Math.min(cost, c.perMinute()));
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

    private static long seconds(long nanos) { return (nanos + 999_999_999L) / 1_000_000_000L; }

    @PreDestroy
    void stop() { sweeper.shutdownNow(); }
}
