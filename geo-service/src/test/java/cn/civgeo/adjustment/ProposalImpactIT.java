package cn.civgeo.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The impact report of a merge of two demo townships and of a split of a demo community, every figure checked
 * against SQL written here by hand on the owners' tables; neither is approved (the demo city stays as it is).
 */
class ProposalImpactIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void demo() { AdjustmentFixtures.ensureDemo(ctx); }

    private double sqlDouble(String sql, Object... kv) {
        var s = jdbc.sql(sql);
        for (int i = 0; i < kv.length; i += 2) s = s.param((String) kv[i], kv[i + 1]);
        return s.query(Double.class).single();
    }

    private long sqlLong(String sql, Object... kv) {
        var s = jdbc.sql(sql);
        for (int i = 0; i < kv.length; i += 2) s = s.param((String) kv[i], kv[i + 1]);
        return s.query(Long.class).single();
    }

    private Set<Long> ids(JsonNode list, String field) {
        Set<Long> out = new HashSet<>();
        list.forEach(n -> out.add(n.get(field).asLong()));
        return out;
    }

    private Set<Long> sqlIds(String sql, Object... kv) {
        var s = jdbc.sql(sql);
        for (int i = 0; i < kv.length; i += 2) s = s.param((String) kv[i], kv[i + 1]);
        return new HashSet<>(s.query(Long.class).list());
    }

    private JsonNode unit(JsonNode list, String code) {
        for (JsonNode u : list) if (u.get("code").asString().equals(code)) return u;
        throw new AssertionError("no unit " + code + " in " + list);
    }

    @Test
    void mergeOfTwoDemoTownships() {
        // two neighbouring townships of 思明区 sharing a border, the pair with the most doorplates
        List<String> pair = jdbc.sql("""
                select a.code || ',' || b.code from division a join division b on b.parent_code = a.parent_code and b.code > a.code
                 where a.parent_code = '350203' and a.status = 'active' and b.status = 'active'
                   and st_length(st_intersection(st_boundary(a.geom), st_boundary(b.geom))) > 0
                 order by (select count(*) from address x where x.township_code in (a.code, b.code)) desc, a.code, b.code limit 1""")
                .query(String.class).single().lines().flatMap(l -> List.of(l.split(",")).stream()).toList();
        String a = pair.get(0), b = pair.get(1);
        double[] seat = jdbc.sql("select st_x(p), st_y(p) from (select st_pointonsurface(geom) p from division where code = :c) q")
                .param("c", a).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        Map<String, Object> step = Map.of("kind", "merge", "survivor", a, "absorbed", List.of(b));
        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("合并"), "steps", List.of(step),
                "seats", Map.of(a, List.of(seat[0], seat[1])), "standard", "street-example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long eventsBefore = sqlLong("select count(*) from division_event");

        Response r = get("/api/adjustments/proposals/" + id + "/impact", "planner-t");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rep = r.json();
        // nothing was written to the registry by the dry run
        assertThat(sqlLong("select count(*) from division_event")).isEqualTo(eventsBefore);
        assertThat(sqlLong("select count(*) from division where code = :b and status = 'active'", "b", b)).isEqualTo(1);

        JsonNode u = unit(rep.get("results"), a);
        assertThat(u.get("role").asString()).isEqualTo("survivor");
        assertThat(u.get("areaKm2").asDouble()).isCloseTo(sqlDouble(
                "select st_area(st_union(geom)::geography) / 1e6 from division where code in (:a, :b)", "a", a, "b", b), offset(2e-4));
        for (String f : List.of("population", "households", "elderly")) {
            long expected = sqlLong("select sum(" + f + ") from division where code in (:a, :b)", "a", a, "b", b);
            assertThat(u.get(f).asLong()).as(f).isEqualTo(expected);
        }
        assertThat(u.get("communities").asLong()).isEqualTo(sqlLong(
                "select count(*) from division where parent_code in (:a, :b) and status = 'active' and level = 5", "a", a, "b", b));
        assertThat(u.get("farthestCommunityM").asDouble()).isCloseTo(sqlDouble("""
                select max(st_distance(st_pointonsurface(geom)::geography, st_setsrid(st_makepoint(:x, :y), 4490)::geography))
                  from division where parent_code in (:a, :b) and status = 'active' and level = 5""",
                "x", seat[0], "y", seat[1], "a", a, "b", b), offset(0.1));
        // the street standard: population and communities against the configured minimums, each with its reason
        JsonNode checks = u.get("checks");
        assertThat(checks).isNotEmpty();
        for (JsonNode c : checks) {
            if (c.get("rule").asString().equals("population")) {
                assertThat(c.get("pass").asBoolean()).isEqualTo(u.get("population").asLong() >= 30000);
                assertThat(c.get("reason").asString()).isNotBlank();
            }
        }
        JsonNode pred = unit(rep.get("predecessors"), b);
        assertThat(pred.get("areaKm2").asDouble()).isCloseTo(sqlDouble("select st_area(geom::geography) / 1e6 from division where code = :b", "b", b), offset(2e-4));

        // doorplates to recode: every doorplate of the absorbed township (its communities get new codes), none of the survivor's
        Set<Long> expectedAddr = sqlIds("select id from address where status <> 'retired' and township_code = :b", "b", b);
        assertThat(expectedAddr).isNotEmpty();
        assertThat(ids(rep.get("addresses"), "id")).isEqualTo(expectedAddr);
        for (JsonNode ad : rep.get("addresses")) {
            assertThat(ad.get("toTownship").asString()).isEqualTo(a);
            assertThat(ad.get("toCommunity").asString()).startsWith(a);
            assertThat(ad.get("newCode").asString()).isEqualTo(ad.get("toCommunity").asString()
                    + ad.get("code").asString().substring(12));
        }
        // facilities: those held by the absorbed township or its communities change division
        assertThat(ids(rep.get("facilities"), "id")).isEqualTo(sqlIds("""
                select id from facility where division_code = :b or division_code in (select code from division where parent_code = :b)""", "b", b));
        // boundary lines touching the townships or their communities are to be re-demarcated, with their markers
        Set<Long> lines = sqlIds("""
                select id from boundary_line where status <> 'superseded' and (left_code in (select code from division where code in (:a, :b) or parent_code in (:a, :b))
                    or right_code in (select code from division where code in (:a, :b) or parent_code in (:a, :b)))""", "a", a, "b", b);
        assertThat(ids(rep.get("boundaryLines"), "id")).isEqualTo(lines);
        if (!lines.isEmpty()) {
            assertThat(ids(rep.get("markers"), "id")).isEqualTo(sqlIds(
                    "select id from boundary_marker where status <> 'removed' and line_id in (:l)", "l", List.copyOf(lines)));
        }
        // duplicate community names in the merged township: same name or same toneless pinyin across the two
        long dupPairs = sqlLong("""
                select count(*) from division x join division y on x.parent_code = :a and y.parent_code = :b
                 where x.status = 'active' and y.status = 'active' and (x.name = y.name or x.pinyin = y.pinyin)""", "a", a, "b", b);
        long reportedDivisionDups = 0;
        for (JsonNode d : rep.get("duplicateNames")) if (d.get("source").asString().equals("division")) reportedDivisionDups++;
        assertThat(reportedDivisionDups).isEqualTo(dupPairs);
        assertThat(rep.get("apiClients").get("logged").asBoolean()).isTrue();

        // indicators: the merged unit's value is the pooled one of the two townships (numerators and denominators summed)
        JsonNode ia = get("/api/indicators?division=" + a, "planner-t").json();
        JsonNode ib = get("/api/indicators?division=" + b, "planner-t").json();
        if (ia.has("indicators")) {
            JsonNode first = u.get("indicators").get(0);
            double num = ia.get("indicators").get(0).get("numerator").asDouble() + ib.get("indicators").get(0).get("numerator").asDouble();
            double den = ia.get("indicators").get(0).get("denominator").asDouble() + ib.get("indicators").get(0).get("denominator").asDouble();
            if (den > 0) assertThat(first.get("after").asDouble()).isCloseTo(num / den, offset(1e-4));
        }

        // xlsx and printable forms
        Response x = get("/api/adjustments/proposals/" + id + "/impact.xlsx", "planner-t");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.raw().body()[0]).isEqualTo((byte) 'P'); // zip
        Response h = get("/api/adjustments/proposals/" + id + "/impact.html", "planner-t");
        assertThat(h.body()).contains("区划调整影响评估").contains(a);
    }

    @Test
    void splitOfADemoCommunity() {
        String c = jdbc.sql("""
                select d.code from division d where d.code like '350203%' and d.level = 5 and d.status = 'active' and d.population is not null
                 order by (select count(*) from address a where a.community_code = d.code) desc, d.code limit 1""").query(String.class).single();
        Map<String, Object> box = jdbc.sql("""
                select st_xmin(geom) x1, st_ymin(geom) y1, st_xmax(geom) x2, st_ymax(geom) y2, (st_xmin(geom) + st_xmax(geom)) / 2 xm,
                       population, households, elderly, name from division where code = :c""").param("c", c).query().singleRow();
        double xm = ((Number) box.get("xm")).doubleValue();
        String west = geo(c, "st_makeenvelope(st_xmin(geom) - 1, st_ymin(geom) - 1, :xm, st_ymax(geom) + 1, 4490)", xm);
        String east = geo(c, "st_makeenvelope(:xm, st_ymin(geom) - 1, st_xmax(geom) + 1, st_ymax(geom) + 1, 4490)", xm);
        int pop = ((Number) box.get("population")).intValue();
        List<Object> targets = List.of(
                Map.of("name", "西分社区居委会", "geometry", json.readTree(west), "population", pop * 6 / 10, "households", 500, "elderly", 120),
                Map.of("name", "东分社区居委会", "geometry", json.readTree(east), "population", pop - pop * 6 / 10, "households", 400, "elderly", 80));
        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("拆分"),
                "steps", List.of(Map.of("kind", "split", "code", c, "targets", targets))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // read before the report: the source's own indicators and coverage (the coverage feature's answers)
        JsonNode srcInd = get("/api/indicators?division=" + c, "planner-t").json();
        JsonNode srcCov = get("/api/coverage?division=" + c, "planner-t").json().get("total");
        JsonNode rep = get("/api/adjustments/proposals/" + created.json().get("id").asLong() + "/impact", "planner-t").json();
        assertThat(rep.get("results")).hasSize(2);
        Map<String, String> codeByName = new HashMap<>();
        for (JsonNode u : rep.get("results")) {
            codeByName.put(u.get("name").asString(), u.get("code").asString());
            boolean w = u.get("name").asString().startsWith("西");
            assertThat(u.get("role").asString()).isEqualTo("target");
            assertThat(u.get("areaKm2").asDouble()).isCloseTo(sqlDouble("select st_area(st_intersection(geom, "
                    + (w ? "st_makeenvelope(st_xmin(geom) - 1, st_ymin(geom) - 1, :xm, st_ymax(geom) + 1, 4490)"
                         : "st_makeenvelope(:xm, st_ymin(geom) - 1, st_xmax(geom) + 1, st_ymax(geom) + 1, 4490)")
                    + ")::geography) / 1e6 from division where code = :c", "xm", xm, "c", c), offset(2e-4));
            assertThat(u.get("population").asLong()).isEqualTo(w ? pop * 6 / 10 : pop - pop * 6 / 10);
            assertThat(u.get("communities").asLong()).isEqualTo(1);
            assertThat(u.get("parentCode").asString()).isEqualTo(c.substring(0, 9));
        }
        // every doorplate of the community moves to the half that holds it
        Map<Long, String> expected = new LinkedHashMap<>();
        jdbc.sql("select id, st_x(geom) < :xm from address where status <> 'retired' and community_code = :c").param("xm", xm).param("c", c)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()
                .forEach(e -> expected.put(e.getKey(), codeByName.get(e.getValue() ? "西分社区居委会" : "东分社区居委会")));
        Map<Long, String> got = new LinkedHashMap<>();
        rep.get("addresses").forEach(ad -> got.put(ad.get("id").asLong(), ad.get("toCommunity").asString()));
        assertThat(got).isEqualTo(expected);
        Set<Long> fac = sqlIds("select id from facility where division_code = :c", "c", c);
        assertThat(ids(rep.get("facilities"), "id")).isEqualTo(fac);
        assertThat(sqlLong("select count(*) from division where code = :c and status = 'active'", "c", c)).isEqualTo(1);

        // indicators after the split: each half's own figure, its facilities counted where they lie (hand-computed below);
        // before: the source's figure
        String elderlyKinds = "('nursing_home', 'township_centre', 'community_station', 'rural_mutual_aid')";
        String operating = " and status in ('operating', 'closed') and (opened_on is null or opened_on <= current_date)"
                + " and (closed_on is null or closed_on > current_date)";
        JsonNode srcBedsNode = null;
        for (JsonNode i : srcInd.get("indicators")) if (i.get("code").asString().equals("bedsPer1000Elderly")) srcBedsNode = i.get("value");
        double srcBeds = srcBedsNode == null || srcBedsNode.isNull() ? Double.NaN : srcBedsNode.asDouble();
        for (JsonNode u : rep.get("results")) {
            boolean w = u.get("name").asString().startsWith("西");
            JsonNode beds = null;
            for (JsonNode i : u.get("indicators")) if (i.get("code").asString().equals("bedsPer1000Elderly")) beds = i;
            assertThat(beds).as(u.toString()).isNotNull();
            double b0 = sqlDouble("select coalesce(sum(beds), 0) from facility where division_code = :c and kind in " + elderlyKinds + operating
                    + " and (st_x(geom) < :xm) = " + w, "c", c, "xm", xm);
            assertThat(beds.get("after").asDouble()).isCloseTo(Math.round(b0 / ((w ? 120 : 80) / 1000.0) * 10000) / 10000.0, offset(1e-4));
            if (Double.isNaN(srcBeds)) assertThat(beds.get("before").isNull()).isTrue();
            else {
                assertThat(beds.get("before").asDouble()).isCloseTo(srcBeds, offset(1e-4));
                assertThat(beds.get("changed").asBoolean()).isEqualTo(Math.abs(beds.get("after").asDouble() - srcBeds) > 1e-4);
            }
        }
        // service-area coverage: the source before (as /api/coverage answers it), each half after (hand-computed: is its
        // representative point inside a service area of an operating elderly-care facility?)
        JsonNode cov = rep.get("coverage");
        assertThat(cov.get("computed").asBoolean()).isTrue();
        assertThat(cov.get("before")).hasSize(1);
        assertThat(cov.get("before").get(0).get("code").asString()).isEqualTo(c);
        assertThat(cov.get("before").get(0).get("households").asLong()).isEqualTo(srcCov.get("households").asLong());
        assertThat(cov.get("before").get(0).get("coveredHouseholds").asLong()).isEqualTo(srcCov.get("coveredHouseholds").asLong());
        assertThat(cov.get("after")).hasSize(2);
        long coveredAfter = 0;
        for (JsonNode a : cov.get("after")) {
            boolean w = a.get("name").asString().startsWith("西");
            assertThat(a.get("code").asString()).isEqualTo(codeByName.get(a.get("name").asString()));
            assertThat(a.get("households").asLong()).isEqualTo(w ? 500 : 400);
            boolean covered = jdbc.sql("""
                    select exists (select 1 from service_area s join facility f on f.id = s.facility_id
                     where f.kind in ('community_complex', 'community_station', 'nursing_home', 'regional_centre', 'rural_mutual_aid', 'township_centre')
                       and f.status in ('operating', 'closed') and (f.opened_on is null or f.opened_on <= current_date)
                       and (f.closed_on is null or f.closed_on > current_date)
                       and st_covers(s.geom, st_pointonsurface(st_setsrid(st_multi(st_geomfromgeojson(:g)), 4490))))""")
                    .param("g", w ? west : east).query(Boolean.class).single();
            assertThat(a.get("coveredHouseholds").asLong()).as(a.toString()).isEqualTo(covered ? (w ? 500 : 400) : 0);
            coveredAfter += a.get("coveredHouseholds").asLong();
        }
        assertThat(cov.get("afterTotal").get("households").asLong()).isEqualTo(900);
        assertThat(cov.get("afterTotal").get("coveredHouseholds").asLong()).isEqualTo(coveredAfter);
        // the dry run moved nothing for real
        assertThat(sqlIds("select id from facility where division_code = :c", "c", c)).isEqualTo(fac);
    }

    private String geo(String code, String envelope, double xm) {
        return jdbc.sql("select st_asgeojson(st_multi(st_intersection(geom, " + envelope + "))) from division where code = :c")
                .param("c", code).param("xm", xm).query(String.class).single();
    }

    @Test
    void badProposalsAnswer400NamingTheProblemAndWriteNothing() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        long proposals = sqlLong("select count(*) from adjustment_proposal");
        long units = sqlLong("select count(*) from division where code like :c", "c", c.county() + "%");
        // overlapping geometry: a new town on ground of 甲镇 without taking it from 甲镇
        Response overlap = post("/api/adjustments/proposals", "planner-t", Map.of("title", "重叠", "steps", List.of(Map.of(
                "kind", "establish", "parentCode", c.county(), "name", "丙镇",
                "geometry", polygon(c.x0() + 0.005, c.y0() + 0.005, c.x0() + 0.01, c.y0() + 0.01)))));
        assertThat(overlap.status()).as(overlap.toString()).isEqualTo(400);
        assertThat(overlap.contentType()).startsWith("application/problem+json");
        assertThat(overlap.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0]");
        assertThat(overlap.json().get("errors").get(0).get("message").asString()).contains("overlapping geometry").contains(c.t1());
        // a unit outside its parent: 乙镇's boundary moved beyond the county
        Response outside = post("/api/adjustments/proposals", "planner-t", Map.of("title", "越界", "steps", List.of(Map.of(
                "kind", "boundary", "geometries", Map.of(c.t2(), polygon(c.x0() + 0.02, c.y0(), c.x0() + 0.05, c.y0() + 0.02))))));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("message").asString()).contains("outside its parent").contains(c.county());
        // codes out of range: a 镇 numbered in the 街道 range
        Response range = post("/api/adjustments/proposals", "planner-t", Map.of("title", "越号", "steps", List.of(Map.of(
                "kind", "establish", "parentCode", c.county(), "name", "丁镇", "newCode", c.county() + "050"))));
        assertThat(range.status()).as(range.toString()).isEqualTo(400);
        assertThat(range.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].newCode");
        assertThat(range.json().get("errors").get(0).get("message").asString()).contains("out of the number range").contains("镇");
        // an unknown unit, named by step and field
        Response unknown = post("/api/adjustments/proposals", "planner-t", Map.of("title", "无此", "steps", List.of(
                Map.of("kind", "rename", "code", c.t1(), "name", "新甲镇"),
                Map.of("kind", "merge", "survivor", c.t1(), "absorbed", List.of(c.county() + "199")))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[1].absorbed[0]");
        // viewers may not draft
        assertThat(post("/api/adjustments/proposals", "viewer-t", Map.of("title", "x", "steps", List.of())).status()).isEqualTo(403);
        assertThat(sqlLong("select count(*) from adjustment_proposal")).isEqualTo(proposals);
        assertThat(sqlLong("select count(*) from division where code like :c", "c", c.county() + "%")).isEqualTo(units);
        assertThat(sqlLong("select count(*) from division where code = :c and name = '甲镇'", "c", c.t1())).isEqualTo(1);
    }

    static Map<String, Object> polygon(double x1, double y1, double x2, double y2) {
        List<List<Double>> ring = new ArrayList<>(List.of(List.of(x1, y1), List.of(x2, y1), List.of(x2, y2), List.of(x1, y2), List.of(x1, y1)));
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }
}
