package cn.civgeo.boundary.dispute;

import cn.civgeo.boundary.AttachmentService;
import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/boundary/disputes")
@Tag(name = "Boundary disputes")
class DisputeController {
    private final DisputeService disputes;
    private final AttachmentService attachments;

    DisputeController(DisputeService disputes, AttachmentService attachments) {
        this.disputes = disputes;
        this.attachments = attachments;
    }

    @GetMapping
    Paging.Page<DisputeService.Dispute> list(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String division,
                                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return disputes.list(status, division, Paging.of(limit, offset));
    }

    @GetMapping("/{id}")
    DisputeService.Dispute get(@PathVariable long id) { return disputes.get(id); }

    @GetMapping("/{id}/history")
    List<DisputeService.Event> history(@PathVariable long id) { return disputes.history(id); }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Report a dispute: title, the two divisions, disputed area (GeoJSON polygon, EPSG:4490)")
    DisputeService.Dispute create(@RequestBody DisputeService.NewDispute body) { return disputes.create(body); }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Move the dispute on (negotiating, mediation, ruling, settled with settlement and settledOn)")
    DisputeService.Dispute status(@PathVariable long id, @RequestBody DisputeService.StatusChange body) {
        return disputes.changeStatus(id, body);
    }

    @PostMapping(path = "/{id}/documents", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    AttachmentService.Attachment addDocument(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        disputes.get(id);
        return attachments.add("dispute", id, "document", file);
    }

    @GetMapping("/{id}/documents")
    List<AttachmentService.Attachment> documents(@PathVariable long id) {
        disputes.get(id);
        return attachments.list("dispute", id);
    }
}
