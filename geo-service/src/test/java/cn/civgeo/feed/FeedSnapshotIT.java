package cn.civgeo.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Seeding a copy: the registry load and the demo data write no feed entries, so a consumer starts from the paged
 * snapshot, keeps the first page's position and applies the feed from there; the copy then equals the registry
 * (count and a checksum over code, name, status, parent and geometry MD5).
 */
class FeedSnapshotIT extends IntegrationTest {
    @Autowired ApplicationContext ctx;

    /** code → record, rebuilt from the snapshot (pages of {@code limit}) and the feed after its position. */
    private Map<String, JsonNode> rebuild(String prefix, int limit, Runnable afterFirstPage) {
        Map<String, JsonNode> copy = new HashMap<>();
        long position = -1;
        String after = "";
        for (int page = 0; page < 1000; page++) {
            Response r = get("/api/feed/snapshot?entity=division&prefix=" + prefix + "&limit=" + limit + "&after=" + after, "viewer-t");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode p = r.json();
            if (position < 0) position = p.get("position").asLong();
            for (JsonNode i : p.get("items")) copy.put(i.get("key").asString(), i.get("record"));
            after = p.get("next").asString();
            if (page == 0) afterFirstPage.run();
            if (!p.get("hasMore").asBoolean()) break;
        }
        long cursor = position;
        for (int page = 0; page < 1000; page++) {
            JsonNode p = get("/api/feed?entity=division&prefix=" + prefix + "&limit=50&after=" + cursor, "viewer-t").json();
            for (JsonNode e : p.get("items")) {
                if (e.get("op").asString().equals("delete")) copy.remove(e.get("key").asString());
                else copy.put(e.get("key").asString(), e.get("record"));
            }
            cursor = p.get("next").asLong();
            if (!p.get("hasMore").asBoolean()) break;
        }
        return copy;
    }

    private static String line(String code, String name, String status, String parent, String geomMd5) {
        return code + "|" + name + "|" + status + "|" + parent + "|" + geomMd5;
    }

    private static String checksum(Map<String, String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : new TreeMap<>(lines).values()) md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> copyLines(Map<String, JsonNode> copy) {
        Map<String, String> m = new LinkedHashMap<>();
        copy.forEach((k, r) -> m.put(k, line(text(r, "code"), text(r, "name"), text(r, "status"), text(r, "parentCode"), text(r, "geometryMd5"))));
        return m;
    }

    /** A field of a record; absent (nulls are left out of the JSON) or null is "null". */
    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? "null" : n.asString();
    }

    private Map<String, String> registryLines(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select code, name, status, parent_code, md5(st_asewkb(geom)) from division where code like :p || '%'")
                .param("p", prefix).query((rs, i) -> m.put(rs.getString(1),
                        line(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4)), String.valueOf(rs.getString(5)))))
                .list();
        return m;
    }

    @Test
    void theDemoCityLoadedWithoutFeedEntriesIsRebuiltFromTheSnapshot() {
        DivisionFixtures.ensureDemoCity(ctx);
        String prefix = DivisionFixtures.SIMING;
        Map<String, String> registry = registryLines(prefix);
        assertThat(registry).hasSizeGreaterThan(5);
        // the feed alone does not hold the loaded units
        JsonNode feedOnly = get("/api/feed?entity=division&prefix=" + prefix + "&limit=1000&after=0", "viewer-t").json();
        assertThat(feedOnly.get("items").size()).isLessThan(registry.size());

        Map<String, JsonNode> copy = rebuild(prefix, 7, () -> {});
        assertThat(copy).hasSameSizeAs(registry);
        assertThat(copyLines(copy)).isEqualTo(registry);
        assertThat(checksum(copyLines(copy))).isEqualTo(checksum(registry));
        assertThat(text(copy.get(prefix), "geometryMd5")).as("思明区 has its synthetic geometry").matches("[0-9a-f]{32}");
    }

    @Test
    void writesWhileTheSnapshotIsReadArriveThroughTheFeedFromItsPosition() {
        String pref = null;
        for (int i = 0; i < 1000 && pref == null; i++) {
            String p = String.format("99%02d00", 2 + new java.util.Random().nextInt(69));
            if (jdbc.sql("select count(*) from division where code like :c").param("c", p.substring(0, 4) + "21%").query(Long.class).single() == 0) pref = p;
        }
        assertThat(pref).isNotNull();
        String county = pref.substring(0, 4) + "21";
        // loaded as a registry load does: straight into the table, no audited write, no feed entry
        DivisionFixtures.ensureTestUnit(jdbc, pref, "测试" + pref.substring(2, 4) + "市", null);
        DivisionFixtures.ensureTestUnit(jdbc, county, "快照县", "POLYGON((118 24,118.2 24,118.2 24.2,118 24.2,118 24))");
        DivisionFixtures.ensureTestUnit(jdbc, county + "101", "甲镇", "POLYGON((118 24,118.1 24,118.1 24.1,118 24.1,118 24))");
        DivisionFixtures.ensureTestUnit(jdbc, county + "102", "乙镇", "POLYGON((118.1 24,118.2 24,118.2 24.1,118.1 24.1,118.1 24))");
        DivisionFixtures.ensureTestUnit(jdbc, county + "103", "丙镇", null);
        assertThat(get("/api/feed?entity=division&prefix=" + county + "&after=0", "viewer-t").json().get("items").size()).isZero();

        Map<String, JsonNode> copy = rebuild(county, 2, () -> {
            // after the first page (快照县, 甲镇): 甲镇 renamed (only the feed can tell), 丁镇 established (later page and feed)
            int v = get("/api/divisions/" + county + "101").json().get("version").asInt();
            Response r = post("/api/divisions/changes", "admin-t", Map.of("kind", "rename", "code", county + "101", "name", "新甲镇",
                    "expectedVersions", Map.of(county + "101", v), "effectiveDate", "2024-06-01", "approvalDocument", "测政〔2024〕快照号"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            r = post("/api/divisions/changes", "admin-t", Map.of("kind", "establish", "parentCode", county, "name", "丁镇",
                    "newCode", county + "104", "effectiveDate", "2024-06-01", "approvalDocument", "测政〔2024〕快照号"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        });
        Map<String, String> registry = registryLines(county);
        assertThat(registry).hasSize(5);
        assertThat(copy.get(county + "101").get("name").asString()).isEqualTo("新甲镇");
        assertThat(copy).containsKey(county + "104");
        assertThat(copyLines(copy)).isEqualTo(registry);
        assertThat(checksum(copyLines(copy))).isEqualTo(checksum(registry));
    }

    @Test
    void aSnapshotWithoutEntityOrWithABadCursorIsRefusedNamingTheField() {
        Response r = get("/api/feed/snapshot?limit=10", "viewer-t");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("entity");
        r = get("/api/feed/snapshot?entity=address&after=abc", "viewer-t");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("after");
        r = get("/api/feed/snapshot?entity=division&limit=0", "viewer-t");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("limit");
    }
}
