package cn.civgeo.placename;

import cn.civgeo.common.io.Exports;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.placename.rules.Finding;
import cn.civgeo.placename.ExemptionRepository.Exemption;
import java.util.List;
import org.springframework.http.HttpStatus;
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

/**
 * Standard place names: registry, naming workflow, checks and search. Roles: ADMIN, SURVEYOR and PLANNER propose,
 * edit proposals and submit them for review; ADMIN (acting for the naming authority) approves, rejects,
 * announces, renames, abolishes and records exemptions. Reads are public.
 */
@RestController
@RequestMapping("/api")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Place names", description = "Standard place names (标准地名): search, the naming workflow from proposal to announcement, naming-rule checks, import/export")
class PlaceNameController {
    private static final String PROPOSERS = "hasAnyRole('ADMIN','SURVEYOR','PLANNER')";
    private static final String AUTHORITY = "hasRole('ADMIN')";

    private final PlaceNameService service;
    private final PlaceNameTransfer transfer;
    private final NameCheckService checks;
    private final PlaceNameSearch search;
    private final ExemptionService exemptions;
    private final cn.civgeo.common.crs.CoordinateConverter converter;

    private final tools.jackson.databind.json.JsonMapper json;

    private final cn.civgeo.security.ExportGate exports;

    PlaceNameController(tools.jackson.databind.json.JsonMapper json, PlaceNameService service, PlaceNameTransfer transfer, NameCheckService checks, PlaceNameSearch search,
                        ExemptionService exemptions, cn.civgeo.common.crs.CoordinateConverter converter,
                        cn.civgeo.security.ExportGate exports) {
        this.exports = exports;
        this.converter = converter;
        this.json = json;
        this.service = service;
        this.transfer = transfer;
        this.checks = checks;
        this.search = search;
        this.exemptions = exemptions;
    }

    @GetMapping("/place-categories")
    List<PlaceNameRepository.Category> categories() { return service.categories(); }

    @GetMapping("/place-names")
    Paging.Page<PlaceNameHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String mode,
                                     @RequestParam(required = false) String category, @RequestParam(required = false) String division,
                                     @RequestParam(required = false) String status, @RequestParam(required = false) String bbox,
                                     @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
                                     @RequestParam(required = false) Double radius,
                                     @RequestParam(defaultValue = "true") boolean includeDivisions,
                                     @RequestParam(defaultValue = "false") boolean geometry,
                                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
                                     @RequestParam(required = false) String crs) {
        if (status != null && !List.of("proposed", "under_review", "approved", "rejected", "abolished").contains(status)) {
            throw ApiException.badField("status", "must be proposed, under_review, approved, rejected or abolished");
        }
        if ((lon == null) != (lat == null)) throw ApiException.badField(lon == null ? "lon" : "lat", "lon and lat go together");
        cn.civgeo.common.crs.Crs c = cn.civgeo.common.crs.Crs.parse(crs);
        double[] box = bbox(bbox);
        if (!c.equals(cn.civgeo.common.crs.Crs.CGCS2000)) {
            if (lon != null) {
                double[] p = converter.toStorage(lon, lat, c);
                lon = p[0];
                lat = p[1];
            }
            if (box != null) {
                double[] lo = converter.toStorage(box[0], box[1], c), hi = converter.toStorage(box[2], box[3], c);
                box = new double[] {lo[0], lo[1], hi[0], hi[1]};
            }
        }
        return search.search(new PlaceNameSearch.Query(q, mode, category, division, status, box, lon, lat, radius,
                includeDivisions, geometry), Paging.of(limit, offset));
    }

    static double[] bbox(String bbox) {
        if (bbox == null || bbox.isBlank()) return null;
        String[] p = bbox.split(",");
        if (p.length != 4) throw ApiException.badField("bbox", "must be minLon,minLat,maxLon,maxLat");
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) b[i] = Double.parseDouble(p[i].strip());
        } catch (NumberFormatException e) {
            throw ApiException.badField("bbox", "must be four numbers");
        }
        if (b[0] >= b[2] || b[1] >= b[3]) throw ApiException.badField("bbox", "min must be below max");
        return b;
    }

    /** Import CSV or .xlsx (multipart field {@code file}); {@code mode=partial} keeps good rows, default all-or-nothing. */
    @PostMapping(value = "/place-names/import", consumes = "multipart/form-data")
    @PreAuthorize(AUTHORITY)
    cn.civgeo.common.io.ImportReport importFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                                @RequestParam(required = false) String mode) throws java.io.IOException {
        return transfer.importFile(file.getInputStream(), file.getOriginalFilename(), cn.civgeo.common.io.ImportReport.Mode.parse(mode));
    }

    /** Export as CSV (default) or xlsx, filtered by division prefix, category prefix and status; the same columns import again. */
    @GetMapping("/place-names/export")
    @io.swagger.v3.oas.annotations.Operation(summary = "Export place names as CSV or xlsx, streamed and paged",
            description = cn.civgeo.security.ExportGate.STREAMED_EXPORT_DOC)
    void export(@io.swagger.v3.oas.annotations.Parameter(description = "csv (UTF-8 with BOM) or xlsx", example = "csv")
                @RequestParam(defaultValue = "csv") String format,
                @io.swagger.v3.oas.annotations.Parameter(description = "Division code prefix", example = "350203")
                @RequestParam(required = false) String division,
                @io.swagger.v3.oas.annotations.Parameter(description = "Category code prefix (GB/T 18521)", example = "27")
                @RequestParam(required = false) String category,
                @io.swagger.v3.oas.annotations.Parameter(description = "Workflow status, e.g. approved", example = "approved")
                @RequestParam(required = false) String status,
                @io.swagger.v3.oas.annotations.Parameter(description = "Rows in this answer (default and cap: your bound)", example = "1000")
                @RequestParam(required = false) Integer limit,
                @io.swagger.v3.oas.annotations.Parameter(description = "Rows to skip after the cursor (the older way to page; prefer the Link rel=next)", example = "0")
                @RequestParam(required = false) Long offset,
                @io.swagger.v3.oas.annotations.Parameter(description = "Cursor: the page starts after this row (from the Link rel=next)", example = "WyIzNTAyMDMwMDEwMDEiXQ")
                @RequestParam(required = false) String after,
                jakarta.servlet.http.HttpServletRequest req,
                jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
        if (division != null && !division.matches("[0-9]{2,12}")) throw ApiException.badField("division", "must be a division code (prefix)");
        if (category != null && !category.matches("[0-9]{2,4}")) throw ApiException.badField("category", "must be a category code (prefix)");
        exports.stream(req, res, transfer.exportQuery(division, category, status), limit, offset, after, PlaceNameTransfer.MAX_EXPORT,
                "division", "place-names", format, PlaceNameTransfer.COLUMNS);
    }

    @GetMapping("/place-names/{id}")
    PlaceName get(@PathVariable long id) { return service.get(id); }

    @GetMapping("/place-names/by-code/{code}")
    PlaceName byCode(@PathVariable String code) {
        return service.findByCode(code).orElseThrow(() -> ApiException.notFound("place name", code));
    }

    @GetMapping("/place-names/{id}/events")
    List<PlaceNameRepository.Event> events(@PathVariable long id) { return service.events(id); }

    @GetMapping("/place-names/{id}/announcement")
    PlaceNameService.Announcement announcement(@PathVariable long id) { return service.announcement(id); }

    @PostMapping("/place-names")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PROPOSERS)
    PlaceNameService.Result propose(@RequestBody PlaceNameRequest r, @RequestParam(required = false) String crs) {
        return service.propose(toStorage(r, crs));
    }

    @PutMapping("/place-names/{id}")
    @PreAuthorize(PROPOSERS)
    PlaceNameService.Result update(@PathVariable long id, @RequestBody PlaceNameRequest r, @RequestParam(required = false) String crs) {
        return service.update(id, toStorage(r, crs));
    }

    /** The request's geometry from {@code crs} (EPSG:4490 default, EPSG:4326, GCJ02, BD09, Gauss–Krüger) to EPSG:4490. */
    private PlaceNameRequest toStorage(PlaceNameRequest r, String crs) {
        cn.civgeo.common.crs.Crs c = cn.civgeo.common.crs.Crs.parse(crs);
        if (c.equals(cn.civgeo.common.crs.Crs.CGCS2000) || r.geometry() == null || r.geometry().isNull()) return r;
        var g = converter.toStorage(cn.civgeo.common.GeoJson.read(r.geometry().toString(), "geometry"), c);
        return new PlaceNameRequest(r.name(), r.shortName(), r.aliases(), r.spelling(), r.category(), r.divisionCode(),
                json.readTree(cn.civgeo.common.GeoJson.write(g)), r.locationText(), r.meaning(), r.history(), r.description(),
                r.namingDate(), r.establishedYear(), r.numbering(), r.current(), r.version());
    }

    @PostMapping("/place-names/{id}/submit")
    @PreAuthorize(PROPOSERS)
    PlaceName submit(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.submit(id, r); }

    @PostMapping("/place-names/{id}/reopen")
    @PreAuthorize(PROPOSERS)
    PlaceName reopen(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.reopen(id, r); }

    @PostMapping("/place-names/{id}/approve")
    @PreAuthorize(AUTHORITY)
    PlaceName approve(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.approve(id, r); }

    @PostMapping("/place-names/{id}/reject")
    @PreAuthorize(AUTHORITY)
    PlaceName reject(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.reject(id, r); }

    @PostMapping("/place-names/{id}/announce")
    @PreAuthorize(AUTHORITY)
    PlaceNameService.Announcement announce(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.announce(id, r); }

    @PostMapping("/place-names/{id}/rename")
    @PreAuthorize(AUTHORITY)
    PlaceName rename(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.rename(id, r); }

    @PostMapping("/place-names/{id}/abolish")
    @PreAuthorize(AUTHORITY)
    PlaceName abolish(@PathVariable long id, @RequestBody WorkflowRequest r) { return service.abolish(id, r); }

    /** Checks a name before proposing it: {@code name}, {@code category}, {@code divisionCode}, optional {@code lengthM}. */
    record CheckRequest(String name, String category, String divisionCode, Double lengthM, Long excludeId) {}

    record CheckResult(String name, boolean passes, List<Finding> findings) {}

    @PostMapping("/place-names/check")
    @PreAuthorize("isAuthenticated()")
    CheckResult check(@RequestBody CheckRequest r) {
        if (r.name() == null || r.name().isBlank()) throw ApiException.badField("name", "must not be blank");
        if (r.category() == null || !r.category().matches("[0-9]{4}")) throw ApiException.badField("category", "must be a 4-digit category code");
        List<Finding> f = checks.check(r.name().strip(), r.category(), r.divisionCode(), r.lengthM(), r.excludeId());
        return new CheckResult(r.name().strip(), f.stream().allMatch(Finding::exempted), f);
    }

    /** Batch scan of the registry (optionally within a division code prefix). */
    @PostMapping("/place-names/scan")
    @PreAuthorize(PROPOSERS)
    NameCheckService.ScanResult scan(@RequestParam(required = false) String division) {
        if (division != null && !division.matches("[0-9]{2,12}")) throw ApiException.badField("division", "must be a division code (prefix)");
        return checks.scan(division);
    }

    @GetMapping("/place-name-exemptions")
    List<Exemption> exemptions() { return exemptions.all(); }

    @PostMapping("/place-name-exemptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORITY)
    Exemption addExemption(@RequestBody Exemption e) { return exemptions.add(e); }

    @DeleteMapping("/place-name-exemptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(AUTHORITY)
    void deleteExemption(@PathVariable long id) { exemptions.delete(id); }
}
