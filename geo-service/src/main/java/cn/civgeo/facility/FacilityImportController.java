package cn.civgeo.facility;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/facility-imports")
@Tag(name = "Facilities")
@PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
class FacilityImportController {
    private final FacilityImportService imports;

    FacilityImportController(FacilityImportService imports) { this.imports = imports; }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import facilities from CSV (UTF-8 or GBK) or .xlsx. Columns (English or Chinese): kind/类型, "
            + "name/名称, address/地址 or lon/lat (经度/纬度, crs), operatorKind/运营方式, beds/床位数, nursingBeds/护理型床位数, "
            + "floorAreaM2/建筑面积, landAreaM2/占地面积, capacity/容量, status/状态, openedOn/开业日期. Addresses are geocoded; "
            + "rows below the confidence threshold are held for review. mode=strict (default): one invalid row and "
            + "nothing is written; mode=partial writes the valid rows.")
    FacilityImportService.Result importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String mode) {
        if (file == null || file.isEmpty()) throw ApiException.badField("file", "is required");
        try (InputStream in = file.getInputStream()) {
            return imports.importFile(in, file.getOriginalFilename(), mode);
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
    }

    @GetMapping("/review")
    @Operation(summary = "Rows held for review (status pending by default; resolved, discarded or all), of one import or all")
    Paging.Page<FacilityImportRow> review(@RequestParam(required = false) Long importId, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return imports.review(importId, status, Paging.of(limit, offset));
    }

    /** The picked location of a held row, in crs (EPSG:4490 by default), and the row version you read. */
    record Pick(Integer version, Double lon, Double lat, String crs) {}

    record Version(Integer version) {}

    @PostMapping("/rows/{rowId}/resolve")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place a held row at the picked location: creates the facility (location source 'picked')")
    Facility resolve(@PathVariable long rowId, @RequestBody Pick body) {
        return imports.resolve(rowId, body.version(), body.lon(), body.lat(), body.crs());
    }

    @PostMapping("/rows/{rowId}/discard")
    @Operation(summary = "Drop a held row without creating a facility")
    FacilityImportRow discard(@PathVariable long rowId, @RequestBody Version body) { return imports.discard(rowId, body.version()); }
}
