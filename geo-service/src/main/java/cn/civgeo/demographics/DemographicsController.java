package cn.civgeo.demographics;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/demographics")
@Tag(name = "Demographics")
class DemographicsController {
    private final DemographicsService service;

    DemographicsController(DemographicsService service) { this.service = service; }

    @GetMapping("/{code}")
    @Operation(summary = "A division's figures as of a year (the latest year ≤ year; default this year), with every recorded year")
    Map<String, Object> get(@PathVariable String code, @RequestParam(required = false) Integer year) {
        int y = year == null ? Year.now().getValue() : year;
        if (y < 1949 || y > 2100) throw ApiException.badField("year", "must be between 1949 and 2100");
        DemographicsRow row = service.asOf(code, y).orElseThrow(() -> ApiException.notFound("Demographics of division", code + " up to " + y));
        return Map.of("asOf", y, "row", row, "years", service.years(code).stream().map(DemographicsRow::year).toList());
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every year's current row and every replaced row (who replaced it, when, from which import)")
    Map<String, Object> history(@PathVariable String code) {
        return Map.of("divisionCode", code, "years", service.years(code), "replaced", service.history(code));
    }

    /** The figures of one year; version = the version read (absent or 0 to create). */
    record Put(Integer population, Integer households, Integer age60, Integer age65, Integer age80, Integer disabledElderly,
               Integer semiDisabledElderly, Integer tekunElderly, String urbanRural, Boolean cremationArea, String source,
               Integer version) {}

    @PutMapping("/{code}/{year}")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Write one division's figures for one year (validated like an import row; 409 on a stale version)")
    DemographicsRow put(@PathVariable String code, @PathVariable int year, @RequestBody Put b) {
        if (b.source() == null || b.source().isBlank()) throw ApiException.badField("source", "is required (where the figures come from)");
        DemographicsRow in = new DemographicsRow(code, year, b.population(), b.households(), b.age60(), b.age65(), b.age80(),
                b.disabledElderly(), b.semiDisabledElderly(), b.tekunElderly(), b.urbanRural(), b.cremationArea(), b.source(),
                null, null, null);
        return service.put(code, year, in, b.version());
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Import demographics from CSV (UTF-8 or GBK, detected) or .xlsx, English or Chinese headers: "
            + "divisionCode/区划代码, year/年份, population/人口, households/户数, age60/60岁以上, age65/65岁以上, age80/80岁以上, "
            + "disabledElderly/失能老年人, semiDisabledElderly/半失能老年人, tekunElderly/特困老年人, urbanRural/城乡, "
            + "cremationArea/火化区, source/来源. mode=strict (default): any bad row → 400 naming each, nothing written; "
            + "mode=partial writes the good rows. Children's sums against their parent come back as findings.")
    DemographicsService.ImportResult importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String mode,
                                                @RequestParam(required = false) String source) {
        if (file == null || file.isEmpty()) throw ApiException.badField("file", "is required");
        try (InputStream in = file.getInputStream()) {
            return service.importFile(in, file.getOriginalFilename(), mode, source);
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
    }

    @GetMapping
    @Operation(summary = "Figures of several divisions as of a year")
    List<DemographicsRow> list(@RequestParam List<String> codes, @RequestParam(required = false) Integer year) {
        if (codes.size() > 1000) throw ApiException.badField("codes", "at most 1000");
        return service.asOf(codes, year == null ? Year.now().getValue() : year);
    }
}
