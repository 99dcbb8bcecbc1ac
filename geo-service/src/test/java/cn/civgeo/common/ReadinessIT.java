package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Load balancers read /actuator/health/readiness: it names the database and the geocoder's in-memory index. */
class ReadinessIT extends IntegrationTest {
    @Test
    void readinessGroupCoversDatabaseAndGeocoder() throws InterruptedException {
        Response r = get("/actuator/health/readiness");
        for (int i = 0; i < 240 && r.status() != 200; i++) {
            // Before the gazetteer is built the group answers 503 OUT_OF_SERVICE, never UP.
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).contains("OUT_OF_SERVICE");
            Thread.sleep(250);
            r = get("/actuator/health/readiness");
        }
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
