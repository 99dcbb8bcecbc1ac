package cn.civgeo.common.replica;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Read replicas without a cluster: the "replica" pool is the test database with every transaction read-only
 * (default_transaction_read_only), so a GET that writes while routed to it fails, and the pool's counter shows the
 * routing happened. Writes and the caller's reads right after them go to the leader.
 */
// Its own context is closed after the class: cached, it would go on listening, warming and rebuilding in the
// background through the rest of the suite.
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = "civgeo.database.read-url=${CIVGEO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:54329/civgeo_test}"
        + "?options=-c%20default_transaction_read_only%3Don")
class ReadRoutingIT extends IntegrationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext ctx;

    @Test
    void readOnlyGetsAreServedByTheReplicaPoolAndWritesByTheLeader() throws InterruptedException {
        DivisionFixtures.ensureDemoCity(ctx);
        // The geocoder answers 503 until its in-memory gazetteer is built.
        for (int i = 0; i < 480 && get("/actuator/health/readiness").status() != 200; i++) Thread.sleep(250);
        assertThat(dataSource).isInstanceOf(ReadRoutingDataSource.class);
        ReadRoutingDataSource routing = (ReadRoutingDataSource) dataSource;
        long before = routing.replicaConnections();
        List<String> reads = List.of("/api/divisions/350203", "/api/divisions?q=思明&limit=5", "/api/divisions/350203/children",
                "/api/divisions/at?lon=118.09&lat=24.48", "/api/place-names?q=沿河路", "/api/addresses?limit=3",
                "/api/facilities?limit=3", "/api/boundary/lines?limit=3", "/api/map/collections",
                "/api/map/tiles/divisions/10/852/446.mvt", "/api/reverse?lon=118.09&lat=24.48", "/api/suggest?q=xiamen");
        for (String path : reads) {
            Response r = get(path);
            assertThat(r.status()).as(path + " served from the read-only pool: " + r).isLessThan(500);
        }
        assertThat(routing.replicaConnections()).as("connections taken from the replica pool").isGreaterThan(before);
        assertThat(routing.fallbacks()).isZero();

        // A write goes to the leader (a read-only connection would refuse it) ...
        String user = "planner-t";
        token(user);
        long replicaBefore = routing.replicaConnections();
        Response me = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me"))
                .header("Authorization", "Bearer " + token(user)));
        assertThat(me.status()).isEqualTo(200);
        Response login = post("/api/auth/login", null, Map.of("username", user, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).as("a caller who wrote is kept on the leader").contains(ReadRoutingInterceptor.COOKIE);
        // ... and a read with that cookie right after stays on the leader.
        Response after = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/divisions/350203"))
                .header("Cookie", cookie.split(";")[0]));
        assertThat(after.status()).isEqualTo(200);
        assertThat(routing.replicaConnections()).as("no replica connection for the writer's next read").isEqualTo(replicaBefore);
    }

    @Test
    void onlyGetAndHeadOnReadFamiliesAreRouted() {
        assertThat(ReadRoutingInterceptor.readOnlyPath("GET", "/api/geocode")).isTrue();
        assertThat(ReadRoutingInterceptor.readOnlyPath("POST", "/api/geocode/batch")).isFalse();
        assertThat(ReadRoutingInterceptor.readOnlyPath("GET", "/api/jobs/abc")).isFalse();
        assertThat(ReadRoutingInterceptor.readOnlyPath("GET", "/api/addresses/export")).isFalse();
        assertThat(ReadRoutingInterceptor.readOnlyPath("GET", "/api/audit")).isFalse();
    }
}
