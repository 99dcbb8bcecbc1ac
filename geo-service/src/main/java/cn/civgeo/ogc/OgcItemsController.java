package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** OGC API – Features: the features of a collection (GeoJSON), filtered, paged and in the requested CRS. */
@RestController
@RequestMapping(OgcController.BASE + "/collections/{collectionId}")
@Tag(name = "OGC API Features")
class OgcItemsController {
    private static final MediaType GEOJSON = MediaType.parseMediaType(OgcController.GEOJSON);
    private static final Set<String> ITEM_PARAMS = Set.of("crs", "f");

    private final OgcCatalog catalog;
    private final OgcRepository repo;

    OgcItemsController(OgcCatalog catalog, OgcRepository repo) {
        this.catalog = catalog;
        this.repo = repo;
    }

    @GetMapping(value = "/items", produces = {OgcController.GEOJSON, OgcController.JSON, MediaType.ALL_VALUE})
    @Operation(summary = "Features of a collection", description = "GeoJSON features ordered by id, `limit` per page "
            + "(default 10, capped at 10000) with a `next` link; `bbox` selects features that intersect the box; "
            + "`datetime` selects records valid at that instant or during that interval; `filter` is CQL2 text "
            + "over the collection's queryables. Unknown parameters are refused (400).")
    ResponseEntity<String> items(HttpServletRequest req,
            @Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId,
            @Parameter(description = "Features per page: 1..10000 (larger values are capped); default 10", example = "100") @RequestParam(required = false) String limit,
            @Parameter(description = "Features to skip (the `next` link sets it)", example = "0") @RequestParam(required = false) String offset,
            @Parameter(description = "minx,miny,maxx,maxy in bbox-crs axis order (default CRS84: lon,lat)", example = "118.0,24.4,118.3,24.6") @RequestParam(required = false) String bbox,
            @Parameter(name = "bbox-crs", description = "CRS of bbox (URI); default CRS84", example = "http://www.opengis.net/def/crs/OGC/1.3/CRS84") @RequestParam(name = "bbox-crs", required = false) String bboxCrs,
            @Parameter(description = "RFC 3339 instant or interval (start/end, '..' = open)", example = "2024-01-01/..") @RequestParam(required = false) String datetime,
            @Parameter(description = "CRS of the answer (URI); default CRS84. EPSG:4490/4326 are latitude first, Gauss–Krüger northing first", example = "http://www.opengis.net/def/crs/EPSG/0/4490") @RequestParam(required = false) String crs,
            @Parameter(description = "CQL2 text filter over the queryables", example = "level = 3 AND name LIKE '%区'") @RequestParam(required = false) String filter,
            @Parameter(name = "filter-lang", description = "cql2-text (the only one)", example = "cql2-text") @RequestParam(name = "filter-lang", required = false) String filterLang,
            @Parameter(name = "filter-crs", description = "CRS of geometries in filter (URI); default CRS84", example = "http://www.opengis.net/def/crs/OGC/1.3/CRS84") @RequestParam(name = "filter-crs", required = false) String filterCrs,
            @Parameter(description = "Output format: json (GeoJSON)", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), OgcRequest.ITEMS_PARAMS);
        OgcRequest.format(f);
        OgcCollection c = catalog.get(collectionId);
        OgcCrs out = OgcCrs.parse(crs, "crs");
        OgcCrs bc = OgcCrs.parse(bboxCrs, "bbox-crs");
        if (bboxCrs != null && bbox == null) throw ApiException.badField("bbox-crs", "is given without bbox");
        double[] box = OgcRequest.bbox(bbox, bc);
        LocalDate[] dt = OgcRequest.datetime(datetime);
        OgcRequest.filterLang(filterLang);
        Cql2Parser.Sql where = filter == null ? null
                : Cql2Parser.parse(filter, catalog.queryables(c), OgcCrs.parse(filterCrs, "filter-crs"));
        ItemsQuery q = new ItemsQuery(box, bc, dt != null, dt == null ? null : dt[0], dt == null ? null : dt[1], where,
                out, OgcRequest.limit(limit), OgcRequest.offset(offset));
        OgcRepository.Page page = repo.items(c, q);

        StringBuilder sb = new StringBuilder(1024 + page.features().size() * 512);
        sb.append("{\"type\":\"FeatureCollection\",\"timeStamp\":\"").append(Instant.now())
                .append("\",\"numberMatched\":").append(page.matched())
                .append(",\"numberReturned\":").append(page.features().size()).append(",\"features\":[");
        for (int i = 0; i < page.features().size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(page.features().get(i));
        }
        sb.append("],\"links\":[");
        link(sb, ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), "self");
        if (q.offset() + page.features().size() < page.matched()) {
            sb.append(',');
            link(sb, ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", q.offset() + q.limit())
                    .replaceQueryParam("limit", q.limit()).build().toUriString(), "next");
        }
        if (q.offset() > 0) {
            sb.append(',');
            link(sb, ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("offset", Math.max(0, q.offset() - q.limit())).build().toUriString(), "prev");
        }
        sb.append(",{\"rel\":\"collection\",\"type\":\"application/json\",\"href\":\"")
                .append(json(OgcController.base() + "/collections/" + c.id())).append("\"}]}");
        return ResponseEntity.ok().contentType(GEOJSON).header("Content-Crs", out.header()).body(sb.toString());
    }

    @GetMapping(value = "/items/{featureId}", produces = {OgcController.GEOJSON, OgcController.JSON, MediaType.ALL_VALUE})
    @Operation(summary = "One feature", description = "A feature of the collection by its id, as GeoJSON.")
    ResponseEntity<String> item(HttpServletRequest req,
            @Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId,
            @Parameter(description = "Feature id", example = "350203") @PathVariable String featureId,
            @Parameter(description = "CRS of the answer (URI); default CRS84", example = "http://www.opengis.net/def/crs/OGC/1.3/CRS84") @RequestParam(required = false) String crs,
            @Parameter(description = "Output format: json (GeoJSON)", example = "json") @RequestParam(required = false) String f) {
        OgcRequest.onlyKnown(req.getParameterMap(), ITEM_PARAMS);
        OgcRequest.format(f);
        OgcCollection c = catalog.get(collectionId);
        OgcCrs out = OgcCrs.parse(crs, "crs");
        String feature = repo.item(c, featureId, out);
        if (feature == null) throw ApiException.notFound("Feature", c.id() + "/" + featureId);
        String self = OgcController.base() + "/collections/" + c.id() + "/items/" + featureId;
        String body = feature.substring(0, feature.length() - 1) + ",\"links\":[{\"rel\":\"self\",\"type\":\""
                + OgcController.GEOJSON + "\",\"href\":\"" + json(self) + "\"},{\"rel\":\"collection\",\"type\":\""
                + OgcController.JSON + "\",\"href\":\"" + json(OgcController.base() + "/collections/" + c.id()) + "\"}]}";
        return ResponseEntity.ok().contentType(GEOJSON).header("Content-Crs", out.header()).body(body);
    }

    private static void link(StringBuilder sb, String href, String rel) {
        sb.append("{\"rel\":\"").append(rel).append("\",\"type\":\"").append(OgcController.GEOJSON)
                .append("\",\"href\":\"").append(json(href)).append("\"}");
    }

    private static String json(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
