package cn.civgeo.placename;

import cn.civgeo.division.DivisionFixtures;
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

    /** A LineString GeoJSON inside the test square, offset so that different tests do not overlap. */
    public static String line(double dy) {
        double y = 30.01 + dy;
        return "{\"type\":\"LineString\",\"coordinates\":[[100.01," + y + "],[100.05," + y + "],[100.09," + y + "]]}";
    }
}
