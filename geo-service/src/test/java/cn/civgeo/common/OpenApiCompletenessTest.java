package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The completeness rules on small hand-made documents: a complete one passes, each gap is named exactly. */
class OpenApiCompletenessTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private static final String COMPLETE = """
            {"openapi":"3.1.0","tags":[{"name":"Divisions","description":"d"},{"name":"Plans","description":"p"}],"paths":{"/api/divisions/{code}":{"get":{
              "summary":"One unit","description":"The unit and its parents.","tags":["Divisions"],
              "parameters":[{"name":"code","in":"path","required":true,"description":"Division code","example":"350203",
                             "schema":{"type":"string"}}],
              "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object"}}}},
                           "404":{"description":"no such unit","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
              "/api/plans":{"post":{"summary":"New plan","description":"Creates a plan.","tags":["Plans"],
              "requestBody":{"content":{"application/json":{"schema":{"type":"object"},"example":{"name":"x"}}}},
              "responses":{"201":{"description":"ok","content":{"application/json":{"schema":{"type":"object"}}}},
                           "400":{"$ref":"#/components/responses/Bad"}}}}},
             "components":{"schemas":{"Problem":{"type":"object"}},
               "responses":{"Bad":{"description":"bad","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}}
            """;

    @Test
    void aCompleteDocumentHasNoFindings() {
        assertThat(OpenApiCompleteness.findings(json.readTree(COMPLETE))).isEmpty();
    }

    @Test
    void aMissingDescriptionIsNamedWithItsOperation() {
        String doc = COMPLETE.replace("\"description\":\"The unit and its parents.\",", "");
        assertThat(OpenApiCompleteness.findings(json.readTree(doc))).containsExactly("GET /api/divisions/{code}: no description");
    }

    @Test
    void aParameterWithoutDescriptionOrExampleIsNamed() {
        String doc = COMPLETE.replace("\"description\":\"Division code\",\"example\":\"350203\",", "");
        assertThat(OpenApiCompleteness.findings(json.readTree(doc))).containsExactly(
                "GET /api/divisions/{code}: parameter 'code' (path) has no description",
                "GET /api/divisions/{code}: parameter 'code' (path) has no example");
    }

    @Test
    void aTagWithoutDescriptionIsNamedOnce() {
        String doc = COMPLETE.replace("{\"name\":\"Plans\",\"description\":\"p\"}", "{\"name\":\"Plans\"}");
        assertThat(OpenApiCompleteness.findings(json.readTree(doc))).containsExactly("tag 'Plans' is not declared with a description");
    }

    @Test
    void wildcardMediaTypesMissingProblemAnswersTagsAndBodySchemasAreNamed() {
        String doc = COMPLETE.replace("\"201\":{\"description\":\"ok\",\"content\":{\"application/json\"", "\"201\":{\"description\":\"ok\",\"content\":{\"*/*\"")
                .replace("\"400\":{\"$ref\":\"#/components/responses/Bad\"}", "\"400\":{\"description\":\"bad\"}")
                .replace("\"tags\":[\"Plans\"],", "")
                .replace("\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\"},\"example\":{\"name\":\"x\"}}}}",
                        "\"requestBody\":{\"content\":{\"application/json\":{}}}");
        assertThat(OpenApiCompleteness.findings(json.readTree(doc))).containsExactly(
                "POST /api/plans: no tag",
                "POST /api/plans: request body application/json has no schema",
                "POST /api/plans: request body application/json has no example",
                "POST /api/plans: response 201 media type */*",
                "POST /api/plans: no application/problem+json error response");
    }
}
