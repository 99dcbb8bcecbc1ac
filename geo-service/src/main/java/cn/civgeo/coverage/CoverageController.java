package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.io.Tabular;
import cn.civgeo.common.jobs.Job;
import cn.civgeo.common.jobs.JobService;
import cn.civgeo.common.jobs.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Coverage and indicators", description = "Who is served, which planning indicators miss their targets")
class CoverageController {
    private final CoverageService coverage;
    private final IndicatorService indicators;
    private final CoverageProperties props;
    private final JobService jobs;
    private final PlannerCoverage planner;

    CoverageController(CoverageService coverage, IndicatorService indicators, CoverageProperties props, JobService jobs,
                       PlannerCoverage planner) {
        this.planner = planner;
        this.coverage = coverage;
        this.indicators = indicators;
        this.props = props;
        this.jobs = jobs;
        jobs.register("coverage", CoverageJob.class, true, (in, file, p) -> coverage.coverage(in.division(), in.kind(), in.asOf(), p));
        jobs.register("indicators", CoverageJob.class, true, (in, file, p) -> indicators.indicators(in.division(), in.asOf(), true, p));
    }

    /** The stored input of a coverage or indicators job. */
    record CoverageJob(String division, List<String> kind, LocalDate asOf) {}

    @GetMapping("/api/coverage")
    @Operation(summary = "Share of households, elderly and residential units of a division inside the service areas of the "
            + "given kinds (repeatable; default elderly_care) at asOf (default today); per direct child; uncovered units")
    CoverageService.Coverage coverage(@RequestParam String division, @RequestParam(required = false) List<String> kind,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return coverage.coverage(division, kind, asOf, Progress.NONE);
    }

    @PostMapping("/api/coverage/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The same coverage as a background job (a whole city): poll GET /api/jobs/{id}")
    Job coverageJob(@RequestParam String division, @RequestParam(required = false) List<String> kind,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        CoverageService.kindsOrDefault(kind);
        return jobs.submit("coverage", new CoverageJob(division, kind, asOf));
    }

    @GetMapping(value = "/api/coverage/uncovered", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The uncovered residential units of the division (only those whose representative point no service "
            + "area of the kinds covers) with their polygons, households, elderly and uncovered area, GeoJSON (EPSG:4490)")
    ResponseEntity<String> uncovered(@RequestParam String division, @RequestParam(required = false) List<String> kind,
                                     @RequestParam(required = false) Double minutes, @RequestParam(required = false) Double speedMps,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(defaultValue = "false") boolean fresh) {
        return ServiceAreaController.geo(planner.uncoveredGeoJson(division, kind, minutes, speedMps, asOf, fresh));
    }

    @GetMapping("/api/coverage/table")
    @Operation(summary = "The coverage table of a division: each residential unit (community/village) with households, "
            + "elderly, covered or not, covered area share and its nearest facility of the kinds by walking on the network")
    PlannerCoverage.Table table(@RequestParam String division, @RequestParam(required = false) List<String> kind,
                                @RequestParam(required = false) Double minutes, @RequestParam(required = false) Double speedMps,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(defaultValue = "false") boolean fresh) {
        return planner.table(division, kind, minutes, speedMps, asOf, fresh);
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "Planning indicators of a division at asOf (default today) with targets and pass/fail; "
            + "children=true adds each direct child division")
    IndicatorService.DivisionIndicators indicators(@RequestParam String division,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                   @RequestParam(defaultValue = "false") boolean children,
                                                   @RequestParam(defaultValue = "false") boolean fresh) {
        if (fresh) { PlannerCoverage.requireAdmin(); return indicators.indicators(division, asOf, children, Progress.NONE); }
        return indicators.cached(division, asOf, children);
    }

    @PostMapping("/api/indicators/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Indicators of a division and its children as a background job")
    Job indicatorsJob(@RequestParam String division,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return jobs.submit("indicators", new CoverageJob(division, null, asOf));
    }

    @GetMapping("/api/indicators/targets")
    @Operation(summary = "The configured targets (civgeo.coverage.targets.*; shares are fractions)")
    CoverageProperties.Targets targets() { return props.targets(); }

    @GetMapping("/api/indicators/export")
    @Operation(summary = "Indicators of the division and its direct children as CSV (UTF-8 with BOM) or xlsx")
    ResponseEntity<byte[]> export(@RequestParam String division,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(defaultValue = "csv") String format) {
        if (!format.equals("csv") && !format.equals("xlsx")) throw ApiException.badField("format", "must be csv or xlsx");
        var result = indicators.indicators(division, asOf, true, Progress.NONE);
        List<String> headers = List.of("division", "name", "level", "asOf", "indicator", "label", "value", "unit",
                "numerator", "denominator", "target", "pass");
        List<List<?>> rows = new ArrayList<>();
        addRows(rows, result);
        for (var c : result.children()) addRows(rows, c);
        String base = "indicators-" + result.division() + "-" + result.asOf();
        byte[] body;
        String type;
        if (format.equals("csv")) {
            body = Tabular.csv(headers, rows);
            type = "text/csv; charset=UTF-8";
        } else {
            body = Tabular.xlsx("indicators", headers, rows);
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(base + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static void addRows(List<List<?>> rows, IndicatorService.DivisionIndicators d) {
        for (var i : d.indicators()) {
            rows.add(java.util.Arrays.asList(d.division(), d.name(), d.level(), d.asOf().toString(), i.code(), i.label(), i.value(),
                    i.unit(), i.numerator(), i.denominator(), i.target(), i.pass() == null ? "n/a" : i.pass() ? "pass" : "fail"));
        }
    }
}
