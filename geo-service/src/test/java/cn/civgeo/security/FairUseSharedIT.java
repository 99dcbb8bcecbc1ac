package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Fair use across instances: two {@link FairUse} managers on the same database (two "instances") share one bucket
 * per caller, and a request does not take the bucket row in PostgreSQL every time.
 */
class FairUseSharedIT extends IntegrationTest {
    @Autowired
    private DataSource dataSource;

    /** Counts connections taken: each Bucket4j round trip to PostgreSQL takes one. */
    static final class Counting extends DelegatingDataSource {
        final AtomicInteger connections = new AtomicInteger();

        Counting(DataSource d) { super(d); }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    private FairUse instance(DataSource ds, int limit) {
        return new FairUse(ds, limit, limit, limit, 0.05, Duration.ofSeconds(1), true);
    }

    @Test
    void requestsOfOneCallerDoNotEachTakeTheBucketRow() {
        Counting ds = new Counting(dataSource);
        FairUse fairUse = instance(ds, 6000); // 300 tokens may stay local
        FairUse.Caller caller = fairUse.user(unique("fast"));
        long start = System.nanoTime();
        try {
            for (int i = 0; i < 200; i++) assertThat(fairUse.take(caller, 1).allowed()).isTrue();
            // Select-for-update on every request took 200 connections; local consumption syncs at most once a second.
            assertThat(ds.connections.get()).isLessThanOrEqualTo(20);
            // 201 taken; the bucket refills 100 tokens a second meanwhile.
            long remaining = fairUse.take(caller, 1).remaining();
            long refill = (long) Math.ceil(6000 * ((System.nanoTime() - start) / 1e9) / 60.0);
            assertThat(remaining).isBetween(6000L - 201, 6000L - 201 + refill);
        } finally {
            fairUse.stop();
        }
    }

    @Test
    void twoInstancesTogetherAdmitAtMostTheLimitPlusTheStatedTolerance() throws Exception {
        int limit = 100; // sync-share 0.05: each instance may take 5 tokens unsynchronised
        FairUse a = instance(dataSource, limit);
        FairUse b = instance(dataSource, limit);
        String who = unique("shared");
        FairUse.Caller ca = a.user(who);
        FairUse.Caller cb = b.user(who);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean first = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        if ((first ? a.take(ca, 1) : b.take(cb, 1)).allowed()) allowed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            a.stop();
            b.stop();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long refill = (long) Math.ceil(limit * seconds / 60.0);
        long tolerance = 2 * a.unsynchronizedTokens(limit);
        assertThat(tolerance).isEqualTo(10);
        // 320 attempts on a bucket of 100: two independent per-instance buckets would admit 200.
        assertThat((long) allowed.get()).as("admitted in %.1f s", seconds).isBetween((long) limit, limit + refill + tolerance);
    }
}
