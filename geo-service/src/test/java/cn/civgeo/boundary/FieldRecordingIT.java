package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recording in the field through the API the page uses: the search box's boundary hits (line code, line name with
 * any dash, marker number), photos that are not images or too large (4xx naming the field, nothing stored), and a
 * typed Gauss–Krüger position with x and y swapped (400 naming x and saying so).
 */
class FieldRecordingIT extends IntegrationTest {
    static final String LINE = "998201998202";
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    long lineId, inspection, record;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9982");
        BoundaryFixtures.ensurePrefecture(jdbc, "998200", "测试丁市");
        BoundaryFixtures.division(jdbc, "998201", "庚县", 3, "县", "998200",
                "POLYGON((118.0 24.5, 118.1 24.5, 118.1 24.6, 118.0 24.6, 118.0 24.5))");
        BoundaryFixtures.division(jdbc, "998202", "辛县", 3, "县", "998200",
                "POLYGON((118.1 24.5, 118.2 24.5, 118.2 24.6, 118.1 24.6, 118.1 24.5))");
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "998200", "level", 3));
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        lineId = d.json().get("lines").get(0).get("id").asLong();
        assertThat(post("/api/boundary/markers", "surveyor-t", Map.of("number", LINE + "001Q", "lon", 118.1, "lat", 24.58)).status()).isEqualTo(201);
        Response r = post("/api/boundary/rounds", "admin-t", Map.of("number", 5, "level", 3, "name", unique("IT recording "),
                "yearFrom", 2026, "yearTo", 2026, "lineIds", List.of(lineId)));
        long round = r.json().get("id").asLong();
        Response i = post("/api/boundary/rounds/" + round + "/inspections", "surveyor-t", Map.of("lineId", lineId,
                "inspectedOn", "2026-05-12", "partyLeft", "庚县", "partyRight", "辛县",
                "markers", List.of(Map.of("number", LINE + "001Q", "condition", "intact"))));
        assertThat(i.status()).as(i.toString()).isEqualTo(201);
        inspection = i.json().get("id").asLong();
        record = i.json().get("markers").get(0).get("id").asLong();
    }

    @Test
    void searchFindsLineCodesLineNamesWithAnyDashAndMarkerNumbers() {
        assertThat(hits("9982019982")).contains("line:" + LINE);
        assertThat(hits("庚县—辛县线")).contains("line:" + LINE);
        assertThat(hits("庚县-辛县")).as("ASCII hyphen for the dash").contains("line:" + LINE);
        assertThat(hits("庚县–辛县")).contains("line:" + LINE);
        assertThat(hits(LINE + "001")).contains("marker:" + LINE + "001Q");
        assertThat(hits(LINE.toLowerCase() + "001q")).contains("marker:" + LINE + "001Q");
        JsonNode m = get("/api/boundary/search?q=" + LINE + "001Q").json();
        JsonNode marker = null;
        for (JsonNode h : m) if (h.get("kind").asString().equals("marker")) marker = h;
        assertThat(marker.get("lon").asDouble()).isEqualTo(118.1);
        assertThat(marker.get("lineId").asLong()).isEqualTo(lineId);
        assertThat(hits("%")).isEmpty();
        assertThat(get("/api/boundary/search").status()).isEqualTo(400);
    }

    @Test
    void photosThatAreNotImagesOrTooLargeAnswer4xxNamingTheFileAndStoreNothing() {
        Response text = photo("notes.jpg", "image/jpeg", "这不是照片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.toString()).isEqualTo(400);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        byte[] big = new byte[6 * 1024 * 1024];   // over the 5 MB attachment limit, a PNG by its first bytes
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Response tooBig = photo("big.png", "image/png", big);
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        Response huge = photo("huge.png", "image/png", new byte[100 * 1024 * 1024]);   // over the upload limit itself
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        assertThat(jdbc.sql("select count(*) from boundary_attachment where owner_kind = 'marker_record' and owner_id = :r")
                .param("r", record).query(Long.class).single()).isZero();
        assertThat(photo("ok.png", "image/png", PNG).status()).isEqualTo(201);
    }

    @Test
    void typedGaussKrugerWithXAndYSwappedIsRefusedNamingX() {
        double[] p = GaussKrugerReference.forward(118.1, 24.58, 39);
        Response swapped = post("/api/boundary/inspections/" + inspection + "/markers", "surveyor-t", Map.of("number", LINE + "001Q",
                "condition", "displaced", "x", p[1], "y", p[0], "zone", 39));
        assertThat(swapped.status()).as(swapped.toString()).isEqualTo(400);
        assertThat(swapped.json().get("errors").get(0).get("field").asString()).isEqualTo("x");
        assertThat(swapped.json().get("errors").get(0).get("message").asString()).contains("swapped");
        Response ok = post("/api/boundary/inspections/" + inspection + "/markers", "surveyor-t", Map.of("number", LINE + "001Q",
                "condition", "displaced", "x", p[0] + 3, "y", p[1] + 4, "zone", 39, "referenceObjectsPresent", true, "repainted", true,
                "note", "实测 [GPS ±3.2 m]"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("displacementM").asDouble()).isBetween(4.99, 5.01);
        assertThat(ok.json().get("repainted").asBoolean()).isTrue();
        assertThat(ok.json().get("referenceObjectsPresent").asBoolean()).isTrue();
    }

    private List<String> hits(String q) {
        Response r = get("/api/boundary/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(h -> out.add(h.get("kind").asString() + ":" + h.get("code").asString()));
        return out;
    }

    private Response photo(String name, String type, byte[] bytes) {
        Multipart mp = Multipart.file("file", name, type, bytes);
        return call("POST", "/api/boundary/marker-records/" + record + "/photos", "surveyor-t", mp.contentType(), mp.body());
    }
}
