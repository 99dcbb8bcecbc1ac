package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A whole collection (optionally filtered) as a desktop GIS file written by GDAL. */
@RestController
@Tag(name = "OGC API Features")
class OgcExportController {
    static final int EXPORT_MAX = 100_000;
    private static final Set<String> PARAMS = Set.of("format", "encoding", "bbox", "datetime", "filter", "filter-lang");

    private final OgcCatalog catalog;
    private final OgcRepository repo;
    private final OgcExporter exporter;

    OgcExportController(OgcCatalog catalog, OgcRepository repo, OgcExporter exporter) {
        this.catalog = catalog;
        this.repo = repo;
        this.exporter = exporter;
    }

    @GetMapping(value = OgcController.BASE + "/collections/{collectionId}/export", produces = {
            "application/geopackage+sqlite3", "application/zip", "application/vnd.google-earth.kmz", "application/flatgeobuf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.ALL_VALUE})
    @Operation(summary = "Export a collection through GDAL", description = "GeoPackage (EPSG:4490), zipped Shapefile "
            + "(.prj EPSG:4490, .cpg UTF-8 or GBK), KMZ (WGS 84), FlatGeobuf (EPSG:4490), DXF in the data's CGCS2000 "
            + "3-degree Gauss–Krüger zone (zipped with its .prj) or XLSX (attributes as text cells). At most 100000 "
            + "features; bbox (CRS84), datetime and filter (CQL2 text) select them as for /items.")
    ResponseEntity<byte[]> export(HttpServletRequest req,
            @Parameter(description = "Collection id", example = "divisions-county") @PathVariable String collectionId,
            @Parameter(description = "gpkg, shp, kmz, fgb, dxf or xlsx", example = "gpkg") @RequestParam(required = false) String format,
            @Parameter(description = "Shapefile attribute encoding: UTF-8 (default) or GBK", example = "GBK") @RequestParam(required = false) String encoding,
            @Parameter(description = "minLon,minLat,maxLon,maxLat (CRS84)", example = "118.0,24.4,118.3,24.6") @RequestParam(required = false) String bbox,
            @Parameter(description = "RFC 3339 instant or interval", example = "2024-01-01") @RequestParam(required = false) String datetime,
            @Parameter(description = "CQL2 text filter", example = "level = 3") @RequestParam(required = false) String filter,
            @Parameter(name = "filter-lang", description = "cql2-text", example = "cql2-text") @RequestParam(name = "filter-lang", required = false) String filterLang) {
        OgcRequest.onlyKnown(req.getParameterMap(), PARAMS);
        OgcExporter.Format f = OgcExporter.Format.parse(format);
        boolean gbk = false;
        if (encoding != null) {
            String e = encoding.strip().toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("UTF-8", "UTF8", "GBK", "CP936").contains(e)) throw ApiException.badField("encoding", "must be UTF-8 or GBK");
            if (f != OgcExporter.Format.SHP) throw ApiException.badField("encoding", "applies to format=shp only");
            gbk = e.equals("GBK") || e.equals("CP936");
        }
        OgcCollection c = catalog.get(collectionId);
        OgcRequest.filterLang(filterLang);
        LocalDate[] dt = OgcRequest.datetime(datetime);
        ItemsQuery q = new ItemsQuery(OgcRequest.bbox(bbox, OgcCrs.CRS84), OgcCrs.CRS84, dt != null,
                dt == null ? null : dt[0], dt == null ? null : dt[1],
                filter == null ? null : Cql2Parser.parse(filter, catalog.queryables(c), OgcCrs.CRS84),
                OgcCrs.CRS84, EXPORT_MAX + 1, 0);
        OgcRepository.Page page = repo.items(c, q);
        if (page.matched() > EXPORT_MAX) {
            throw new ApiException(cn.civgeo.common.ProblemType.TOO_LARGE, page.matched() + " features match; an export "
                    + "holds at most " + EXPORT_MAX + ": narrow it with bbox or filter");
        }
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < page.features().size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(page.features().get(i));
        }
        sb.append("]}");
        Double centre = f == OgcExporter.Format.DXF ? repo.centreLon(c, q) : null;
        double lon = centre == null ? 117 : centre; // the zone of the exported features' middle
        OgcExporter.Export x = exporter.export(sb.toString(), c.id(), f, gbk, lon);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(x.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(x.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Feature-Count", String.valueOf(page.features().size()))
                .body(x.bytes());
    }
}
