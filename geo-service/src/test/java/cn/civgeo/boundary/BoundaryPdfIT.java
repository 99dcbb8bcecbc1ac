package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official outputs as A4 PDFs: 界桩登记表, 界桩成果表 and the round's 联检报告 with the signatures block. */
class BoundaryPdfIT extends IntegrationTest {
    static final String LINE = "998501998502";
    long lineId, round;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9985");
        BoundaryFixtures.ensurePrefecture(jdbc, "998500", "测试庚市");
        BoundaryFixtures.division(jdbc, "998501", "卯县", 3, "县", "998500",
                "POLYGON((118.0 24.5, 118.1 24.5, 118.1 24.6, 118.0 24.6, 118.0 24.5))");
        BoundaryFixtures.division(jdbc, "998502", "辰县", 3, "县", "998500",
                "POLYGON((118.1 24.5, 118.2 24.5, 118.2 24.6, 118.1 24.6, 118.1 24.5))");
        lineId = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "998500", "level", 3)).json()
                .get("lines").get(0).get("id").asLong();
        post("/api/boundary/markers", "surveyor-t", Map.of("number", LINE + "001Q", "lon", 118.1, "lat", 24.58, "material", "花岗岩"));
        post("/api/boundary/markers", "surveyor-t", Map.of("number", LINE + "002Q", "lon", 118.1, "lat", 24.53));
        round = post("/api/boundary/rounds", "admin-t", Map.of("number", 5, "level", 3, "name", unique("PDF 联检 "),
                "yearFrom", 2026, "yearTo", 2026, "lineIds", List.of(lineId))).json().get("id").asLong();
        double[] p2 = GaussKrugerReference.forward(118.1, 24.53, 39);
        Response insp = post("/api/boundary/rounds/" + round + "/inspections", "surveyor-t", Map.of("lineId", lineId, "inspectedOn", "2026-05-12",
                "partyLeft", "卯县", "partyRight", "辰县", "markers", List.of(Map.of("number", LINE + "001Q", "condition", "damaged"),
                        Map.of("number", LINE + "002Q", "condition", "displaced", "x", r3(p2[0] + 3), "y", r3(p2[1] - 4), "zone", 39,
                                "accuracyM", 0.03, "note", "修路移动")),
                "stretches", List.of(Map.of("fromMarker", LINE + "001Q", "toMarker", LINE + "002Q", "terrainChanged", true,
                        "description", "山体滑坡"))));
        assertThat(insp.status()).as(insp.toString()).isEqualTo(201);
        inspection = insp.json().get("id").asLong();
    }

    long inspection;

    private static double r3(double v) { return Math.round(v * 1000) / 1000.0; }

    @Test
    void registerCoordinatesAndRoundReportArePrintableChinesePdfs() throws Exception {
        String register = text("/api/boundary/lines/" + lineId + "/register.pdf");
        assertThat(register).contains("界桩登记表", LINE + "001Q", "花岗岩", "位置示意图", "填表人");
        double[] gk = GaussKrugerReference.forward(118.1, 24.58, 39);
        String coords = text("/api/boundary/lines/" + lineId + "/coordinates.pdf");
        assertThat(coords).contains("界桩成果表", "第 39 带", String.format(Locale.ROOT, "%.3f", gk[0]), String.format(Locale.ROOT, "%.3f", gk[1]));
        String report = text("/api/boundary/rounds/" + round + "/report.pdf");
        assertThat(report).contains("联检报告", LINE, "损坏 1", "甲方（签章）", "乙方（签章）");
        // the problems the inspection opened, described in Chinese with their category; the position's accuracy printed
        String flat = report.replaceAll("\\s+", "");
        assertThat(flat).contains("界桩" + LINE + "001Q损坏", "界桩" + LINE + "002Q移位，位移5.00米：修路移动",
                "地形变化（" + LINE + "001Q–" + LINE + "002Q）：山体滑坡", "界桩损坏", "界桩移位", "定位精度（米）", "±0.03");
        assertThat(report).doesNotContain("Marker ", "damaged", "displaced", "Terrain", "marker_");
    }

    @Test
    void theAccuracyOfAPositionIsStoredReturnedAndChecked() {
        JsonNode rec = null;
        for (JsonNode m : get("/api/boundary/inspections/" + inspection).json().get("markers")) {
            if (m.get("number").asString().equals(LINE + "002Q")) rec = m;
        }
        assertThat(rec.get("accuracyM").asDouble()).isEqualTo(0.03);
        assertThat(jdbc.sql("select position_accuracy_m from marker_record where id = :id").param("id", rec.get("id").asLong())
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.030");
        String before = jdbc.sql("select string_agg(id || ':' || version || ':' || coalesce(position_accuracy_m::text, '-'), ',' order by id) from marker_record where inspection_id = :i")
                .param("i", inspection).query(String.class).single();
        double[] p1 = GaussKrugerReference.forward(118.1, 24.58, 39);
        for (Object bad : List.of(0, -2.5, 1500, "abc")) {
            Response r = post("/api/boundary/inspections/" + inspection + "/markers", "surveyor-t", Map.of("number", LINE + "001Q",
                    "condition", "displaced", "x", r3(p1[0] + 1), "y", r3(p1[1]), "zone", 39, "accuracyM", bad));
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").findValuesAsString("field")).as(String.valueOf(bad)).containsExactly("accuracyM");
        }
        // an accuracy without a position says what it lacks, in the user's language
        Response alone = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/boundary/inspections/" + inspection + "/markers"))
                .header("Authorization", "Bearer " + token("surveyor-t")).header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes(Map.of("number", LINE + "001Q", "condition", "damaged", "accuracyM", 3)))));
        assertThat(alone.status()).as(alone.toString()).isEqualTo(400);
        JsonNode e = alone.json().get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo("accuracyM");
        assertThat(e.get("label").asString()).isEqualTo("定位精度（米）");
        assertThat(e.get("message").asString()).isEqualTo("是实测位置的精度：须同时填写 x、y 和带号");
        assertThat(jdbc.sql("select string_agg(id || ':' || version || ':' || coalesce(position_accuracy_m::text, '-'), ',' order by id) from marker_record where inspection_id = :i")
                .param("i", inspection).query(String.class).single()).as("nothing written").isEqualTo(before);
    }

    private String text(String path) throws Exception {
        Response r = get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/pdf");
        byte[] bytes = r.raw().body();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pdf"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "pdf", path.replaceAll("[^a-z0-9.]+", "-") ), bytes);
        PdfReader reader = new PdfReader(bytes);
        assertThat(reader.getPageSize(1).getWidth()).isBetween(594f, 596f);   // A4 portrait: 595 × 842 pt
        StringBuilder sb = new StringBuilder();
        PdfTextExtractor x = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) sb.append(x.getTextFromPage(p)).append('\n');
        return sb.toString();
    }
}
