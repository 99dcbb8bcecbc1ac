package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.AttachmentService;
import cn.civgeo.boundary.inspection.InspectionModels.Inspection;
import cn.civgeo.boundary.inspection.InspectionModels.NewInspection;
import cn.civgeo.boundary.inspection.InspectionModels.NewProblem;
import cn.civgeo.boundary.inspection.InspectionModels.NewRound;
import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemEvent;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemStep;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.boundary.inspection.InspectionModels.RoundChange;
import cn.civgeo.common.Paging;
import cn.civgeo.common.io.ImportReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping("/api/boundary")
@Tag(name = "Boundary joint inspections")
class InspectionController {
    private static final String WRITE = "hasAnyRole('ADMIN','SURVEYOR')";

    private final InspectionService inspections;
    private final ProblemService problems;
    private final RoundReportService reports;
    private final FieldExchangeService exchange;
    private final AttachmentService attachments;
    private final BoundaryPdf pdf;
    private final cn.civgeo.boundary.BoundaryLineService lines;
    private final cn.civgeo.boundary.MarkerService markers;

    InspectionController(InspectionService inspections, ProblemService problems, RoundReportService reports,
                         FieldExchangeService exchange, AttachmentService attachments, BoundaryPdf pdf,
                         cn.civgeo.boundary.BoundaryLineService lines, cn.civgeo.boundary.MarkerService markers) {
        this.pdf = pdf;
        this.lines = lines;
        this.markers = markers;
        this.inspections = inspections;
        this.problems = problems;
        this.reports = reports;
        this.exchange = exchange;
        this.attachments = attachments;
    }

    // ---- rounds

    @GetMapping("/rounds")
    Paging.Page<Round> rounds(@RequestParam(required = false) Integer level, @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) Integer offset) {
        return inspections.rounds(level, Paging.of(limit, offset));
    }

    @GetMapping("/rounds/{id}")
    Map<String, Object> round(@PathVariable long id) {
        return Map.of("round", inspections.round(id), "lineIds", inspections.roundLines(id));
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Open a round (number, level, years) covering lineIds or all lines of the level within a division")
    Round createRound(@RequestBody NewRound body) { return inspections.createRound(body); }

    record LineIds(List<Long> lineIds) {}

    @PostMapping("/rounds/{id}/lines")
    @PreAuthorize(WRITE)
    Round addLines(@PathVariable long id, @RequestBody LineIds body) {
        return inspections.addLines(id, body.lineIds() == null ? List.of() : body.lineIds());
    }

    @PutMapping("/rounds/{id}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Change status (planned, in_progress, completed) or note; 'version' must be the version you read")
    Round updateRound(@PathVariable long id, @RequestBody RoundChange body) { return inspections.updateRound(id, body); }

    @GetMapping("/rounds/{id}/inspections")
    List<Inspection> inspectionsOf(@PathVariable long id) { return inspections.inspections(id); }

    @PostMapping("/rounds/{id}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record a line's inspection: date, both parties, team, marker records (condition, re-surveyed x/y/zone) and stretches")
    Inspection createInspection(@PathVariable long id, @RequestBody NewInspection body) {
        return inspections.createInspection(id, body);
    }

    // ---- report

    @GetMapping("/rounds/{id}/report")
    @Operation(summary = "Round report: counts by condition, displaced markers with distances, open problems, per line")
    RoundReportService.Report report(@PathVariable long id) { return reports.report(id); }

    @GetMapping(path = "/rounds/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "Round report as CSV: part=lines (default, with TOTAL row), displaced or problems")
    ResponseEntity<byte[]> reportCsv(@PathVariable long id, @RequestParam(required = false) String part) {
        byte[] csv = reports.csv(reports.report(id), part);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("round-" + id + "-" + (part == null ? "lines" : part) + ".csv").build().toString())
                .body(csv);
    }

    @GetMapping(path = "/rounds/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Round report as a printable HTML page")
    ResponseEntity<String> reportHtml(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(reports.html(reports.report(id)));
    }

    @GetMapping(path = "/rounds/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The round's 联检报告 as a printable A4 PDF (Chinese) with a location sketch and the signatures block")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        RoundReportService.Report r = reports.report(id);
        var first = r.lines().isEmpty() ? null : lines.get(r.lines().get(0).lineId());
        return pdf("round-" + id + "-report.pdf", this.pdf.roundReport(r, first, first == null ? List.of() : markers.byLine(first.id())));
    }

    @GetMapping(path = "/lines/{id}/register.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The line's 界桩登记表 (marker register) as a printable A4 PDF with a location sketch")
    ResponseEntity<byte[]> registerPdf(@PathVariable long id) {
        var l = lines.get(id);
        return pdf("line-" + l.code() + "-register.pdf", this.pdf.register(l, markers.byLine(id)));
    }

    @GetMapping(path = "/lines/{id}/coordinates.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The line's 界桩成果表 (marker coordinates, CGCS2000 Gauss–Krüger) as a printable A4 PDF with a location sketch")
    ResponseEntity<byte[]> coordinatesPdf(@PathVariable long id) {
        var l = lines.get(id);
        return pdf("line-" + l.code() + "-coordinates.pdf", this.pdf.coordinates(l, markers.byLine(id)));
    }

    private static ResponseEntity<byte[]> pdf(String filename, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    // ---- inspections and records

    @GetMapping("/inspections/{id}")
    Inspection inspection(@PathVariable long id) { return inspections.inspection(id); }

    @PostMapping("/inspections/{id}/markers")
    @PreAuthorize(WRITE)
    @Operation(summary = "Add or replace one marker's record (condition, re-surveyed x/y/zone, reference objects, repainted, note)")
    InspectionModels.MarkerRecord recordMarker(@PathVariable long id, @RequestBody InspectionModels.MarkerRecordInput body,
                                               @RequestParam(required = false) Integer version) {
        return inspections.recordMarker(id, body, version);
    }

    @PostMapping(path = "/inspections/{id}/results", consumes = "multipart/form-data")
    @PreAuthorize(WRITE)
    @Operation(summary = "Import the team's results CSV (number, condition, x, y, zone, note); all-or-nothing unless mode=partial")
    ImportReport importResults(@PathVariable long id, @RequestParam("file") MultipartFile file,
                               @RequestParam(required = false) String mode) throws IOException {
        return exchange.importResults(id, file.getInputStream(), file.getOriginalFilename(), ImportReport.Mode.parse(mode));
    }

    @PostMapping(path = "/marker-records/{id}/photos", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    AttachmentService.Attachment recordPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        inspections.markerRecord(id);
        return attachments.add("marker_record", id, "photo", file);
    }

    @GetMapping("/marker-records/{id}/photos")
    List<AttachmentService.Attachment> recordPhotos(@PathVariable long id) {
        inspections.markerRecord(id);
        return attachments.list("marker_record", id);
    }

    // ---- field exchange (out)

    @GetMapping(path = "/lines/{id}/package.geojson", produces = "application/geo+json")
    String packageGeoJson(@PathVariable long id) { return exchange.packageGeoJson(id); }

    @GetMapping(path = "/lines/{id}/package.csv", produces = "text/csv")
    ResponseEntity<byte[]> packageCsv(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("markers-" + id + ".csv").build().toString())
                .body(exchange.markersCsv(id));
    }

    @GetMapping(path = "/lines/{id}/package.gpkg", produces = "application/geopackage+sqlite3")
    @Operation(summary = "A line and its markers as a GeoPackage in the line's Gauss–Krüger zone")
    ResponseEntity<byte[]> packageGpkg(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geopackage+sqlite3"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("line-" + id + ".gpkg").build().toString())
                .body(exchange.packageGpkg(id));
    }

    @GetMapping(path = "/lines/{id}/package.dxf", produces = "image/vnd.dxf")
    @Operation(summary = "A line and its markers as DXF (CAD) in the line's Gauss–Krüger zone")
    ResponseEntity<byte[]> packageDxf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/vnd.dxf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("line-" + id + ".dxf").build().toString())
                .body(exchange.packageDxf(id));
    }

    @GetMapping(path = "/lines/{id}/package.zip", produces = "application/zip")
    @Operation(summary = "A line's field package: line and markers as GeoJSON, GeoPackage and DXF (Gauss–Krüger zone), markers CSV with Gauss–Krüger x/y, results template")
    ResponseEntity<byte[]> packageZip(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("line-" + id + "-package.zip").build().toString())
                .body(exchange.packageZip(id));
    }

    // ---- problems

    @GetMapping("/problems")
    Paging.Page<Problem> problems(@RequestParam(required = false) Long roundId, @RequestParam(required = false) Long lineId,
                                  @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean open,
                                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return problems.list(roundId, lineId, status, open, Paging.of(limit, offset));
    }

    @GetMapping("/problems/{id}")
    Problem problem(@PathVariable long id) { return problems.get(id); }

    @GetMapping("/problems/{id}/history")
    List<ProblemEvent> history(@PathVariable long id) { return problems.history(id); }

    @PostMapping("/problems")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    Problem createProblem(@RequestBody NewProblem body) { return problems.create(body); }

    @PostMapping("/problems/{id}/assign")
    @PreAuthorize(WRITE)
    Problem assign(@PathVariable long id, @RequestBody ProblemStep body) { return problems.assign(id, body); }

    @PostMapping("/problems/{id}/fix")
    @PreAuthorize(WRITE)
    @Operation(summary = "Report the fix with its evidence (text; attach photos with POST /problems/{id}/attachments)")
    Problem fix(@PathVariable long id, @RequestBody ProblemStep body) { return problems.fix(id, body); }

    @PostMapping("/problems/{id}/verify")
    @PreAuthorize(WRITE)
    @Operation(summary = "Verify a fix and close the problem (not by its assignee)")
    Problem verify(@PathVariable long id, @RequestBody ProblemStep body) { return problems.verify(id, body); }

    @PostMapping("/problems/{id}/reopen")
    @PreAuthorize(WRITE)
    Problem reopen(@PathVariable long id, @RequestBody ProblemStep body) { return problems.reopen(id, body); }

    @PostMapping(path = "/problems/{id}/attachments", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    AttachmentService.Attachment problemEvidence(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        problems.get(id);
        return attachments.add("problem", id, "evidence", file);
    }

    @GetMapping("/problems/{id}/attachments")
    List<AttachmentService.Attachment> problemAttachments(@PathVariable long id) {
        problems.get(id);
        return attachments.list("problem", id);
    }
}
