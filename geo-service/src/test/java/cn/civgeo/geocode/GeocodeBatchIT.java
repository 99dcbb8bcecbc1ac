package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Batch forward and reverse: mixed good and bad rows, order, same answers as single calls, CSV, jobs, API keys. */
class GeocodeBatchIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    GeocodeIndex index;

    @BeforeEach
    void data() {
        DivisionFixtures.ensureDemoCity(ctx);
        GeocodeTestIndex.ready(index);
    }

    private List<JsonNode> lines(Response r) {
        List<JsonNode> out = new ArrayList<>();
        for (String l : r.body().split("\n")) if (!l.isBlank()) out.add(json.readTree(l));
        return out;
    }

    @Test
    void mixedGoodAndBadRowsAnswerInOrderWithTheSameAnswersAsSingleCalls() {
        List<Object> rows = List.of(
                Map.of("id", "a", "q", "湖北省武汉市江汉区民族街街道"),
                Map.of("id", "b", "q", ""),
                Map.of("id", "c", "q", "火星市银河区宇宙路1号"),
                Map.of("id", "d"),
                Map.of("id", "e", "q", "厦门市思明区厦港街道"),
                Map.of("id", "f", "q", "x".repeat(300)));
        Response r = post("/api/geocode/batch", "viewer-t", Map.of("rows", rows));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> out = lines(r);
        assertThat(out).extracting(n -> n.get("id").asString()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(out).extracting(n -> n.get("row").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(out).extracting(n -> n.get("status").asString())
                .containsExactly("matched", "error", out.get(2).get("status").asString(), "error", "matched", "error");
        assertThat(out.get(2).get("status").asString()).isIn("not-found", "uncertain");
        assertThat(out.get(1).get("error").get("field").asString()).isEqualTo("q");
        assertThat(out.get(3).get("error").get("field").asString()).isEqualTo("q");
        assertThat(out.get(5).get("error").get("message").asString()).contains("256");

        JsonNode single = get("/api/geocode?q=" + GeocodeIT.enc("湖北省武汉市江汉区民族街街道") + "&limit=1").json();
        assertThat(out.get(0).get("result").toString()).isEqualTo(single.toString());
    }

    @Test
    void csvInAndCsvOutForReverse() {
        String community = DivisionFixtures.demoCommunity(jdbc);
        double[] p = DivisionFixtures.pointIn(jdbc, community);
        String csv = "id,lon,lat\np1," + p[0] + "," + p[1] + "\np2,abc,24.5\np3,150,-30\np4,999,24\n";
        Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reverse/batch"))
                .header("Authorization", "Bearer " + token("planner-t")).header("Content-Type", "text/csv")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String[] lines = r.body().replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).startsWith("row,id,status,code");
        assertThat(lines[1]).startsWith("1,p1,ok," + community);
        assertThat(lines[2]).startsWith("2,p2,error");
        assertThat(lines[3]).startsWith("3,p3,not-found");
        assertThat(lines[4]).startsWith("4,p4,error").contains("lon");
    }

    @Test
    void reversePairsAsJsonMatchSingleCalls() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.XIAGANG);
        Response r = post("/api/reverse/batch", "viewer-t", List.of(List.of(p[0], p[1]), Map.of("lon", p[0], "lat", p[1], "id", "x")));
        List<JsonNode> out = lines(r);
        assertThat(out).hasSize(2);
        JsonNode single = get("/api/reverse?lon=" + p[0] + "&lat=" + p[1]).json();
        assertThat(out.get(0).get("result").toString()).isEqualTo(single.toString());
        assertThat(out.get(1).get("id").asString()).isEqualTo("x");
    }

    @Test
    void tooManyRowsIs413AndAnonymousIs401() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i <= GeocodeBatch.MAX_ROWS; i++) rows.add("思明区");
        Response big = post("/api/geocode/batch", "viewer-t", rows);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("type").asString()).endsWith("/too-large");
        assertThat(post("/api/geocode/batch", null, List.of("思明区")).status()).isEqualTo(401);
    }

    @Test
    void apiClientsMayCallBatchAndGetTheSameAnswers() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("gis"), "rateLimitPerMinute", 100));
        String key = created.json().get("apiKey").asString();
        Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/geocode/batch"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[\"武汉江汉民族街\"]")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(lines(r).get(0).get("result").get("candidates").get(0).get("code").asString()).isEqualTo("420103001");
        Response single = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/geocode?q=" + GeocodeIT.enc("武汉江汉民族街")))
                .header("X-API-Key", key));
        assertThat(single.status()).isEqualTo(200);
    }

    @Test
    void aBatchCountsAgainstTheClientsLimitByItsRows() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("gis"), "rateLimitPerMinute", 5));
        String key = created.json().get("apiKey").asString();
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 450; i++) rows.append(i == 0 ? "" : ",").append("[118.08,24.47]");
        String body = rows.append(']').toString();
        // 450 rows count as 1 + 4 requests: the first batch fits a limit of 5 a minute, the second does not.
        java.util.function.Supplier<Response> call = () -> send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reverse/batch"))
                .header("X-API-Key", key).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        Response first = call.get();
        Response second = call.get();
        if (second.status() == 200) second = call.get(); // the minute rolled over between the two: the next one is over
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).as(second.toString()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isNotBlank();
        assertThat(second.json().get("detail").asString()).contains("limited to 5 requests per minute");
        // With a limit of 3, the batch alone is too much: refused before any work, saying why.
        String small = post("/api/api-clients", "admin-t", Map.of("name", unique("gis"), "rateLimitPerMinute", 3)).json().get("apiKey").asString();
        Response refused = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reverse/batch"))
                .header("X-API-Key", small).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("a batch of 450 rows counts as 5");
    }

    @Test
    void asyncBatchReportsProgressAndResult() throws InterruptedException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) rows.add(i % 2 == 0 ? "厦门市思明区厦港街道" : "武汉江汉民族街");
        Response r = post("/api/geocode/batch?async=true", "surveyor-t", rows);
        assertThat(r.status()).isEqualTo(202);
        String href = r.json().get("href").asString();
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = get(href, "surveyor-t").json();
            if (job.get("status").asString().equals("SUCCEEDED") || job.get("status").asString().equals("FAILED")) break;
            Thread.sleep(100);
        }
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asInt()).isEqualTo(1200);
        assertThat(job.get("done").asInt()).isEqualTo(1200);
        JsonNode out = job.get("result").get("rows");
        assertThat(out.size()).isEqualTo(1200);
        assertThat(out.get(1).get("result").get("candidates").get(0).get("code").asString()).isEqualTo("420103001");
        assertThat(get(href, "viewer-t").status()).isEqualTo(404);
    }
}
