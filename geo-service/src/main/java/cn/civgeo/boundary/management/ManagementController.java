package cn.civgeo.boundary.management;

import cn.civgeo.boundary.management.ManagementModels.Custodian;
import cn.civgeo.boundary.management.ManagementModels.CustodianInput;
import cn.civgeo.boundary.management.ManagementModels.OverduePatrol;
import cn.civgeo.boundary.management.ManagementModels.Patrol;
import cn.civgeo.boundary.management.ManagementModels.PatrolInput;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorder;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorderInput;
import cn.civgeo.boundary.management.ManagementModels.PeaceRates;
import cn.civgeo.boundary.management.ManagementModels.RedemarcationStep;
import cn.civgeo.boundary.management.ManagementModels.RedemarcationTask;
import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/boundary")
@Tag(name = "Boundary management")
class ManagementController {
    private static final String WRITE = "hasAnyRole('ADMIN','SURVEYOR')";

    private final PeaceBorderService peace;
    private final CustodianService custodians;
    private final RedemarcationService tasks;

    ManagementController(PeaceBorderService peace, CustodianService custodians, RedemarcationService tasks) {
        this.peace = peace;
        this.custodians = custodians;
        this.tasks = tasks;
    }

    // ---- 平安边界

    @GetMapping("/lines/{id}/peace-border")
    @Operation(summary = "The line's 平安边界 creation agreement (404 when none is recorded)")
    PeaceBorder peaceBorder(@PathVariable long id) {
        return peace.of(id).orElseThrow(() -> ApiException.notFound("peace border agreement of line", id));
    }

    @PutMapping("/lines/{id}/peace-border")
    @PreAuthorize(WRITE)
    @Operation(summary = "Record or change the line's 平安边界 agreement (parties, dates, documents, status); version when changing")
    PeaceBorder putPeaceBorder(@PathVariable long id, @RequestBody PeaceBorderInput body) { return peace.put(id, body); }

    @GetMapping("/peace-border/rates")
    @Operation(summary = "平安边界 creation rate (lines with a signed agreement in force / lines) per level and per division")
    PeaceRates rates(@RequestParam(required = false) String within, @RequestParam(required = false) Integer level,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return peace.rates(within, level, asOf);
    }

    // ---- 管理责任制

    @GetMapping("/custodians")
    @Operation(summary = "Custodians of lines and markers (of one line and its markers with lineId)")
    List<Custodian> custodians(@RequestParam(required = false) Long lineId) { return custodians.list(lineId); }

    @GetMapping("/custodians/{id}")
    Custodian custodian(@PathVariable long id) { return custodians.get(id); }

    @PostMapping("/custodians")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Name the custodian (unit, person, contact, patrol interval) of a line or a marker")
    Custodian createCustodian(@RequestBody CustodianInput body) { return custodians.create(body); }

    @PutMapping("/custodians/{id}")
    @PreAuthorize(WRITE)
    Custodian updateCustodian(@PathVariable long id, @RequestBody CustodianInput body) { return custodians.update(id, body); }

    @GetMapping("/custodians/{id}/patrols")
    List<Patrol> patrols(@PathVariable long id) { return custodians.patrols(id); }

    @PostMapping("/custodians/{id}/patrols")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Log a patrol of the custodian's line or marker")
    Patrol patrol(@PathVariable long id, @RequestBody PatrolInput body) { return custodians.patrol(id, body); }

    @GetMapping("/patrols/overdue")
    @Operation(summary = "Custodians whose patrol is overdue on asOf (last patrol or start + interval passed), most overdue first")
    List<OverduePatrol> overdue(@RequestParam(required = false) String within,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return custodians.overdue(within, asOf);
    }

    // ---- re-demarcation

    @GetMapping("/redemarcation-tasks")
    @Operation(summary = "Re-demarcation (勘界) tasks opened by division changes, by status (open, closed) and line")
    List<RedemarcationTask> tasks(@RequestParam(required = false) String status, @RequestParam(required = false) Long lineId) {
        return tasks.list(status, lineId);
    }

    @GetMapping("/redemarcation-tasks/{id}")
    RedemarcationTask task(@PathVariable long id) { return tasks.get(id); }

    @PutMapping("/redemarcation-tasks/{id}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Tick off the new agreement, markers and description; close=true closes the task when all three are done")
    RedemarcationTask step(@PathVariable long id, @RequestBody RedemarcationStep body) { return tasks.step(id, body); }
}
