package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/** Fair use: per-caller buckets with RateLimit-* headers, cost weights, bounded searches and exports, fair jobs. */
// Its own context is closed after the class: cached, it would go on listening, warming and rebuilding in the
// background through the rest of the suite.
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = {"civgeo.fair-use.anonymous-per-minute=20", "civgeo.fair-use.user-per-minute=60",
        "civgeo.fair-use.anonymous-export-rows=3", "civgeo.jobs.threads=2", "civgeo.jobs.per-user-running=1"})
class FairUseIT extends IntegrationTest {
    @Autowired
    private JobService jobs;

    private Response withKey(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key", key));
    }

    @Test
    void anonymousCallersAreLimitedByAddressWithHeadersOnEveryAnswer() {
        token("viewer-t"); // signed in before the anonymous bucket runs dry
        Response first = get("/api/divisions?q=35&limit=1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("20");
        assertThat(Long.parseLong(first.header("RateLimit-Remaining"))).isBetween(0L, 19L);
        assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isBetween(0L, 60L);
        Response r = first;
        for (int i = 0; i < 25 && r.status() != 429; i++) r = get("/api/divisions?q=35&limit=1");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
        // Leaving the key out is no way around a limit, and a signed-in user has a bucket of their own.
        Response user = get("/api/divisions?q=35&limit=1", "viewer-t");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.header("RateLimit-Limit")).isEqualTo("60");
    }

    @Test
    void apiClientsHaveTheirOwnLimitAndBroadSearchesCostMore() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("fair"), "rateLimitPerMinute", 40));
        String key = created.json().get("apiKey").asString();
        Response a = withKey("/api/divisions?q=35&limit=1", key);
        assertThat(a.header("RateLimit-Limit")).isEqualTo("40");
        long before = Long.parseLong(a.header("RateLimit-Remaining"));
        Response broad = withKey("/api/place-names?q=" + URLEncoder.encode("路", StandardCharsets.UTF_8), key);
        assertThat(broad.status()).isEqualTo(200);
        long after = Long.parseLong(broad.header("RateLimit-Remaining"));
        assertThat(before - after).isBetween((long) FairUse.BROAD_SEARCH_COST - 1, (long) FairUse.BROAD_SEARCH_COST);
    }

    @Test
    void sixteenParallelWildcardSearchesLeaveOtherCallersAnswering200() throws Exception {
        String admin = token("admin-t");
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("wild"), "rateLimitPerMinute", 100000));
        String key = created.json().get("apiKey").asString();
        String[] patterns = {"%", "_", "\\", "%%", "路", "%_%", "\\%"};
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Response>> wild = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String q = URLEncoder.encode(patterns[i % patterns.length], StandardCharsets.UTF_8);
                String mode = i % 2 == 0 ? "fuzzy" : "auto";
                wild.add(pool.submit(() -> withKey("/api/place-names?q=" + q + "&mode=" + mode + "&limit=1000", key)));
                wild.add(pool.submit(() -> withKey("/api/addresses?q=" + q + "&limit=1000", key)));
            }
            List<Future<Response>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(pool.submit(() -> send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/divisions?q=35&limit=5"))
                        .header("Authorization", "Bearer " + admin))));
            }
            for (Future<Response> f : others) assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            int bare = 0;
            for (Future<Response> f : wild) {
                Response r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isIn(200, 400);
                if (r.status() == 400) {
                    bare++;
                    assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("q");
                }
            }
            assertThat(bare).isGreaterThanOrEqualTo(24); // every pattern without a letter, digit or Han character
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anonymousBulkExportIsBounded() {
        PlaceNameTestData.ensureDivisions(jdbc);
        for (int i = 0; i < 4; i++) {
            PlaceNameTestData.approvedRoad((p, b) -> post(p, "admin-t", b), json, PlaceNameTestData.uniqueSpecific() + "路", 30.02 + i * 0.01);
        }
        long anonymousLeft = 0;
        Response anon;
        do { // the anonymous bucket may be empty after the test above: wait for a token
            anon = get("/api/place-names/export?division=99");
            if (anon.status() == 429) sleep(Long.parseLong(anon.header("Retry-After")) * 1000);
        } while (anon.status() == 429 && anonymousLeft++ < 3);
        assertThat(anon.status()).as(anon.toString()).isEqualTo(413);
        assertThat(anon.json().get("errors").findValuesAsString("field")).containsExactly("division");
        Response signedIn = get("/api/place-names/export?division=99", "admin-t");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body().split("\r\n").length).isGreaterThan(4);
    }

    @Test
    void aViewersTwelfthJobWaitsWhileAnAdminsRuns() throws Exception {
        // Jobs are durable: an earlier run's unfinished test jobs (a killed test JVM) would still hold the viewer's turn.
        jdbc.sql("update job set status = 'CANCELLED', finished_at = now() where kind in ('test-wait', 'test-admin') "
                + "and status in ('QUEUED', 'RUNNING')").update();
        CountDownLatch release = new CountDownLatch(1);
        List<Job> viewerJobs = new ArrayList<>();
        as("viewer-t", "VIEWER");
        try {
            jobs.register("test-wait", String.class, true, (in, file, p) -> await(release));
            for (int i = 0; i < 12; i++) viewerJobs.add(jobs.submit("test-wait", null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        CountDownLatch adminRan = new CountDownLatch(1);
        as("admin-t", "ADMIN");
        Job adminJob;
        try {
            jobs.register("test-admin", String.class, true, (in, file, p) -> {
                adminRan.countDown();
                return "done";
            });
            adminJob = jobs.submit("test-admin", null);
        } finally {
            SecurityContextHolder.clearContext();
        }
        try {
            assertThat(adminRan.await(10, TimeUnit.SECONDS)).as("the admin's job ran behind 12 viewer jobs").isTrue();
            waitFor(() -> now(adminJob).getStatus() == Job.Status.SUCCEEDED);
            waitFor(() -> now(viewerJobs.get(0)).getStatus() == Job.Status.RUNNING); // (an instance may have put it back a moment)
            assertThat(now(viewerJobs.get(11)).getStatus()).isEqualTo(Job.Status.QUEUED);
            assertThat(viewerJobs.stream().filter(j -> now(j).getStatus() == Job.Status.RUNNING).count()).isEqualTo(1);

            // The owner sees their jobs (not the admin's) and cancels a queued one over the API.
            Response list = get("/api/jobs", "viewer-t");
            assertThat(list.json().findValuesAsString("owner")).containsOnly("viewer-t").hasSizeGreaterThanOrEqualTo(12);
            assertThat(get("/api/jobs/" + adminJob.getId(), "viewer-t").status()).isEqualTo(404);
            Response cancelled = delete("/api/jobs/" + viewerJobs.get(11).getId(), "viewer-t");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(delete("/api/jobs/" + viewerJobs.get(11).getId(), "viewer-t").status()).isEqualTo(409);
        } finally {
            release.countDown();
        }
        waitFor(() -> viewerJobs.subList(0, 11).stream().allMatch(j -> now(j).isFinished()));
        assertThat(now(viewerJobs.get(11)).getStatus()).isEqualTo(Job.Status.CANCELLED);
        assertThat(now(viewerJobs.get(11)).getStartedAt()).isNull();
    }

    /** Jobs live in the database: the job as it is now (read as an administrator). */
    private Job now(Job j) {
        as("admin-t", "ADMIN");
        try {
            return jobs.get(j.getId());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Object await(CountDownLatch l) {
        try {
            l.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "ok";
    }

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) {
        long end = System.currentTimeMillis() + 20_000;
        while (!cond.getAsBoolean() && System.currentTimeMillis() < end) sleep(50);
        assertThat(cond.getAsBoolean()).isTrue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
