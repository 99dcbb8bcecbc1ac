package cn.civgeo.facility;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.Paging;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/facilities")
@Tag(name = "Facilities", description = "Elderly-care and funeral facilities, community service centres")
class FacilityController {
    private final FacilityService facilities;
    private final CoordinateConverter coordinates;

    FacilityController(FacilityService facilities, CoordinateConverter coordinates) {
        this.facilities = facilities;
        this.coordinates = coordinates;
    }

    @GetMapping("/kinds")
    @Operation(summary = "The facility kinds: code, Chinese label, group, which attributes apply")
    List<Map<String, Object>> kinds() {
        return Arrays.stream(FacilityKind.values()).map(k -> Map.<String, Object>of("code", k.code(), "label", k.label(),
                "group", k.group().name().toLowerCase(), "beds", k.hasBeds(), "capacity", k.hasCapacity())).toList();
    }

    @GetMapping
    @Operation(summary = "Facilities by kind (repeatable), status, division (with everything under it), bbox "
            + "(minLon,minLat,maxLon,maxLat in crs) and name/address text; paged")
    Paging.Page<Facility> list(@RequestParam(required = false) List<String> kind, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String division, @RequestParam(required = false) String bbox,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Integer offset, @RequestParam(required = false) String crs) {
        Crs c = Crs.parse(crs);
        return facilities.list(new FacilityService.Query(kind, status, division, bbox(bbox, c), q), Paging.of(limit, offset), c);
    }

    @GetMapping(value = "/geojson", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    @Operation(summary = "The same filters as a GeoJSON FeatureCollection (EPSG:4490)")
    ResponseEntity<String> geojson(@RequestParam(required = false) List<String> kind, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String division, @RequestParam(required = false) String bbox,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) Integer offset) {
        String body = facilities.geojson(new FacilityService.Query(kind, status, division, bbox(bbox, Crs.CGCS2000), q),
                Paging.of(limit == null ? Paging.MAX_LIMIT : limit, offset));
        return ResponseEntity.ok().header("Content-Type", GeoJson.MEDIA_TYPE).body(body);
    }

    @GetMapping("/{id}")
    Facility get(@PathVariable long id, @RequestParam(required = false) String crs) { return facilities.get(id, Crs.parse(crs)); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Register a facility; validated per kind (beds only for elderly-care kinds, nursing beds ≤ beds, "
            + "capacity only for cemeteries and columbaria); its service area is computed at once")
    Facility create(@RequestBody FacilityInput body) { return facilities.create(body); }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Replace a facility's fields; 'version' must be the version you read (409 otherwise); "
            + "omit lon/lat to keep the location")
    Facility update(@PathVariable long id, @RequestBody FacilityInput body) { return facilities.update(id, body); }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    void delete(@PathVariable long id, @RequestParam Integer version) { facilities.delete(id, version); }

    private double[] bbox(String bbox, Crs crs) {
        if (bbox == null || bbox.isBlank()) return null;
        String[] p = bbox.split(",");
        if (p.length != 4) throw ApiException.badField("bbox", "must be minLon,minLat,maxLon,maxLat");
        try {
            double[] a = coordinates.toStorage(Double.parseDouble(p[0]), Double.parseDouble(p[1]), crs);
            double[] b = coordinates.toStorage(Double.parseDouble(p[2]), Double.parseDouble(p[3]), crs);
            if (a[0] >= b[0] || a[1] >= b[1]) throw ApiException.badField("bbox", "min must be below max");
            return new double[] {a[0], a[1], b[0], b[1]};
        } catch (NumberFormatException e) {
            throw ApiException.badField("bbox", "must be four numbers");
        }
    }
}
