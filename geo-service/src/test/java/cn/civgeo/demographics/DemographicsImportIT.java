package cn.civgeo.demographics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.boundary.Multipart;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Demographics imports on synthetic test units under 990000: bad rows named, nothing written; partial; GBK; findings. */
class DemographicsImportIT extends IntegrationTest {
    static final String P = "999100", A = "999101", B = "999102";

    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void units() {
        DivisionFixtures.ensureTestUnit(jdbc, "990000", "测试省", null);
        DivisionFixtures.ensureTestUnit(jdbc, P, "人口测试市", null);
        DivisionFixtures.ensureTestUnit(jdbc, A, "人口甲区", null);
        DivisionFixtures.ensureTestUnit(jdbc, B, "人口乙区", null);
    }

    private Response upload(String name, byte[] bytes, String query) {
        return upload(name, bytes, query, "en");
    }

    private Response upload(String name, byte[] bytes, String query, String acceptLanguage) {
        Multipart m = Multipart.file("file", name, "text/csv", bytes);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/demographics/imports" + query))
                .header("Authorization", "Bearer " + token("planner-t")).header("Content-Type", m.contentType())
                .header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        return send(b);
    }

    private long rows(int year) {
        return jdbc.sql("select count(*) from demographics where division_code in ('999100','999101','999102') and year = :y")
                .param("y", year).query(Long.class).single();
    }

    @Test
    void badRowsAreEachNamedAndNothingIsWritten() {
        jdbc.sql("delete from demographics where division_code in ('999100','999101','999102') and year = 2019").update();
        String csv = """
                divisionCode,year,population,households,age60,age65
                999101,2019,1000,400,200,150
                999199,2019,1000,400,200,150
                999102,2019,-5,400,200,150
                999101,1850,1000,400,200,150
                999102,2019,1000,400,2000,150
                999102,2019,1000,400,200,300
                """;
        Response r = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValuesAsString("field")).contains("divisionCode", "population", "year", "age60", "age65");
        assertThat(errors.findValues("row").stream().map(JsonNode::asInt).distinct().sorted().toList()).containsExactly(2, 3, 4, 5, 6);
        assertThat(r.body()).contains("999199").contains("1850").contains("exceeds the population").contains("exceeds 60+");
        assertThat(rows(2019)).isZero();

        Response partial = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=partial");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(partial.json().get("report").get("accepted").asInt()).isEqualTo(1);
        assertThat(partial.json().get("report").get("rejected").asInt()).isEqualTo(5);
        assertThat(rows(2019)).isEqualTo(1);
    }

    @Test
    void aPartialImportsRejectedRowsAreExplainedInTheReadersLanguageWithTheSameKeys() {
        jdbc.sql("delete from demographics where division_code in ('999100','999101','999102') and year = 2018").update();
        String csv = """
                divisionCode,year,population,households,age60,age65
                999102,2018,-5,400,200,150
                """;
        Response en = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=partial", "en");
        Response zh = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=partial", "zh-CN,zh;q=0.9");
        assertThat(en.status()).as(en.toString()).isEqualTo(200);
        assertThat(zh.status()).as(zh.toString()).isEqualTo(200);
        JsonNode enError = en.json().get("report").get("rows").get(0).get("errors").get(0);
        JsonNode zhError = zh.json().get("report").get("rows").get(0).get("errors").get(0);
        assertThat(enError.get("field").asString()).isEqualTo("population");
        assertThat(enError.get("message").asString()).matches("[ -~]+");
        assertThat(zhError.get("message").asString()).as("the reason in Chinese").containsPattern("\\p{IsHan}").isNotEqualTo(enError.get("message").asString());
        assertThat(zhError.get("label").asString()).isNotBlank();
        assertThat(enError.get("key").asString()).as("a stable key, the same in both languages").matches("[a-z]+\\.[a-z0-9-]+")
                .isEqualTo(zhError.get("key").asString());
        assertThat(rows(2018)).isZero();
    }

    @Test
    void aSheetThatIsNotATableIsRefused() {
        Response r = upload("notes.csv", "会议纪要\n今天讨论了养老床位\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("not a demographics table");
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("说明");
            sheet.createRow(0).createCell(0).setCellValue("2024年老龄事业统计公报");
            sheet.createRow(2).createCell(3).setCellValue("全市60岁以上老年人口约60万人");
            wb.write(out);
            xlsx = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Response sheet = upload("公报.xlsx", xlsx, "");
        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(400);
        assertThat(sheet.json().get("errors").findValuesAsString("field")).contains("file");
        assertThat(upload("broken.xlsx", "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.UTF_8), "").status()).isEqualTo(400);
        Response empty = upload("empty.csv", "区划代码,年份,人口\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void gbkChineseHeadersWriteWithHistoryAndChildrenSumsAreFindings() {
        int year = 2020 + (int) (System.nanoTime() % 5); // a year this run may not have used
        jdbc.sql("delete from demographics where division_code in ('999100','999101','999102') and year = :y").param("y", year).update();
        String csv = "区划代码,年份,户籍人口,户数,60岁以上,65岁以上,80岁以上,城乡\n"
                + P + "," + year + ",3000,1200,600,400,80,城市\n"
                + A + "," + year + ",1000,400,200,150,30,城市\n"
                + B + "," + year + ",1900,700,350,200,40,农村\n";
        Response r = upload("gbk.csv", csv.getBytes(Charset.forName("GBK")), "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("report").get("accepted").asInt()).isEqualTo(3);
        JsonNode findings = r.json().get("findings");
        assertThat(findings.findValuesAsString("field")).containsExactlyInAnyOrder("population", "households", "age60");
        JsonNode pop = findings.get(0);
        assertThat(pop.get("divisionCode").asString()).isEqualTo(P);
        assertThat(pop.get("parentValue").asLong() - pop.get("childrenSum").asLong()).isIn(100L, 100L, 50L);
        JsonNode got = get("/api/demographics/" + B + "?year=" + year).json().get("row");
        assertThat(got.get("urbanRural").asString()).isEqualTo("rural");
        assertThat(got.get("age80").asInt()).isEqualTo(40);
        // as-of: a later year without a row answers this one
        assertThat(get("/api/demographics/" + B + "?year=2026").json().get("row").get("year").asInt()).isGreaterThanOrEqualTo(year);
        // replacing the year keeps the old row in history
        Response again = upload("gbk.csv", csv.replace("1900,700", "2000,700").getBytes(Charset.forName("GBK")), "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("findings").findValuesAsString("field")).doesNotContain("population");
        List<String> replaced = get("/api/demographics/" + B + "/history").json().get("replaced").findValuesAsString("rowBefore");
        assertThat(replaced).anyMatch(s -> s.contains("1900"));
        assertThat(auditRows("demographics", B + "/" + year)).isGreaterThanOrEqualTo(2);
    }
}
