package cn.civgeo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every computed indicator of the four seed plans, applied to the demo city (厦门市 350200, its demo facilities and
 * demographics, plus a few facilities of the social kinds made here), checked for the city and each district against
 * SQL written below: facilities read straight from the facility table, "in" by ST_Within on the division polygon,
 * demographics straight from the demographics table. Then a demographics row and a facility change, and the report
 * follows at once.
 */
class PlanIndicatorIT extends IntegrationTest {
    static final String CITY = "350200";
    static final String AS_OF = "2025-12-31";
    static final int YEAR = 2025;
    static final String OPERATING = """
            f.status in ('operating', 'closed') and (f.opened_on is null or f.opened_on <= date '2025-12-31')
            and (f.closed_on is null or f.closed_on > date '2025-12-31')""";

    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void demo() {
        synchronized (PlanIndicatorIT.class) {
            DivisionFixtures.ensureDemoCity(ctx);
            for (DemoDataContributor c : ctx.getBeansOfType(DemoDataContributor.class).values()) {
                if (c.name().equals("demographics of the demo city") || c.name().equals("facilities of the demo city")) c.load();
            }
        }
    }

    @Test
    void everyComputedIndicatorMatchesHandSqlAndFollowsChanges() throws Exception {
        List<Long> made = new ArrayList<>();
        try {
            made.add(facility("volunteer_station", communityWith("community_service_centre", 0), Map.of()));
            made.add(facility("volunteer_station", communityWith("community_service_centre", 1), Map.of()));
            made.add(facility("minor_protection_institution", "350203", Map.of()));
            made.add(facility("minor_protection_station", "350203001", Map.of()));
            made.add(facility("social_work_station", "350205", Map.of()));
            made.add(facility("mental_rehab_station", "350211", Map.of()));
            made.add(facility("social_org_incubator", "350206", Map.of()));
            made.add(facility("marriage_registry", "350203", Map.of("grade", "4A")));
            made.add(facility("marriage_registry", "350206", Map.of()));

            List<Long> plans = new ArrayList<>();
            for (String t : List.of("xiamen-14th", "zigong-14th", "wuhan-14th", "jingmen-13th")) {
                ObjectNode tpl = PlanTemplateIT.template(json, t);
                tpl.put("code", unique("demo-" + t + "-"));
                tpl.put("divisionCode", CITY);
                Response r = post("/api/plans/import", "planner-t", json.writeValueAsBytes(tpl));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                plans.add(r.json().get("id").asLong());
            }
            int checked = 0;
            for (long id : plans) checked += checkReport(id);
            assertThat(checked).as("computed indicators checked over the four plans").isGreaterThanOrEqualTo(30);

            // a demographics row changes: the bed ratio follows at once
            long xiamen = plans.get(0);
            JsonNode before = indicator(report(xiamen), "bedsPer1000Elderly");
            JsonNode row = get("/api/demographics/" + CITY + "?year=" + YEAR).json().get("row");
            int age60 = row.get("age60").asInt();
            Response put = put("/api/demographics/" + CITY + "/" + YEAR, "planner-t", Map.of("population", row.get("population").asInt(),
                    "households", row.get("households").asInt(), "age60", age60 * 2, "source", "test", "version", row.get("version").asInt()));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            try {
                JsonNode after = indicator(report(xiamen), "bedsPer1000Elderly");
                assertThat(after.get("latest").asDouble()).isCloseTo(before.get("latest").asDouble() / 2, within(0.01));
                checkReport(xiamen);
            } finally {
                JsonNode now = get("/api/demographics/" + CITY + "?year=" + YEAR).json().get("row");
                put("/api/demographics/" + CITY + "/" + YEAR, "planner-t", Map.of("population", now.get("population").asInt(),
                        "households", now.get("households").asInt(), "age60", age60, "source", "test", "version", now.get("version").asInt()));
            }
            assertThat(get("/api/demographics/" + CITY + "/history").json().get("replaced").size()).isGreaterThanOrEqualTo(2);

            // a facility appears: nursing share and the district ranking follow at once
            JsonNode share = indicator(report(xiamen), "nursingBedShare");
            made.add(facility("nursing_home", "350203", Map.of("beds", 2000, "nursingBeds", 2000)));
            JsonNode share2 = indicator(report(xiamen), "nursingBedShare");
            assertThat(share2.get("latest").asDouble()).isGreaterThan(share.get("latest").asDouble());
            assertThat(share2.get("children").get(0).get("code").asString()).isEqualTo("350203");
            checkReport(xiamen);
        } finally {
            for (long id : made) delete("/api/facilities/" + id + "?version=0", "planner-t");
        }
    }

    private JsonNode report(long plan) {
        Response r = get("/api/plans/" + plan + "/report?year=" + YEAR);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode indicator(JsonNode report, String code) {
        for (JsonNode i : report.get("indicators")) if (i.get("code").asString().equals(code)) return i;
        throw new AssertionError("no indicator " + code);
    }

    /** Checks every computed indicator of the plan's report (city and children) against hand SQL; answers how many. */
    private int checkReport(long planId) {
        JsonNode plan = get("/api/plans/" + planId).json();
        JsonNode report = report(planId);
        Map<String, JsonNode> metrics = new HashMap<>();
        plan.get("indicators").forEach(i -> metrics.put(i.get("code").asString(), i.get("metric")));
        int n = 0;
        for (JsonNode row : report.get("indicators")) {
            JsonNode m = metrics.get(row.get("code").asString());
            if (m == null || m.isNull()) {
                assertThat(row.get("valueSource").asString()).isIn("none", "reported");
                continue;
            }
            assertThat(row.get("valueSource").asString()).isEqualTo("computed");
            expectValue(row.get("code").asString() + " " + CITY, hand(m, CITY), row.get("latest"));
            assertThat(row.get("children").size()).isEqualTo(6);
            for (JsonNode c : row.get("children")) expectValue(row.get("code").asString() + " " + c.get("code").asString(), hand(m, c.get("code").asString()), c.get("value"));
            n++;
        }
        return n;
    }

    private static void expectValue(String what, Double expected, JsonNode actual) {
        if (expected == null) assertThat(actual == null || actual.isNull()).as(what + " = " + actual).isTrue();
        else assertThat(actual.asDouble()).as(what).isCloseTo(expected, within(1e-3));
    }

    /** The indicator computed by hand for one division. */
    private Double hand(JsonNode m, String code) {
        List<String> kinds = new ArrayList<>();
        m.get("kinds").forEach(k -> kinds.add(k.asString()));
        String type = m.get("type").asString();
        double scale = m.has("scale") && !m.get("scale").isNull() ? m.get("scale").asDouble() : ("ratio".equals(type) ? 1 : 100);
        if (type.equals("ratio")) {
            Double num = side(m.get("numerator").asString(), code, kinds);
            JsonNode den = m.get("denominator");
            if (den == null || den.isNull()) return num * scale;
            Double d = side(den.asString(), code, kinds);
            return d == null || d == 0 || num == null ? null : num / d * scale;
        }
        if (type.equals("facilityShare")) {
            var r = jdbc.sql("select count(*), count(*) filter (where f.grade in ('3A','4A','5A')) from facility f, division d "
                            + "where d.code = :c and f.kind in (:k) and " + OPERATING + " and ST_Within(f.geom, d.geom)")
                    .param("c", code).param("k", kinds).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
            return r[0] == 0 ? null : r[1] / r[0] * scale;
        }
        int level = m.get("level").asInt();
        String filter = m.has("filter") && !m.get("filter").isNull() ? m.get("filter").asString() : null;
        StringBuilder cond = new StringBuilder();
        if (m.has("minBeds") && !m.get("minBeds").isNull()) cond.append(" and coalesce(f.beds, 0) >= ").append(m.get("minBeds").asInt());
        if (m.has("minFloorArea") && !m.get("minFloorArea").isNull()) cond.append(" and coalesce(f.floor_area_m2, 0) >= ").append(m.get("minFloorArea").asDouble());
        if (m.has("functions") && !m.get("functions").isNull()) {
            for (JsonNode fn : m.get("functions")) cond.append(" and '").append(fn.asString().replaceAll("[^a-z_]", "")).append("' = any(f.functions)");
        }
        String among = "";
        if (m.has("among") && !m.get("among").isNull()) {
            List<String> a = new ArrayList<>();
            m.get("among").forEach(k -> a.add("'" + k.asString().replaceAll("[^a-z_]", "") + "'"));
            among = " and exists (select 1 from facility f where f.kind in (" + String.join(",", a) + ") and " + OPERATING + " and ST_Within(f.geom, u.geom))";
        }
        String ur = "coalesce((select x.urban_rural from demographics x where x.division_code = u.code and x.year <= 2025 order by x.year desc limit 1), u.urban_rural)";
        String cr = "coalesce((select x.cremation_area from demographics x where x.division_code = u.code and x.year <= 2025 order by x.year desc limit 1), true)";
        String where = filter == null ? "" : switch (filter) {
            case "urban" -> " and " + ur + " = 'urban'";
            case "rural" -> " and " + ur + " = 'rural'";
            default -> " and " + cr;
        };
        String prefix = code.endsWith("00") ? code.substring(0, 4) : code;
        var r = jdbc.sql("select count(*), count(*) filter (where exists (select 1 from facility f where f.kind in (:k) and " + OPERATING
                        + cond + " and ST_Within(f.geom, u.geom))) from division u where u.level = :l and u.status = 'active' and u.code like :p"
                        + where + among)
                .param("k", kinds).param("l", level).param("p", prefix + "%")
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        return r[0] == 0 ? null : r[1] / r[0] * scale;
    }

    private Double side(String spec, String code, List<String> kinds) {
        if (spec.startsWith("demographics.")) {
            String col = switch (spec.substring(13)) {
                case "population" -> "population"; case "households" -> "households"; case "age60" -> "age60";
                case "age65" -> "age65"; default -> "age80";
            };
            return jdbc.sql("select " + col + "::float8 from demographics where division_code = :c and year <= 2025 order by year desc limit 1")
                    .param("c", code).query(Double.class).optional().orElse(null);
        }
        String col = switch (spec.substring(9)) {
            case "beds" -> "f.beds"; case "nursing_beds" -> "f.nursing_beds"; case "floor_area_m2" -> "f.floor_area_m2";
            case "cremators" -> "f.cremators"; case "eco_cremators" -> "f.eco_cremators"; default -> "1";
        };
        return jdbc.sql("select coalesce(sum(" + col + "), 0)::float8 from facility f, division d where d.code = :c and f.kind in (:k) and "
                        + OPERATING + " and ST_Within(f.geom, d.geom)")
                .param("c", code).param("k", kinds).query(Double.class).single();
    }

    /** The n-th community (by code) of the demo city that has a facility of the kind. */
    private String communityWith(String kind, int n) {
        return jdbc.sql("""
                        select d.code from division d where d.level = 5 and d.code like '3502%' and exists (
                          select 1 from facility f where f.kind = :k and f.status = 'operating' and ST_Within(f.geom, d.geom))
                         order by d.code offset :n limit 1""").param("k", kind).param("n", n).query(String.class).single();
    }

    private long facility(String kind, String division, Map<String, Object> extra) {
        double[] p = DivisionFixtures.pointIn(jdbc, division);
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "name", unique("测试" + kind), "lon", p[0], "lat", p[1],
                "operatorKind", "public", "status", "operating", "openedOn", "2020-01-01"));
        if (extra.containsKey("grade")) body.put("attributes", Map.of("grade", extra.get("grade")));
        if (extra.containsKey("beds")) {
            body.put("beds", extra.get("beds"));
            body.put("nursingBeds", extra.get("nursingBeds"));
        }
        Response r = post("/api/facilities", "planner-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
