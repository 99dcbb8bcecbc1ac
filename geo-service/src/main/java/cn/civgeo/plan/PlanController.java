package cn.civgeo.plan;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans")
class PlanController {
    private final PlanService plans;
    private final PlanReportService reports;
    private final PlanPdf pdf;
    private final ScreeningService screenings;

    PlanController(PlanService plans, PlanReportService reports, PlanPdf pdf, ScreeningService screenings) {
        this.plans = plans;
        this.reports = reports;
        this.pdf = pdf;
        this.screenings = screenings;
    }

    @GetMapping
    @Operation(summary = "Plans, of one division when given")
    List<Plan> list(@RequestParam(required = false) String division) { return plans.list(division); }

    @GetMapping("/{id}")
    Plan get(@PathVariable long id) { return plans.get(id); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Create a plan with its indicators (audited; version 0)")
    Plan create(@RequestBody Plan.Input in) { return plans.create(in); }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Replace a plan and its indicators; version = the one read (409 when stale); the old version stays in /versions")
    Plan update(@PathVariable long id, @RequestBody Plan.Input in) { return plans.update(id, in); }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    void delete(@PathVariable long id, @RequestParam(required = false) Integer version) { plans.delete(id, version); }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve a draft plan (ADMIN): approving body, document and date",
            description = "From then on a PUT that changes the plan or its indicators answers 409 naming the changed fields "
                    + "and the workflow (reopen with a reason, change, approve again), and DELETE answers 409; reported values "
                    + "are still entered. 409 when already approved or the version is stale; 400 naming a missing field. Audited.")
    Plan approve(@io.swagger.v3.oas.annotations.Parameter(description = "Plan id", example = "1") @PathVariable long id,
                 @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The version read and the approval",
                         content = @io.swagger.v3.oas.annotations.media.Content(examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
                                 value = "{\"version\": 3, \"approvingBody\": \"厦门市人民政府\", \"document\": \"厦府〔2021〕12号\", \"approvedOn\": \"2021-09-30\"}")))
                 @RequestBody Plan.ApprovalInput in) {
        return plans.approve(id, in);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Take an approved plan back to draft (ADMIN), with the reason",
            description = "The plan can then be changed and approved again; the approved version stays in /versions. 409 when "
                    + "it is not approved or the version is stale; 400 without a reason. Audited.")
    Plan reopen(@io.swagger.v3.oas.annotations.Parameter(description = "Plan id", example = "1") @PathVariable long id,
                @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The version read and why",
                        content = @io.swagger.v3.oas.annotations.media.Content(examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
                                value = "{\"version\": 4, \"reason\": \"中期评估调整目标\"}")))
                @RequestBody Plan.ReopenInput in) {
        return plans.reopen(id, in);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every saved version of the plan (who, when, the whole plan)")
    List<Plan.Version> versions(@PathVariable long id) { return plans.versions(id); }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Import a plan template (data/plans/*.json) as a new plan; 409 when its code exists")
    Plan importFile(@RequestPart("file") MultipartFile file) {
        if (file == null || file.isEmpty()) throw ApiException.badField("file", "is required");
        try {
            return plans.importTemplate(file.getBytes());
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        }
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    Plan importJson(@RequestBody byte[] body) { return plans.importTemplate(body); }

    @GetMapping("/{id}/values")
    @Operation(summary = "Reported values (non-spatial indicators entered per year with their source)")
    List<Plan.ReportedValue> values(@PathVariable long id, @RequestParam(required = false) String indicator,
                                    @RequestParam(required = false) String division) {
        return plans.values(id, indicator, division);
    }

    @PostMapping("/{id}/values")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Record a reported value (indicatorCode, divisionCode, year, value, source); version to replace one")
    Plan.ReportedValue recordValue(@PathVariable long id, @RequestBody Plan.ValueInput in) { return plans.recordValue(id, in); }

    @GetMapping("/{id}/report")
    @Operation(summary = "Plan report: per indicator baseline → latest → target, gap, on track, trend, children ranked. "
            + "view=current (year, default this year), midterm (中期评估) or final (总结评估)")
    PlanReport report(@PathVariable long id, @RequestParam(required = false) String division, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) String view) {
        return reports.report(id, division, year, view);
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false) String division,
                                @RequestParam(required = false) Integer year, @RequestParam(required = false) String view) {
        PlanReport r = reports.report(id, division, year, view);
        return file(PlanExport.xlsx(r), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r, "xlsx");
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String division,
                               @RequestParam(required = false) Integer year, @RequestParam(required = false) String view) {
        PlanReport r = reports.report(id, division, year, view);
        return file(pdf.render(r), MediaType.APPLICATION_PDF_VALUE, r, "pdf");
    }

    @GetMapping("/screenings")
    @Operation(summary = "Screenings: kind=community-households (communities under min or over max households, Wuhan), "
            + "county-lacking (counties without a facility of facilityKind[, subtype]), township-burial (townships without a "
            + "public cemetery or columbarium). Each item with its bbox, and the bbox of all")
    Map<String, Object> screening(@RequestParam String division, @RequestParam String kind,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String facilityKind, @RequestParam(required = false) String subtype,
                                  @RequestParam(required = false) Integer min, @RequestParam(required = false) Integer max) {
        return screenings.screen(division, kind, year, facilityKind, subtype, min, max);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, PlanReport r, String ext) {
        String name = r.planCode() + "-" + r.divisionCode() + "-" + r.year() + "-" + r.view() + "." + ext;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
