package cn.civgeo.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.civgeo.apiuse.ApiUseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A county converted to a county-level city (撤县设市) end to end: the proposal's impact report names the new unit, approval
 * establishes it with the county's geometry and figures, moves both towns under it and abolishes the county with the
 * city as its successor; the change feed says so. The report lists the API caller that read the county's codes.
 */
class ProposalConvertIT extends IntegrationTest {
    @Autowired ApplicationContext ctx;

    @Test
    void aConvertedCountyBecomesACityWithItsTownsAndTheFeedNamesTheSuccessor() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        // the fixture's county began today; a unit can be abolished from the day after it began
        jdbc.sql("update division set valid_from = date '2000-01-01', population = 4000, households = 1600, elderly = 600 where code = :c")
                .param("c", c.county()).update();
        String city = null;
        for (int k = 81; k <= 99 && city == null; k++) {
            String code = c.county().substring(0, 4) + k;
            if (jdbc.sql("select count(*) from division where code = :c").param("c", code).query(Long.class).single() == 0) city = code;
        }
        assertThat(city).isNotNull();
        final String cityCode = city;
        double countyArea = jdbc.sql("select area_km2 from division where code = :c").param("c", c.county()).query(Double.class).single();
        long feedBefore = jdbc.sql("select coalesce(max(seq), 0) from feed_entry").query(Long.class).single();

        // an API caller reads the county (twice) and one of its towns; the counts reach the table (the writer flushes
        // every second; the test flushes the rest at once)
        assertThat(get("/api/divisions/" + c.county(), "viewer-t").status()).isEqualTo(200);
        assertThat(get("/api/divisions/" + c.county(), "viewer-t").status()).isEqualTo(200);
        assertThat(get("/api/divisions/" + c.t1(), "viewer-t").status()).isEqualTo(200);
        // and callers without key or sign-in read the other town (counted together as "anonymous")
        assertThat(get("/api/divisions/" + c.t2()).status()).isEqualTo(200);
        assertThat(get("/api/divisions/" + c.t2() + "/history").status()).isEqualTo(200);
        ctx.getBean(ApiUseService.class).flush();

        Response created = post("/api/adjustments/proposals", "planner-t", Map.of("title", unique("撤县设市"), "note", "测试",
                "steps", List.of(Map.of("kind", "convert", "code", c.county(), "name", "测试转换市", "newCode", city))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        int version = created.json().get("version").asInt();

        JsonNode rep = get("/api/adjustments/proposals/" + id + "/impact?indicators=false", "planner-t").json();
        List<String> resultCodes = new ArrayList<>();
        rep.get("results").forEach(u -> resultCodes.add(u.get("code").asString()));
        assertThat(resultCodes).as(rep.toString()).contains(city);
        JsonNode api = rep.get("apiClients");
        assertThat(api.get("logged").asBoolean()).isTrue();
        List<String> clients = new ArrayList<>();
        api.get("clients").forEach(n -> clients.add(n.asString()));
        assertThat(clients).contains("viewer-t");
        Map<String, Long> viewerUse = new java.util.HashMap<>();
        api.get("uses").forEach(u -> { if (u.get("client").asString().equals("viewer-t")) viewerUse.put(u.get("code").asString(), u.get("requests").asLong()); });
        assertThat(viewerUse).containsEntry(c.county(), 2L).containsEntry(c.t1(), 1L);
        assertThat(clients).contains("anonymous");
        Map<String, Long> anonymousUse = new java.util.HashMap<>();
        api.get("uses").forEach(u -> { if (u.get("client").asString().equals("anonymous")) anonymousUse.put(u.get("code").asString(), u.get("requests").asLong()); });
        assertThat(anonymousUse).containsExactly(Map.entry(c.t2(), 2L));
        assertThat(api.get("anonymousRequests").asLong()).isEqualTo(2);
        // the impact report is a dry run: nothing applied yet
        assertThat(get("/api/divisions/" + c.county()).json().get("status").asString()).isEqualTo("active");
        assertThat(get("/api/divisions/" + city).status()).isEqualTo(404);

        Response ok = post("/api/adjustments/proposals/" + id + "/approve", "admin-t", Map.of("version", version,
                "approvalDocument", "测政〔2026〕撤县设市号"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        JsonNode cityNow = get("/api/divisions/" + city).json();
        assertThat(cityNow.get("name").asString()).isEqualTo("测试转换市");
        assertThat(cityNow.get("status").asString()).isEqualTo("active");
        assertThat(cityNow.get("parentCode").asString()).isEqualTo(c.county().substring(0, 4) + "00");
        assertThat(cityNow.get("population").asLong()).isEqualTo(4000);
        assertThat(cityNow.get("households").asLong()).isEqualTo(1600);
        assertThat(cityNow.get("elderly").asLong()).isEqualTo(600);
        double cityArea = jdbc.sql("select area_km2 from division where code = :c").param("c", city).query(Double.class).single();
        assertThat(cityArea).isCloseTo(countyArea, org.assertj.core.data.Offset.offset(countyArea * 1e-6));
        JsonNode county = get("/api/divisions/" + c.county()).json();
        assertThat(county.get("status").asString()).isEqualTo("abolished");
        assertThat(cityNow.get("kind").asString()).isEqualTo("县级市");

        // one change event (GB/T 2260: 撤销…县，设立…市): the county abolished with the city as successor, nothing reshaped
        List<Map<String, Object>> events = jdbc.sql("""
                select e.id, e.kind from division_event e where exists (select 1 from division_event_unit u where u.event_id = e.id and u.code = :c)
                 order by e.id""").param("c", c.county()).query().listOfRows();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("kind")).isEqualTo("convert");
        long eventId = ((Number) events.get(0).get("id")).longValue();
        assertThat(jdbc.sql("select successor from division_succession where predecessor = :c").param("c", c.county()).query(String.class).list())
                .containsExactly(city);
        assertThat(jdbc.sql("select event_id from division_succession where predecessor = :c").param("c", c.county()).query(Long.class).single())
                .isEqualTo(eventId);
        Map<String, String> roles = new java.util.HashMap<>();
        jdbc.sql("select code, role from division_event_unit where event_id = :e").param("e", eventId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> roles.put(e.getKey(), e.getValue()));
        assertThat(roles).containsEntry(c.county(), "abolished").containsEntry(city, "created").doesNotContainValue("reshaped");
        // the county's one version before the change is closed in the history, the prefecture has no new version
        assertThat(county.get("validTo").asString()).isEqualTo(java.time.LocalDate.now().toString());
        assertThat(jdbc.sql("select count(*) from division_version where ended_by = :e").param("e", eventId).query(Long.class).single()).isZero();
        // the towns are re-coded under the city (same last digits), the old codes abolished with successor links
        for (String t : List.of(c.t1(), c.t2())) {
            String moved = city + t.substring(6);
            assertThat(jdbc.sql("select successor from division_succession where predecessor = :t").param("t", t).query(String.class).list())
                    .containsExactly(moved);
            assertThat(jdbc.sql("select status from division where code = :t").param("t", moved).query(String.class).single()).isEqualTo("active");
        }

        // both towns now sit under the city (kept or re-coded under it), with their names
        List<String> towns = jdbc.sql("select name from division where parent_code = :c and status = 'active' order by name")
                .param("c", city).query(String.class).list();
        assertThat(towns).containsExactlyInAnyOrder("甲镇", "乙镇");
        assertThat(jdbc.sql("select count(*) from division where parent_code = :c and status = 'active'").param("c", c.county())
                .query(Long.class).single()).isZero();

        // the feed: the county abolished with the city as successor, the city upserted
        List<Map<String, Object>> entries = jdbc.sql("select key, op, new_code from feed_entry where seq > :s and key in (:k) order by seq")
                .param("s", feedBefore).param("k", List.of(c.county(), city)).query().listOfRows();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("key")).isEqualTo(c.county());
            assertThat(e.get("op")).isEqualTo("abolish");
            assertThat(e.get("new_code")).isEqualTo(cityCode);
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("key")).isEqualTo(cityCode);
            assertThat(e.get("op")).isEqualTo("upsert");
        });
    }
}
