package cn.civgeo.scenario;

import cn.civgeo.coverage.PlannerCoverage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scenarios")
@Tag(name = "Scenarios", description = "Proposed new, moved or closed facilities kept apart from the registry, compared with today")
class ScenarioController {
    private final ScenarioService scenarios;

    ScenarioController(ScenarioService scenarios) { this.scenarios = scenarios; }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The scenarios (newest first), optionally of a division and what lies under it")
    List<ScenarioService.Scenario> list(@RequestParam(required = false) String division) { return scenarios.list(division); }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One scenario with its proposed changes")
    ScenarioService.Scenario get(@PathVariable long id) { return scenarios.get(id); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Creates a scenario: name, division, kinds, changes [{action: new|move|close, ...}] (audited)")
    ScenarioService.Scenario create(@RequestBody ScenarioService.ScenarioInput in) { return scenarios.create(in); }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Replaces a draft scenario (version required; 409 when stale; audited)")
    ScenarioService.Scenario update(@PathVariable long id, @RequestBody ScenarioService.ScenarioInput in) { return scenarios.update(id, in); }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Deletes a scenario (version required; audited)")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer version) {
        scenarios.delete(id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/compare")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Coverage of the scenario's division today and with the scenario, side by side, and the units it changes")
    PlannerCoverage.Comparison compare(@PathVariable long id) { return scenarios.compare(id); }

    @PostMapping("/{id}/promote")
    @PreAuthorize("hasAnyRole('ADMIN','PLANNER')")
    @Operation(summary = "Promotes the scenario: its new facilities become planned facilities in the registry (audited)")
    ScenarioService.Scenario promote(@PathVariable long id, @RequestBody Map<String, Integer> body) {
        return scenarios.promote(id, body == null ? null : body.get("version"));
    }
}
