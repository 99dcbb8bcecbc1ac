package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coverage and the §5 indicators read the demographics feature (the latest row of a year ≤ the asOf year), not the
 * division table: a demographics row written through the API changes them at once, and a division without any row
 * up to that year keeps its division figures. Expected values come from SQL written here, not from the service's SQL.
 */
class DemographicsCoverageIT extends IntegrationTest {

    /** Households / elderly of the test city's villages as of year y, by the README's rule, in plain SQL. */
    private long expected(TestCity c, String field, int y) {
        String demo = field.equals("households") ? "households" : "age60";
        String div = field.equals("households") ? "households" : "elderly";
        return jdbc.sql("""
                select coalesce(sum(case when exists (select 1 from demographics x where x.division_code = d.code and x.year <= :y)
                                         then (select x.%s from demographics x where x.division_code = d.code and x.year <= :y
                                                order by x.year desc limit 1)
                                         else d.%s end), 0)::bigint
                  from division d where d.code in (:codes)""".formatted(demo, div))
                .param("y", y).param("codes", c.villages).query(Long.class).single();
    }

    @Test
    void aDemographicsRowChangesCoverageAndIndicatorsAtOnce() {
        TestCity c = TestCity.create(jdbc);
        Map<String, Object> f = new HashMap<>(Map.of("kind", "community_station", "name", "测试" + c.rr + "D1", "operatorKind", "public",
                "lon", c.lon(0, 0), "lat", c.lat(0), "beds", 40, "nursingBeds", 10, "openedOn", "2018-01-01"));
        Response fr = post("/api/facilities", "planner-t", f);
        assertThat(fr.status()).as(fr.toString()).isEqualTo(201);
        String v0 = c.villages.get(0);

        // no demographics rows yet: the division figures (v0 1000 hh / 200 elderly; city 4500 / 1020)
        JsonNode before = ok("/api/coverage?division=" + c.prefecture + "&asOf=2024-06-01").get("total");
        assertThat(before.get("households").asLong()).isEqualTo(4500).isEqualTo(expected(c, "households", 2024));
        assertThat(before.get("coveredHouseholds").asLong()).isEqualTo(1000);
        assertThat(before.get("elderly").asLong()).isEqualTo(1020);
        JsonNode beds0 = indicator(c.prefecture, "2024-06-01", "bedsPer1000Elderly");
        assertThat(beds0.get("value").asDouble()).isCloseTo(40 / 1.020, within(1e-3));

        // v0's 2023 figures through the API
        Response put = put("/api/demographics/" + v0 + "/2023", "planner-t", Map.of("population", 5000, "households", 1700,
                "age60", 450, "urbanRural", "urban", "source", "test 2023"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        JsonNode after = ok("/api/coverage?division=" + c.prefecture + "&asOf=2024-06-01").get("total");
        long hh = expected(c, "households", 2024), el = expected(c, "elderly", 2024);
        assertThat(hh).isEqualTo(4500 - 1000 + 1700);
        assertThat(after.get("households").asLong()).isEqualTo(hh);
        assertThat(after.get("coveredHouseholds").asLong()).isEqualTo(1700);
        assertThat(after.get("elderly").asLong()).isEqualTo(el);
        assertThat(after.get("coveredElderly").asLong()).isEqualTo(450);
        assertThat(after.get("householdShare").asDouble()).isCloseTo(1700.0 / hh, within(1e-4));

        JsonNode beds = indicator(c.prefecture, "2024-06-01", "bedsPer1000Elderly");
        assertThat(beds.get("denominator").asDouble()).isCloseTo(el / 1000.0, within(1e-9));
        assertThat(beds.get("value").asDouble()).isCloseTo(40 / (el / 1000.0), within(1e-3));
        JsonNode fifteen = indicator(c.prefecture, "2024-06-01", "fifteenMinuteCoverage");
        assertThat(fifteen.get("value").asDouble()).isCloseTo(1700.0 / hh, within(1e-4));

        // before 2023 there is no row for v0: back to its division figures
        JsonNode past = ok("/api/coverage?division=" + c.prefecture + "&asOf=2022-06-01").get("total");
        assertThat(past.get("households").asLong()).isEqualTo(expected(c, "households", 2022)).isEqualTo(4500);

        // a newer year replaces it for later dates only
        put = put("/api/demographics/" + v0 + "/2024", "planner-t", Map.of("population", 5000, "households", 2100,
                "age60", 500, "source", "test 2024"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(ok("/api/coverage?division=" + c.prefecture + "&asOf=2024-06-01").get("total").get("households").asLong())
                .isEqualTo(expected(c, "households", 2024)).isEqualTo(4500 - 1000 + 2100);
        assertThat(ok("/api/coverage?division=" + c.prefecture + "&asOf=2023-12-31").get("total").get("households").asLong())
                .isEqualTo(4500 - 1000 + 1700);
        JsonNode uncovered = ok("/api/coverage/uncovered?division=" + c.prefecture + "&asOf=2024-06-01");
        uncovered.get("features").forEach(x -> {
            if (x.get("id").asString().equals(c.villages.get(1))) assertThat(x.get("properties").get("households").asLong()).isEqualTo(800);
        });
    }

    private JsonNode indicator(String division, String asOf, String code) {
        JsonNode r = ok("/api/indicators?division=" + division + "&asOf=" + asOf);
        for (JsonNode i : r.get("indicators")) if (i.get("code").asString().equals(code)) return i;
        throw new AssertionError("no indicator " + code);
    }

    private JsonNode ok(String path) {
        Response r = get(path);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }
}
