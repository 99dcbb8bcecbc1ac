package cn.civgeo.boundary;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/boundary/lines")
@Tag(name = "Boundary lines")
class BoundaryLineController {
    private final BoundaryLineService lines;
    private final LineDerivationService derivation;
    private final SurveyFiles files;
    private final VertexCsv vertices;
    private final JsonMapper json;

    BoundaryLineController(BoundaryLineService lines, LineDerivationService derivation, SurveyFiles files, VertexCsv vertices,
                           JsonMapper json) {
        this.vertices = vertices;
        this.lines = lines;
        this.derivation = derivation;
        this.files = files;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Lines by level, status, division (left or right) or scope (within=parent code)")
    Paging.Page<BoundaryLine> list(@RequestParam(required = false) Integer level, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String division, @RequestParam(required = false) String within,
                                   @RequestParam(defaultValue = "false") boolean geometry,
                                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return lines.list(level, status, division, within, geometry, Paging.of(limit, offset));
    }

    @GetMapping("/{id}")
    BoundaryLine get(@PathVariable long id) { return lines.get(id); }

    @GetMapping("/{id}/consistency")
    @Operation(summary = "Compare the line with its divisions' shared polygon edge: Hausdorff distance (m) and the stretches beyond the tolerance")
    BoundaryLineService.Consistency consistency(@PathVariable long id, @RequestParam(defaultValue = "5") double tolerance) {
        return lines.consistency(id, tolerance);
    }

    /** A line given as JSON with a GeoJSON geometry (EPSG:4490). */
    record NewLine(String code, String name, Integer level, String leftCode, String rightCode,
                   BoundaryLine.Agreement agreement, String note, JsonNode geometry) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Create a line (or replace the surveyed geometry of the pair's line) from GeoJSON in EPSG:4490")
    BoundaryLine create(@RequestBody NewLine body) {
        if (body.geometry() == null || body.geometry().isNull()) throw ApiException.badField("geometry", "is required");
        Geometry g = lines.lineFromGeoJson(List.of(json.writeValueAsString(body.geometry())), "geometry");
        return lines.saveGeometry(new BoundaryLineService.LineInput(body.code(), body.name(), body.level(), body.leftCode(),
                body.rightCode(), body.agreement(), body.note()), g, "manual");
    }

    @PostMapping("/derive")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Derive lines from the shared edges of division polygons (one per neighbouring pair)")
    LineDerivationService.DeriveResult derive(@RequestBody LineDerivationService.DeriveRequest body) {
        return derivation.derive(body);
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Import a surveyed line from GeoJSON, zipped Shapefile, GeoPackage or KML (GDAL); replaces the pair's geometry")
    BoundaryLine importSurvey(@RequestParam("file") MultipartFile file, @RequestParam String leftCode,
                              @RequestParam String rightCode, @RequestParam(required = false) String code,
                              @RequestParam(required = false) String name, @RequestParam(required = false) Integer sourceSrid)
            throws IOException {
        List<String> geoms = files.lineGeometries(file.getInputStream(), file.getOriginalFilename(), sourceSrid);
        Geometry g = lines.lineFromGeoJson(geoms, "file");
        return lines.saveGeometry(new BoundaryLineService.LineInput(code, name, null, leftCode, rightCode, null, null), g, "survey");
    }

    @PostMapping(path = "/import-vertices", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Import a surveyed line from a CSV/.xlsx of boundary points (x northing, y easting with prefix, optional part, seq) in a Gauss–Krüger zone")
    BoundaryLine importVertices(@RequestParam("file") MultipartFile file, @RequestParam int zone, @RequestParam String leftCode,
                                @RequestParam String rightCode, @RequestParam(required = false) String code,
                                @RequestParam(required = false) String name) throws IOException {
        Geometry g = vertices.read(file.getInputStream(), file.getOriginalFilename(), zone);
        return lines.saveGeometry(new BoundaryLineService.LineInput(code, name, null, leftCode, rightCode, null, null), g, "survey");
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Change name, agreement, status or note; 'version' must be the version you read (409 otherwise)")
    BoundaryLine update(@PathVariable long id, @RequestBody BoundaryLineService.LineChange body) {
        return lines.update(id, body);
    }
}
