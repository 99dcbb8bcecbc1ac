package cn.civgeo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Xiamen plan on the demo city: reported values, views, exports (xlsx and PDF) and screenings. */
class PlanReportIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private long plan;

    @BeforeEach
    void plan() throws Exception {
        synchronized (PlanReportIT.class) {
            DivisionFixtures.ensureDemoCity(ctx);
            for (DemoDataContributor c : ctx.getBeansOfType(DemoDataContributor.class).values()) {
                if (c.name().equals("demographics of the demo city") || c.name().equals("facilities of the demo city")) c.load();
            }
        }
        ObjectNode t = PlanTemplateIT.template(json, "xiamen-14th");
        t.put("code", unique("report-"));
        plan = post("/api/plans/import", "planner-t", json.writeValueAsBytes(t)).json().get("id").asLong();
    }

    private JsonNode row(JsonNode report, String code) {
        for (JsonNode i : report.get("indicators")) if (i.get("code").asString().equals(code)) return i;
        throw new AssertionError(code);
    }

    @Test
    void reportedValuesFillTheNonSpatialRowsWithTrendAndProgress() {
        Response bad = post("/api/plans/" + plan + "/values", "planner-t", Map.of("indicatorCode", "ecoBurialRate", "divisionCode", "350200",
                "year", 2022, "value", 82.0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("source");
        assertThat(post("/api/plans/" + plan + "/values", "viewer-t", Map.of()).status()).isEqualTo(403);
        for (int y = 2021; y <= 2023; y++) {
            Response r = post("/api/plans/" + plan + "/values", "planner-t", Map.of("indicatorCode", "ecoBurialRate", "divisionCode", "350200",
                    "year", y, "value", 80.0 + y - 2020, "source", "厦门市民政局统计 " + y));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        // replacing needs the version read
        Response stale = post("/api/plans/" + plan + "/values", "planner-t", Map.of("indicatorCode", "ecoBurialRate", "divisionCode", "350200",
                "year", 2023, "value", 84.0, "source", "修订", "version", 5));
        assertThat(stale.status()).isEqualTo(409);

        JsonNode mid = get("/api/plans/" + plan + "/report?view=midterm").json();
        assertThat(mid.get("year").asInt()).isEqualTo(2023);
        JsonNode eco = row(mid, "ecoBurialRate");
        assertThat(eco.get("valueSource").asString()).isEqualTo("reported");
        assertThat(eco.get("latest").asDouble()).isEqualTo(83.0);
        assertThat(eco.get("expected").asDouble()).isEqualTo(Math.round((80.3 + 4.7 * 3 / 5) * 10000) / 10000.0);
        assertThat(eco.get("onTrack").asBoolean()).isFalse(); // 83.0 below the path (83.12 in 2023)
        assertThat(eco.get("trend").findValues("year").stream().map(JsonNode::asInt).toList()).containsExactly(2020, 2021, 2022, 2023);

        JsonNode fin = get("/api/plans/" + plan + "/report?view=final").json();
        assertThat(fin.get("year").asInt()).isEqualTo(2025);
        assertThat(row(fin, "ecoBurialRate").get("met").asBoolean()).isFalse(); // 83 < 85
        assertThat(row(fin, "bedsPer1000Elderly").get("children").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(get("/api/plans/" + plan + "/report?view=someday").status()).isEqualTo(400);
    }

    @Test
    void exportsAreAWorkbookAndAPrintablePdf() throws Exception {
        Response x = get("/api/plans/" + plan + "/report.xlsx?year=2025");
        assertThat(x.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.raw().body()))) {
            Sheet s = wb.getSheet("规划指标");
            Row h = s.getRow(1);
            assertThat(h.getCell(1).getStringCellValue()).isEqualTo("指标名称");
            assertThat(h.getCell(4).getStringCellValue()).isEqualTo("基期值");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getColumnWidth(1)).isEqualTo(40 * 256);
            JsonNode report = get("/api/plans/" + plan + "/report?year=2025").json();
            Row nursing = s.getRow(3); // second indicator: nursing share (%)
            assertThat(nursing.getCell(0).getStringCellValue()).isEqualTo("nursingBedShare");
            assertThat(nursing.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(nursing.getCell(5).getNumericCellValue()).isEqualTo(row(report, "nursingBedShare").get("latest").asDouble() / 100);
            assertThat(s.getRow(2).getCell(5).getCellStyle().getDataFormatString()).isNotEqualTo("0.0%"); // beds per 1,000
            assertThat(wb.getSheet("下级排名").getLastRowNum()).isEqualTo(report.get("indicators").size() * 6);
        }
        Response p = get("/api/plans/" + plan + "/report.pdf?year=2025");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.contentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(p.raw().body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("每千名老年人养老床位数").contains("厦门市");
    }

    @Test
    void screeningsListUnitsWithTheirExtent() {
        JsonNode s = get("/api/plans/screenings?division=350200&kind=community-households&year=2025").json();
        long expected = jdbc.sql("""
                select count(*) from division u join demographics d on d.division_code = u.code and d.year = 2025
                 where u.level = 5 and u.code like '3502%' and u.status = 'active' and (d.households < 1000 or d.households > 5000)""")
                .query(Long.class).single();
        assertThat(s.get("count").asLong()).isEqualTo(expected).isPositive();
        JsonNode first = s.get("items").get(0);
        assertThat(first.get("households").asInt()).satisfiesAnyOf(h -> assertThat(h).isLessThan(1000), h -> assertThat(h).isGreaterThan(5000));
        assertThat(first.get("bbox").size()).isEqualTo(4);
        assertThat(s.get("bbox").get(0).asDouble()).isLessThanOrEqualTo(first.get("bbox").get(0).asDouble());

        JsonNode t = get("/api/plans/screenings?division=350200&kind=township-burial").json();
        long lacking = jdbc.sql("""
                select count(*) from division u where u.level = 4 and u.code like '3502%' and u.status = 'active' and not exists (
                  select 1 from facility f where f.kind in ('public_cemetery','columbarium') and f.status = 'operating' and ST_Within(f.geom, u.geom))""")
                .query(Long.class).single();
        assertThat(t.get("count").asLong()).isEqualTo(lacking);
        JsonNode c = get("/api/plans/screenings?division=350200&kind=county-lacking&facilityKind=funeral_home").json();
        assertThat(c.get("count").asLong()).isBetween(1L, 5L); // the demo puts funeral homes in four of six districts
        assertThat(get("/api/plans/screenings?division=350200&kind=county-lacking&facilityKind=hospital").status()).isEqualTo(400);
    }
}
