package cn.civgeo.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What issue #16 asks of every operation of the OpenAPI document, as a list of findings, one line each naming the
 * operation ("GET /api/divisions/{code}") and the part that misses something, so a new endpoint added without
 * documentation is named exactly: a summary, a description and a tag (declared with a description); for every parameter a description and an
 * example; a request body with a schema and (unless multipart, a file upload) an example; no {@code *}{@code /*} media type; at least one 4xx or 5xx answer in
 * {@code application/problem+json} with a schema.
 */
public final class OpenApiCompleteness {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiCompleteness() {}

    public static List<String> findings(JsonNode doc) {
        List<String> out = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            out.add("the document has no paths");
            return out;
        }
        java.util.Map<String, String> declared = new java.util.HashMap<>();
        doc.path("tags").forEach(t -> declared.put(t.path("name").asString(), t.path("description").asString("")));
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (var path : paths.properties()) {
            for (var m : path.getValue().properties()) {
                for (JsonNode t : m.getValue().path("tags")) {
                    String tag = t.asString();
                    if (declared.getOrDefault(tag, "").isBlank() && reported.add(tag)) out.add("tag '" + tag + "' is not declared with a description");
                }
            }
        }
        for (var path : paths.properties()) {
            JsonNode item = path.getValue();
            List<JsonNode> shared = new ArrayList<>();
            item.path("parameters").forEach(shared::add);
            for (var m : item.properties()) {
                if (!METHODS.contains(m.getKey())) continue;
                String op = m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                check(op, m.getValue(), shared, doc, out);
            }
        }
        return out;
    }

    private static void check(String op, JsonNode o, List<JsonNode> shared, JsonNode doc, List<String> out) {
        if (blank(o.path("summary"))) out.add(op + ": no summary");
        if (blank(o.path("description"))) out.add(op + ": no description");
        if (!o.path("tags").isArray() || o.path("tags").isEmpty() || blank(o.path("tags").get(0))) out.add(op + ": no tag");
        List<JsonNode> params = new ArrayList<>(shared);
        o.path("parameters").forEach(params::add);
        for (JsonNode p : params) {
            p = resolve(p, doc);
            String name = "parameter '" + p.path("name").asString("?") + "' (" + p.path("in").asString("?") + ")";
            if (blank(p.path("description"))) out.add(op + ": " + name + " has no description");
            boolean example = p.has("example") || (p.path("examples").isObject() && !p.path("examples").isEmpty())
                    || resolve(p.path("schema"), doc).has("example");
            if (!example) out.add(op + ": " + name + " has no example");
        }
        JsonNode body = resolve(o.path("requestBody"), doc);
        if (!body.isMissingNode()) {
            if (!body.path("content").isObject() || body.path("content").isEmpty()) out.add(op + ": request body has no content");
            for (var c : body.path("content").properties()) {
                if (c.getKey().equals("*/*")) out.add(op + ": request body media type */*");
                if (c.getValue().path("schema").isMissingNode() || c.getValue().path("schema").isEmpty())
                    out.add(op + ": request body " + c.getKey() + " has no schema");
                boolean example = c.getValue().has("example") || !c.getValue().path("examples").isEmpty()
                        || resolve(c.getValue().path("schema"), doc).has("example");
                if (!example && !c.getKey().startsWith("multipart/")) out.add(op + ": request body " + c.getKey() + " has no example");
            }
        }
        boolean problem = false;
        JsonNode responses = o.path("responses");
        if (!responses.isObject() || responses.isEmpty()) out.add(op + ": no responses");
        for (var r : responses.properties()) {
            JsonNode resp = resolve(r.getValue(), doc);
            for (var c : resp.path("content").properties()) {
                if (c.getKey().equals("*/*")) out.add(op + ": response " + r.getKey() + " media type */*");
                if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && c.getKey().equals("application/problem+json")
                        && !c.getValue().path("schema").isMissingNode()) problem = true;
            }
        }
        if (!problem) out.add(op + ": no application/problem+json error response");
    }

    private static JsonNode resolve(JsonNode n, JsonNode doc) {
        String ref = n.path("$ref").asString("");
        if (!ref.startsWith("#/")) return n;
        JsonNode t = doc;
        for (String part : ref.substring(2).split("/")) t = t.path(part.replace("~1", "/").replace("~0", "~"));
        return t;
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.asString("").isBlank();
    }
}
