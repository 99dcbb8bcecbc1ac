package cn.civgeo.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.yaml.snakeyaml.Yaml;

/**
 * The hand-written parts of the OpenAPI document that do not fit an annotation, from
 * {@code resources/openapi/operations.yml}:
 * <ul>
 * <li>{@code operations."METHOD /path"}: the description (used when the controller's {@code @Operation} gives
 * none), parameter descriptions and examples, a request body example, the media types of binary answers
 * ({@code produces: {"200": [text/csv, …]}}), the request media types of a handler reading the raw body
 * ({@code consumes: {type: example}}), a 202 job answer ({@code accepted: true}), {@code readOnly: true} for a POST
 * that changes nothing (no 409) and extra problem statuses
 * ({@code problems: [413, 503]});</li>
 * <li>{@code parameters}: the description and example of parameters that recur under one name (limit, offset,
 * crs, asOf …), used where an operation says nothing of its own;</li>
 * <li>{@code ids}: a demo record id per resource path, the example of its {@code {id}} path parameter;</li>
 * <li>{@code tags}: descriptions of feature tags that the controllers name without one.</li>
 * </ul>
 * Who may call comes from the handler's {@code @PreAuthorize} and the URL rules of SecurityConfig and is appended
 * to the description. A {@code *}{@code /*} answer becomes {@code application/json} (Spring answers JSON for a
 * record) unless the operation lists its binary types. What is left undocumented stays so and is named by
 * OpenApiCompletenessIT.
 */
@Configuration
class OperationDocs {
    static final String ACCESS = "x-civgeo-access";
    private static final Pattern ROLES = Pattern.compile("'([A-Z_]+)'");

    private final Map<String, Object> ops;
    private final Map<String, Object> params;
    private final Map<String, Object> ids;
    private final Map<String, Object> tags;
    private final boolean anonymousRead;

    @SuppressWarnings("unchecked")
    OperationDocs(@Value("${civgeo.security.anonymous-read:true}") boolean anonymousRead) {
        this.anonymousRead = anonymousRead;
        try (InputStream in = new ClassPathResource("openapi/operations.yml").getInputStream()) {
            Map<String, Object> root = new Yaml().load(in);
            ops = (Map<String, Object>) root.getOrDefault("operations", Map.of());
            params = (Map<String, Object>) root.getOrDefault("parameters", Map.of());
            ids = (Map<String, Object>) root.getOrDefault("ids", Map.of());
            tags = (Map<String, Object>) root.getOrDefault("tags", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roles of the handler's @PreAuthorize, kept on the operation until the document is put together. */
    @Bean
    OperationCustomizer accessFromPreAuthorize() {
        return (op, handler) -> {
            PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (pre == null) pre = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            if (pre != null) op.addExtension(ACCESS, pre.value());
            return op;
        };
    }

    /** Runs before the problem answers are added (ProblemResponsesDoc), so its extra statuses are kept. */
    @Bean
    @Order(0)
    OpenApiCustomizer handWrittenOperationDocs() {
        return api -> {
            // Jackson's JsonNode (GeoJSON geometries in requests, before/after in the audit trail) is any JSON value,
            // not the bean of its isXxx() methods that the model resolver makes of it
            if (api.getComponents() != null && api.getComponents().getSchemas() != null
                    && api.getComponents().getSchemas().containsKey("JsonNode")) {
                api.getComponents().getSchemas().put("JsonNode", new Schema<>().description("Any JSON value. As geometry or area "
                        + "of a request: a GeoJSON geometry object (RFC 7946: type, coordinates); in the audit trail: the record "
                        + "before or after the change."));
            }
            if (api.getPaths() == null) return;
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                    apply(api, method.name(), path, op)));
            // every tag an operation names is declared, with its description
            java.util.Set<String> declared = new java.util.HashSet<>();
            if (api.getTags() != null) api.getTags().forEach(t -> declared.add(t.getName()));
            new java.util.TreeSet<>(api.getPaths().values().stream().flatMap(i -> i.readOperations().stream())
                    .flatMap(o -> o.getTags() == null ? java.util.stream.Stream.<String>empty() : o.getTags().stream())
                    .toList()).forEach(name -> {
                        if (declared.add(name)) api.addTagsItem(new io.swagger.v3.oas.models.tags.Tag().name(name)
                                .description((String) tags.get(name)));
                    });
        };
    }

    /** The hand-written docs of {@code operations.yml} for one operation, in the order: text, parameters, bodies, answers. */
    @SuppressWarnings("unchecked")
    private void apply(OpenAPI api, String method, String path, Operation op) {
        Map<String, Object> doc = (Map<String, Object>) ops.getOrDefault(method + " " + path, Map.of());
        describe(op, doc, method, path);
        Map<String, Object> own = (Map<String, Object>) doc.getOrDefault("parameters", Map.of());
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) parameter(p, own, path);
        }
        requestBody(op, doc);
        responses(op, doc);
    }

    /** Summary and description (when the annotations give none), the description ending in who may call. */
    private void describe(Operation op, Map<String, Object> doc, String method, String path) {
        if (blank(op.getSummary()) && doc.get("summary") != null) op.setSummary((String) doc.get("summary"));
        String description = blank(op.getDescription()) ? (String) doc.get("description") : op.getDescription();
        Object access = op.getExtensions() == null ? null : op.getExtensions().remove(ACCESS);
        if (op.getExtensions() != null && op.getExtensions().isEmpty()) op.setExtensions(null);
        if (!blank(description)) op.setDescription(description.strip() + "\n\n**Who may call:** " + access(method, path, (String) access));
    }

    /** A parameter's description and example: the operation's own, else the shared one, else the path id's. */
    @SuppressWarnings("unchecked")
    private void parameter(Parameter p, Map<String, Object> own, String path) {
        Map<String, Object> mine = (Map<String, Object>) own.get(p.getName());
        Map<String, Object> d = mine != null ? mine : (Map<String, Object>) params.get(p.getName());
        if (d != null) {
            if (blank(p.getDescription()) && d.get("description") != null) p.setDescription((String) d.get("description"));
            // the operation's own example wins over an annotation's (it was chosen to work with the others)
            if ((p.getExample() == null || mine != null) && d.containsKey("example")) p.setExample(d.get("example"));
        }
        if ("path".equals(p.getIn()) && "id".equals(p.getName()) && path.contains("/{id}")) {
            Map<String, Object> id = (Map<String, Object>) ids.get(path.substring(0, path.indexOf("/{id}")));
            if (id != null) {
                if (p.getExample() == null) p.setExample(id.get("example"));
                if (blank(p.getDescription())) p.setDescription((String) id.get("description"));
            }
        }
        exampleOfItsType(p);
    }

    /** An example of the parameter's own type (springdoc reads example = "350200" of an annotation as a number). */
    private static void exampleOfItsType(Parameter p) {
        if (p.getExample() != null && p.getSchema() != null) {
            String t = type(p.getSchema());
            Object ex = p.getExample();
            boolean scalarNode = ex.getClass().getSimpleName().matches("(Int|Long|Short|BigInteger|Double|Float|Decimal|Boolean)Node");
            if ("string".equals(t) && scalarNode) {
                p.setExample(ex.toString());
            } else if ("string".equals(t) && (ex instanceof Number || ex instanceof Boolean)) {
                p.setExample(p.getExample() instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(p.getExample()));
            } else if ("integer".equals(t) && p.getExample() instanceof String s && s.matches("-?\\d+")) {
                p.setExample(Long.parseLong(s));
            }
        }
    }

    /** The request's real media types ({@code consumes}) and body examples ({@code body}). */
    @SuppressWarnings("unchecked")
    private static void requestBody(Operation op, Map<String, Object> doc) {
        if (op.getRequestBody() != null && doc.containsKey("consumes")) {
            // the real request media types of a handler that reads the raw body (byte[]): schema and example each
            Map<String, Object> types = (Map<String, Object>) doc.get("consumes");
            Content c = new Content();
            types.forEach((type, example) -> {
                boolean json = type.endsWith("json");
                Schema<?> schema = json ? new ObjectSchema() : new StringSchema();
                c.addMediaType(type, new MediaType().schema(schema).example(example));
            });
            if (op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().forEach((type, mt) -> {
                    if (!type.startsWith("!") && !type.equals("*/*") && !c.containsKey(type)) c.addMediaType(type, mt);
                });
            }
            op.getRequestBody().setContent(c);
        }
        if (op.getRequestBody() != null && doc.containsKey("body") && op.getRequestBody().getContent() != null) {
            Map<String, Object> bodies = (Map<String, Object>) doc.get("body");
            op.getRequestBody().getContent().forEach((type, mt) -> {
                if (bodies.containsKey(type) && mt.getExample() == null) mt.setExample(bodies.get(type));
            });
        }
    }

    /** The answers' media types, the 202 of an async job, the read-only mark and the listed problem answers. */
    @SuppressWarnings("unchecked")
    private static void responses(Operation op, Map<String, Object> doc) {
        Map<String, Object> produces = (Map<String, Object>) doc.getOrDefault("produces", Map.of());
        if (op.getResponses() != null) {
            op.getResponses().forEach((status, r) -> mediaTypes(status, r, (List<String>) produces.get(status)));
        }
        if (Boolean.TRUE.equals(doc.get("accepted")) && op.getResponses() != null && !op.getResponses().containsKey("202")) {
            op.getResponses().addApiResponse("202", new ApiResponse().description("async=true: the background job (poll GET /api/jobs/{id})")
                    .content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Job")))));
        }
        if (Boolean.TRUE.equals(doc.get("readOnly"))) op.addExtension(ProblemResponsesDoc.READ_ONLY, true);
        for (Object status : (List<Object>) doc.getOrDefault("problems", List.of())) {
            ProblemResponsesDoc.add(op.getResponses(), String.valueOf(status), problemFor(String.valueOf(status)));
        }
    }

    private static ProblemType problemFor(String status) {
        for (ProblemType t : ProblemType.values()) if (String.valueOf(t.status().value()).equals(status)) return t;
        throw new IllegalArgumentException("openapi/operations.yml: no problem type for status " + status);
    }

    /** Real media types: the listed binary types, or application/json for a record answered as {@code *}{@code /*}. */
    private static void mediaTypes(String status, ApiResponse r, List<String> binary) {
        if (binary != null) {
            Content c = new Content();
            Schema<?> keep = r.getContent() == null ? null : r.getContent().values().stream().map(MediaType::getSchema)
                    .filter(s -> s != null).findFirst().orElse(null);
            for (String t : binary) {
                boolean json = t.endsWith("json") && !t.endsWith("ndjson");
                boolean text = t.startsWith("text/") || t.endsWith("+xml") || t.endsWith("ndjson");
                Schema<?> schema = json ? (keep != null && !"string".equals(type(keep)) ? keep : new ObjectSchema())
                        : text ? new StringSchema() : new BinarySchema();
                c.addMediaType(t, new MediaType().schema(schema));
            }
            r.setContent(c);
            return;
        }
        Content c = r.getContent();
        if (c == null || !c.containsKey("*/*")) return;
        MediaType any = c.get("*/*");
        if (c.size() > 1) {
            c.remove("*/*");
            return;
        }
        Schema<?> s = any.getSchema();
        if (s != null && "string".equals(type(s)) && ("byte".equals(s.getFormat()) || "binary".equals(s.getFormat()))) return;
        Content json = new Content();
        json.addMediaType("application/json", any);
        r.setContent(json);
    }

    private static String type(Schema<?> s) {
        if (s.getType() != null) return s.getType();
        return s.getTypes() == null || s.getTypes().isEmpty() ? null : s.getTypes().iterator().next();
    }

    /** Who may call, in words, from the @PreAuthorize expression and SecurityConfig's URL rules. */
    String access(String method, String path, String expression) {
        List<String> rules = new ArrayList<>();
        if (path.startsWith("/api/audit") || path.startsWith("/api/users") || path.startsWith("/api/api-clients")) {
            return "role ADMIN.";
        }
        if (expression != null) {
            if (expression.contains("isAuthenticated()")) rules.add("any signed-in user or API client");
            Matcher m = ROLES.matcher(expression);
            List<String> roles = new ArrayList<>();
            while (m.find()) roles.add(m.group(1));
            if (!roles.isEmpty()) rules.add((roles.size() == 1 ? "role " : "roles ") + String.join(", ", roles));
            if (rules.isEmpty()) rules.add("`" + expression + "`");
            return String.join("; ", rules) + ".";
        }
        if (path.equals("/api/auth/login")) return "anyone (this is how you sign in).";
        if (!path.startsWith("/api/")) return "anyone.";
        if (method.equals("GET") || method.equals("HEAD")) {
            return anonymousRead ? "anyone, also anonymously (civgeo.security.anonymous-read=true, the default); "
                    + "with anonymous-read=false any signed-in user or API client." : "any signed-in user or API client.";
        }
        return "any signed-in user or API client.";
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
