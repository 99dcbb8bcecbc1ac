package cn.civgeo.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A synthetic prefecture under the test province 99 (990000) with known figures, for coverage and indicator tests.
 * Villages are 1 km squares side by side along x (village i spans x = 1000 i .. 1000 (i + 1), y = 0 .. 1000);
 * upper units are the unions of their villages.
 * <pre>
 *  prefecture 99RR00
 *    county A 99RR01 (市辖区): township A1 99RR01001 (街道): v0 99RR01001001 urban 1000 hh / 200 elderly
 *                                                           v1 99RR01001002 urban  800 hh / 150 elderly
 *                             township A2 99RR01002 (街道): v2 99RR01002001 urban 1200 hh / 300 elderly
 *    county B 99RR21 (县):    township B1 99RR21100 (镇):   v3 99RR21100001 urban  600 hh / 120 elderly
 *                                                           v4 99RR21100201 rural  400 hh / 100 elderly
 *                             township B2 99RR21200 (乡):   v5 99RR21200201 rural  300 hh /  90 elderly
 *                                                           v6 99RR21200202 rural  200 hh /  60 elderly
 * </pre>
 */
final class TestCity {
    final String rr;
    final HandNetwork grid;
    final String prefecture, countyA, countyB, a1, a2, b1, b2;
    final List<String> villages = new ArrayList<>();

    private TestCity(String rr) {
        this.rr = rr;
        // 0.2° apart per RR (the city is 7 km ≈ 0.08° wide), so test cities of earlier runs never overlap this one
        this.grid = new HandNetwork(75 + (Integer.parseInt(rr) - 50) * 0.2, 35.0);
        prefecture = "99" + rr + "00";
        countyA = "99" + rr + "01";
        countyB = "99" + rr + "21";
        a1 = countyA + "001";
        a2 = countyA + "002";
        b1 = countyB + "100";
        b2 = countyB + "200";
        villages.addAll(List.of(a1 + "001", a1 + "002", a2 + "001", b1 + "001", b1 + "201", b2 + "201", b2 + "202"));
    }

    /** Creates a new test city with a prefecture pair RR not used before in this database. */
    static TestCity create(JdbcClient jdbc) {
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, status)
                values ('990000', '测试省', '测试', 1, '省', null, 'active') on conflict do nothing""").update();
        String rr = null;
        for (int i = 50; i <= 89 && rr == null; i++) {
            String candidate = String.format(Locale.ROOT, "%02d", 50 + (int) ((System.nanoTime() / 1000 + i) % 40));
            boolean taken = jdbc.sql("select exists(select 1 from division where code = :c)").param("c", "99" + candidate + "00")
                    .query(Boolean.class).single();
            if (!taken) rr = candidate;
        }
        if (rr == null) throw new IllegalStateException("no free test prefecture code under 99");
        TestCity c = new TestCity(rr);
        c.insert(jdbc);
        return c;
    }

    private void insert(JdbcClient jdbc) {
        unit(jdbc, prefecture, "测试" + rr + "市", 2, "地级市", "990000", null, 4500, 1020, null);
        unit(jdbc, countyA, "甲区", 3, "市辖区", prefecture, null, 3000, 650, null);
        unit(jdbc, countyB, "乙县", 3, "县", prefecture, null, 1500, 370, null);
        unit(jdbc, a1, "甲一街道", 4, "街道", countyA, "urban", 1800, 350, null);
        unit(jdbc, a2, "甲二街道", 4, "街道", countyA, "urban", 1200, 300, null);
        unit(jdbc, b1, "乙一镇", 4, "镇", countyB, null, 1000, 220, null);
        unit(jdbc, b2, "乙二乡", 4, "乡", countyB, "rural", 500, 150, null);
        int[][] fig = {{1000, 200}, {800, 150}, {1200, 300}, {600, 120}, {400, 100}, {300, 90}, {200, 60}};
        String[] names = {"一社区", "二社区", "三社区", "四社区", "五村", "六村", "七村"};
        String[] ur = {"urban", "urban", "urban", "urban", "rural", "rural", "rural"};
        String[] parents = {a1, a1, a2, b1, b1, b2, b2};
        for (int i = 0; i < 7; i++) {
            unit(jdbc, villages.get(i), names[i], 5, ur[i].equals("urban") ? "社区" : "村", parents[i], ur[i], fig[i][0], fig[i][1], square(i));
        }
        for (String upper : List.of(a1, a2, b1, b2, countyA, countyB, prefecture)) {
            jdbc.sql("""
                    update division set geom = (select ST_Multi(ST_Union(geom)) from division where code like :p and length(code) = 12),
                           geom_source = 'synthetic' where code = :c""")
                    .param("p", upper.length() == 9 ? upper + "%" : upper.substring(0, upper.endsWith("00") ? 4 : 6) + "%")
                    .param("c", upper).update();
        }
    }

    private static void unit(JdbcClient jdbc, String code, String name, int level, String kind, String parent, String ur,
                             int households, int elderly, String wkt) {
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, urban_rural, population, households,
                                     elderly, geom, geom_source, status)
                values (:code, :name, :name, :level, :kind, :parent, :ur, :pop, :hh, :old,
                        ST_Multi(ST_GeomFromText(:wkt, 4490)), case when cast(:wkt as text) is null then null else 'synthetic' end, 'active')""")
                .param("code", code).param("name", name).param("level", level).param("kind", kind).param("parent", parent)
                .param("ur", ur).param("pop", households * 3).param("hh", households).param("old", elderly).param("wkt", wkt).update();
    }

    String square(int i) {
        double x0 = 1000.0 * i, x1 = x0 + 1000;
        return String.format(Locale.ROOT, "POLYGON((%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f))",
                grid.lon(x0), grid.lat(0), grid.lon(x1), grid.lat(0), grid.lon(x1), grid.lat(1000), grid.lon(x0), grid.lat(1000),
                grid.lon(x0), grid.lat(0));
    }

    /** lon of a point dx metres east of village i's centre. */
    double lon(int village, double dx) { return grid.lon(1000.0 * village + 500 + dx); }

    double lat(double dy) { return grid.lat(500 + dy); }
}
