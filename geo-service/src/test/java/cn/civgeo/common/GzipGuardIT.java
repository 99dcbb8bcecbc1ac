package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A gzip upload (.osm.gz, or gzip bytes under another name) is inflation-bounded before osm2pgrouting sees it. */
class GzipGuardIT extends IntegrationTest {

    static byte[] gzip(byte[] content, int times) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            for (int i = 0; i < times; i++) z.write(content);
        }
        return out.toByteArray();
    }

    private Response upload(String filename, byte[] content) {
        String boundary = "----civgeo" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/road-networks?format=osm&name=" + unique("bomb")))
                .header("Authorization", "Bearer " + token("admin-t"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void problem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void osmGzBombsAreRefusedWith413NamingTheFile() throws Exception {
        byte[] bomb = gzip(new byte[1 << 20], 200); // 200 MB of zeros in about 200 KB
        assertThat(bomb.length).isLessThan(1 << 20);
        Response r = upload("roads.osm.gz", bomb);
        problem(r, 413, "file");
        assertThat(r.json().get("detail").asString()).contains("inflates to more than");
        // The same bytes named .osm are still recognised as gzip and bounded.
        problem(upload("roads.osm", bomb), 413, "file");
        // A gzip inside a gzip is refused.
        problem(upload("roads.osm.gz", gzip(bomb, 1)), 400, "file");
        assertThat(jdbc.sql("select count(*) from road_network where name like 'bomb%'").query(Long.class).single()).isZero();
    }
}
