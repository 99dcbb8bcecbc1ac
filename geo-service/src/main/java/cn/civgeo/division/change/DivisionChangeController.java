package cn.civgeo.division.change;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Division changes (events) and the history of a unit. */
@RestController
@RequestMapping("/api/divisions")
@Tag(name = "Division changes", description = "Establish, abolish, rename, merge, split, re-parent, boundary change; history")
class DivisionChangeController {
    private final DivisionChangeService changes;
    private final DivisionHistory history;

    DivisionChangeController(DivisionChangeService changes, DivisionHistory history) {
        this.changes = changes;
        this.history = history;
    }

    @PostMapping("/changes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Apply one approved change (ADMIN)", description = "Validated, all-or-nothing, audited; "
            + "expectedVersions must give the version of every existing unit named (409 when stale). See ChangeRequest.")
    public ChangeResult apply(@RequestBody ChangeRequest request) { return changes.apply(request); }

    @GetMapping("/changes/{id}")
    @Operation(summary = "One change event with the units it touched and their roles")
    public DivisionHistory.EventDetail event(@PathVariable long id) {
        return history.event(id).orElseThrow(() -> ApiException.notFound("division change", id));
    }

    @GetMapping("/changes")
    @Operation(summary = "Change events, newest first; code = a code or prefix of touched units")
    public Paging.Page<DivisionHistory.Event> events(@RequestParam(required = false) String code,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                     @RequestParam(required = false) Integer limit,
                                                     @RequestParam(required = false) Integer offset) {
        return history.events(code, from, to, Paging.of(limit, offset));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Versions, events, predecessors and successors of a code; resolvesTo = today's unit(s)")
    public DivisionHistory.History history(@PathVariable String code) { return history.of(code); }
}
