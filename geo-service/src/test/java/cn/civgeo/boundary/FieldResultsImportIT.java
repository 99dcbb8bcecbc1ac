package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A county line of a test prefecture along 118.1E (24.5–24.6N), four markers, one round, results CSVs from the
 * field. Expected Gauss–Krüger coordinates are computed independently ({@link GaussKrugerReference}, zone 39,
 * central meridian 117E); the surveyed positions are offsets of those, so displacements are known exactly.
 */
class FieldResultsImportIT extends IntegrationTest {
    static final String LINE = "997201997202";
    long lineId;
    double[] p1, p2;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9972");
        BoundaryFixtures.ensurePrefecture(jdbc, "997200", "测试乙市");
        BoundaryFixtures.division(jdbc, "997201", "丁县", 3, "县", "997200",
                "POLYGON((118.0 24.5, 118.1 24.5, 118.1 24.6, 118.0 24.6, 118.0 24.5))");
        BoundaryFixtures.division(jdbc, "997202", "戊县", 3, "县", "997200",
                "POLYGON((118.1 24.5, 118.2 24.5, 118.2 24.6, 118.1 24.6, 118.1 24.5))");
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997200", "level", 3));
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        lineId = d.json().get("lines").get(0).get("id").asLong();
        marker(LINE + "001Q", 118.1, 24.58);
        marker(LINE + "002Q", 118.1, 24.55);
        marker(LINE + "003A", 118.0999, 24.52);   // A on the side of the smaller code 997201 (west)
        marker(LINE + "003B", 118.1001, 24.52);
        p1 = GaussKrugerReference.forward(118.1, 24.58, 39);
        p2 = GaussKrugerReference.forward(118.1, 24.55, 39);
    }

    @Test
    void markerPositionsAreShownInTheGaussKrugerZone() {
        JsonNode m = get("/api/boundary/markers/by-number/" + LINE + "001Q").json();
        assertThat(m.get("gk").get("zone").asInt()).isEqualTo(39);
        assertThat(m.get("gk").get("epsg").asString()).isEqualTo("EPSG:4527");
        assertThat(m.get("gk").get("x").asDouble()).isCloseTo(p1[0], within(0.01));
        assertThat(m.get("gk").get("y").asDouble()).isCloseTo(p1[1], within(0.01));
    }

    @Test
    void badRowsRejectTheWholeFileAndNameTheRows() {
        long round = round("strict");
        long insp = inspection(round);
        String csv = "number,condition,x,y,zone,note\n"
                + row(LINE + "001Q", "displaced", p1[0] + 3, p1[1] - 4, 39, "moved by road works")
                + row(LINE + "999Q", "intact", null, null, null, "")             // row 2: unknown marker
                + row(LINE + "002Q", "intact", p2[0], p2[1], 40, "")             // row 3: zone 40 but y has prefix 39
                + row(LINE + "001Q", "intact", null, null, null, "")             // row 4: duplicate of row 1
                + row(LINE + "003A", "displaced", p2[0], p2[1] + 5000, 39, "");  // row 5: 5 km east of the line
        Response r = upload(insp, csv, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).endsWith("/import-rejected");
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("2:number", "3:y", "4:number", "5:x");
        assertThat(r.json().get("report").get("written").asBoolean()).isFalse();
        assertThat(count("select count(*) from marker_record where inspection_id = :i", insp)).isZero();
        assertThat(count("select count(*) from boundary_problem where line_id = :i", lineId)).isZero();
        assertThat(get("/api/boundary/markers/by-number/" + LINE + "001Q").json().has("lastCondition")).isFalse();
    }

    @Test
    void goodFileWritesRecordsWithDisplacementsAndTheRoundReportCountsThem() {
        long round = round("good");
        long insp = inspection(round);
        String csv = "number,condition,x,y,zone,note\n"
                + row(LINE + "001Q", "displaced", p1[0] + 3, p1[1] - 4, 39, "moved by road works")   // 5.000 m
                + row(LINE + "002Q", "完好", p2[0] + 0.012, p2[1] + 0.005, 39, "")                  // 0.013 m
                + row(LINE + "003A", "损坏", null, null, null, "cracked")
                + row(LINE + "003B", "missing", null, null, null, "");
        Response r = upload(insp, csv, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(4);
        assertThat(r.json().get("written").asBoolean()).isTrue();
        JsonNode rows = r.json().get("rows");
        assertThat(rows.get(0).get("info").get("displacementM").asDouble()).isCloseTo(5.000, within(0.01));
        assertThat(rows.get(1).get("info").get("displacementM").asDouble()).isCloseTo(0.013, within(0.01));
        assertThat(rows.get(1).get("info").get("condition").asString()).isEqualTo("intact");
        assertThat(auditRows("marker_record", rows.get(0).get("id").asLong())).isEqualTo(1);

        // the office corrects one record afterwards: replaced, not duplicated, and audited as an update
        Response fix = post("/api/boundary/inspections/" + insp + "/markers", "surveyor-t", Map.of("number", LINE + "002Q",
                "condition", "intact", "x", p2[0], "y", p2[1], "zone", 39, "repainted", true));
        assertThat(fix.status()).as(fix.toString()).isEqualTo(200);
        assertThat(fix.json().get("displacementM").asDouble()).isCloseTo(0.0, within(0.01));
        assertThat(fix.json().get("id").asLong()).isEqualTo(rows.get(1).get("id").asLong());
        assertThat(auditRows("marker_record", fix.json().get("id").asLong())).isEqualTo(2);

        JsonNode m1 = get("/api/boundary/markers/by-number/" + LINE + "001Q").json();
        assertThat(m1.get("status").asString()).isEqualTo("displaced");
        assertThat(m1.get("lastCondition").asString()).isEqualTo("displaced");

        JsonNode report = get("/api/boundary/rounds/" + round + "/report").json();
        JsonNode byCondition = report.get("totals").get("byCondition");
        assertThat(byCondition.get("intact").asInt()).isEqualTo(1);
        assertThat(byCondition.get("damaged").asInt()).isEqualTo(1);
        assertThat(byCondition.get("missing").asInt()).isEqualTo(1);
        assertThat(byCondition.get("displaced").asInt()).isEqualTo(1);
        assertThat(report.get("totals").get("markers").asInt()).isEqualTo(4);
        assertThat(report.get("totals").get("openProblems").asInt()).isEqualTo(3);
        assertThat(report.get("displaced").size()).isEqualTo(1);
        assertThat(report.get("displaced").get(0).get("number").asString()).isEqualTo(LINE + "001Q");
        assertThat(report.get("displaced").get(0).get("displacementM").asDouble()).isCloseTo(5.0, within(0.01));
        assertThat(report.get("lines").get(0).get("maxDisplacementM").asDouble()).isCloseTo(5.0, within(0.01));
        assertThat(report.get("openProblems").size()).isEqualTo(3);

        Response csvReport = get("/api/boundary/rounds/" + round + "/report.csv");
        assertThat(csvReport.status()).isEqualTo(200);
        assertThat(csvReport.contentType()).startsWith("text/csv");
        assertThat(csvReport.body()).containsPattern(LINE + ",丁县—戊县线,2026-05-12,4,4,1,1,1,1,0,(4\\.99|5\\.0)\\d*,3\\r?\\n");
        assertThat(csvReport.body()).contains("TOTAL");
        Response html = get("/api/boundary/rounds/" + round + "/report.html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<table", LINE + "001Q", "5.00");

        // the problem of the displaced marker goes open → assigned → fixed → closed
        JsonNode problem = null;
        for (JsonNode p : report.get("openProblems")) if (p.get("category").asString().equals("marker_displaced")) problem = p;
        assertThat(problem).isNotNull();
        long pid = problem.get("id").asLong();
        assertThat(post("/api/boundary/problems/" + pid + "/fix", "surveyor-t", Map.of("evidence", "x", "version", 0)).status()).isEqualTo(409);
        Response a = post("/api/boundary/problems/" + pid + "/assign", "surveyor-t", Map.of("assignee", "surveyor-t", "version", 0));
        assertThat(a.json().get("status").asString()).isEqualTo("assigned");
        assertThat(post("/api/boundary/problems/" + pid + "/fix", "surveyor-t", Map.of("version", 1)).status()).isEqualTo(400);
        assertThat(post("/api/boundary/problems/" + pid + "/fix", "surveyor-t", Map.of("evidence", "x", "version", 0)).status()).isEqualTo(409);
        Response f = post("/api/boundary/problems/" + pid + "/fix", "surveyor-t",
                Map.of("evidence", "marker reset on its surveyed position, photo 12", "fixedOn", "2026-06-01", "version", 1));
        assertThat(f.json().get("status").asString()).isEqualTo("fixed");
        assertThat(post("/api/boundary/problems/" + pid + "/verify", "surveyor-t", Map.of("version", 2)).status()).isEqualTo(409);
        Response v = post("/api/boundary/problems/" + pid + "/verify", "admin-t", Map.of("version", 2));
        assertThat(v.json().get("status").asString()).isEqualTo("closed");
        assertThat(v.json().get("verifiedBy").asString()).isEqualTo("admin-t");
        assertThat(get("/api/boundary/problems/" + pid + "/history").json().size()).isEqualTo(4);
        assertThat(get("/api/boundary/rounds/" + round + "/report").json().get("totals").get("openProblems").asInt()).isEqualTo(2);
    }

    @Test
    void partialModeKeepsTheValidRows() {
        long insp = inspection(round("partial"));
        String csv = "number,condition,x,y,zone,note\n"
                + row(LINE + "002Q", "intact", null, null, null, "")
                + row(LINE + "003B", "missing", p2[0], p2[1], 39, "");   // a missing marker has no position
        Response r = upload(insp, csv, "partial");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(r.json().get("rows").get(1).get("errors").get(0).get("field").asString()).isEqualTo("condition");
        assertThat(count("select count(*) from marker_record where inspection_id = :i", insp)).isEqualTo(1);
    }

    @Test
    void linePackageCarriesGaussKrugerCoordinates() {
        Response csv = get("/api/boundary/lines/" + lineId + "/package.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(LINE + "001Q,Q,single,39,");
        Response geo = get("/api/boundary/lines/" + lineId + "/package.geojson");
        assertThat(geo.json().get("features").size()).isEqualTo(5);
        Response zip = get("/api/boundary/lines/" + lineId + "/package.zip");
        assertThat(zip.raw().body()[0]).isEqualTo((byte) 'P');
    }

    private String row(String number, String condition, Double x, Double y, Integer zone, String note) {
        return number + "," + condition + "," + (x == null ? "" : String.format(Locale.ROOT, "%.3f", x)) + ","
                + (y == null ? "" : String.format(Locale.ROOT, "%.3f", y)) + "," + (zone == null ? "" : zone) + "," + note + "\n";
    }

    private Response upload(long inspection, String csv, String mode) {
        Multipart mp = Multipart.file("file", "results.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return call("POST", "/api/boundary/inspections/" + inspection + "/results" + (mode == null ? "" : "?mode=" + mode),
                "surveyor-t", mp.contentType(), mp.body());
    }

    private void marker(String number, double lon, double lat) {
        Response r = post("/api/boundary/markers", "surveyor-t", Map.of("number", number, "lon", lon, "lat", lat,
                "material", "花岗岩", "installedOn", "2004-10-01"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private long round(String tag) {
        Response r = post("/api/boundary/rounds", "surveyor-t", Map.of("number", 5, "level", 3,
                "name", unique("IT round " + tag + " "), "yearFrom", 2025, "yearTo", 2026, "lineIds", List.of(lineId)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long inspection(long round) {
        Response r = post("/api/boundary/rounds/" + round + "/inspections", "surveyor-t", Map.of("lineId", lineId,
                "inspectedOn", "2026-05-12", "partyLeft", "戊县民政局", "partyRight", "丁县民政局", "team", List.of("张伟", "李娜")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("i", id).query(Long.class).single();
    }
}
