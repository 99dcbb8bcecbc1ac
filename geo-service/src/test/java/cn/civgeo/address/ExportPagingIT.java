package cn.civgeo.address;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Exports are streamed and paged by key: Link rel=next walks disjoint pages whose union is the whole export, also when
 * rows change between pages; rows are charged.
 */
class ExportPagingIT extends IntegrationTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private Response multipart(String path, String user, String filename, byte[] content) {
        String boundary = "----civgeo" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call("POST", path, user, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private Response withKey(String pathOrUrl, String key) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key));
    }

    private static List<String> dataLines(Response r) {
        List<String> lines = new ArrayList<>(List.of(r.body().split("\r\n")));
        assertThat(lines.get(0)).contains("code").contains("fullText"); // every page has the header
        return lines.subList(1, lines.size());
    }

    @Test
    void pagesAreDisjointAndTogetherTheWholeExportAndRowsAreCharged() {
        PlaceNameTestData.ensureDivisions(jdbc);
        String road = PlaceNameTestData.uniqueSpecific() + "路";
        double y = 30.08 + new java.util.Random().nextInt(1500) / 100_000.0;
        long roadId = PlaceNameTestData.approvedRoad((path, body) -> post(path, "admin-t", body), json, road, y);
        StringBuilder csv = new StringBuilder("road,number,lon,lat\n");
        for (int n = 1; n <= 250; n++) {
            csv.append(road).append(',').append(n).append(',').append(100.079 - n * 0.0002).append(',')
                    .append(n % 2 == 1 ? y + 0.0002 : y - 0.0002).append('\n');
        }
        Response imported = multipart("/api/addresses/import", "surveyor-t", "doorplates.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("export"), "rateLimitPerMinute", 60));
        String key = created.json().get("apiKey").asString();

        Response whole = withKey("/api/addresses/export?roadId=" + roadId, key);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.header("Link")).isNull();
        List<String> all = dataLines(whole);
        assertThat(all).hasSize(250);

        // 250 rows cost 1 + 2 units (one per started 100 beyond the first row): a plain request costs 1.
        long before = Long.parseLong(withKey("/api/addresses/export?roadId=" + roadId + "&limit=1", key).header("RateLimit-Remaining"));
        Response charged = withKey("/api/addresses/export?roadId=" + roadId, key);
        long after = Long.parseLong(charged.header("RateLimit-Remaining"));
        assertThat(before - after).as("units charged for 250 rows").isBetween(2L, 3L);

        // Paged by key, of the active doorplates: one on the first page is retired after it was read. An offset would
        // then skip the first row of the second page; the cursor (the first page's last row) does not.
        List<String> active = dataLines(withKey("/api/addresses/export?status=active&roadId=" + roadId, key));
        assertThat(active).hasSize(250);
        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = "/api/addresses/export?status=active&roadId=" + roadId + "&limit=100";
        while (url != null) {
            Response page = withKey(url, key);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<String> rows = dataLines(page);
            if (paged.isEmpty()) {
                int number = Integer.parseInt(rows.get(49).split(",")[3].replaceAll("[^0-9]", ""));
                assertThat(jdbc.sql("update address set status = 'retired' where road_id = :r and number = :n and status = 'active'")
                        .param("r", roadId).param("n", number).update()).isEqualTo(1);
            }
            sizes.add(rows.size());
            paged.addAll(rows);
            String link = page.header("Link");
            if (link == null) {
                url = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertThat(m.find()).as(link).isTrue();
                url = m.group(1);
                assertThat(url).contains("after=").doesNotContain("offset=").contains("limit=100");
            }
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        Set<String> distinct = new HashSet<>(paged);
        assertThat(distinct).hasSize(250); // disjoint
        assertThat(paged).containsExactlyElementsOf(active); // the same rows in the same order, none skipped
        assertThat(withKey("/api/addresses/export?roadId=" + roadId + "&after=not-a-cursor", key).json().get("errors")
                .findValuesAsString("field")).containsExactly("after");

        Response xlsx = withKey("/api/addresses/export?format=xlsx&roadId=" + roadId + "&limit=100&offset=200", key);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.raw().body()[0]).isEqualTo((byte) 'P');
        assertThat(xlsx.header("Link")).isNull();
        assertThat(withKey("/api/addresses/export?roadId=" + roadId + "&limit=0", key).json().get("errors").findValuesAsString("field"))
                .containsExactly("limit");
    }
}
