package cn.civgeo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The rows of a batch: n rows cost {@link FairUse#rowUnits} units beyond the one request the filter charged, against
 * the caller's per-minute fair-use bucket (API client, user or anonymous address), so batching is cheaper than
 * single calls but no way around the limit.
 */
@Component
public class BatchQuota {
    public static final int ROWS_PER_REQUEST = FairUse.ROWS_PER_UNIT;
    static final String CLIENT = BatchQuota.class.getName() + ".client";

    record Client(long id, String name, int perMinute) {}

    private final FairUse fairUse;

    BatchQuota(FairUse fairUse) { this.fairUse = fairUse; }

    /** Charges the rest of a batch of {@code rows}; 429 with Retry-After (and nothing done) when over the limit. */
    public void charge(HttpServletRequest req, HttpServletResponse res, int rows) {
        fairUse.charge(req, res, FairUse.rowUnits(rows), "a batch of " + rows + " rows");
    }
}
