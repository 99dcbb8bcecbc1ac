package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Four counties in a row (998101–998104, 0.1° wide) give three county lines. Line A was last inspected on
 * 2019-06-01 (due 2024-06-01), line B on 2021-09-01 (due 2026-09-01), line C never (no agreement date).
 */
class InspectionCycleIT extends IntegrationTest {
    long a, b, c;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9981");
        BoundaryFixtures.ensurePrefecture(jdbc, "998100", "测试丙市");
        for (int i = 1; i <= 4; i++) {
            double x0 = 118.0 + 0.1 * (i - 1), x1 = x0 + 0.1;
            BoundaryFixtures.division(jdbc, "99810" + i, "县" + "甲乙丙丁".charAt(i - 1), 3, "县", "998100",
                    String.format(java.util.Locale.ROOT, "POLYGON((%.1f 24.5, %.1f 24.5, %.1f 24.6, %.1f 24.6, %.1f 24.5))", x0, x1, x1, x0, x0));
        }
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "998100", "level", 3));
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        Map<String, Long> byCode = new HashMap<>();
        d.json().get("lines").forEach(l -> byCode.put(l.get("code").asString(), l.get("id").asLong()));
        a = byCode.get("998101998102");
        b = byCode.get("998102998103");
        c = byCode.get("998103998104");
        inspectAndComplete(a, "2019-06-01", 2019);
        inspectAndComplete(b, "2021-09-01", 2021);
    }

    @Test
    void cycleGivesDueAndOverdueByTheDay() {
        Map<Long, JsonNode> mar = cycle("2026-03-01", null);
        assertThat(mar.get(a).get("status").asString()).isEqualTo("overdue");
        assertThat(mar.get(a).get("lastInspectedOn").asString()).isEqualTo("2019-06-01");
        assertThat(mar.get(a).get("dueOn").asString()).isEqualTo("2024-06-01");
        assertThat(mar.get(b).get("status").asString()).isEqualTo("due");
        assertThat(mar.get(b).get("dueOn").asString()).isEqualTo("2026-09-01");
        assertThat(mar.get(c).get("status").asString()).isEqualTo("never");
        assertThat(mar.get(c).path("lastInspectedOn").isMissingNode() || mar.get(c).path("lastInspectedOn").isNull()).isTrue();

        Map<Long, JsonNode> dec = cycle("2026-12-01", null);
        assertThat(dec.get(b).get("status").asString()).isEqualTo("overdue");
        Map<Long, JsonNode> early = cycle("2025-01-01", null);
        assertThat(early.get(b).get("status").asString()).isEqualTo("current");
        assertThat(early.get(a).get("status").asString()).isEqualTo("overdue");

        // "needed" = what a new round takes up; the summary counts all lines matched
        Response needed = get("/api/boundary/cycle?level=3&within=998100&asOf=2025-01-01&status=needed");
        assertThat(ids(needed.json().get("items"))).containsExactlyInAnyOrder(a, c);
        JsonNode s = needed.json().get("summary");
        assertThat(s.get("lines").asInt()).isEqualTo(3);
        assertThat(s.get("overdue").asInt()).isEqualTo(1);
        assertThat(s.get("current").asInt()).isEqualTo(1);
        assertThat(s.get("never").asInt()).isEqualTo(1);

        Response bad = get("/api/boundary/cycle?status=late");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void adminPlansARoundFromDueLinesAndAssignsTeamsSurveyorSeesMyLines() {
        // no open round: the line's cycle says so (the form refuses before anything is typed)
        JsonNode none = get("/api/boundary/lines/" + c + "/cycle").json();
        assertThat(none.path("openRoundId").isMissingNode() || none.path("openRoundId").isNull()).as(none.toString()).isTrue();

        List<Long> due = ids(get("/api/boundary/cycle?level=3&within=998100&status=needed").json().get("items"));
        assertThat(due).contains(a, c);   // (and B too once its due date has passed)
        Response r = post("/api/boundary/rounds", "admin-t", Map.of("number", 6, "level", 3, "name", unique("IT cycle round "),
                "yearFrom", 2026, "yearTo", 2027, "lineIds", List.of(a, c)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long round = r.json().get("id").asLong();
        int version = r.json().get("version").asInt();
        assertThat(get("/api/boundary/lines/" + c + "/cycle").json().get("openRoundId").asLong()).isEqualTo(round);

        String path = "/api/boundary/rounds/" + round + "/assignments";
        List<Map<String, Object>> plan = List.of(Map.of("lineId", a, "team", "外业一组", "members", List.of("surveyor-t")),
                Map.of("lineId", c, "team", "外业二组", "members", List.of("admin-t")));
        Response forbidden = put(path, "surveyor-t", Map.of("version", version, "assignments", plan));
        assertThat(forbidden.status()).isEqualTo(403);
        Response notInRound = put(path, "admin-t", Map.of("version", version, "assignments",
                List.of(Map.of("lineId", b, "team", "x", "members", List.of("surveyor-t")))));
        assertThat(notInRound.status()).isEqualTo(400);
        assertThat(notInRound.json().get("errors").get(0).get("field").asString()).isEqualTo("assignments[0].lineId");
        Response unknownUser = put(path, "admin-t", Map.of("version", version, "assignments",
                List.of(Map.of("lineId", a, "team", "x", "members", List.of("nobody-" + System.nanoTime())))));
        assertThat(unknownUser.json().get("errors").get(0).get("field").asString()).isEqualTo("assignments[0].members[0]");

        Response ok = put(path, "admin-t", Map.of("version", version, "assignments", plan));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().size()).isEqualTo(2);
        assertThat(auditRows("inspection_round", round)).isEqualTo(2);   // created, assigned
        Response stale = put(path, "admin-t", Map.of("version", version, "assignments", plan));
        assertThat(stale.status()).isEqualTo(409);

        marker("998101998102001Q", 118.1, 24.58);
        marker("998101998102002Q", 118.1, 24.54);
        Response mine = get("/api/boundary/my-lines", "surveyor-t");
        assertThat(mine.status()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode l : mine.json()) if (l.get("roundId").asLong() == round) line = l;
        assertThat(line).as(mine.toString()).isNotNull();
        assertThat(line.get("lineId").asLong()).isEqualTo(a);
        assertThat(line.get("team").asString()).isEqualTo("外业一组");
        assertThat(line.get("markerCount").asInt()).isEqualTo(2);
        assertThat(line.get("recordedCount").asInt()).isZero();

        // one marker recorded: progress 1 / 2
        Response insp = post("/api/boundary/rounds/" + round + "/inspections", "surveyor-t", Map.of("lineId", a,
                "inspectedOn", "2026-05-12", "partyLeft", "县甲", "partyRight", "县乙",
                "markers", List.of(Map.of("number", "998101998102001Q", "condition", "intact"))));
        assertThat(insp.status()).as(insp.toString()).isEqualTo(201);
        JsonNode again = null;
        for (JsonNode l : get("/api/boundary/my-lines", "surveyor-t").json()) if (l.get("roundId").asLong() == round) again = l;
        assertThat(again.get("recordedCount").asInt()).isEqualTo(1);
        assertThat(again.get("markers").get(0).get("recordedCondition").asString()).isEqualTo("intact");
        assertThat(get("/api/boundary/my-lines").status()).isEqualTo(401);
        // line C went to admin-t's team only
        for (JsonNode l : get("/api/boundary/my-lines", "surveyor-t").json()) assertThat(l.get("lineId").asLong()).isNotEqualTo(c);
    }

    private void inspectAndComplete(long line, String on, int year) {
        Response r = post("/api/boundary/rounds", "admin-t", Map.of("number", year - 2000, "level", 3,
                "name", unique("IT past round "), "yearFrom", year, "yearTo", year, "lineIds", List.of(line)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long round = r.json().get("id").asLong();
        Response i = post("/api/boundary/rounds/" + round + "/inspections", "admin-t", Map.of("lineId", line,
                "inspectedOn", on, "partyLeft", "左", "partyRight", "右"));
        assertThat(i.status()).as(i.toString()).isEqualTo(201);
        int v = get("/api/boundary/rounds/" + round).json().get("round").get("version").asInt();
        assertThat(put("/api/boundary/rounds/" + round, "admin-t", Map.of("status", "completed", "version", v)).status()).isEqualTo(200);
    }

    private Map<Long, JsonNode> cycle(String asOf, String status) {
        Response r = get("/api/boundary/cycle?level=3&within=998100&asOf=" + asOf + (status == null ? "" : "&status=" + status));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<Long, JsonNode> out = new HashMap<>();
        r.json().get("items").forEach(n -> out.put(n.get("lineId").asLong(), n));
        return out;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("lineId").asLong()));
        return out;
    }

    private void marker(String number, double lon, double lat) {
        Response r = post("/api/boundary/markers", "surveyor-t", Map.of("number", number, "lon", lon, "lat", lat));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
