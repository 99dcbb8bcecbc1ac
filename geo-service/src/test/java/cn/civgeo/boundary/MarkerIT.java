package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Marker numbering, positions in a Gauss–Krüger zone, QA rules, photos, roles and versions. */
class MarkerIT extends IntegrationTest {
    static final String LINE = "997301997302";
    long lineId;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9973");
        BoundaryFixtures.ensurePrefecture(jdbc, "997300", "测试丙市");
        BoundaryFixtures.division(jdbc, "997301", "己县", 3, "县", "997300",
                "POLYGON((118.0 24.7, 118.1 24.7, 118.1 24.8, 118.0 24.8, 118.0 24.7))");
        BoundaryFixtures.division(jdbc, "997302", "庚县", 3, "县", "997300",
                "POLYGON((118.1 24.7, 118.2 24.7, 118.2 24.8, 118.1 24.8, 118.1 24.7))");
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997300", "level", 3));
        lineId = d.json().get("lines").get(0).get("id").asLong();
    }

    @Test
    void numbersAreValidatedAgainstTheScheme() {
        Response wrongLine = create(Map.of("number", "997301997303001Q", "lineId", lineId, "lon", 118.1, "lat", 24.75));
        assertThat(wrongLine.status()).isEqualTo(400);
        assertThat(wrongLine.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
        assertThat(wrongLine.json().get("errors").get(0).get("message").asString()).contains("line code " + LINE);
        Response badType = create(Map.of("number", LINE + "001X", "lon", 118.1, "lat", 24.75));
        assertThat(badType.status()).isEqualTo(400);
        Response ok = create(Map.of("lineId", lineId, "seq", 1, "type", "q", "lon", 118.1, "lat", 24.75));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("number").asString()).isEqualTo(LINE + "001Q");
        assertThat(ok.json().get("kind").asString()).isEqualTo("single");
        assertThat(auditRows("boundary_marker", ok.json().get("id").asLong())).isEqualTo(1);
        assertThat(create(Map.of("number", LINE + "001Q", "lon", 118.1, "lat", 24.76)).status()).isEqualTo(409);
        assertThat(call("POST", "/api/boundary/markers", "viewer-t", "application/json",
                bytes(Map.of("number", LINE + "009Q", "lon", 118.1, "lat", 24.76))).status()).isEqualTo(403);
    }

    @Test
    void gaussKrugerInputIsStoredAsLonLat() {
        double[] gk = GaussKrugerReference.forward(118.1, 24.77, 39);
        Response r = create(Map.of("number", LINE + "002Q", "x", gk[0], "y", gk[1], "zone", 39));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("lon").asDouble()).isCloseTo(118.1, within(1e-7));
        assertThat(r.json().get("lat").asDouble()).isCloseTo(24.77, within(1e-7));
        assertThat(r.json().get("distanceToLineM").asDouble()).isLessThan(0.01);
        Response swapped = create(Map.of("number", LINE + "003Q", "x", gk[1], "y", gk[0], "zone", 39));
        assertThat(swapped.status()).isEqualTo(400);
        assertThat(swapped.json().get("detail").asString()).contains("swapped");

        long id = r.json().get("id").asLong();
        Map<String, Object> change = new HashMap<>(Map.of("material", "混凝土", "version", 0));
        assertThat(put("/api/boundary/markers/" + id, "surveyor-t", change).json().get("version").asInt()).isEqualTo(1);
        assertThat(put("/api/boundary/markers/" + id, "surveyor-t", change).status()).isEqualTo(409);
    }

    @Test
    void qaListsMarkersOffTheLineOutOfOrderOrOnTheWrongSide() {
        create(Map.of("number", LINE + "001Q", "lon", 118.1, "lat", 24.79));
        create(Map.of("number", LINE + "002Q", "lon", 118.1, "lat", 24.795));        // north of 001: against direction
        create(Map.of("number", LINE + "003Q", "lon", 118.101, "lat", 24.75));       // ~101 m east of the line
        create(Map.of("number", LINE + "004A", "lon", 118.1002, "lat", 24.74));      // A in 997302, the larger code
        create(Map.of("number", LINE + "004B", "lon", 118.0998, "lat", 24.74));
        create(Map.of("number", LINE + "005A", "lon", 118.0999, "lat", 24.72));      // A without B
        Response qa = get("/api/boundary/markers/qa?lineId=" + lineId + "&tolerance=50");
        assertThat(qa.status()).as(qa.toString()).isEqualTo(200);
        List<String> issues = new ArrayList<>();
        for (JsonNode i : qa.json().get("issues")) issues.add(i.get("number").asString() + ":" + i.get("issue").asString());
        assertThat(issues).containsExactlyInAnyOrder(LINE + "002Q:out_of_order", LINE + "003Q:off_line",
                LINE + "004A:wrong_side", LINE + "004B:wrong_side", LINE + "005A:incomplete_set");
    }

    @Test
    void photosAreStoredAndServed() {
        long id = create(Map.of("number", LINE + "001Q", "lon", 118.1, "lat", 24.79)).json().get("id").asLong();
        byte[] png = image(1000, 600, "png");
        Multipart mp = Multipart.file("file", "marker-001.png", "image/png", png);
        Response up = call("POST", "/api/boundary/markers/" + id + "/photos", "surveyor-t", mp.contentType(), mp.body());
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().get("contentType").asString()).isEqualTo("image/png");
        Response back = get(up.json().get("url").asString());
        assertThat(back.contentType()).isEqualTo("image/png");
        assertThat(back.raw().body()).isEqualTo(png);
        assertThat(get("/api/boundary/markers/" + id + "/photos").json().size()).isEqualTo(1);
        // its thumbnail (what the offline package downloads): a JPEG whose longest side is 320 px, same aspect
        Response thumb = get(up.json().get("url").asString() + "/thumbnail");
        assertThat(thumb.status()).as(thumb.toString()).isEqualTo(200);
        assertThat(thumb.contentType()).isEqualTo("image/jpeg");
        java.awt.image.BufferedImage t = read(thumb.raw().body());
        assertThat(t.getWidth()).isEqualTo(320);
        assertThat(t.getHeight()).isEqualTo(192);
        assertThat(thumb.raw().body().length).isLessThan(png.length);
        assertThat(get("/api/boundary/attachments/999999999/thumbnail").status()).isEqualTo(404);
        // PNG's first bytes and nothing of an image after them: refused, nothing stored
        byte[] fake = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Multipart broken = Multipart.file("file", "broken.png", "image/png", fake);
        Response notImage = call("POST", "/api/boundary/markers/" + id + "/photos", "surveyor-t", broken.contentType(), broken.body());
        assertThat(notImage.status()).as(notImage.toString()).isEqualTo(400);
        assertThat(notImage.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(get("/api/boundary/markers/" + id + "/photos").json().size()).isEqualTo(1);
        byte[] big = new byte[5 * 1024 * 1024 + 1];   // one byte over civgeo.boundary.attachment-max-bytes
        System.arraycopy(png, 0, big, 0, png.length);
        Multipart large = Multipart.file("file", "big.png", "image/png", big);
        Response tooLarge = call("POST", "/api/boundary/markers/" + id + "/photos", "surveyor-t", large.contentType(), large.body());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(get("/api/boundary/markers/" + id + "/photos").json().size()).isEqualTo(1);
        Multipart txt = Multipart.file("file", "note.txt", "text/plain", "hello".getBytes());
        Response bad = call("POST", "/api/boundary/markers/" + id + "/photos", "surveyor-t", txt.contentType(), txt.body());
        assertThat(bad.status()).isEqualTo(400);
    }

    static byte[] image(int w, int h, String format) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.setColor(java.awt.Color.BLUE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, format, out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static java.awt.image.BufferedImage read(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response create(Map<String, Object> body) { return post("/api/boundary/markers", "surveyor-t", body); }
}
