package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Each input that used to answer 5xx (issue #18) is a 4xx problem+json naming the field. */
class ErrorShapesIT extends IntegrationTest {

    private static void problem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
    }

    @Test
    void withinMustBeADivisionCode() {
        problem(get("/api/boundary/lines?within=100"), 400, "within");
        problem(get("/api/boundary/markers/qa?within=100"), 400, "within");
        assertThat(get("/api/boundary/lines?within=350200&level=3").status()).isEqualTo(200);
    }

    @Test
    void onePointLineStringIs400() {
        Map<String, Object> body = Map.of("leftCode", "997101", "rightCode", "997102", "level", 3,
                "geometry", json.readTree("{\"type\":\"LineString\",\"coordinates\":[[100.0,30.0]]}"));
        problem(post("/api/boundary/lines", "surveyor-t", body), 400, "geometry");
    }

    @Test
    void unclosedRingIs400() {
        Map<String, Object> body = Map.of("leftCode", "997101", "rightCode", "997102", "level", 3, "geometry",
                json.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[100.0,30.0],[100.1,30.0],[100.1,30.1],[100.0,30.1]]]}"));
        problem(post("/api/boundary/lines", "surveyor-t", body), 400, "geometry");
    }

    @Test
    void batchOfTenThousandAndOneRowsIs413NamingRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) rows.add("厦门市思明区" + i + "号");
        Response r = post("/api/geocode/batch", "viewer-t", rows);
        problem(r, 413, "rows");
        assertThat(r.json().get("maxRows").asInt()).isEqualTo(10_000);
    }

    @Test
    void gaussKrugerOutsideItsZoneOrSwappedIs400() {
        // Zone 39 (EPSG:4527): x = 39 500 000-ish easting, y = 2 700 000-ish northing.
        problem(get("/api/reverse?lon=2700000&lat=39500000&crs=EPSG:4527"), 400, "lon");
        problem(get("/api/reverse?lon=35500000&lat=2700000&crs=EPSG:4527"), 400, "lon");
        problem(get("/api/reverse?lon=39500000&lat=-5&crs=EPSG:4527"), 400, "lat");
        // A point inside the zone passes the check (503 only while the geocoding index is still being built).
        assertThat(get("/api/reverse?lon=39500000&lat=2700000&crs=EPSG:4527").status()).isIn(200, 503);
    }

    @Test
    void multipartOverTheLimitIs413ProblemJson() {
        byte[] big = new byte[65 * 1024 * 1024];
        Response r = multipart("/api/boundary/lines/import?leftCode=997101&rightCode=997102", "big.geojson", big);
        problem(r, 413, "file");
    }

    @Test
    void zipBombIsRefusedQuicklyBeforeGdal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("lines.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 150; i++) z.write(zeros);
            z.closeEntry();
        }
        long t0 = System.nanoTime();
        Response r = multipart("/api/boundary/lines/import?leftCode=997101&rightCode=997102", "bomb.zip", out.toByteArray());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        problem(r, 413, "file");
        assertThat(ms).isLessThan(5000);

        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(nested)) {
            z.putNextEntry(new ZipEntry("inner.zip"));
            z.write(out.toByteArray());
            z.closeEntry();
        }
        problem(multipart("/api/boundary/lines/import?leftCode=997101&rightCode=997102", "nested.zip", nested.toByteArray()), 400, "file");
    }

    private Response multipart(String path, String filename, byte[] content) {
        String boundary = "----civgeo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token("surveyor-t"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
