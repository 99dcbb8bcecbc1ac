package cn.civgeo.address;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import java.util.List;
import java.util.Map;
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

/** Standard addresses: read by anyone; ADMIN and SURVEYOR (doorplate surveys) write. */
@RestController
@RequestMapping("/api/addresses")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Addresses", description = "Standard doorplate addresses (门牌地址): search, lookup, import/export and upkeep")
class AddressController {
    private static final String WRITERS = "hasAnyRole('ADMIN','SURVEYOR')";

    private final AddressService service;
    private final AddressTransfer transfer;
    private final cn.civgeo.common.crs.CoordinateConverter converter;
    private final cn.civgeo.security.ExportGate exports;

    AddressController(AddressService service, AddressTransfer transfer, cn.civgeo.common.crs.CoordinateConverter converter,
                      cn.civgeo.security.ExportGate exports) {
        this.exports = exports;
        this.service = service;
        this.transfer = transfer;
        this.converter = converter;
    }

    /** lon/lat given in {@code crs} (EPSG:4490 default, EPSG:4326, GCJ02, BD09, Gauss–Krüger) → EPSG:4490. */
    private double[] toStorage(double x, double y, String crs) {
        cn.civgeo.common.crs.Crs c = cn.civgeo.common.crs.Crs.parse(crs);
        return c.equals(cn.civgeo.common.crs.Crs.CGCS2000) ? new double[] {x, y} : converter.toStorage(x, y, c);
    }

    private AddressRequest toStorage(AddressRequest r, String crs) {
        if (crs == null || crs.isBlank() || r.lon() == null || r.lat() == null) return r;
        double[] p = toStorage(r.lon(), r.lat(), crs);
        return new AddressRequest(r.roadId(), r.road(), r.number(), r.numberSuffix(), r.building(), r.unit(), r.room(), r.communityCode(),
                p[0], p[1], r.status(), r.version());
    }

    /** Import CSV or .xlsx (multipart field {@code file}); {@code mode=partial} keeps good rows, default all-or-nothing. */
    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @PreAuthorize(WRITERS)
    cn.civgeo.common.io.ImportReport importFile(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                                @RequestParam(required = false) String mode) throws java.io.IOException {
        return transfer.importFile(file.getInputStream(), file.getOriginalFilename(), cn.civgeo.common.io.ImportReport.Mode.parse(mode));
    }

    /** Export as CSV (default) or xlsx, filtered by division prefix, road and status; the same columns import again. */
    @GetMapping("/export")
    @io.swagger.v3.oas.annotations.Operation(summary = "Export doorplates as CSV or xlsx, streamed and paged",
            description = cn.civgeo.security.ExportGate.STREAMED_EXPORT_DOC)
    void export(@io.swagger.v3.oas.annotations.Parameter(description = "csv (UTF-8 with BOM) or xlsx", example = "csv")
                @RequestParam(defaultValue = "csv") String format,
                @io.swagger.v3.oas.annotations.Parameter(description = "Division code prefix (community code starts with it)", example = "350203")
                @RequestParam(required = false) String division,
                @io.swagger.v3.oas.annotations.Parameter(description = "Only doorplates on this road (place-name id)", example = "1201")
                @RequestParam(required = false) Long roadId,
                @io.swagger.v3.oas.annotations.Parameter(description = "planned, active or retired", example = "active")
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
        exports.stream(req, res, transfer.exportQuery(division, roadId, status), limit, offset, after, AddressTransfer.MAX_EXPORT,
                "division", "addresses", format, AddressTransfer.COLUMNS);
    }

    @GetMapping
    Paging.Page<Address> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long roadId,
                                @RequestParam(required = false) String division, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String bbox, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset) {
        if (division != null && !division.matches("[0-9]{2,12}")) throw ApiException.badField("division", "must be a division code (prefix)");
        if (status != null && !List.of("planned", "active", "retired").contains(status)) throw ApiException.badField("status", "must be planned, active or retired");
        if (q == null && roadId == null && division == null && bbox == null) throw ApiException.badField("q", "give q, roadId, division or bbox");
        return service.search(q, roadId, division, status, bbox(bbox), Paging.of(limit, offset));
    }

    @GetMapping("/{id}")
    Address get(@PathVariable long id) { return service.get(id); }

    @GetMapping("/by-code/{code}")
    Address byCode(@PathVariable String code) { return service.byCode(code).orElseThrow(() -> ApiException.notFound("address", code)); }

    /** Doorplates by road name (standard, alias or former) and number, optionally within a division. */
    @GetMapping("/lookup")
    List<Address> lookup(@RequestParam String road, @RequestParam(required = false) Integer number,
                         @RequestParam(required = false) String suffix, @RequestParam(required = false) String division,
                         @RequestParam(defaultValue = "50") int limit) {
        return service.byRoadAndNumber(road.strip(), number, suffix, division, limit);
    }

    /** Nearest active doorplates to a point ({@code crs}, default EPSG:4490; answers in EPSG:4490), within {@code radius} metres (default 200, at most 5000). */
    @GetMapping("/nearest")
    List<Address> nearest(@RequestParam double lon, @RequestParam double lat, @RequestParam(defaultValue = "200") double radius,
                          @RequestParam(defaultValue = "1") int limit, @RequestParam(required = false) String crs) {
        if (radius <= 0 || radius > 5000) throw ApiException.badField("radius", "must be between 1 and 5000 metres");
        double[] p = toStorage(lon, lat, crs);
        return service.nearest(p[0], p[1], radius, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    Address create(@RequestBody AddressRequest r, @RequestParam(required = false) String crs) {
        return service.create(toStorage(r, crs), "manual");
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    Address update(@PathVariable long id, @RequestBody AddressRequest r, @RequestParam(required = false) String crs) {
        return service.update(id, toStorage(r, crs));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @io.swagger.v3.oas.annotations.Operation(summary = "Approve a draft doorplate (ADMIN)",
            description = "From then on a PUT that changes the doorplate answers 409 naming the workflow: reopen, change, "
                    + "approve again, or retire. 409 when it is not a draft or the version is stale. Audited.")
    Address approve(@io.swagger.v3.oas.annotations.Parameter(description = "Address id", example = "1201") @PathVariable long id,
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The version you read, e.g. {\"version\": 0}")
                    @RequestBody Map<String, Integer> body) {
        Integer v = body.get("version");
        if (v == null) throw ApiException.badField("version", "is required");
        return service.approve(id, v);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasRole('ADMIN')")
    @io.swagger.v3.oas.annotations.Operation(summary = "Take an approved doorplate back to draft (ADMIN)",
            description = "The workflow for changing an approved doorplate: reopen, change it with PUT, approve again. 409 when "
                    + "it is not approved or the version is stale. Audited.")
    Address reopen(@io.swagger.v3.oas.annotations.Parameter(description = "Address id", example = "1201") @PathVariable long id,
                   @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The version you read, e.g. {\"version\": 3}")
                   @RequestBody Map<String, Integer> body) {
        Integer v = body.get("version");
        if (v == null) throw ApiException.badField("version", "is required");
        return service.reopen(id, v);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(WRITERS)
    Address retire(@PathVariable long id, @RequestBody Map<String, Integer> body) {
        Integer v = body.get("version");
        if (v == null) throw ApiException.badField("version", "is required");
        return service.retire(id, v);
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
        return b;
    }
}
