package cn.civgeo.division;

import cn.civgeo.common.GeoJson;
import cn.civgeo.common.Validation;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.Paging;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of administrative divisions. Demo geometry (geometrySource = synthetic) is generated, not real. */
@RestController
@RequestMapping("/api/divisions")
@Tag(name = "Divisions", description = "Administrative divisions: registry, hierarchy, point lookup. "
        + "Geometry with geometrySource=synthetic is generated demo data, not a real boundary.")
public class DivisionController {
    static final String SYNTHETIC_NOTE = "synthetic demo geometry generated for the demo city; not the real boundary";

    private final DivisionService service;
    private final CoordinateConverter converter;

    public DivisionController(DivisionService service, CoordinateConverter converter) {
        this.service = service;
        this.converter = converter;
    }

    /** A short reference to another unit. */
    public record Ref(String code, String name, int level, String kind, String status) {
        static Ref of(Division d) { return new Ref(d.code(), d.name(), d.level(), d.kind(), d.status()); }
    }

    public record Detail(@JsonUnwrapped Division division, Ref parent, List<Ref> children, long childCount,
                         List<Ref> successors, List<Ref> ancestors, String geometryNote,
                         @JsonRawValue String geometry) {}

    public record Chain(double lon, double lat, String crs, LocalDate asOf, List<Division> chain, String geometryNote) {}

    @GetMapping("/{code}")
    @Operation(summary = "One unit with its parent, ancestors and children (first 1000); successors if abolished",
            description = "asOf (yyyy-MM-dd) answers as the registry stood that day. geometry=true adds GeoJSON in crs "
                    + "(EPSG:4490 default, EPSG:4326, GCJ02, BD09, Gauss–Krüger EPSG:4513–4554).")
    public Detail get(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(defaultValue = "false") boolean geometry,
                      @RequestParam(required = false) String crs) {
        Crs out = Crs.parse(crs);
        Division d = service.get(code, asOf);
        List<Division> chain = service.chain(code, asOf);
        List<Ref> ancestors = chain.stream().filter(x -> !x.code().equals(code)).map(Ref::of).toList();
        Ref parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        Paging.Page<Division> kids = service.children(code, asOf, false, Paging.of(Paging.MAX_LIMIT, 0));
        List<Ref> successors = d.active() && asOf == null ? null : asOf == null
                ? service.successors(code).stream().map(Ref::of).toList() : null;
        String geo = !geometry ? null : out.isStorage() || out.srid() == 4326
                ? service.geometryGeoJson(code, asOf).orElse(null)
                : service.geometry(code, asOf).map(g -> GeoJson.write(converter.fromStorage(g, out))).orElse(null);
        return new Detail(d, parent, kids.items().stream().map(Ref::of).toList(), kids.total(), successors, ancestors,
                d.syntheticGeometry() ? SYNTHETIC_NOTE : null, geo);
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Children of a unit, by code, paged (limit default and maximum 1000)")
    public Paging.Page<Division> children(@PathVariable String code,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                          @RequestParam(defaultValue = "false") boolean includeAbolished,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) Integer offset) {
        return service.children(code, asOf, includeAbolished, Paging.of(limit == null ? Paging.MAX_LIMIT : limit, offset));
    }

    @GetMapping("/at")
    @Operation(summary = "Units containing a point, province first, down to the finest level with geometry",
            description = "crs of lon/lat: EPSG:4490 (default), EPSG:4326, GCJ02, BD09, or a Gauss–Krüger EPSG code "
                    + "(then lon = easting x, lat = northing y). An empty chain means no unit's geometry contains the point.")
    public Chain at(@RequestParam Double lon, @RequestParam Double lat,
                    @RequestParam(required = false) String crs,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Crs c = Crs.parse(crs);
        Validation v = new Validation();
        if (!c.isProjected()) {
            v.require(lon >= -180 && lon <= 180, "lon", "must be a longitude between -180 and 180");
            v.require(lat >= -90 && lat <= 90, "lat", "must be a latitude between -90 and 90");
        }
        v.throwIfInvalid();
        double[] p = converter.toStorage(lon, lat, c);
        List<Division> chain = service.chainAt(p[0], p[1], asOf);
        boolean synthetic = chain.stream().anyMatch(Division::syntheticGeometry);
        return new Chain(lon, lat, c.id(), asOf, chain, synthetic ? SYNTHETIC_NOTE : null);
    }
}
