package cn.civgeo.adjustment;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.division.DivisionPinyin;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Demo data (every contributor, once per database) and a fresh synthetic rural county for approval tests. */
public final class AdjustmentFixtures {
    private static volatile boolean demo;

    private AdjustmentFixtures() {}

    public static synchronized void ensureDemo(ApplicationContext ctx) {
        if (demo) return;
        DivisionFixtures.ensureDemoCity(ctx);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-loader", null, List.of()));
        try {
            ctx.getBeanProvider(DemoDataContributor.class).stream()
                    .sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(DemoDataContributor::load);
        } finally {
            SecurityContextHolder.clearContext();
        }
        demo = true;
    }

    /**
     * A fresh county (县, pair 21–50, so roads are unique within a town) under 99PP00: county [x0, x0+0.04] × [y0, y0+0.02];
     * towns t1 (west half, 镇 101) and t2 (east half, 镇 102); villages v1 (south of t1), v2 (north of t1), v3 (south of t2)
     * and v4 (north of t2); v4 has the same name as v1 (一村委会), so a merge of t1 and t2 makes them duplicates. Each town has
     * an approved road 沿河路 (place name), and v3 a doorplate on it.
     */
    public record County(String county, String t1, String t2, String v1, String v2, String v3, String v4, double x0, double y0,
                  long road1, long road2, long address) {
        String box(double x1, double y1, double x2, double y2) {
            return String.format(Locale.ROOT, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))", x1, y1, x2, y1, x2, y2, x1, y2, x1, y1);
        }
    }

    public static synchronized County freshCounty(JdbcClient jdbc) {
        Random r = new Random(System.nanoTime());
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int pp = 2 + r.nextInt(69);
            int cc = 21 + r.nextInt(30);
            String pref = String.format("99%02d00", pp);
            String county = String.format("99%02d%02d", pp, cc);
            if (jdbc.sql("select count(*) from division where code = :c").param("c", county).query(Long.class).single() > 0) continue;
            // a prefecture another fixture drew elsewhere (TestCity unions its villages into 9950–9989): this county would lie outside it
            if (jdbc.sql("select count(*) from division where code = :c and geom is not null").param("c", pref).query(Long.class).single() > 0) continue;
            double x0 = 100 + pp * 0.1, y0 = 40 + (cc - 20) * 0.1 + 0.05;
            String t1 = county + "101", t2 = county + "102";
            String v1 = t1 + "201", v2 = t1 + "202", v3 = t2 + "201", v4 = t2 + "202";
            County c0 = new County(county, t1, t2, v1, v2, v3, v4, x0, y0, 0, 0, 0);
            DivisionFixtures.ensureTestUnit(jdbc, pref, "测试" + pp + "市", null);
            DivisionFixtures.ensureTestUnit(jdbc, county, "测试" + pp + "-" + cc + "县", c0.box(x0, y0, x0 + 0.04, y0 + 0.02));
            DivisionFixtures.ensureTestUnit(jdbc, t1, "甲镇", c0.box(x0, y0, x0 + 0.02, y0 + 0.02));
            DivisionFixtures.ensureTestUnit(jdbc, t2, "乙镇", c0.box(x0 + 0.02, y0, x0 + 0.04, y0 + 0.02));
            DivisionFixtures.ensureTestUnit(jdbc, v1, "一村委会", c0.box(x0, y0, x0 + 0.02, y0 + 0.01));
            DivisionFixtures.ensureTestUnit(jdbc, v2, "二村委会", c0.box(x0, y0 + 0.01, x0 + 0.02, y0 + 0.02));
            DivisionFixtures.ensureTestUnit(jdbc, v3, "三村委会", c0.box(x0 + 0.02, y0, x0 + 0.04, y0 + 0.01));
            DivisionFixtures.ensureTestUnit(jdbc, v4, "一村委会", c0.box(x0 + 0.02, y0 + 0.01, x0 + 0.04, y0 + 0.02));
            jdbc.sql("update division set population = 1000, households = 400, elderly = 150, valid_from = date '2000-01-01' where code in (:c)")
                    .param("c", List.of(v1, v2, v3, v4)).update();
            jdbc.sql("update division set population = 2000, households = 800, elderly = 300, valid_from = date '2000-01-01' where code in (:c)")
                    .param("c", List.of(t1, t2)).update();
            long road1 = road(jdbc, county + "2530" + String.format("%06d", r.nextInt(900000) + 1), v1, c0, x0 + 0.002, x0 + 0.018, y0 + 0.005);
            long road2 = road(jdbc, county + "2530" + String.format("%06d", r.nextInt(900000) + 1), v3, c0, x0 + 0.022, x0 + 0.038, y0 + 0.005);
            String roadCode = jdbc.sql("select code from place_name where id = :id").param("id", road2).query(String.class).single();
            long address = jdbc.sql("""
                    insert into address(code, road_id, number, community_code, geom, status, full_text, source)
                    values (:code, :road, 1, :comm, st_setsrid(st_makepoint(:x, :y), 4490), 'active', '乙镇沿河路1号', 'test') returning id""")
                    .param("code", v3 + roadCode.substring(roadCode.length() - 6) + "00001").param("road", road2).param("comm", v3)
                    .param("x", x0 + 0.03).param("y", y0 + 0.005).query(Long.class).single();
            return new County(county, t1, t2, v1, v2, v3, v4, x0, y0, road1, road2, address);
        }
        throw new IllegalStateException("no free test county code left under 99");
    }

    private static long road(JdbcClient jdbc, String code, String division, County c, double xa, double xb, double y) {
        String[] py = DivisionPinyin.of("沿河路");
        return jdbc.sql("""
                insert into place_name(code, name, spelling, pinyin, initials, category_code, division_code, division_codes, geom, status,
                                       approval_date, approval_authority)
                values (:code, '沿河路', 'Yanhe Lu', :py, :ini, '2530', :div, array[cast(:div as varchar)],
                        st_setsrid(st_makeline(st_makepoint(:xa, :y), st_makepoint(:xb, :y)), 4490), 'approved', date '2020-01-01', '测试')
                returning id""")
                .param("code", code).param("py", py[0]).param("ini", py[1]).param("div", division).param("xa", xa).param("xb", xb).param("y", y)
                .query(Long.class).single();
    }
}
