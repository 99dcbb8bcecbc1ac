package cn.civgeo.boundary.inspection;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.inspection.CycleModels.Assignment;
import cn.civgeo.boundary.inspection.CycleModels.AssignmentChange;
import cn.civgeo.boundary.inspection.CycleModels.CycleAnswer;
import cn.civgeo.boundary.inspection.CycleModels.LineCycle;
import cn.civgeo.boundary.inspection.CycleModels.MyLine;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/boundary")
@Tag(name = "Boundary joint inspections")
class CycleController {
    private final CycleService cycle;

    CycleController(CycleService cycle) { this.cycle = cycle; }

    @GetMapping("/cycle")
    @Operation(summary = "The five-year inspection cycle of the active lines: last inspected, due date, status (current, due, overdue, never), open round")
    CycleAnswer cycle(@RequestParam(required = false) Integer level, @RequestParam(required = false) String within,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
                      @RequestParam(required = false) Integer offset) {
        return cycle.cycle(level, within, asOf, status, Paging.of(limit, offset));
    }

    @GetMapping("/lines/{id}/cycle")
    @Operation(summary = "One line's cycle today and the open round covering it (no round: recording is refused)")
    LineCycle lineCycle(@PathVariable long id) { return cycle.lineCycle(id); }

    @GetMapping("/rounds/{id}/assignments")
    @Operation(summary = "The survey team assigned to each line of the round")
    List<Assignment> assignments(@PathVariable long id) { return cycle.assignments(id); }

    @PutMapping("/rounds/{id}/assignments")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Assign lines of the round to survey teams (team name, member user names); 'version' is the round's version read")
    List<Assignment> assign(@PathVariable long id, @RequestBody AssignmentChange body) { return cycle.assign(id, body); }

    @GetMapping("/my-lines")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The lines assigned to the signed-in surveyor in open rounds, with their markers and progress")
    List<MyLine> myLines() { return cycle.myLines(AuditService.currentActor()); }
}
