package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** CORS for the configured origins on the OGC API, tiles and geocoding GETs; other origins get no CORS headers. */
// The origins are the test profile's (application-test.yml): no context of its own for one test.
class CorsIT extends IntegrationTest {
    private Response withOrigin(String method, String path, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Origin", origin)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (method.equals("OPTIONS")) b.header("Access-Control-Request-Method", "GET");
        return send(b);
    }

    @Test
    void configuredOriginsMayReadAndOthersMayNot() {
        Response ok = withOrigin("GET", "/api/ogc/conformance", "https://gis.example.gov.cn");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://gis.example.gov.cn");
        assertThat(ok.header("Access-Control-Expose-Headers")).contains("Content-Crs");

        Response pre = withOrigin("OPTIONS", "/api/map/tiles/divisions/3/6/3.mvt", "https://qgis.example");
        assertThat(pre.status()).isEqualTo(200);
        assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("https://qgis.example");
        assertThat(pre.header("Access-Control-Allow-Methods")).contains("GET");

        Response other = withOrigin("GET", "/api/ogc/conformance", "https://evil.example");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        // not a CORS path: no header even for a configured origin
        assertThat(withOrigin("GET", "/api/divisions?limit=1", "https://gis.example.gov.cn").header("Access-Control-Allow-Origin")).isNull();
    }
}
