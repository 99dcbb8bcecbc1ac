package cn.civgeo.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * After an approved merge or convert the successor's demographics for the approval year are the sum of its
 * predecessors' (each as of that year), written through the demographics service (audited), so the successor's plan
 * indicators have figures; checked against sums computed by hand in SQL before the approval.
 */
class ProposalDemographicsIT extends IntegrationTest {
    private static final String AS_OF_SUM = """
            select sum(population) as pop, sum(households) as hh, sum(age60) as a60, sum(age65) as a65, count(*) as n
              from (select distinct on (division_code) * from demographics where division_code in (:c) and year <= :y
                     order by division_code, year desc) d""";

    private final int year = java.time.LocalDate.now().getYear();

    private Map<String, Object> handSum(List<String> codes) {
        return jdbc.sql(AS_OF_SUM).param("c", codes).param("y", year).query().singleRow();
    }

    @Test
    void anApprovedMergeGivesTheSurvivorTheSumOfBothTownsFiguresAndItsIndicatorsUseThem() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        // the survivor's latest row is last year's, the absorbed town's two years old; v3 (re-coded by the merge) has one too
        jdbc.sql("""
                insert into demographics(division_code, year, population, households, age60, age65, source) values
                  (:a, :y1, 2100, 820, 310, 200, 't'), (:a, :y2, 2000, 800, 300, 190, 't'), (:b, :y2, 1900, 780, 290, 185, 't'),
                  (:v3, :y1, 950, 380, 140, null, 't')""")
                .param("a", c.t1()).param("b", c.t2()).param("v3", c.v3()).param("y1", year - 1).param("y2", year - 2).update();
        Map<String, Object> expected = handSum(List.of(c.t1(), c.t2()));
        assertThat(((Number) expected.get("pop")).longValue()).isEqualTo(4000); // 2100 (t1, last year) + 1900 (t2, two years ago)
        // before: the survivor's indicators count only its own elderly
        JsonNode ind0 = get("/api/indicators?division=" + c.t1() + "&fresh=true", "admin-t").json();
        assertThat(denominator(ind0, "bedsPer1000Elderly") * 1000).isCloseTo(310, org.assertj.core.data.Offset.offset(1e-6));

        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("甲乙合并人口"),
                "steps", List.of(Map.of("kind", "merge", "survivor", c.t1(), "absorbed", List.of(c.t2())))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // a draft writes no demographics (its report is a dry run)
        get("/api/adjustments/proposals/" + id + "/impact?indicators=false", "planner-t");
        assertThat(jdbc.sql("select count(*) from demographics where division_code = :c and year = :y").param("c", c.t1()).param("y", year)
                .query(Long.class).single()).isZero();

        Response ok = post("/api/adjustments/proposals/" + id + "/approve", "admin-t", Map.of("version", created.json().get("version").asInt(),
                "approvalDocument", "测政〔2026〕人口号"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("select population, households, age60, age65, source, updated_by from demographics where division_code = :c and year = :y")
                .param("c", c.t1()).param("y", year).query().singleRow();
        assertThat(((Number) row.get("population")).longValue()).isEqualTo(((Number) expected.get("pop")).longValue());
        assertThat(((Number) row.get("households")).longValue()).isEqualTo(((Number) expected.get("hh")).longValue()); // 1600
        assertThat(((Number) row.get("age60")).longValue()).isEqualTo(((Number) expected.get("a60")).longValue()); // 600
        assertThat(((Number) row.get("age65")).longValue()).isEqualTo(((Number) expected.get("a65")).longValue()); // 385
        assertThat((String) row.get("source")).contains("proposal " + id).contains(c.t1()).contains(c.t2());
        assertThat(row.get("updated_by")).isEqualTo("admin-t");
        assertThat(auditRows("demographics", c.t1() + "/" + year)).isEqualTo(1);
        // the absorbed town's own rows stay (its history), the re-coded village's row is carried to its new code
        assertThat(jdbc.sql("select count(*) from demographics where division_code = :c").param("c", c.t2()).query(Long.class).single()).isEqualTo(1);
        String v3now = get("/api/divisions/" + c.v3() + "/history").json().get("resolvesTo").get(0).get("code").asString();
        Map<String, Object> v3row = jdbc.sql("select population, households, age60, age65 from demographics where division_code = :c and year = :y")
                .param("c", v3now).param("y", year).query().singleRow();
        assertThat(v3row.get("population")).isEqualTo(950);
        assertThat(v3row.get("age65")).isNull(); // not reported stays not reported
        JsonNode carried = ok.json().get("demographics");
        assertThat(carried.toString()).contains(c.t1()).contains(v3now);

        // after: the survivor's indicators divide by the pooled figures
        JsonNode ind = get("/api/indicators?division=" + c.t1() + "&fresh=true", "admin-t").json();
        assertThat(denominator(ind, "bedsPer1000Elderly") * 1000).isCloseTo(600, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(denominator(ind, "communityServiceAreaPer100Households") * 100).isCloseTo(1600, org.assertj.core.data.Offset.offset(1e-6));
        // and the effect evaluation's successor side has this year's figure; the predecessors' side ends last year
        // (the survivor's row of this year is the successor's, not counted twice)
        JsonNode ev = get("/api/adjustments/proposals/" + id + "/evaluation?years=1", "planner-t").json();
        Map<String, JsonNode> points = new java.util.HashMap<>();
        ev.get("series").forEach(pt -> points.put(pt.get("year").asInt() + "/" + pt.get("side").asString(), pt));
        assertThat(points.get(year + "/successors").get("population").asLong()).isEqualTo(4000);
        assertThat(points).doesNotContainKey(year + "/predecessors");
        assertThat(points.get((year - 1) + "/predecessors").get("population").asLong()).isEqualTo(2100 + 1900);
    }

    @Test
    void anApprovedConvertCarriesTheCountysAndItsTownsFiguresToTheNewCodes() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        jdbc.sql("update division set valid_from = date '2000-01-01' where code = :c").param("c", c.county()).update();
        String city = null;
        for (int k = 81; k <= 99 && city == null; k++) {
            String code = c.county().substring(0, 4) + k;
            if (jdbc.sql("select count(*) from division where code = :c").param("c", code).query(Long.class).single() == 0) city = code;
        }
        jdbc.sql("""
                insert into demographics(division_code, year, population, households, age60, urban_rural, source) values
                  (:k, :y1, 4100, 1650, 610, 'rural', 't'), (:a, :y1, 2050, 810, 305, 'rural', 't'), (:b, :y, 1990, 790, 295, 'rural', 't')""")
                .param("k", c.county()).param("a", c.t1()).param("b", c.t2()).param("y1", year - 1).param("y", year).update();
        Map<String, Object> county = handSum(List.of(c.county()));
        Map<String, Object> t1 = handSum(List.of(c.t1()));

        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("撤县设市人口"),
                "steps", List.of(Map.of("kind", "convert", "code", c.county(), "name", "测试人口市", "newCode", city))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response ok = post("/api/adjustments/proposals/" + created.json().get("id").asLong() + "/approve", "admin-t",
                Map.of("version", created.json().get("version").asInt(), "approvalDocument", "测政〔2026〕设市号"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        Map<String, Object> cityRow = jdbc.sql("select population, households, age60, urban_rural from demographics where division_code = :c and year = :y")
                .param("c", city).param("y", year).query().singleRow();
        assertThat(((Number) cityRow.get("population")).longValue()).isEqualTo(((Number) county.get("pop")).longValue());
        assertThat(((Number) cityRow.get("age60")).longValue()).isEqualTo(((Number) county.get("a60")).longValue());
        assertThat(cityRow.get("urban_rural")).isEqualTo("rural");
        assertThat(auditRows("demographics", city + "/" + year)).isEqualTo(1);
        String t1now = jdbc.sql("select successor from division_succession where predecessor = :t").param("t", c.t1()).query(String.class).single();
        String t2now = jdbc.sql("select successor from division_succession where predecessor = :t").param("t", c.t2()).query(String.class).single();
        assertThat(jdbc.sql("select population from demographics where division_code = :c and year = :y").param("c", t1now).param("y", year)
                .query(Long.class).single()).isEqualTo(((Number) t1.get("pop")).longValue());
        // t2's row of this year moves to its new code as it is (1990)
        assertThat(jdbc.sql("select population from demographics where division_code = :c and year = :y").param("c", t2now).param("y", year)
                .query(Long.class).single()).isEqualTo(1990L);
    }

    @Test
    void aSurvivorsFigureAlreadyEnteredForTheYearIsKept() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        jdbc.sql("insert into demographics(division_code, year, population, households, age60) values (:a, :y, 4300, 1700, 640), (:b, :y1, 1900, 780, 290)")
                .param("a", c.t1()).param("b", c.t2()).param("y", year).param("y1", year - 1).update();
        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("甲乙合并保留"),
                "steps", List.of(Map.of("kind", "merge", "survivor", c.t1(), "absorbed", List.of(c.t2())))));
        Response ok = post("/api/adjustments/proposals/" + created.json().get("id").asLong() + "/approve", "admin-t",
                Map.of("version", created.json().get("version").asInt(), "approvalDocument", "测政〔2026〕保留号"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(jdbc.sql("select population from demographics where division_code = :c and year = :y").param("c", c.t1()).param("y", year)
                .query(Long.class).single()).isEqualTo(4300L);
        assertThat(auditRows("demographics", c.t1() + "/" + year)).isZero();
        assertThat(ok.json().get("demographics").toString()).contains("kept");
    }

    private static double denominator(JsonNode ind, String code) {
        for (JsonNode i : ind.get("indicators")) if (i.get("code").asString().equals(code)) return i.get("denominator").asDouble();
        throw new AssertionError("no indicator " + code + " in " + ind);
    }
}
