package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three mutually neighbouring counties: 甲县 (west half), 乙县 (north-east) and 丙县 (south-east) of a test prefecture.
 * Expected lengths are meridian and parallel arcs on the CGCS2000 ellipsoid computed by hand (Simpson's rule on
 * the meridian radius M(φ); N(φ)·cos φ·Δλ on the parallel).
 */
class LineDerivationIT extends IntegrationTest {
    static final String PREFIX = "9971";

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, PREFIX);
        BoundaryFixtures.ensurePrefecture(jdbc, "997100", "测试甲市");
        BoundaryFixtures.division(jdbc, "997101", "甲县", 3, "县", "997100",
                "POLYGON((118.0 24.5, 118.1 24.5, 118.1 24.55, 118.1 24.6, 118.0 24.6, 118.0 24.5))");
        BoundaryFixtures.division(jdbc, "997102", "乙县", 3, "县", "997100",
                "POLYGON((118.1 24.55, 118.2 24.55, 118.2 24.6, 118.1 24.6, 118.1 24.55))");
        BoundaryFixtures.division(jdbc, "997103", "丙县", 3, "县", "997100",
                "POLYGON((118.1 24.5, 118.2 24.5, 118.2 24.55, 118.1 24.55, 118.1 24.5))");
    }

    @Test
    void derivesOneOrientedLinePerNeighbouringPair() {
        Response r = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997100", "level", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("pairs").asInt()).isEqualTo(3);
        assertThat(r.json().get("created").asInt()).isEqualTo(3);

        Response list = get("/api/boundary/lines?within=997100&level=3&geometry=true");
        assertThat(list.json().get("total").asInt()).isEqualTo(3);
        Map<String, JsonNode> byCode = new HashMap<>();
        list.json().get("items").forEach(l -> byCode.put(l.get("code").asString(), l));
        assertThat(byCode).containsOnlyKeys("997101997102", "997101997103", "997102997103");

        // 甲县|乙县: runs north→south along 118.1E from 24.60 to 24.55; going south, east (乙县) is on the left
        JsonNode ab = byCode.get("997101997102");
        assertThat(ab.get("name").asString()).isEqualTo("甲县—乙县线");
        assertThat(ab.get("direction").asString()).isEqualTo("north_south");
        assertThat(ab.get("leftCode").asString()).isEqualTo("997102");
        assertThat(ab.get("rightCode").asString()).isEqualTo("997101");
        assertThat(ab.get("lengthKm").asDouble()).isCloseTo(5.538330, within(0.0005));
        assertEnds(ab, 118.1, 24.6, 118.1, 24.55);

        JsonNode ac = byCode.get("997101997103");
        assertThat(ac.get("direction").asString()).isEqualTo("north_south");
        assertThat(ac.get("leftCode").asString()).isEqualTo("997103");
        assertThat(ac.get("rightCode").asString()).isEqualTo("997101");
        assertThat(ac.get("lengthKm").asDouble()).isCloseTo(5.538293, within(0.0005));
        assertEnds(ac, 118.1, 24.55, 118.1, 24.5);

        // 乙县|丙县: runs west→east along 24.55N; going east, north (乙县) is on the left
        JsonNode bc = byCode.get("997102997103");
        assertThat(bc.get("direction").asString()).isEqualTo("west_east");
        assertThat(bc.get("leftCode").asString()).isEqualTo("997102");
        assertThat(bc.get("rightCode").asString()).isEqualTo("997103");
        assertThat(bc.get("lengthKm").asDouble()).isCloseTo(10.131466, within(0.0005));
        assertEnds(bc, 118.1, 24.55, 118.2, 24.55);
        assertThat(auditRows("boundary_line", bc.get("id").asLong())).isEqualTo(1);

        // a second run finds the lines unchanged
        Response again = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997100", "level", 3));
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("kept").asInt()).isEqualTo(3);

        // the derived line agrees with the polygons
        Response ok = get("/api/boundary/lines/" + bc.get("id").asLong() + "/consistency?tolerance=1");
        assertThat(ok.json().get("hausdorffM").asDouble()).isLessThan(0.01);
        assertThat(ok.json().get("withinTolerance").asBoolean()).isTrue();
    }

    @Test
    void surveyedLineIsOrientedAndComparedWithThePolygons() {
        post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997100", "level", 3));
        // surveyed 乙县|丙县 line digitised east→west with a bulge of 0.0005° (≈ 55 m) north at 118.15E
        Map<String, Object> body = Map.of("leftCode", "997103", "rightCode", "997102",
                "geometry", Map.of("type", "LineString", "coordinates",
                        new double[][] {{118.2, 24.55}, {118.15, 24.5505}, {118.1, 24.55}}));
        Response r = post("/api/boundary/lines", "surveyor-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode line = r.json();
        assertThat(line.get("source").asString()).isEqualTo("manual");
        assertThat(line.get("leftCode").asString()).isEqualTo("997102");
        assertEnds(line, 118.1, 24.55, 118.2, 24.55);

        Response c = get("/api/boundary/lines/" + line.get("id").asLong() + "/consistency?tolerance=5");
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        // 0.0005° of latitude at 24.55N is 55.4 m
        assertThat(c.json().get("hausdorffM").asDouble()).isCloseTo(55.4, within(0.5));
        assertThat(c.json().get("withinTolerance").asBoolean()).isFalse();
        JsonNode stretch = null;
        for (JsonNode s : c.json().get("stretches")) if (s.get("which").asString().equals("line")) stretch = s;
        assertThat(stretch).as("a stretch of the surveyed line beyond 5 m").isNotNull();
        assertThat(stretch.get("maxDistanceM").asDouble()).isCloseTo(55.4, within(0.5));
        // the bulge leaves the 5 m band about 0.45 km either side of its apex: nearly the whole 10 km line
        assertThat(stretch.get("lengthM").asDouble()).isGreaterThan(9000);
    }

    @Test
    void surveyFileIsReadWithGdal() {
        post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997100", "level", 3));
        String geojson = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":
                {"type":"LineString","coordinates":[[118.1,24.55],[118.1001,24.575],[118.1,24.6]]}}]}""";
        Multipart mp = Multipart.file("file", "survey.geojson", "application/geo+json", geojson.getBytes(StandardCharsets.UTF_8));
        Response r = call("POST", "/api/boundary/lines/import?leftCode=997101&rightCode=997102", "surveyor-t", mp.contentType(), mp.body());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("source").asString()).isEqualTo("survey");
        assertThat(r.json().get("leftCode").asString()).isEqualTo("997102");
        assertEnds(r.json(), 118.1, 24.6, 118.1, 24.55);

        Multipart bad = Multipart.file("file", "survey.txt", "text/plain", "nope".getBytes(StandardCharsets.UTF_8));
        Response rb = call("POST", "/api/boundary/lines/import?leftCode=997101&rightCode=997102", "surveyor-t", bad.contentType(), bad.body());
        assertThat(rb.status()).isEqualTo(400);
        assertThat(rb.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void surveyPointsInAGaussKrugerZoneBecomeTheLine() {
        post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997100", "level", 3));
        StringBuilder csv = new StringBuilder("part,seq,x,y\n");
        double[] lons = {118.2, 118.175, 118.15, 118.125, 118.1};   // east to west; re-oriented on import
        for (int i = 0; i < lons.length; i++) {
            double[] p = GaussKrugerReference.forward(lons[i], 24.55, 39);
            csv.append("1,").append(i + 1).append(',').append(String.format(java.util.Locale.ROOT, "%.3f,%.3f", p[0], p[1])).append('\n');
        }
        Multipart mp = Multipart.file("file", "points.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Response r = call("POST", "/api/boundary/lines/import-vertices?zone=39&leftCode=997102&rightCode=997103", "surveyor-t",
                mp.contentType(), mp.body());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("source").asString()).isEqualTo("survey");
        assertThat(r.json().get("leftCode").asString()).isEqualTo("997102");
        assertThat(r.json().get("lengthKm").asDouble()).isCloseTo(10.131466, within(0.0005));
        JsonNode first = r.json().get("geometry").get("coordinates").get(0).get(0);
        assertThat(first.get(0).asDouble()).isCloseTo(118.1, within(1e-7));
        assertThat(first.get(1).asDouble()).isCloseTo(24.55, within(1e-7));
        // the surveyed points lie on the polygons' edge (to the projection's millimetres)
        Response c = get("/api/boundary/lines/" + r.json().get("id").asLong() + "/consistency?tolerance=0.05");
        assertThat(c.json().get("hausdorffM").asDouble()).isLessThan(0.05);

        String bad = "x,y\n2716000.000,39611000.000\n2716000.000,611000.000\n";
        Multipart mb = Multipart.file("file", "points.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        Response rb = call("POST", "/api/boundary/lines/import-vertices?zone=39&leftCode=997102&rightCode=997103", "surveyor-t",
                mb.contentType(), mb.body());
        assertThat(rb.status()).isEqualTo(400);
        assertThat(rb.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rb.json().get("errors").get(0).get("field").asString()).isEqualTo("y");
    }

    @Test
    void onlySurveyorsAndAdminsWrite() {
        assertThat(post("/api/boundary/lines/derive", "viewer-t", Map.of("parentCode", "997100", "level", 3)).status()).isEqualTo(403);
        assertThat(post("/api/boundary/lines/derive", "planner-t", Map.of("parentCode", "997100", "level", 3)).status()).isEqualTo(403);
        assertThat(post("/api/boundary/lines/derive", null, Map.of("parentCode", "997100", "level", 3)).status()).isEqualTo(401);
        Response bad = post("/api/boundary/lines/derive", "admin-t", Map.of("parentCode", "997100", "level", 7));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    }

    private static void assertEnds(JsonNode line, double x0, double y0, double x1, double y1) {
        JsonNode parts = line.get("geometry").get("coordinates");
        JsonNode first = parts.get(0).get(0);
        JsonNode lastPart = parts.get(parts.size() - 1);
        JsonNode last = lastPart.get(lastPart.size() - 1);
        assertThat(first.get(0).asDouble()).isCloseTo(x0, within(1e-9));
        assertThat(first.get(1).asDouble()).isCloseTo(y0, within(1e-9));
        assertThat(last.get(0).asDouble()).isCloseTo(x1, within(1e-9));
        assertThat(last.get(1).asDouble()).isCloseTo(y1, within(1e-9));
    }
}
