package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Issue #16's OpenAPI promise on the running service's /v3/api-docs: every operation has a summary, a description
 * and a tag, every parameter a description and an example, every request body a schema (and an example unless it
 * is a file upload), no answer is {@code *}{@code /*}, and every operation documents its problem+json answers
 * (rules: {@link OpenApiCompleteness}). The failure lists each operation and parameter that misses something, so
 * an endpoint added without documentation is named. Also: no entry of openapi/operations.yml names an operation or
 * parameter that does not exist (a renamed endpoint would otherwise silently lose its documentation).
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
        // the cross-cutting parts: who may call, problem answers with the Problem schema, real media types
        JsonNode facility = doc.path("paths").path("/api/facilities").path("post");
        assertThat(facility.path("description").asString()).contains("**Who may call:**");
        assertThat(facility.path("responses").path("409").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.path("paths").path("/api/plans/{id}/report.pdf").path("get").path("responses").path("200")
                .path("content").has("application/pdf")).isTrue();
        assertThat(doc.path("paths").path("/api/place-names/export").path("get").path("responses").path("200")
                .path("content").has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        assertThat(doc.path("components").path("schemas").path("Problem").path("properties").has("detail")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHandWrittenEntryNamesAnExistingOperationAndParameter() throws Exception {
        JsonNode paths = get("/v3/api-docs").json().path("paths");
        Map<String, Object> root;
        try (InputStream in = new ClassPathResource("openapi/operations.yml").getInputStream()) {
            root = new Yaml().load(in);
        }
        List<String> stale = new ArrayList<>();
        for (var e : ((Map<String, Object>) root.get("operations")).entrySet()) {
            String[] mp = e.getKey().split(" ", 2);
            JsonNode op = paths.path(mp[1]).path(mp[0].toLowerCase(java.util.Locale.ROOT));
            if (op.isMissingNode()) {
                stale.add(e.getKey() + ": no such operation");
                continue;
            }
            Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) e.getValue()).getOrDefault("parameters", Map.of());
            for (String name : params.keySet()) {
                boolean found = false;
                for (JsonNode p : op.path("parameters")) found |= p.path("name").asString().equals(name);
                if (!found) stale.add(e.getKey() + ": no parameter " + name);
            }
        }
        for (String prefix : ((Map<String, Object>) root.get("ids")).keySet()) {
            boolean used = false;
            for (var path : paths.properties()) used |= path.getKey().startsWith(prefix + "/{id}");
            if (!used) stale.add("ids." + prefix + ": no path " + prefix + "/{id}…");
        }
        assertThat(stale).as("stale entries of openapi/operations.yml:%n%s", String.join("\n", stale)).isEmpty();
    }
}
