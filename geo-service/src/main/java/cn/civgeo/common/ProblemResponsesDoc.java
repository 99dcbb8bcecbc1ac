package cn.civgeo.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the RFC 9457 problem answers ({@code application/problem+json}, schema {@code Problem}) on every
 * operation of the OpenAPI document: 400, 401, 403, 429, 500 and 503 (the database or a tool is unreachable,
 * DatabaseGate) everywhere, 404 where the path names a resource, 409 on writes (not on POSTs that change nothing: readOnly in openapi/operations.yml), 413 where a request body is taken
 * (BodySizeLimitFilter, upload limits); operations/exports with a size limit add 413 in openapi/operations.yml. Texts come from {@link ProblemType}; an operation's own answer for a status is kept. An
 * operation without a summary gets one from its operationId, and the licence an SPDX LicenseRef, so that the
 * document passes swagger-parser and Redocly's recommended rules (scripts/openapi-lint).
 */
@Configuration
class ProblemResponsesDoc {
    static final String PROBLEM = "application/problem+json";
    /** Set by OperationDocs on a POST that changes nothing (a lookup, a check, a batch geocode): no 409. */
    static final String READ_ONLY = "x-civgeo-read-only";

    @Bean
    OpenApiCustomizer problemAnswersInOpenApi() {
        return api -> {
            if (api.getComponents() == null) api.setComponents(new Components());
            api.getComponents().addSchemas("Problem", problemSchema());
            // OpenAPI 3.1 wants a license url or SPDX identifier; the project's licence is proprietary
            if (api.getInfo() != null && api.getInfo().getLicense() != null && api.getInfo().getLicense().getUrl() == null
                    && api.getInfo().getLicense().getIdentifier() == null) {
                api.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
            }
            if (api.getPaths() == null) return;
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                ApiResponses r = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                add(r, "400", ProblemType.VALIDATION);
                add(r, "401", ProblemType.UNAUTHENTICATED);
                add(r, "403", ProblemType.FORBIDDEN);
                if (path.contains("{")) add(r, "404", ProblemType.NOT_FOUND);
                String m = method.name();
                boolean readOnly = op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().remove(READ_ONLY));
                if (op.getExtensions() != null && op.getExtensions().isEmpty()) op.setExtensions(null);
                boolean write = m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE") || m.equals("POST");
                if (write && !readOnly) add(r, "409", ProblemType.STATE_CONFLICT);
                if (op.getRequestBody() != null) add(r, "413", ProblemType.TOO_LARGE);
                add(r, "429", ProblemType.RATE_LIMITED);
                add(r, "500", ProblemType.INTERNAL);
                add(r, "503", ProblemType.UNAVAILABLE);
                op.setResponses(r);
            }));
        };
    }

    static void add(ApiResponses r, String status, ProblemType type) {
        if (r.containsKey(status)) return;
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/Problem");
        MediaType mt = new MediaType().schema(ref).example(Map.of("type", type.type().toString(), "title", type.title(),
                "status", Integer.parseInt(status), "detail", type.title(), "instance", "/api/…"));
        r.addApiResponse(status, new ApiResponse().description(type.title()).content(new Content().addMediaType(PROBLEM, mt)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema().description("The parameter, property or row that is wrong"));
        field.addProperty("message", new StringSchema().description("What is wrong with it, in the request's language (Accept-Language)"));
        field.addProperty("row", new IntegerSchema().description("The 1-based data row of an import"));
        field.addProperty("label", new StringSchema().description("The field's name in Chinese (answers in Chinese only)"));
        field.addProperty("key", new StringSchema().description("The message's stable key (e.g. field.required), the same in every language: switch on it, not on the text"));
        ObjectSchema s = new ObjectSchema();
        s.description("RFC 9457 problem details");
        s.addProperty("type", new StringSchema().format("uri").description("Stable identifier of the kind of problem"));
        s.addProperty("title", new StringSchema());
        s.addProperty("status", new IntegerSchema());
        s.addProperty("detail", new StringSchema().description("What happened, for a person, in the request's language"));
        s.addProperty("detailKey", new StringSchema().description("The stable key of the detail's message, when it has one"));
        s.addProperty("instance", new StringSchema().description("The request path"));
        s.addProperty("errors", new ArraySchema().items(field));
        return s;
    }
}
