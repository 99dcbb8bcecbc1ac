package cn.civgeo.placename;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synthetic test divisions (province 99) with geometry, and unique Chinese names that pass the naming rules. */
public final class PlaceNameTestData {
    /** 测试市 (prefecture), 测试区 (urban district) and a township, a 0.1° square at 100.0–100.1E, 30.0–30.1N. */
    public static final String CITY = "990100";
    public static final String DISTRICT = "990102";
    public static final String TOWNSHIP = "990102001";
    public static final String COMMUNITY = "990102001001";
    private static final String SQUARE = "POLYGON((100.0 30.0, 100.1 30.0, 100.1 30.1, 100.0 30.1, 100.0 30.0))";
    /** Ten common characters with ten different toneless syllables: names built from them never sound alike. */
    private static final String CHARS = "松柏梅兰竹菊桃李杏枫";

    private PlaceNameTestData() {}

    public static void ensureDivisions(JdbcClient jdbc) {
        DivisionFixtures.ensureTestUnit(jdbc, DivisionFixtures.TEST_PROVINCE, "测试省", null);
        DivisionFixtures.ensureTestUnit(jdbc, CITY, "测试市", SQUARE);
        DivisionFixtures.ensureTestUnit(jdbc, DISTRICT, "测试区", SQUARE);
        DivisionFixtures.ensureTestUnit(jdbc, TOWNSHIP, "测试街道", SQUARE);
        DivisionFixtures.ensureTestUnit(jdbc, COMMUNITY, "测试社区", SQUARE);
    }

    /** A specific part unique to this run (eight characters from {@link #CHARS}), e.g. 松梅竹… */
    public static String uniqueSpecific() {
        long n = System.nanoTime() ^ (System.currentTimeMillis() << 20);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append(CHARS.charAt((int) Math.floorMod(n, 10L)));
            n /= 10;
        }
        return b.toString();
    }

    /**
     * Proposes, submits and approves (as admin, through the API) an east–west road named {@code name} at latitude
     * {@code y}, from 100.02 to 100.08E, numbered from the east; returns its id. {@code adminPost} posts as admin-t.
     */
    public static long approvedRoad(java.util.function.BiFunction<String, Object, IntegrationTest.Response> adminPost,
                                    tools.jackson.databind.json.JsonMapper json, String name, double y) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("category", "2530");
        body.put("numbering", "EW");
        body.put("geometry", json.readTree("{\"type\":\"LineString\",\"coordinates\":[[100.02," + y + "],[100.08," + y + "]]}"));
        IntegrationTest.Response r = adminPost.apply("/api/place-names", body);
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("placeName").get("id").asLong();
        adminPost.apply("/api/place-names/" + id + "/submit", java.util.Map.of("version", 0));
        IntegrationTest.Response a = adminPost.apply("/api/place-names/" + id + "/approve", java.util.Map.of("version", 1,
                "approvalAuthority", "测试市人民政府", "approvalDoc", "测政地〔2026〕3号", "approvalDate", "2026-02-01"));
        org.assertj.core.api.Assertions.assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return id;
    }

    /** A LineString GeoJSON inside the test square, offset so that different tests do not overlap. */
    public static String line(double dy) {
        double y = 30.01 + dy;
        return "{\"type\":\"LineString\",\"coordinates\":[[100.01," + y + "],[100.05," + y + "],[100.09," + y + "]]}";
    }
}
