package cn.civgeo.adjustment;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Division adjustment proposals, their impact reports, approval and follow-up tasks. */
@RestController
@RequestMapping("/api/adjustments")
@Tag(name = "Division adjustments", description = "Proposals kept apart from the registry, impact before approval, approval, follow-up tasks")
@PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
class ProposalController {
    private final ProposalService proposals;
    private final StandardChecks standards;
    private final EffectEvaluation evaluation;

    ProposalController(ProposalService proposals, StandardChecks standards, EffectEvaluation evaluation) {
        this.proposals = proposals;
        this.standards = standards;
        this.evaluation = evaluation;
    }

    @GetMapping("/proposals/{id}/evaluation")
    @Operation(summary = "Effect evaluation of an applied adjustment (效果评估)", description = "Per year from `years` before the "
            + "approval to today: population, households and elderly (60+) of the predecessor units and of the successor units, "
            + "each summed over the units with a demographics row that year (unitsWithData says how many). 409 before approval.")
    public EffectEvaluation.Evaluation evaluation(@PathVariable long id,
                                                  @Parameter(description = "Years before the approval to start from", example = "5")
                                                  @RequestParam(defaultValue = "5") int years) {
        return evaluation.evaluate(id, years);
    }

    /** Body of withdraw/approve/task status. */
    public record Decision(Integer version, String approvalDocument, String status) {}

    @GetMapping("/proposals")
    @Operation(summary = "Proposals, newest first (ADMIN, PLANNER)")
    public Paging.Page<Proposal> list(@Parameter(description = "draft, approved or withdrawn") @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return proposals.list(status, Paging.of(limit, offset));
    }

    @PostMapping("/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a proposal (ADMIN, PLANNER)", description = "Checked by a dry run of its steps against today's "
            + "registry (rolled back): bad proposals (overlapping geometry, a unit outside its parent, codes out of range, unknown "
            + "units) answer 400 naming the step and field, and nothing is written. The registry is not changed.")
    public Proposal create(@RequestBody ProposalRequest body) { return proposals.create(body); }

    @GetMapping("/proposals/{id}")
    @Operation(summary = "One proposal with its body and version")
    public Proposal get(@PathVariable long id) { return proposals.get(id); }

    @PutMapping("/proposals/{id}")
    @Operation(summary = "Revise a draft (version required; 409 when stale)", description = "Each revision is kept (GET …/revisions).")
    public Proposal update(@PathVariable long id, @RequestBody ProposalRequest body) { return proposals.update(id, body); }

    @GetMapping("/proposals/{id}/revisions")
    @Operation(summary = "Every saved version of a proposal")
    public List<Map<String, Object>> revisions(@PathVariable long id) { return proposals.revisions(id); }

    @PostMapping("/proposals/{id}/withdraw")
    @Operation(summary = "Withdraw a draft (version required)")
    public Proposal withdraw(@PathVariable long id, @RequestBody Decision d) {
        if (d == null || d.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        return proposals.withdraw(id, d.version());
    }

    @GetMapping("/proposals/{id}/impact")
    @Operation(summary = "Impact report before approval", description = "A dry run against today's registry (rolled back): per "
            + "resulting unit area, population, households, elderly, communities, distance from the farthest community to the proposed "
            + "seat, indicators before/after, standard checks; facilities that change division, boundary lines and markers to "
            + "re-demarcate, duplicate names (重) in their new scope, addresses to recode. Approved proposals answer the report stored at approval.")
    public ImpactReport impact(@PathVariable long id,
                               @Parameter(description = "false skips the plan indicators (faster)") @RequestParam(defaultValue = "true") boolean indicators) {
        return proposals.impact(id, indicators);
    }

    @GetMapping("/proposals/{id}/impact.xlsx")
    @Operation(summary = "Impact report as xlsx")
    public ResponseEntity<byte[]> impactXlsx(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proposal-" + id + "-impact.xlsx\"")
                .body(ImpactExport.xlsx(proposals.impact(id, true)));
    }

    @GetMapping(value = "/proposals/{id}/impact.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Impact report as a printable page")
    public ResponseEntity<byte[]> impactHtml(@PathVariable long id) {
        String title = proposals.get(id).title();
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(ImpactExport.html(proposals.impact(id, true), title).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/compare")
    @Operation(summary = "Compare proposals: their impact reports side by side (without indicators)")
    public List<ImpactReport> compare(@Parameter(description = "Proposal ids, comma-separated (2–5)") @RequestParam List<Long> ids) {
        if (ids.size() < 2 || ids.size() > 5) throw ApiException.badField("ids", "give 2 to 5 proposal ids");
        List<ImpactReport> out = new ArrayList<>();
        for (Long id : ids) out.add(proposals.impact(id, false));
        return out;
    }

    @PostMapping("/proposals/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve and apply (ADMIN)", description = "Applies the steps as change events effective today with the "
            + "approval document (批复文号), all-or-nothing and audited, stores the impact report, and opens the follow-up tasks: "
            + "re-demarcation per boundary line, renaming per duplicate name, and an address recoding job with its report.")
    public Map<String, Object> approve(@PathVariable long id, @RequestBody Decision d) {
        if (d == null || d.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        return proposals.approve(id, d.version(), d.approvalDocument());
    }

    @GetMapping("/proposals/{id}/tasks")
    @Operation(summary = "Follow-up tasks of an approved proposal")
    public List<ProposalRepository.Task> tasks(@PathVariable long id) { return proposals.tasks(id); }

    @PutMapping("/tasks/{taskId}")
    @Operation(summary = "Mark a re-demarcation or renaming task done or open again (version required)")
    public ProposalRepository.Task task(@PathVariable long taskId, @RequestBody Decision d) {
        if (d == null || d.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        return proposals.setTaskStatus(taskId, d.version(), d.status());
    }

    @GetMapping("/standards")
    @Operation(summary = "The configured establishment standards (设立标准)")
    public Map<String, AdjustmentProperties.Standard> standards() { return standards.all(); }
}
