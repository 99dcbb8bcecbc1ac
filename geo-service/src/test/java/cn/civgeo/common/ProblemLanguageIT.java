package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Problem answers in the language the request prefers: Chinese for zh, English otherwise (#12, #15). */
class ProblemLanguageIT extends IntegrationTest {

    private Response getIn(String path, String acceptLanguage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
        return send(b);
    }

    @Test
    void aBadFieldIsNamedAndExplainedInChineseWhenZhIsPreferred() {
        Response r = getIn("/api/boundary/lines?within=100", "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Content-Language")).isEqualTo("zh-CN");
        JsonNode p = r.json();
        assertThat(p.get("title").asString()).isEqualTo("请求有误");
        JsonNode e = p.get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo("within");      // the API name stays for programs
        assertThat(e.get("label").asString()).isEqualTo("区域");
        assertThat(e.get("message").asString()).isEqualTo("须为 6 位行政区划代码（或 9 位乡级代码）");
        assertThat(p.get("detail").asString()).isEqualTo("区域：须为 6 位行政区划代码（或 9 位乡级代码）");
        JsonNode en = getIn("/api/boundary/lines?within=100", "en").json();
        assertThat(e.get("key").asString()).as("the message's stable key, the same in both languages")
                .isEqualTo(en.get("errors").get(0).get("key").asString()).isEqualTo("more.must-6-digit-division-code-9");
        assertThat(p.get("detailKey").asString()).isEqualTo(en.get("detailKey").asString());
    }

    @Test
    void englishStaysTheDefaultForClientsThatSendNothingOrPreferEnglish() {
        for (String lang : new String[] {null, "en-US,en;q=0.9", "fr-FR, en;q=0.5, zh;q=0.3"}) {
            Response r = getIn("/api/boundary/lines?within=100", lang);
            assertThat(r.status()).isEqualTo(400);
            JsonNode e = r.json().get("errors").get(0);
            assertThat(e.get("message").asString()).as(lang).isEqualTo("must be a 6-digit division code (or a 9-digit township code)");
            assertThat(e.has("label")).as(lang).isFalse();
            assertThat(r.json().get("title").asString()).isEqualTo("Invalid request");
            assertThat(r.header("Content-Language")).isEqualTo("en");
        }
    }

    @Test
    void securityAnswersAndMissingRecordsAreChineseToo() {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
                .header("Accept-Language", "zh").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        Response r = send(b);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("title").asString()).isEqualTo("需要登录");

        Response missing = getIn("/api/divisions/999999999999", "zh");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("title").asString()).isEqualTo("不存在");
        assertThat(missing.json().get("detail").asString()).doesNotContainPattern("[A-Za-z]{4,}");
    }
}
