package cn.civgeo.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A consumer rebuilds the registry from the feed alone; a webhook receiver that fails twice gets the entry once. */
class FeedIT extends IntegrationTest {

    private Response change(Map<String, Object> body) { return change(body, "2024-06-01"); }

    private Response change(Map<String, Object> body, String date) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put("effectiveDate", date);
        m.put("approvalDocument", "测政〔2024〕feed号");
        Response r = post("/api/divisions/changes", "admin-t", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private int version(String code) { return get("/api/divisions/" + code).json().get("version").asInt(); }

    private String freshPrefecture() {
        for (int i = 0; i < 1000; i++) {
            String pref = String.format("99%02d00", 2 + new java.util.Random().nextInt(69));
            String county = pref.substring(0, 4) + "21";
            if (jdbc.sql("select count(*) from division where code like :c").param("c", county + "%").query(Long.class).single() == 0) {
                DivisionFixtures.ensureTestUnit(jdbc, pref, "测试" + pref.substring(2, 4) + "市", null);
                return pref;
            }
        }
        throw new IllegalStateException("no free test prefecture");
    }

    @Test
    void aConsumerReplayingTheFeedFromTheStartEndsEqualToTheRegistry() {
        String pref = freshPrefecture();
        String county = pref.substring(0, 4) + "21";
        change(Map.of("kind", "establish", "parentCode", pref, "name", "回放县", "newCode", county));
        change(Map.of("kind", "establish", "parentCode", county, "name", "甲镇", "newCode", county + "101"));
        change(Map.of("kind", "establish", "parentCode", county, "name", "乙镇", "newCode", county + "102"));
        change(Map.of("kind", "establish", "parentCode", county + "101", "name", "一村委会", "newCode", county + "101201"));
        change(Map.of("kind", "establish", "parentCode", county + "102", "name", "二村委会", "newCode", county + "102201"));
        change(Map.of("kind", "rename", "code", county + "101", "name", "新甲镇", "expectedVersions", Map.of(county + "101", version(county + "101"))));
        // merge: 乙镇 abolished, its village re-coded under the survivor
        change(Map.of("kind", "merge", "survivor", county + "101", "absorbed", List.of(county + "102"),
                "expectedVersions", Map.of(county + "101", version(county + "101"), county + "102", version(county + "102"))), "2024-07-01");

        // the consumer: an empty table filled from the feed alone, 3 entries a page
        Map<String, JsonNode> copy = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        Map<String, String> successor = new HashMap<>();
        long cursor = 0;
        for (int page = 0; page < 100; page++) {
            JsonNode p = get("/api/feed?entity=division&prefix=" + county + "&limit=3&after=" + cursor, "viewer-t").json();
            for (JsonNode e : p.get("items")) {
                seqs.add(e.get("seq").asLong());
                copy.put(e.get("key").asString(), e.get("record"));
                if (e.get("op").asString().equals("abolish")) successor.put(e.get("oldCode").asString(), e.get("newCode").asString());
            }
            cursor = p.get("next").asLong();
            if (!p.get("hasMore").asBoolean()) break;
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        List<Map<String, Object>> registry = jdbc.sql("select code, name, parent_code, level, status from division where code like :c order by code")
                .param("c", county + "%").query().listOfRows();
        assertThat(copy.keySet()).containsExactlyInAnyOrderElementsOf(registry.stream().map(r -> (String) r.get("code")).toList());
        for (Map<String, Object> r : registry) {
            JsonNode c = copy.get((String) r.get("code"));
            assertThat(c.get("name").asString()).isEqualTo(r.get("name"));
            assertThat(c.get("parentCode").asString()).isEqualTo(r.get("parent_code"));
            assertThat(c.get("level").asInt()).isEqualTo(((Number) r.get("level")).intValue());
            assertThat(c.get("status").asString()).as((String) r.get("code")).isEqualTo(r.get("status"));
        }
        // old and new codes: the absorbed town names the survivor, the moved village its new code
        assertThat(successor).containsEntry(county + "102", county + "101");
        assertThat(successor.get(county + "102201")).startsWith(county + "101");
        // replayable from any point: from the middle, the same tail
        long mid = seqs.get(seqs.size() / 2);
        List<Long> tail = new ArrayList<>();
        get("/api/feed?entity=division&prefix=" + county + "&limit=1000&after=" + mid, "viewer-t").json().get("items")
                .forEach(e -> tail.add(e.get("seq").asLong()));
        assertThat(tail).isEqualTo(seqs.subList(seqs.size() / 2 + 1, seqs.size()));
        assertThat(get("/api/feed?after=-1", "viewer-t").status()).isEqualTo(400);
        assertThat(get("/api/feed").status()).isEqualTo(401);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEntryExactlyOnceAfterRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger deadCalls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            int status = n <= 2 ? 500 : 200;
            if (status == 200) {
                accepted.add(body);
                signatures.add(ex.getRequestHeaders().getFirst("X-CivGeo-Signature"));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.createContext("/dead", ex -> {
            deadCalls.incrementAndGet();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        long hook = 0, dead = 0;
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Response reg = post("/api/feed/webhooks", "admin-t", Map.of("url", base + "/hook", "entities", List.of("division")));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
            hook = reg.json().get("id").asLong();
            String secret = reg.json().get("secret").asString();
            dead = post("/api/feed/webhooks", "admin-t", Map.of("url", base + "/dead", "entities", List.of("division"))).json().get("id").asLong();
            assertThat(post("/api/feed/webhooks", "planner-t", Map.of("url", base + "/x", "entities", List.of("division"))).status()).isEqualTo(403);
            assertThat(post("/api/feed/webhooks", "admin-t", Map.of("url", "ftp://x", "entities", List.of("division"))).status()).isEqualTo(400);

            DivisionFixtures.TestCounty c = DivisionFixtures.freshTestCounty(jdbc);
            change(Map.of("kind", "rename", "code", c.t1(), "name", "回调街道", "expectedVersions", Map.of(c.t1(), version(c.t1()))));
            long seq = get("/api/feed?entity=division&prefix=" + c.t1() + "&limit=10", "viewer-t").json().get("items").get(0).get("seq").asLong();

            JsonNode delivery = null;
            for (int i = 0; i < 600 && delivery == null; i++) {
                for (JsonNode d : get("/api/feed/webhooks/" + hook + "/deliveries", "admin-t").json()) {
                    if (d.get("seq").asLong() == seq && d.get("status").asString().equals("delivered")) delivery = d;
                }
                if (delivery == null) Thread.sleep(200);
            }
            assertThat(delivery).as("delivered within 120 s").isNotNull();
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            List<String> forSeq = accepted.stream().filter(b -> json.readTree(b).get("seq").asLong() == seq).toList();
            assertThat(forSeq).hasSize(1);
            JsonNode entry = json.readTree(forSeq.get(0));
            assertThat(entry.get("record").get("name").asString()).isEqualTo("回调街道");
            assertThat(entry.get("oldCode").asString()).isEqualTo(c.t1());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(forSeq.get(0).getBytes(StandardCharsets.UTF_8)));
            assertThat(signatures.get(accepted.indexOf(forSeq.get(0)))).isEqualTo(expected);

            // an endpoint that never answers 2xx: dead-lettered after the configured attempts, visible in the log
            JsonNode deadOne = null;
            for (int i = 0; i < 600 && deadOne == null; i++) {
                for (JsonNode d : get("/api/feed/webhooks/" + dead + "/deliveries?status=dead", "admin-t").json()) {
                    if (d.get("seq").asLong() == seq) deadOne = d;
                }
                if (deadOne == null) Thread.sleep(200);
            }
            assertThat(deadOne).as("dead-lettered within 120 s").isNotNull();
            assertThat(deadOne.get("lastStatus").asInt()).isEqualTo(503);
            assertThat(deadOne.get("attempts").asInt()).isEqualTo(4);
        } finally {
            for (long id : List.of(hook, dead)) {
                if (id == 0) continue;
                int v = 0;
                for (JsonNode w : get("/api/feed/webhooks", "admin-t").json()) if (w.get("id").asLong() == id) v = w.get("version").asInt();
                put("/api/feed/webhooks/" + id, "admin-t", Map.of("version", v, "active", false));
            }
            server.stop(0);
        }
    }
}
