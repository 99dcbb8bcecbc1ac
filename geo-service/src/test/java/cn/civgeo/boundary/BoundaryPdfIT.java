package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        post("/api/boundary/rounds/" + round + "/inspections", "surveyor-t", Map.of("lineId", lineId, "inspectedOn", "2026-05-12",
                "partyLeft", "卯县", "partyRight", "辰县", "markers", List.of(Map.of("number", LINE + "001Q", "condition", "damaged"))));
    }

    @Test
    void registerCoordinatesAndRoundReportArePrintableChinesePdfs() throws Exception {
        String register = text("/api/boundary/lines/" + lineId + "/register.pdf");
        assertThat(register).contains("界桩登记表", LINE + "001Q", "花岗岩", "位置示意图", "填表人");
        double[] gk = GaussKrugerReference.forward(118.1, 24.58, 39);
        String coords = text("/api/boundary/lines/" + lineId + "/coordinates.pdf");
        assertThat(coords).contains("界桩成果表", "第 39 带", String.format(Locale.ROOT, "%.3f", gk[0]), String.format(Locale.ROOT, "%.3f", gk[1]));
        String report = text("/api/boundary/rounds/" + round + "/report.pdf");
        assertThat(report).contains("联检报告", LINE, "损坏 1", "甲方（签章）", "乙方（签章）");
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
