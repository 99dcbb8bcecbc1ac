package cn.civgeo.security;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate limits for batches: an API client's batch of n rows counts as 1 + (n - 1) / {@value #ROWS_PER_REQUEST}
 * requests against its per-minute limit (the filter has counted the first), so batching is cheaper than single
 * calls but no way around the limit. Users signed in (not API clients) are not rate-limited.
 */
@Component
public class BatchQuota {
    public static final int ROWS_PER_REQUEST = 100;
    static final String CLIENT = BatchQuota.class.getName() + ".client";

    record Client(long id, String name, int perMinute) {}

    private final RateLimiter limiter;

    BatchQuota(RateLimiter limiter) { this.limiter = limiter; }

    /** Charges the rest of a batch of {@code rows}; 429 with Retry-After (and nothing done) when over the limit. */
    public void charge(HttpServletRequest req, HttpServletResponse res, int rows) {
        if (!(req.getAttribute(CLIENT) instanceof Client c)) return;
        int units = Math.max(0, (rows - 1) / ROWS_PER_REQUEST);
        if (units == 0) return;
        long retry = limiter.acquire(c.id(), c.perMinute(), System.currentTimeMillis(), units);
        if (retry > 0) {
            res.setHeader("Retry-After", Long.toString(retry));
            throw new ApiException(ProblemType.RATE_LIMITED, "API client " + c.name() + " is limited to " + c.perMinute()
                    + " requests per minute and a batch of " + rows + " rows counts as " + (units + 1) + "; retry in " + retry
                    + " s or send fewer rows", List.of(), Map.of("retryAfterSeconds", retry, "rowsPerRequest", ROWS_PER_REQUEST));
        }
    }
}
