package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under requests and comes back: while it is down every answer that needs it is a quick 503
 * problem+json (never a 500, never a hung thread), health says DOWN, and the service recovers by itself, with no
 * restart, once the database is back. Stops and starts the project-local test cluster with scripts/db.sh (the
 * same cluster the suite runs on; it is started again in a finally block).
 */
class DatabaseOutageIT extends IntegrationTest {

    private static Path dbScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/db.sh");
            if (Files.isExecutable(s)) return s;
        }
        return null;
    }

    private static void db(Path script, String action) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", script.toString(), action).redirectErrorStream(true)
                .redirectOutput(new File("target/db-outage-" + action + ".log")).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("db.sh " + action + " finished").isTrue();
        assertThat(p.exitValue()).as("db.sh " + action + " exit code").isZero();
    }

    private void waitForRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && get("/api/divisions?q=35020&limit=3").status() != 200) Thread.sleep(250);
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        Path script = dbScript();
        Assumptions.assumeTrue(script != null && System.getenv("CIVGEO_TEST_DB_URL") != null,
                "needs the project-local test cluster of scripts/test.sh");
        String surveyorToken = token("surveyor-t"); // signed in before the outage: the token is checked in the database
        assertThat(get("/api/divisions?q=350203&limit=1").status()).isEqualTo(200);

        db(script, "stop");
        List<String> seen = new ArrayList<>();
        try {
            String[] paths = {"/api/divisions?q=35020&limit=3", "/api/boundary/lines?limit=2", "/api/place-names?q=沿河路",
                    "/api/facilities?limit=2", "/api/divisions/at?lon=118.1&lat=24.5"};
            for (String path : paths) {
                long t0 = System.nanoTime();
                Response r = get(path);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                seen.add(path + " " + r.status() + " " + ms + " ms");
                assertThat(r.status()).as(path + " while the database is down: " + r).isEqualTo(503);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).as("Retry-After on " + path).isNotNull();
                assertThat(ms).as(path + " answers quickly").isLessThan(4000);
            }
            // A signed-in user's request: the bearer token is resolved in the database before any controller runs.
            Response signedIn = send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/api/auth/me")).header("Authorization", "Bearer " + surveyorToken));
            assertThat(signedIn.status()).as("signed-in call while down: " + signedIn).isEqualTo(503);
            assertThat(signedIn.contentType()).startsWith("application/problem+json");
            // A write fails cleanly: nothing is half done, the client is told to retry.
            Response write = post("/api/auth/login", null, Map.of("username", "admin-t", "password", PASSWORD));
            assertThat(write.status()).as("login while down: " + write).isEqualTo(503);
            Response health = get("/actuator/health");
            assertThat(health.status()).as("health while down").isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        } finally {
            db(script, "start");
            // Whatever was asserted above, the tests after this one find the service answering again.
            waitForRecovery();
        }
        int status = get("/api/divisions?q=35020&limit=3").status();
        assertThat(status).as("recovered without a restart; seen while down: " + seen).isEqualTo(200);
        // Health is UP again (it also waits for the geocoder's gazetteer, which a fresh test context may still build).
        for (int i = 0; i < 240 && get("/actuator/health").status() != 200; i++) Thread.sleep(250);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        Response me = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/auth/me"))
                .header("Authorization", "Bearer " + surveyorToken));
        assertThat(me.status()).as("the token issued before the outage still works").isEqualTo(200);
    }
}
