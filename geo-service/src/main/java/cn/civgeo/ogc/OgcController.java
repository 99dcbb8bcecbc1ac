package cn.civgeo.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** OGC API – Features: landing page, conformance, collections and queryables (the metadata resources). */
@RestController
@RequestMapping(OgcController.BASE)
@Tag(name = "OGC API Features", description = "OGC API – Features Parts 1–3 over the published layers")
class OgcController {
    static final String BASE = "/api/ogc";
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String SCHEMA = "application/schema+json";
    private static final Set<String> ONLY_F = Set.of("f");
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus");

    private final OgcCatalog catalog;
    private final OgcRepository repo;

    OgcController(OgcCatalog catalog, OgcRepository repo) {
        this.catalog = catalog;
        this.repo = repo;
    }

    static String base() { return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).build().toUriString(); }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        if (title != null) l.put("title", title);
        return l;
    }

    @GetMapping(produces = {JSON, MediaType.ALL_VALUE})
    @Operation(summary = "Landing page", description = "Title, description and links to the API definition, the "
            + "conformance declaration and the collections (OGC API – Features Part 1, /req/core/root-success).")
    ResponseEntity<Map<String, Object>> landing(HttpServletRequest req,
                                                @Parameter(description = "Output format: json", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ONLY_F);
        OgcRequest.format(f);
        String b = base();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "CivGeo OGC API – Features");
        out.put("description", "Divisions, boundaries, place names, addresses, facilities and coverage of CivGeo "
                + "(CGCS2000). 行政区划、界线、地名、地址、设施与覆盖分析的开放接口。");
        String docs = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        out.put("links", List.of(link(b, "self", JSON, "This document"),
                link(b + "/api", "service-desc", OgcApiDefinition.OPENAPI, "The OGC API definition"),
                link(docs + "/swagger-ui.html", "service-doc", "text/html", "The API documentation"),
                link(b + "/conformance", "conformance", JSON, "Conformance classes"),
                link(b + "/collections", "data", JSON, "The collections")));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
    }

    @GetMapping(value = "/conformance", produces = {JSON, MediaType.ALL_VALUE})
    @Operation(summary = "Conformance classes", description = "The OGC API – Features and CQL2 conformance classes this service implements.")
    ResponseEntity<Map<String, Object>> conformance(HttpServletRequest req,
                                                    @Parameter(description = "Output format: json", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ONLY_F);
        OgcRequest.format(f);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("conformsTo", CONFORMANCE));
    }

    @GetMapping(value = "/collections", produces = {JSON, MediaType.ALL_VALUE})
    @Operation(summary = "The collections", description = "Every public layer with its extent (CRS84 bbox, validity "
            + "interval where records have one), the CRSs it is served in and links to its items and queryables.")
    ResponseEntity<Map<String, Object>> collections(HttpServletRequest req,
                                                    @Parameter(description = "Output format: json", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ONLY_F);
        OgcRequest.format(f);
        List<Map<String, Object>> list = new ArrayList<>();
        for (OgcCollection c : catalog.collections()) list.add(describe(c));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", List.of(link(base() + "/collections", "self", JSON, "This document")));
        out.put("crs", OgcCrs.supportedUris());
        out.put("collections", list);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
    }

    @GetMapping(value = "/collections/{collectionId}", produces = {JSON, MediaType.ALL_VALUE})
    @Operation(summary = "One collection", description = "A layer's description, extent, CRSs and links.")
    ResponseEntity<Map<String, Object>> collection(HttpServletRequest req,
                                                   @Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId,
                                                   @Parameter(description = "Output format: json", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ONLY_F);
        OgcRequest.format(f);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(describe(catalog.get(collectionId)));
    }

    private Map<String, Object> describe(OgcCollection c) {
        String self = base() + "/collections/" + c.id();
        OgcRepository.Extent e = repo.extent(c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("title", c.titleZh() + " " + c.titleEn());
        out.put("description", c.titleEn() + " (" + c.titleZh() + "), geometry " + c.geometryType()
                + ", from the read-only view " + c.view() + (c.fixedColumn() == null ? "" : " where " + c.fixedColumn()
                + " = " + c.fixedValue()));
        out.put("itemType", "feature");
        out.put("geometryType", c.geometryType());
        Map<String, Object> extent = new LinkedHashMap<>();
        Map<String, Object> spatial = new LinkedHashMap<>();
        if (e.bbox() != null) spatial.put("bbox", List.of(List.of(e.bbox()[0], e.bbox()[1], e.bbox()[2], e.bbox()[3])));
        spatial.put("crs", OgcCrs.CRS84_URI);
        extent.put("spatial", spatial);
        if (c.temporal()) {
            Map<String, Object> temporal = new LinkedHashMap<>();
            List<String> interval = new ArrayList<>();
            interval.add(e.from());
            interval.add(e.to());
            temporal.put("interval", List.of(interval));
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            extent.put("temporal", temporal);
        }
        out.put("extent", extent);
        out.put("crs", OgcCrs.supportedUris());
        out.put("storageCrs", OgcCrs.STORAGE.uri());
        out.put("links", List.of(link(self, "self", JSON, "This collection"),
                link(self + "/items", "items", GEOJSON, "Features as GeoJSON"),
                link(self + "/items?f=json", "alternate", GEOJSON, "Features (GeoJSON, explicit format)"),
                link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", SCHEMA, "Queryables"),
                link(self + "/queryables", "queryables", SCHEMA, "Queryables (draft relation name, read by GDAL < 3.7)")));
        return out;
    }

    @GetMapping(value = "/collections/{collectionId}/queryables", produces = {SCHEMA, JSON, MediaType.ALL_VALUE})
    @Operation(summary = "Queryables of a collection", description = "A JSON Schema of the properties that `filter` "
            + "(CQL2 text) may use; `geometry` is the spatial property for S_INTERSECTS.")
    ResponseEntity<Map<String, Object>> queryables(HttpServletRequest req,
                                                   @Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId,
                                                   @Parameter(description = "Output format: json", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ONLY_F);
        OgcRequest.format(f);
        OgcCollection c = catalog.get(collectionId);
        Map<String, Object> props = new LinkedHashMap<>();
        for (Queryable q : catalog.queryables(c).values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", q.name());
            if (q.type() == Queryable.Type.GEOMETRY) {
                p.put("format", "geometry-" + c.geometryType().toLowerCase(java.util.Locale.ROOT));
                p.put("$ref", "https://geojson.org/schema/" + c.geometryType() + ".json");
            } else {
                p.put("type", q.type().jsonType);
                if (q.type() == Queryable.Type.DATE) p.put("format", "date");
            }
            props.put(q.name(), p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        out.put("$id", base() + "/collections/" + c.id() + "/queryables");
        out.put("type", "object");
        out.put("title", c.titleZh() + " " + c.titleEn());
        out.put("properties", props);
        out.put("additionalProperties", false);
        // The draft form (a list of ids) as well: GDAL 3.6 pushes a -where down only for properties listed here.
        out.put("queryables", catalog.queryables(c).values().stream()
                .filter(q -> q.type() != Queryable.Type.GEOMETRY).map(q -> Map.of("id", q.name())).toList());
        // application/schema+json unless the client asked for JSON without it (GDAL 3.6 refuses other types).
        String accept = req.getHeader("Accept");
        boolean plain = accept != null && !accept.contains("schema+json") && accept.contains(JSON);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(plain ? JSON : SCHEMA)).body(out);
    }
}
