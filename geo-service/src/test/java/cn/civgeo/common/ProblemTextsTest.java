package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Chinese problem texts: every constant message of the code has one, and the rules read their groups right. */
class ProblemTextsTest {

    /** Message literals passed whole to FieldProblem, badField, Validation and ApiException (no concatenation). */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:new FieldProblem\\(\"[^\"]*\", |badField\\(\"[^\"]*\", |\\.require\\([^;]*?, \"[^\"]*\", |\\.add\\(\"[^\"]*\", "
                    + "|new ApiException\\(ProblemType\\.[A-Z_]+, |ApiException\\.(?:conflict|duplicate)\\()\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[,)]"
                    // and whole literals that read as a field message wherever they are (constants, helpers' arguments)
                    + "|\"((?:must|is required|is not|has no|needs|lies) [^\"\\\\%{}]*)\"\\s*[,);]");

    @Test
    void everyConstantMessageInTheCodeHasAChineseText() throws IOException {
        Set<String> messages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String text = m.group(1) != null ? m.group(1) : m.group(2);
                    messages.add(text.replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        }
        assertThat(messages).as("the scan finds the code's messages").hasSizeGreaterThan(100);
        List<String> unknown = messages.stream().filter(s -> !ProblemTexts.knows(s)).toList();
        assertThat(unknown).as("messages without a rule in messages/problems-zh.tsv").isEmpty();
    }

    @Test
    void rulesTranslateTheirGroupsAndRows() {
        assertThat(ProblemTexts.zh("is required (row 5)")).isEqualTo("必填（第 5 行）");
        assertThat(ProblemTexts.zh("marker J12 lies in zone 39, not 40")).isEqualTo("界桩 J12 位于第 39 带，而不是第 40 带");
        assertThat(ProblemTexts.zh("must be one of [open, assigned]")).isEqualTo("须为以下之一：open, assigned");
        assertThat(ProblemTexts.zh("division 350203 is not at version 3; reload it and apply your change again"))
                .isEqualTo("该记录已被他人修改（您读取的是版本 3），请重新加载后再修改");
        assertThat(ProblemTexts.zh("The request body is too large (64 MB)")).isEqualTo("请求的 body 文件过大（64 MB）");
        assertThat(ProblemTexts.zh("overlapping geometry: 996127100 overlaps its sibling 996127101 甲镇 by 1172060 m²"))
                .isEqualTo("几何重叠：996127100 与同级单位 996127101 甲镇 重叠 1172060 平方米");
        assertThat(ProblemTexts.label("steps[0]")).isEqualTo("第1项 调整步骤");
        assertThat(ProblemTexts.zh("a text no rule knows")).isEqualTo("a text no rule knows");
        assertThat(ProblemTexts.knows("a text no rule knows")).isFalse();
    }

    @Test
    void fieldsAreLabelledWithTheirIndex() {
        assertThat(ProblemTexts.label("markers[0].zone")).isEqualTo("第1项 带号");
        assertThat(ProblemTexts.label("within")).isEqualTo("区域");
        assertThat(ProblemTexts.label("someNewField")).isEqualTo("someNewField");
        List<FieldProblem> zh = ProblemTexts.zh(List.of(new FieldProblem("lon", "must be finite numbers", 7)));
        assertThat(ProblemTexts.zhSummary(zh)).isEqualTo("第 7 行 经度：须为有限数值");
        assertThat(ProblemTexts.zhSummary(ProblemTexts.zh(List.of(new FieldProblem("x", "is required"),
                new FieldProblem("y", "is required"))))).isEqualTo("2 项有误：x（北坐标）、y（带带号的东坐标）");
    }

    @Test
    void theLanguageIsTheFirstOfZhAndEnInPreferenceOrder() {
        assertThat(ProblemTexts.lang("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(ProblemTexts.Lang.ZH);
        assertThat(ProblemTexts.lang("en-US,en;q=0.9,zh;q=0.8")).isEqualTo(ProblemTexts.Lang.EN);
        assertThat(ProblemTexts.lang("en;q=0.4, zh-TW;q=0.9")).isEqualTo(ProblemTexts.Lang.ZH);
        assertThat(ProblemTexts.lang("de-DE")).isEqualTo(ProblemTexts.Lang.EN);
        assertThat(ProblemTexts.lang((String) null)).isEqualTo(ProblemTexts.Lang.EN);
        assertThat(ProblemTexts.lang("not a ;;; header")).isEqualTo(ProblemTexts.Lang.EN);
    }

    @Test
    void aStoredJobFailureIsReadInTheLanguageOfTheRequestThatReadsIt() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.JsonNode stored = json.readTree("""
                {"type":"https://civgeo.cn/problems/import-rejected","title":"Import rejected; nothing was written",
                 "status":400,"detail":"lon: must be finite numbers","errors":[{"field":"lon","message":"must be finite numbers","row":7}]}""");
        inChinese(() -> {
            tools.jackson.databind.JsonNode zh = ProblemTexts.localized(stored);
            assertThat(zh.get("title").asString()).isEqualTo("导入被拒绝，未写入任何数据");
            assertThat(zh.get("detail").asString()).isEqualTo("第 7 行 经度：须为有限数值");
            assertThat(zh.get("errors").get(0).get("label").asString()).isEqualTo("经度");
            assertThat(zh.get("errors").get(0).get("key").asString()).as("a stored error without a key gets its key").isEqualTo("geometry.must-finite-numbers");
            assertThat(stored.get("title").asString()).as("the stored answer is not changed").startsWith("Import rejected");
        });
        assertThat(ProblemTexts.localized(stored)).as("no request: as stored").isSameAs(stored);
    }

    @Test
    void aStoredJobResultsRejectedRowsAreReadInTheLanguageOfTheRequestThatReadsIt() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.JsonNode stored = json.readTree("""
                {"report":{"mode":"PARTIAL","rows":[{"row":7,"status":"rejected","errors":[{"field":"lon","message":"must be finite numbers","row":7}]},
                 {"row":8,"status":"accepted","errors":[]}]},"imported":1}""");
        assertThat(ProblemTexts.localizedErrors(stored)).as("no request: as stored").isSameAs(stored);
        inChinese(() -> {
            tools.jackson.databind.JsonNode zh = ProblemTexts.localizedErrors(stored);
            tools.jackson.databind.JsonNode e = zh.get("report").get("rows").get(0).get("errors").get(0);
            assertThat(e.get("message").asString()).isEqualTo("须为有限数值");
            assertThat(e.get("label").asString()).isEqualTo("经度");
            assertThat(e.get("key").asString()).isEqualTo("geometry.must-finite-numbers");
            assertThat(zh.get("imported").asInt()).isEqualTo(1);
            assertThat(stored.get("report").get("rows").get(0).get("errors").get(0).get("message").asString())
                    .as("the stored answer is not changed").isEqualTo("must be finite numbers");
        });
    }

    /** Runs the body as in a request whose Accept-Language prefers Chinese. */
    static void inChinese(Runnable body) {
        org.springframework.mock.web.MockHttpServletRequest req = new org.springframework.mock.web.MockHttpServletRequest();
        req.addHeader("Accept-Language", "zh-CN,zh;q=0.9");
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(req));
        try {
            body.run();
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }
}
