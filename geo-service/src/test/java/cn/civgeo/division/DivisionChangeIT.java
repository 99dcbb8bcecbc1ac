package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.civgeo.division.DivisionFixtures.TestCounty;
import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every change type end to end over HTTP, with asOf queries, history, successors, audit and the change event. */
class DivisionChangeIT extends IntegrationTest {
    @Autowired
    DivisionEventRecorder recorder;

    TestCounty c;

    @BeforeEach
    void county() { c = DivisionFixtures.freshTestCounty(jdbc); }

    private int version(String code) { return get("/api/divisions/" + code).json().get("version").asInt(); }

    private Map<String, Object> change(String kind, String date, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("effectiveDate", date);
        m.put("approvalDocument", "测政〔" + date.substring(0, 4) + "〕" + kind + "号");
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Map<String, Object> geojson(String wktBox) {
        // "POLYGON((x y,...))" → GeoJSON Polygon
        String inner = wktBox.substring(wktBox.indexOf("((") + 2, wktBox.indexOf("))"));
        List<List<Double>> ring = new ArrayList<>();
        for (String p : inner.split(",")) {
            String[] xy = p.trim().split(" ");
            ring.add(List.of(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        }
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    private double area(String code) { return get("/api/divisions/" + code).json().get("areaKm2").asDouble(); }

    private double areaAsOf(String code, String date) {
        return get("/api/divisions/" + code + "?asOf=" + date).json().get("areaKm2").asDouble();
    }

    @Test
    void renameKeepsCodeAndHistoryAnswersAsOf() {
        Response r = post("/api/divisions/changes", "admin-t", change("rename", "2024-03-01", "code", c.t1(),
                "name", "新甲街道", "expectedVersions", Map.of(c.t1(), version(c.t1()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("units").get(0).get("role").asString()).isEqualTo("renamed");
        long eventId = r.json().get("eventId").asLong();

        JsonNode now = get("/api/divisions/" + c.t1()).json();
        assertThat(now.get("name").asString()).isEqualTo("新甲街道");
        assertThat(now.get("shortName").asString()).isEqualTo("新甲");
        assertThat(now.get("validFrom").asString()).isEqualTo("2024-03-01");
        assertThat(get("/api/divisions/" + c.t1() + "?asOf=2024-02-29").json().get("name").asString()).isEqualTo("甲街道");
        assertThat(get("/api/divisions/" + c.t1() + "?asOf=2024-03-01").json().get("name").asString()).isEqualTo("新甲街道");
        // children asOf and the chain still work across the rename
        assertThat(get("/api/divisions/" + c.v1() + "?asOf=2024-02-01").json().get("parent").get("name").asString()).isEqualTo("甲街道");

        JsonNode h = get("/api/divisions/" + c.t1() + "/history").json();
        assertThat(h.get("versions")).hasSize(2);
        assertThat(h.get("versions").get(0).get("name").asString()).isEqualTo("甲街道");
        assertThat(h.get("versions").get(0).get("validTo").asString()).isEqualTo("2024-03-01");
        assertThat(h.get("versions").get(0).get("endedByEvent").asLong()).isEqualTo(eventId);
        assertThat(h.get("events").get(0).get("approvalDocument").asString()).isEqualTo("测政〔2024〕rename号");
        assertThat(h.get("resolvesTo").get(0).get("code").asString()).isEqualTo(c.t1());
        assertThat(auditRows("division", c.t1())).isEqualTo(1);
        assertThat(auditRows("division-event", eventId)).isEqualTo(1);
        assertThat(recorder.touching(c.t1())).anySatisfy(e -> {
            assertThat(e.eventKind()).isEqualTo("rename");
            assertThat(e.effectiveDate()).hasToString("2024-03-01");
        });
        JsonNode ev = get("/api/divisions/changes/" + eventId).json();
        assertThat(ev.get("units").get(0).get("code").asString()).isEqualTo(c.t1());
    }

    @Test
    void staleOrMissingVersionAndRolesAreRejected() {
        int v = version(c.t1());
        Response stale = post("/api/divisions/changes", "admin-t", change("rename", "2024-03-01", "code", c.t1(),
                "name", "丙街道", "expectedVersions", Map.of(c.t1(), v + 7)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("version-conflict");
        Response missing = post("/api/divisions/changes", "admin-t", change("rename", "2024-03-01", "code", c.t1(), "name", "丙街道"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("expectedVersions." + c.t1());
        Response noDoc = post("/api/divisions/changes", "admin-t", Map.of("kind", "rename", "effectiveDate", "2099-01-01"));
        assertThat(noDoc.status()).isEqualTo(400);
        assertThat(noDoc.json().get("errors")).hasSize(2); // effectiveDate in the future, approvalDocument
        assertThat(post("/api/divisions/changes", "planner-t", change("rename", "2024-03-01", "code", c.t1(), "name", "丙街道",
                "expectedVersions", Map.of(c.t1(), v))).status()).isEqualTo(403);
        assertThat(post("/api/divisions/changes", null, Map.of()).status()).isEqualTo(401);
        assertThat(get("/api/divisions/" + c.t1()).json().get("name").asString()).isEqualTo("甲街道");
        assertThat(version(c.t1())).isEqualTo(v);
    }

    @Test
    void establishIssuesACodeInTheKindsRangeAndChecksContainment() {
        double x = c.x0(), y = c.y0();
        Map<String, Object> inside = geojson(c.box(x + 0.002, y + 0.002, x + 0.004, y + 0.004));
        Response r = post("/api/divisions/changes", "admin-t", change("establish", "2024-05-01", "parentCode", c.county(),
                "name", "新城镇", "geometry", inside, "population", 5000));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String code = r.json().get("units").get(0).get("code").asString();
        assertThat(code).isEqualTo(c.county() + "100"); // first free 镇 code
        JsonNode d = get("/api/divisions/" + code).json();
        assertThat(d.get("kind").asString()).isEqualTo("镇");
        assertThat(d.get("level").asInt()).isEqualTo(4);
        assertThat(d.get("areaKm2").asDouble()).isBetween(0.035, 0.040); // 0.002° × 0.002° at 41° N
        assertThat(get("/api/divisions/" + code + "?asOf=2024-04-30").status()).isEqualTo(404);
        assertThat(get("/api/divisions/" + c.county() + "/children?asOf=2024-04-30").json().get("total").asInt()).isEqualTo(2);
        assertThat(get("/api/divisions/" + c.county() + "/children").json().get("total").asInt()).isEqualTo(3);

        Map<String, Object> outside = geojson(c.box(x - 0.05, y, x - 0.03, y + 0.01));
        Response bad = post("/api/divisions/changes", "admin-t", change("establish", "2024-05-01", "parentCode", c.county(),
                "name", "外镇", "geometry", outside));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("geometry");
        Response dup = post("/api/divisions/changes", "admin-t", change("establish", "2024-05-01", "parentCode", c.county(),
                "name", "重镇", "newCode", code));
        assertThat(dup.status()).isEqualTo(409);
    }

    @Test
    void abolishNeedsNoActiveChildrenAndLinksSuccessors() {
        Response blocked = post("/api/divisions/changes", "admin-t", change("abolish", "2024-06-01", "code", c.t2(),
                "expectedVersions", Map.of(c.t2(), version(c.t2()))));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("detail").asString()).contains(c.v3());

        Response r = post("/api/divisions/changes", "admin-t", change("abolish", "2024-06-01", "code", c.v3(),
                "successors", List.of(c.v1()), "expectedVersions", Map.of(c.v3(), version(c.v3()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode d = get("/api/divisions/" + c.v3()).json();
        assertThat(d.get("status").asString()).isEqualTo("abolished");
        assertThat(d.get("validTo").asString()).isEqualTo("2024-06-01");
        assertThat(d.get("successors").get(0).get("code").asString()).isEqualTo(c.v1());
        assertThat(get("/api/divisions/" + c.v3() + "?asOf=2024-05-31").json().get("status").asString()).isEqualTo("active");
        assertThat(get("/api/divisions/" + c.v3() + "?asOf=2024-06-01").status()).isEqualTo(404);
        // its point no longer resolves to it (parts removed), before the date it does
        double[] p = {c.x0() + 0.03, c.y0() + 0.01};
        JsonNode now = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1]).json().get("chain");
        assertThat(now.get(now.size() - 1).get("code").asString()).isEqualTo(c.t2());
        JsonNode then = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1] + "&asOf=2024-05-31").json().get("chain");
        assertThat(then.get(then.size() - 1).get("code").asString()).isEqualTo(c.v3());
        assertThat(get("/api/divisions/" + c.v3() + "/history").json().get("resolvesTo").get(0).get("code").asString()).isEqualTo(c.v1());
    }

    @Test
    void mergeKeepsSurvivorCodeMovesChildrenAndSumsTerritory() {
        double before = area(c.t1()) + area(c.t2());
        Response r = post("/api/divisions/changes", "admin-t", change("merge", "2024-07-01", "survivor", c.t1(),
                "absorbed", List.of(c.t2()), "name", "甲乙街道",
                "expectedVersions", Map.of(c.t1(), version(c.t1()), c.t2(), version(c.t2()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode t1 = get("/api/divisions/" + c.t1()).json();
        assertThat(t1.get("name").asString()).isEqualTo("甲乙街道");
        assertThat(t1.get("areaKm2").asDouble()).isCloseTo(before, offset(before * 1e-6));
        assertThat(t1.get("population").asInt()).isEqualTo(3000);
        assertThat(get("/api/divisions/" + c.t2()).json().get("status").asString()).isEqualTo("abolished");
        // v3 moved under the survivor with the same last digits: t1 + "001" is taken by v1, so the next free 社区 code
        String moved = get("/api/divisions/" + c.v3() + "/history").json().get("resolvesTo").get(0).get("code").asString();
        assertThat(moved).startsWith(c.t1()).isNotEqualTo(c.v3());
        assertThat(moved).isEqualTo(c.t1() + "003");
        assertThat(get("/api/divisions/" + moved).json().get("name").asString()).isEqualTo("三社区居委会");
        assertThat(get("/api/divisions/" + c.t2() + "/history").json().get("resolvesTo").get(0).get("code").asString()).isEqualTo(c.t1());
        assertThat(get("/api/divisions/" + c.t1() + "/children").json().get("total").asInt()).isEqualTo(3);
        assertThat(get("/api/divisions/" + c.t1() + "/children?asOf=2024-06-30").json().get("total").asInt()).isEqualTo(2);
        assertThat(areaAsOf(c.t1(), "2024-06-30")).isCloseTo(before / 2, offset(before * 1e-3));
        double[] p = {c.x0() + 0.03, c.y0() + 0.01};
        JsonNode chain = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1]).json().get("chain");
        assertThat(chain.get(3).get("code").asString()).isEqualTo(c.t1());
        assertThat(chain.get(4).get("code").asString()).isEqualTo(moved);
        assertThat(recorder.touching(c.t2())).anySatisfy(e -> assertThat(e.eventKind()).isEqualTo("merge"));
    }

    @Test
    void splitWithAbolishedSourceNeedsEveryChildAssigned() {
        double x = c.x0(), y = c.y0();
        Map<String, Object> body = change("split", "2024-08-01", "code", c.t1(),
                "targets", List.of(Map.of("name", "南街道", "geometry", geojson(c.box(x, y, x + 0.02, y + 0.01))),
                        Map.of("name", "北街道", "geometry", geojson(c.box(x, y + 0.01, x + 0.02, y + 0.02)))),
                "childAssignments", Map.of(c.v1(), "南街道"),
                "expectedVersions", Map.of(c.t1(), version(c.t1())));
        Response missing = post("/api/divisions/changes", "admin-t", body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("message").asString()).contains(c.v2());
        assertThat(get("/api/divisions/" + c.t1()).json().get("status").asString()).isEqualTo("active"); // nothing written

        body.put("childAssignments", Map.of(c.v1(), "南街道", c.v2(), "北街道"));
        Response r = post("/api/divisions/changes", "admin-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(get("/api/divisions/" + c.t1()).json().get("status").asString()).isEqualTo("abolished");
        JsonNode succ = get("/api/divisions/" + c.t1() + "/history").json().get("resolvesTo");
        assertThat(succ).hasSize(2);
        String south = null;
        for (JsonNode s : succ) if (get("/api/divisions/" + s.get("code").asString()).json().get("name").asString().equals("南街道")) south = s.get("code").asString();
        assertThat(south).isNotNull().startsWith(c.county()).isNotEqualTo(c.t1());
        assertThat(area(south)).isCloseTo(area(c.t2()) / 2, offset(0.01));
        JsonNode kids = get("/api/divisions/" + south + "/children").json().get("items");
        assertThat(kids).hasSize(1);
        assertThat(kids.get(0).get("name").asString()).isEqualTo("一社区居委会");
        assertThat(get("/api/divisions/" + c.v1() + "/history").json().get("resolvesTo").get(0).get("code").asString())
                .isEqualTo(kids.get(0).get("code").asString());
    }

    @Test
    void splitKeepingTheSourceCutsItsTerritory() {
        double x = c.x0(), y = c.y0();
        double before = area(c.t2());
        Response r = post("/api/divisions/changes", "admin-t", change("split", "2024-08-01", "code", c.t2(),
                "keepSource", true, "targets", List.of(Map.of("name", "新区街道", "population", 400,
                        "geometry", geojson(c.box(x + 0.03, y, x + 0.04, y + 0.02)))),
                "expectedVersions", Map.of(c.t2(), version(c.t2()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode t2 = get("/api/divisions/" + c.t2()).json();
        assertThat(t2.get("status").asString()).isEqualTo("active");
        assertThat(t2.get("areaKm2").asDouble()).isCloseTo(before / 2, offset(before * 1e-4));
        assertThat(t2.get("population").asInt()).isEqualTo(600);
        assertThat(areaAsOf(c.t2(), "2024-07-31")).isCloseTo(before, offset(before * 1e-6));
        assertThat(get("/api/divisions/" + c.t2() + "/history").json().get("successors")).hasSize(1);
    }

    @Test
    void reparentIssuesNewCodesAndMovesTerritoryBetweenParents() {
        TestCounty d = DivisionFixtures.freshTestCounty(jdbc);
        double cBefore = area(c.county()), dBefore = area(d.county()), t2 = area(c.t2());
        Response r = post("/api/divisions/changes", "admin-t", change("reparent", "2024-09-01", "code", c.t2(),
                "parentCode", d.county(), "expectedVersions", Map.of(c.t2(), version(c.t2()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String newCode = get("/api/divisions/" + c.t2() + "/history").json().get("resolvesTo").get(0).get("code").asString();
        assertThat(newCode).startsWith(d.county()).hasSize(9);
        JsonNode moved = get("/api/divisions/" + newCode).json();
        assertThat(moved.get("name").asString()).isEqualTo("乙街道");
        assertThat(moved.get("parent").get("code").asString()).isEqualTo(d.county());
        assertThat(moved.get("children").get(0).get("code").asString()).startsWith(newCode);
        assertThat(get("/api/divisions/" + c.v3()).json().get("status").asString()).isEqualTo("abolished");
        assertThat(area(c.county())).isCloseTo(cBefore - t2, offset(cBefore * 1e-6));
        assertThat(area(d.county())).isCloseTo(dBefore + t2, offset(dBefore * 1e-6));
        assertThat(areaAsOf(c.county(), "2024-08-31")).isCloseTo(cBefore, offset(cBefore * 1e-6));
        assertThat(get("/api/divisions/" + c.county() + "/children?asOf=2024-08-31").json().get("total").asInt()).isEqualTo(2);
        assertThat(get("/api/divisions/" + c.county() + "/children").json().get("total").asInt()).isEqualTo(1);
        // both counties share the test prefecture or not; either way the event names all of them
        assertThat(recorder.touching(newCode)).anySatisfy(e -> assertThat(e.codes()).contains(c.t2(), c.county(), d.county()));
    }

    @Test
    void boundaryChangeMovesAStripBetweenNeighbours() {
        double x = c.x0(), y = c.y0();
        Response r = post("/api/divisions/changes", "admin-t", change("boundary", "2024-10-01",
                "geometries", Map.of(c.t1(), geojson(c.box(x, y, x + 0.025, y + 0.02)), c.t2(), geojson(c.box(x + 0.025, y, x + 0.04, y + 0.02))),
                "expectedVersions", Map.of(c.t1(), version(c.t1()), c.t2(), version(c.t2()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("notes").get(0).asString()).contains("changes by");
        assertThat(area(c.t1()) / area(c.t2())).isCloseTo(2.5 / 1.5, offset(1e-3));
        double[] p = {x + 0.022, y + 0.01};
        JsonNode now = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1]).json().get("chain");
        JsonNode then = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1] + "&asOf=2024-09-30").json().get("chain");
        // now: township t1 is the finest unit with geometry there (v3 still covers the old t2 area: QA would flag it)
        assertThat(now.get(now.size() - 1).get("code").asString()).isIn(c.t1(), c.v3());
        assertThat(then.get(3).get("code").asString()).isEqualTo(c.t2());
        JsonNode invalid = post("/api/divisions/changes", "admin-t", change("boundary", "2024-10-02",
                "geometries", Map.of(c.t1(), Map.of("type", "Polygon", "coordinates", List.of(List.of(
                        List.of(x, y), List.of(x + 0.01, y + 0.01), List.of(x + 0.01, y), List.of(x, y + 0.01), List.of(x, y))))),
                "expectedVersions", Map.of(c.t1(), version(c.t1())))).json();
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("geometries." + c.t1());
        assertThat(invalid.get("errors").get(0).get("message").asString()).contains("Self-intersection");
    }

    @Test
    void changesApplyInDateOrder() {
        assertThat(post("/api/divisions/changes", "admin-t", change("rename", "2024-03-01", "code", c.t1(), "name", "新甲街道",
                "expectedVersions", Map.of(c.t1(), version(c.t1())))).status()).isEqualTo(201);
        Response earlier = post("/api/divisions/changes", "admin-t", change("rename", "2024-01-01", "code", c.t1(), "name", "旧甲街道",
                "expectedVersions", Map.of(c.t1(), version(c.t1()))));
        assertThat(earlier.status()).isEqualTo(409);
        JsonNode list = get("/api/divisions/changes?code=" + c.county()).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
    }
}
