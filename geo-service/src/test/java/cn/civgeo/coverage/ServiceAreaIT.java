package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Service areas on a hand-made network imported as GeoJSON through the API (ogr2ogr, noding at crossings):
 * <pre>
 *                D (300,400)
 *                |
 *  E ------- A --B---- C          E (-1000,0), A (0,0) on the street E..C, B (300,0), C (550,0)
 *
 *  F ------------------ G         a separate street 2 km north (another component)
 * </pre>
 * Main Street E-A-B-C is one line; Side Street B-D touches it at B, so noding makes edges E-B (1300 m), B-C (250 m)
 * and B-D (400 m). From A with 600 m: 600 m towards E, B at 300 m, all of B-C (C at 550 m), 300 m of B-D.
 */
class ServiceAreaIT extends IntegrationTest {
    static final Map<Integer, Long> NETWORKS = new HashMap<>();
    HandNetwork net;
    long networkId;

    @BeforeEach
    void network() {
        // One network per test class instance and port; a place of its own each run, in China (so the GK zone is used).
        net = new HandNetwork(100.0 + (System.nanoTime() % 900) * 0.01, 40.0 + (System.nanoTime() % 7) * 0.1);
        net.street("主街", "residential", -1000, 0, 0, 0, 300, 0, 550, 0)
                .street("侧街", "footway", 300, 0, 300, 400)
                .street("北街", "residential", -1000, 2000, 1000, 2000);
        Response r = upload(unique("hand-"), "geojson", "hand.geojson", net.geojson().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        networkId = r.json().get("id").asLong();
        assertThat(r.json().get("edgeCount").asInt()).isEqualTo(4);
        assertThat(r.json().get("nodeCount").asInt()).isEqualTo(6);
        assertThat(r.json().get("componentCount").asInt()).isEqualTo(2);
        assertThat(r.json().get("lengthKm").asDouble()).isCloseTo(1.8 + 0.15 + 2.0, within(0.01));
    }

    @Test
    void reachFromAPointInsideAnEdgeCountsPartialFrontierEdges() {
        JsonNode f = at(0, 0, 10, 1.0, "buffer");
        JsonNode p = f.get("properties");
        assertThat(p.get("method").asString()).isEqualTo("network-buffer");
        assertThat(p.get("networkId").asLong()).isEqualTo(networkId);
        assertThat(p.get("maxDistanceM").asDouble()).isEqualTo(600.0);
        // B and C reached (C with 50 m to spare); D (700 m) and E (1000 m) not; the north street never.
        assertThat(p.get("reachedNodes").asInt()).isEqualTo(2);
        assertThat(p.get("reachedLengthM").asDouble()).isCloseTo(600 + 300 + 250 + 300, within(3.0));
        String g = f.get("geometry").toString();
        assertThat(covers(g, 300, 250)).as("550 m along the side street").isTrue();
        assertThat(covers(g, 300, 390)).as("690 m along the side street, 90 m beyond the frontier").isFalse();
        assertThat(covers(g, -500, 0)).as("500 m towards E").isTrue();
        assertThat(covers(g, -700, 0)).as("700 m towards E").isFalse();
        assertThat(covers(g, 150, 200)).as("250 m as the crow flies but 200 m from any street").isFalse();
        assertThat(covers(g, 0, 2000)).as("the north street").isFalse();

        JsonNode line = at(0, 0, 10, 1.0, "straight-line");
        assertThat(line.get("properties").get("method").asString()).isEqualTo("straight-line");
        assertThat(covers(line.get("geometry").toString(), 150, 200)).isTrue();
        assertThat(line.get("properties").get("areaM2").asDouble()).isCloseTo(Math.PI * 600 * 600, within(Math.PI * 600 * 600 * 0.01));
    }

    @Test
    void slowerWalkersReachLess() {
        double slow = at(0, 0, 10, 0.5, "buffer").get("properties").get("reachedLengthM").asDouble();
        assertThat(slow).isCloseTo(300 + 300, within(3.0)); // 300 m each way, B reached exactly
        JsonNode hull = at(0, 0, 10, 1.0, "hull");
        assertThat(hull.get("properties").get("method").asString()).isEqualTo("network-hull");
        assertThat(hull.get("properties").get("areaM2").asDouble())
                .isGreaterThanOrEqualTo(at(0, 0, 10, 1.0, "buffer").get("properties").get("areaM2").asDouble());
    }

    @Test
    void aFacilitysStoredAreaIsRecomputedWhenItMovesAndLabelledOffTheNetwork() {
        String name = unique("测试日间照料中心");
        Map<String, Object> body = new HashMap<>(Map.of("kind", "community_station", "name", name, "operatorKind", "public",
                "lon", net.lon(0), "lat", net.lat(500), "beds", 10, "nursingBeds", 2, "floorAreaM2", 400.0));
        Response created = post("/api/facilities", "planner-t", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode off = get("/api/facilities/" + id + "/service-area").json().get("features").get(0).get("properties");
        assertThat(off.get("method").asString()).isEqualTo("straight-line-off-network");
        assertThat(off.get("areaM2").asDouble()).isCloseTo(Math.PI * 810 * 810, within(Math.PI * 810 * 810 * 0.01));

        body.put("lon", net.lon(0));
        body.put("lat", net.lat(0));
        body.put("version", 0);
        Response moved = put("/api/facilities/" + id, "planner-t", body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode on = get("/api/facilities/" + id + "/service-area").json().get("features").get(0).get("properties");
        assertThat(on.get("method").asString()).isEqualTo("network-buffer");
        assertThat(on.get("networkId").asLong()).isEqualTo(networkId);
        // 15 min at 0.9 m/s = 810 m: 810 towards E, B at 300 with 510 left: all of B-C and B-D.
        assertThat(on.get("reachedLengthM").asDouble()).isCloseTo(810 + 300 + 250 + 400, within(3.0));
        assertThat(on.get("reachedNodes").asInt()).isEqualTo(3);
    }

    @org.springframework.beans.factory.annotation.Autowired ServiceAreaService areas;

    /** The in-memory walk (the endpoint's engine) against the SQL function civgeo_walk_area on the same network. */
    @Test
    void theInMemoryWalkAgreesWithTheDatabaseFunction() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        double[][] points = {{0, 0}, {100, 5}, {300, 200}, {500, -20}, {-900, 10}, {0, 1990}, {0, 500}};
        for (String shape : new String[] {"buffer", "hull"}) {
            for (double[] pt : points) {
                ServiceAreaService.Params p = areas.params(10.0, 1.0, shape);
                JsonNode mem = json.readTree(areas.at(net.lon(pt[0]), net.lat(pt[1]), networkId, p));
                JsonNode db = json.readTree(areas.atInDatabase(net.lon(pt[0]), net.lat(pt[1]), networkId, p));
                JsonNode m = mem.get("properties"), d = db.get("properties");
                String at = shape + " at " + pt[0] + "," + pt[1];
                assertThat(m.get("engine").asString()).isEqualTo("memory");
                assertThat(m.get("method").asString()).as(at).isEqualTo(d.get("method").asString());
                assertThat(m.get("reachedNodes").asInt()).as(at).isEqualTo(d.get("reachedNodes").asInt());
                assertThat(m.get("reachedLengthM").asDouble()).as(at).isCloseTo(d.get("reachedLengthM").asDouble(), within(2.0));
                double am = m.get("areaM2").asDouble(), ad = d.get("areaM2").asDouble();
                assertThat(am).as(at).isCloseTo(ad, within(ad * 0.02 + 50));
                // the two shapes overlap almost entirely
                double sym = jdbc.sql("""
                        select ST_Area(ST_SymDifference(ST_SetSRID(ST_GeomFromGeoJSON(:a), 4490), ST_SetSRID(ST_GeomFromGeoJSON(:b), 4490))::geography)""")
                        .param("a", mem.get("geometry").toString()).param("b", db.get("geometry").toString()).query(Double.class).single();
                assertThat(sym).as(at + " symmetric difference").isLessThan(ad * 0.03 + 100);
            }
        }
    }

    @Test
    void badParametersAre400() {
        Response r = get("/api/service-areas/at?lon=100&lat=40&speedMps=9");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("speedMps");
        assertThat(upload(unique("x"), "osm", "x.osm", "not xml".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(upload(unique("x"), "geojson", "x.geojson", net.geojson().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(upload("viewer-t", unique("x"), "geojson", "x.geojson", net.geojson().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    private JsonNode at(double x, double y, double minutes, double speed, String shape) {
        Response r = get(String.format(Locale.ROOT, "/api/service-areas/at?lon=%.9f&lat=%.9f&minutes=%s&speedMps=%s&shape=%s&network=%d",
                net.lon(x), net.lat(y), minutes, speed, shape, networkId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private boolean covers(String geojson, double x, double y) {
        return jdbc.sql("select ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4490), ST_GeomFromText(:p, 4490))")
                .param("g", geojson).param("p", net.point(x, y)).query(Boolean.class).single();
    }

    Response upload(String name, String format, String filename, byte[] content) {
        return upload("admin-t", name, format, filename, content);
    }

    Response upload(String user, String name, String format, String filename, byte[] content) {
        String boundary = "----civgeo" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (var e : Map.of("name", name, "format", format).entrySet()) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(e.getKey())
                    .append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return call("POST", "/api/road-networks", user, "multipart/form-data; boundary=" + boundary, all);
    }
}
