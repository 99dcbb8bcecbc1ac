package cn.civgeo.audit;

import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class AuditController {
    private final AuditService audit;

    AuditController(AuditService audit) { this.audit = audit; }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Audit trail, newest first; filter by entity, id and actor")
    Paging.Page<AuditEntry> find(@RequestParam(required = false) String entity,
                                 @RequestParam(required = false) String id,
                                 @RequestParam(required = false) String actor,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) Integer offset) {
        return audit.find(entity, id, actor, Paging.of(limit, offset));
    }
}
