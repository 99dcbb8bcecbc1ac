package cn.civgeo.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OGC API's own definition (the landing page's {@code service-desc}): an OpenAPI 3.0 document whose server is
 * {@code /api/ogc} and whose paths are the OGC resource paths ({@code /collections/{collectionId}/items}), as OGC
 * clients look them up. GDAL's OAPIF driver reads the items parameters here: a {@code filter-lang} enumerating
 * {@code cql-text} is what makes GDAL (3.6) push {@code -where} to the server as a filter. The whole service's
 * document stays at {@code /v3/api-docs}.
 */
@RestController
@Tag(name = "OGC API Features")
class OgcApiDefinition {
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    @GetMapping(value = OgcController.BASE + "/api", produces = {OPENAPI, OgcController.JSON, MediaType.ALL_VALUE})
    @Operation(summary = "The OGC API definition", description = "OpenAPI 3.0 document of the OGC API – Features "
            + "resources, relative to /api/ogc (the landing page's service-desc).")
    ResponseEntity<Map<String, Object>> definition() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "CivGeo OGC API – Features", "version", "1.0.0",
                "description", "Parts 1 (Core, GeoJSON), 2 (CRS by reference) and 3 (queryables, CQL2 text)."));
        doc.put("servers", List.of(Map.of("url", OgcController.base())));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landing", "Landing page", List.of(), OgcController.JSON));
        paths.put("/conformance", get("conformance", "Conformance classes", List.of(), OgcController.JSON));
        paths.put("/collections", get("collections", "The collections", List.of(), OgcController.JSON));
        paths.put("/collections/{collectionId}", get("collection", "One collection", List.of(path("collectionId")),
                OgcController.JSON));
        Map<String, Object> limit = query("limit", "integer", "Features per page (1..10000, default 10; larger values are capped)", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> limitSchema = (Map<String, Object>) limit.get("schema");
        limitSchema.put("minimum", 1);
        limitSchema.put("maximum", OgcRequest.MAX_LIMIT);
        limitSchema.put("default", OgcRequest.DEFAULT_LIMIT);
        List<Map<String, Object>> items = new ArrayList<>(List.of(path("collectionId"), limit,
                query("offset", "integer", "Features to skip", null),
                query("bbox", "string", "minx,miny,maxx,maxy in bbox-crs (default CRS84)", null),
                query("bbox-crs", "string", "CRS of bbox", OgcCrs.supportedUris()),
                query("datetime", "string", "RFC 3339 instant or interval", null),
                query("crs", "string", "CRS of the answer", OgcCrs.supportedUris()),
                query("filter", "string", "CQL2 text filter over the queryables", null),
                query("filter-lang", "string", "Filter language (cql-text is accepted as the draft name of cql2-text)",
                        List.of("cql2-text", "cql-text")),
                query("filter-crs", "string", "CRS of geometries in filter", OgcCrs.supportedUris())));
        paths.put("/collections/{collectionId}/items", get("items", "Features of a collection", items, OgcController.GEOJSON));
        paths.put("/collections/{collectionId}/items/{featureId}", get("item", "One feature",
                List.of(path("collectionId"), path("featureId"), query("crs", "string", "CRS of the answer",
                        OgcCrs.supportedUris())), OgcController.GEOJSON));
        paths.put("/collections/{collectionId}/queryables", get("queryables", "Queryables (JSON Schema)",
                List.of(path("collectionId")), OgcController.SCHEMA));
        doc.put("paths", paths);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OPENAPI)).body(doc);
    }

    private static Map<String, Object> get(String id, String summary, List<Map<String, Object>> params, String type) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("parameters", params);
        op.put("responses", Map.of(
                "200", Map.of("description", summary, "content", Map.of(type, Map.of("schema", Map.of("type", "object")))),
                "400", problem("Invalid parameter (the problem names it)"),
                "404", problem("No such collection or feature")));
        return Map.of("get", op);
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description,
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> path(String name) {
        return Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> query(String name, String type, String description, List<String> values) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (values != null) schema.put("enum", values);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
