package cn.civgeo.division.qa;

import cn.civgeo.common.GeoJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Topology QA of a unit's children, as JSON or GeoJSON. */
@RestController
@RequestMapping("/api/divisions")
@Tag(name = "Division topology QA")
class TopologyQaController {
    private final TopologyQaService qa;

    TopologyQaController(TopologyQaService qa) { this.qa = qa; }

    @GetMapping("/{code}/qa")
    @Operation(summary = "Gaps, overlaps and children outside the unit, with areas (m²), locations and codes",
            description = "tolerance (m², default 1): smaller findings are counted as slivers, not listed. "
                    + "format=geojson (or Accept: application/geo+json) answers a FeatureCollection of the findings.")
    public ResponseEntity<?> check(@PathVariable String code,
                                   @RequestParam(defaultValue = "1") double tolerance,
                                   @RequestParam(defaultValue = "500") int limit,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(value = "Accept", required = false) String accept) {
        TopologyQaService.Report r = qa.check(code, asOf, tolerance, limit);
        boolean geo = "geojson".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(GeoJson.MEDIA_TYPE));
        if (geo) return ResponseEntity.ok().contentType(MediaType.parseMediaType(GeoJson.MEDIA_TYPE)).body(qa.geoJson(r));
        return ResponseEntity.ok(r);
    }
}
