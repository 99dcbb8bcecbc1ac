package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stable keys of the problem messages (issue #12): every rule of {@code messages/problems.tsv} has one, unique,
 * the list of {@code problem-keys.txt} is kept (a key is never renamed or removed), and the answer carries the same
 * key in English and Chinese.
 */
class ProblemKeysTest {
    private static final Path LEDGER = Path.of("src/test/resources/problem-keys.txt");

    private static Set<String> ledger() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(LEDGER, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
        }
        return out;
    }

    @Test
    void everyRuleHasAUniqueWellFormedKey() {
        List<String> keys = ProblemTexts.keys();
        assertThat(keys).hasSizeGreaterThan(400);
        assertThat(new HashSet<>(keys)).as("unique").hasSameSizeAs(keys);
        assertThat(keys).allSatisfy(k -> assertThat(k).matches("[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void theKeysOfTheLedgerAreKeptAndNewKeysAreListed() throws IOException {
        Set<String> bundle = new TreeSet<>(ProblemTexts.keys());
        Set<String> listed = ledger();
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(bundle);
        Set<String> unlisted = new TreeSet<>(bundle);
        unlisted.removeAll(listed);
        assertThat(gone).as("keys clients may switch on are gone from messages/problems.tsv: never rename or remove a key").isEmpty();
        assertThat(unlisted).as("new keys: add them to " + LEDGER).isEmpty();
    }

    @Test
    void aMessageHasTheKeyOfItsRuleAndARowKeepsTheKeyOfItsText() {
        assertThat(ProblemTexts.key("is required")).isEqualTo("field.required");
        assertThat(ProblemTexts.key("is required (row 5)")).as("the row suffix keeps the text's key").isEqualTo("field.required");
        assertThat(ProblemTexts.key("division 350203 is not at version 3; reload it and apply your change again"))
                .isEqualTo("state.stale-version");
        assertThat(ProblemTexts.key("must be one of [open, assigned]")).isNotNull().isNotEqualTo(ProblemTexts.key("is required"));
        assertThat(ProblemTexts.key("a text no rule knows")).isNull();
    }

    @Test
    void theAnswerCarriesTheSameKeysInEnglishAndChinese() {
        List<FieldProblem> errors = List.of(new FieldProblem("lon", "must be finite numbers", 7), new FieldProblem("name", "is required"));
        ProblemDetail en = Problems.detail(ProblemType.VALIDATION, "2 fields are invalid", errors, null, ProblemTexts.Lang.EN);
        ProblemDetail zh = Problems.detail(ProblemType.VALIDATION, "2 fields are invalid", errors, null, ProblemTexts.Lang.ZH);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode enJson = json.valueToTree(en.getProperties());
        JsonNode zhJson = json.valueToTree(zh.getProperties());
        assertThat(enJson.get("detailKey").asString()).isEqualTo("request.fields-invalid");
        assertThat(zhJson.get("detailKey").asString()).isEqualTo("request.fields-invalid");
        assertThat(enJson.get("errors").get(0).get("message").asString()).isEqualTo("must be finite numbers");
        assertThat(zhJson.get("errors").get(0).get("message").asString()).isEqualTo("须为有限数值");
        for (JsonNode body : List.of(enJson, zhJson)) {
            assertThat(body.get("errors").get(0).get("key").asString()).isEqualTo("geometry.must-finite-numbers");
            assertThat(body.get("errors").get(1).get("key").asString()).isEqualTo("field.required");
        }
        assertThat(zh.getDetail()).isEqualTo("2 项有误：第 7 行 经度、名称");
    }

    @Test
    void anErrorWrittenOutsideAProblemIsAnsweredInTheReadersLanguageWithItsKey() {
        // a partial import's report holds the rows' errors as the code wrote them (English, no key)
        Map<String, Object> report = Map.of("rows", List.of(Map.of("row", 3, "errors", List.of(new FieldProblem("lon", "must be finite numbers", 3)))));
        JsonMapper json = JsonMapper.builder().build();
        JsonNode en = json.valueToTree(report).path("rows").get(0).path("errors").get(0);
        assertThat(en.get("message").asString()).isEqualTo("must be finite numbers");
        assertThat(en.get("key").asString()).isEqualTo("geometry.must-finite-numbers");
        assertThat(en.has("label")).isFalse();
        ProblemTextsTest.inChinese(() -> {
            JsonNode zh = json.valueToTree(report).path("rows").get(0).path("errors").get(0);
            assertThat(zh.get("message").asString()).isEqualTo("须为有限数值");
            assertThat(zh.get("label").asString()).isEqualTo("经度");
            assertThat(zh.get("key").asString()).isEqualTo("geometry.must-finite-numbers");
            assertThat(zh.get("row").asInt()).isEqualTo(3);
        });
    }
}
