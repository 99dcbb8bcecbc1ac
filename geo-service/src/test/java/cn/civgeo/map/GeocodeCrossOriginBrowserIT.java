package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.geocode.GeocodeIndex;
import cn.civgeo.geocode.GeocodeTestIndex;
import cn.civgeo.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue #20: another system's web page, served from another origin (a tiny HTTP server on 127.0.0.1:18097, the origin
 * that application-test.yml allows), calls the geocoder from headless Chromium with an API key; a page on an origin
 * that is not configured is refused by the browser. In the map package for its {@link Browser}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeocodeCrossOriginBrowserIT extends IntegrationTest {
    static final int ALLOWED = 18097, OTHER = 18098;

    @Autowired
    ApplicationContext ctx;

    private Browser b;
    private HttpServer allowed, other;
    private String key;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        GeocodeTestIndex.ready(ctx.getBean(GeocodeIndex.class));
        key = post("/api/api-clients", "admin-t", Map.of("name", unique("web-gis"), "rateLimitPerMinute", 100)).json().get("apiKey").asString();
        allowed = page(ALLOWED);
        other = page(OTHER);
        b = new Browser(1000, 700);
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
        if (allowed != null) allowed.stop(0);
        if (other != null) other.stop(0);
    }

    /** A page whose script calls the geocoder with the API key and writes what it got into #out. */
    private HttpServer page(int at) {
        String html = """
                <!doctype html><meta charset="utf-8"><title>其他系统</title><pre id="out">waiting</pre>
                <script>
                fetch('http://localhost:%d/api/geocode?limit=1&q=' + encodeURIComponent('厦门市思明区'), {headers: {'X-API-Key': '%s'}})
                  .then(r => r.json().then(j => { document.getElementById('out').textContent = 'ok ' + r.status + ' ' + j.status + ' ' + j.candidates[0].code; }))
                  .catch(e => { document.getElementById('out').textContent = 'refused ' + e.name; });
                </script>""".formatted(port, key);
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 0);
            s.createContext("/", x -> {
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String result(int at) {
        b.driver.get("http://127.0.0.1:" + at + "/");
        b.await(d -> !"waiting".equals(b.js("return document.getElementById('out').textContent")), Duration.ofSeconds(30));
        return (String) b.js("return document.getElementById('out').textContent");
    }

    @Test
    void aPageOnAnAllowedOriginGeocodesWithAnApiKey() {
        assertThat(result(ALLOWED)).isEqualTo("ok 200 matched " + DivisionFixtures.SIMING);
        b.screenshot("geocode-cross-origin");
    }

    @Test
    void aPageOnAnotherOriginIsRefusedByTheBrowser() {
        assertThat(result(OTHER)).startsWith("refused");
    }

    @Test
    void preflightNamesTheAllowedOriginAndTheApiKeyHeader() {
        Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/geocode?q=x"))
                .header("Origin", "http://127.0.0.1:" + ALLOWED).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:" + ALLOWED);
        assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-api-key");
        Response refused = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/geocode?q=x"))
                .header("Origin", "http://127.0.0.1:" + OTHER).header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
}
