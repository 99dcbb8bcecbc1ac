package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16's OpenAPI promise on the running service's /v3/api-docs: every operation has a summary, a description
 * and a tag, every parameter a description and an example, every request body a schema, no response is
 * {@code *}{@code /*}, and every operation documents its problem+json answers (rules: {@link OpenApiCompleteness}).
 * The failure lists each operation and parameter that misses something.
 */
class OpenApiCompletenessIT extends IntegrationTest {
    @Test
    void everyOperationIsDocumented() {
        Response r = get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        List<String> findings = OpenApiCompleteness.findings(doc);
        assertThat(findings).as("undocumented parts of /v3/api-docs (%d):%n%s", findings.size(), String.join("\n", findings)).isEmpty();
        assertThat(doc.path("paths").size()).isGreaterThan(100);
    }
}
