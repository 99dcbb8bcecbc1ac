package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The field package as a team uses it: download the zip, fill the results template it holds, import it; the
 * template imports as downloaded (nothing written), the filled one writes exactly the filled rows and changes
 * nothing else; bad rows (wrong zone, swapped x/y, unknown marker) answer 400 naming row and field, nothing written.
 * The package's GeoPackage and DXF are in the line's Gauss–Krüger zone (read back with GDAL's ogrinfo).
 */
class FieldPackageRoundTripIT extends IntegrationTest {
    static final String LINE = "998301998302";
    long lineId, inspection;
    double[] p1, p2;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9983");
        BoundaryFixtures.ensurePrefecture(jdbc, "998300", "测试戊市");
        BoundaryFixtures.division(jdbc, "998301", "壬县", 3, "县", "998300",
                "POLYGON((118.0 24.5, 118.1 24.5, 118.1 24.6, 118.0 24.6, 118.0 24.5))");
        BoundaryFixtures.division(jdbc, "998302", "癸县", 3, "县", "998300",
                "POLYGON((118.1 24.5, 118.2 24.5, 118.2 24.6, 118.1 24.6, 118.1 24.5))");
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "998300", "level", 3));
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        lineId = d.json().get("lines").get(0).get("id").asLong();
        for (String[] m : new String[][] {{"001Q", "24.58"}, {"002Q", "24.55"}, {"003Q", "24.52"}}) {
            Response r = post("/api/boundary/markers", "surveyor-t", Map.of("number", LINE + m[0], "lon", 118.1, "lat", Double.parseDouble(m[1])));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        p1 = GaussKrugerReference.forward(118.1, 24.58, 39);
        p2 = GaussKrugerReference.forward(118.1, 24.55, 39);
        Response round = post("/api/boundary/rounds", "admin-t", Map.of("number", 5, "level", 3, "name", unique("IT package "),
                "yearFrom", 2026, "yearTo", 2026, "lineIds", List.of(lineId)));
        Response i = post("/api/boundary/rounds/" + round.json().get("id").asLong() + "/inspections", "surveyor-t",
                Map.of("lineId", lineId, "inspectedOn", "2026-06-01", "partyLeft", "壬县", "partyRight", "癸县"));
        assertThat(i.status()).as(i.toString()).isEqualTo(201);
        inspection = i.json().get("id").asLong();
    }

    @Test
    void downloadFillImportWritesTheFilledRowsAndNothingElse() throws Exception {
        Map<String, byte[]> zip = unzip(get("/api/boundary/lines/" + lineId + "/package.zip").raw().body());
        assertThat(zip.keySet()).contains(LINE + "/results-template.csv", LINE + "/line-and-markers.gpkg", LINE + "/line-and-markers.dxf");
        String template = new String(zip.get(LINE + "/results-template.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = new ArrayList<>(template.lines().toList());
        assertThat(lines.get(0)).isEqualTo("inspection_id,number,condition,x,y,zone,reference_objects,repainted,note,accuracy_m");
        assertThat(lines.get(1)).isEqualTo(inspection + "," + LINE + "001Q,,,,39,,,,");
        assertThat(new String(zip.get(LINE + "/README.txt"), StandardCharsets.UTF_8)).contains("/api/boundary/inspections/" + inspection + "/results");

        String before = snapshot();
        // as downloaded: accepted, nothing written
        Response asIs = upload(template);
        assertThat(asIs.status()).as(asIs.toString()).isEqualTo(200);
        assertThat(asIs.json().get("accepted").asInt()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        // filled: marker 1 displaced with its surveyed position, marker 2 intact with 方位物 and 描红; marker 3 left blank
        lines.set(1, String.format(Locale.ROOT, "%d,%s001Q,移位,%.3f,%.3f,39,是,否,修路移动,0.02", inspection, LINE, p1[0] + 3, p1[1] - 4));
        lines.set(2, String.format(Locale.ROOT, "%d,%s002Q,完好,,,39,是,是,,", inspection, LINE));
        Response filled = upload(String.join("\n", lines) + "\n");
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        assertThat(filled.json().get("accepted").asInt()).isEqualTo(2);
        JsonNode insp = get("/api/boundary/inspections/" + inspection).json();
        assertThat(insp.get("markers").size()).isEqualTo(2);
        JsonNode r1 = insp.get("markers").get(0), r2 = insp.get("markers").get(1);
        assertThat(r1.get("condition").asString()).isEqualTo("displaced");
        assertThat(r1.get("displacementM").asDouble()).isCloseTo(5.0, within(0.01));
        assertThat(r1.get("referenceObjectsPresent").asBoolean()).isTrue();
        assertThat(r1.get("repainted").asBoolean()).isFalse();
        assertThat(r1.get("note").asString()).isEqualTo("修路移动");
        assertThat(r1.get("accuracyM").asDouble()).isEqualTo(0.02);
        assertThat(r2.path("accuracyM").isNull() || r2.path("accuracyM").isMissingNode()).as("no accuracy given").isTrue();
        assertThat(r2.get("condition").asString()).isEqualTo("intact");
        assertThat(r2.get("repainted").asBoolean()).isTrue();
        // nothing else changed: the third marker and the line are as they were
        assertThat(marker3()).isEqualTo(before.split("\\|")[1]);
        assertThat(lineRow()).isEqualTo(before.split("\\|")[0]);
    }

    @Test
    void badRowsNameRowAndFieldAndWriteNothing() {
        String csv = "inspection_id,number,condition,x,y,zone,reference_objects,repainted,note\n"
                + String.format(Locale.ROOT, "%d,%s001Q,移位,%.3f,%.3f,39,,,\n", inspection, LINE, p1[0] + 3, p1[1] - 4)      // row 1 fine
                + String.format(Locale.ROOT, "%d,%s002Q,移位,%.3f,%.3f,40,,,\n", inspection, LINE, p2[0], p2[1] + 1e6)         // row 2 zone 40
                + String.format(Locale.ROOT, "%d,%s003Q,移位,%.3f,%.3f,39,,,\n", inspection, LINE, p2[1], p2[0])               // row 3 swapped
                + String.format(Locale.ROOT, "%d,%s009Q,完好,,,39,,,\n", inspection, LINE)                                      // row 4 unknown
                + String.format(Locale.ROOT, "%d,%s002Q,完好,,,39,也许,,\n", inspection + 1000, LINE);                         // row 5
        String before = snapshot();
        Response r = upload(csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("2:zone", "3:x", "4:number", "5:inspection_id", "5:reference_objects", "5:number");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void geoPackageAndDxfAreInTheLinesGaussKrugerZone() throws Exception {
        Path dir = Files.createTempDirectory("pkg");
        Path gpkg = dir.resolve("l.gpkg"), dxf = dir.resolve("l.dxf");
        Files.write(gpkg, get("/api/boundary/lines/" + lineId + "/package.gpkg").raw().body());
        Files.write(dxf, get("/api/boundary/lines/" + lineId + "/package.dxf").raw().body());
        String g = ogrinfo(gpkg);
        assertThat(g).contains("line_and_markers").contains("Gauss-Kruger zone 39").contains("Feature Count: 4");
        assertThat(g).contains(String.format(Locale.ROOT, "POINT (%.0f", p1[1]).substring(0, 14));   // easting with prefix 39…
        String x = ogrinfo(dxf);
        assertThat(x).contains(String.format(Locale.ROOT, "POINT (%.3f", p1[1]).substring(0, 13));
    }

    private static String ogrinfo(Path f) throws Exception {
        Process p = new ProcessBuilder("ogrinfo", "-al", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String snapshot() { return lineRow() + "|" + marker3() + "|" + jdbc.sql("""
            select count(*) || ':' || coalesce(string_agg(id || '/' || version, ',' order by id), '') from marker_record
             where inspection_id = :i""").param("i", inspection).query(String.class).single()
            + "|" + jdbc.sql("select count(*) from boundary_problem where line_id = :l").param("l", lineId).query(Long.class).single(); }

    private String lineRow() {
        return jdbc.sql("select version || ':' || status from boundary_line where id = :l").param("l", lineId).query(String.class).single();
    }

    private String marker3() {
        return jdbc.sql("select version || ':' || coalesce(last_condition, '-') from boundary_marker where number = :n")
                .param("n", LINE + "003Q").query(String.class).single();
    }

    private Response upload(String csv) {
        Multipart mp = Multipart.file("file", "results-template.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return call("POST", "/api/boundary/inspections/" + inspection + "/results", "surveyor-t", mp.contentType(), mp.body());
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> out = new java.util.HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }
}
