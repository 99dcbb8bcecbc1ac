package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Service areas", description = "Walking service areas (15-minute circles) of facilities")
class ServiceAreaController {
    private final ServiceAreaService areas;
    private final CoordinateConverter coordinates;
    private final JobService jobs;

    ServiceAreaController(ServiceAreaService areas, CoordinateConverter coordinates, JobService jobs) {
        this.areas = areas;
        this.coordinates = coordinates;
        this.jobs = jobs;
    }

    @GetMapping(value = "/api/service-areas", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    @Operation(summary = "Stored service areas as a FeatureCollection (EPSG:4490): kind (repeatable; elderly_care = the four "
            + "elderly-care kinds), division (with everything under it), bbox minLon,minLat,maxLon,maxLat")
    ResponseEntity<String> list(@RequestParam(required = false) List<String> kind, @RequestParam(required = false) String division,
                                @RequestParam(required = false) String bbox) {
        return geo(areas.collection(kind, division, bbox(bbox)));
    }

    @GetMapping(value = "/api/facilities/{id}/service-area", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    @Operation(summary = "A facility's stored service area (a FeatureCollection of one feature); properties.method says "
            + "how it was computed (network-buffer, network-hull, straight-line-off-network)")
    ResponseEntity<String> ofFacility(@PathVariable long id) { return geo(areas.ofFacility(id)); }

    @GetMapping(value = "/api/service-areas/at", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    @Operation(summary = "The walking area from any point, not stored: minutes (default 15), speedMps (default 0.9, elderly "
            + "pedestrians), shape buffer|hull|straight-line, network (default: the network covering the point), crs of lon/lat")
    ResponseEntity<String> at(@RequestParam double lon, @RequestParam double lat, @RequestParam(required = false) Double minutes,
                              @RequestParam(required = false) Double speedMps, @RequestParam(required = false) String shape,
                              @RequestParam(required = false) Long network, @RequestParam(required = false) String crs) {
        double[] p = coordinates.toStorage(lon, lat, Crs.parse(crs));
        return geo(areas.at(p[0], p[1], network, areas.params(minutes, speedMps, shape)));
    }

    @PostMapping("/api/service-areas/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Background job: recompute stored service areas (missing, stale or outdated ones; all=true for "
            + "every one) of the given kinds and division; poll GET /api/jobs/{id}")
    Job recompute(@RequestParam(required = false) List<String> kind, @RequestParam(required = false) String division,
                  @RequestParam(defaultValue = "false") boolean all) {
        ServiceAreaService.kindCodes(kind);
        return jobs.submit("service-areas", new ServiceAreaService.RecomputeJob(kind, division, all, null));
    }

    @PostMapping("/api/service-areas/benchmark")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Background job: time the areas of the matching facilities with a shape (buffer, hull, "
            + "straight-line) without storing them")
    Job benchmark(@RequestParam(required = false) List<String> kind, @RequestParam(required = false) String division,
                  @RequestParam(defaultValue = "buffer") String shape) {
        areas.params(null, null, shape);
        return jobs.submit("service-area-benchmark", new ServiceAreaService.RecomputeJob(kind, division, false, shape));
    }

    static ResponseEntity<String> geo(String body) {
        return ResponseEntity.ok().header("Content-Type", GeoJson.MEDIA_TYPE).body(body);
    }

    static double[] bbox(String bbox) {
        if (bbox == null || bbox.isBlank()) return null;
        String[] p = bbox.split(",");
        if (p.length != 4) throw ApiException.badField("bbox", "must be minLon,minLat,maxLon,maxLat");
        try {
            double[] b = {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])};
            if (b[0] >= b[2] || b[1] >= b[3]) throw ApiException.badField("bbox", "min must be below max");
            return b;
        } catch (NumberFormatException e) {
            throw ApiException.badField("bbox", "must be four numbers");
        }
    }
}
