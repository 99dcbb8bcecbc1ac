package cn.civgeo.boundary;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents of a line: the agreement (协议书), its annexes, the line description (走向说明) and other attachments. */
@RestController
@RequestMapping("/api/boundary/lines/{id}/documents")
@Tag(name = "Boundary lines")
class LineDocumentController {
    static final List<String> KINDS = List.of("agreement", "annex", "description", "document");

    private final BoundaryLineService lines;
    private final AttachmentService attachments;

    LineDocumentController(BoundaryLineService lines, AttachmentService attachments) {
        this.lines = lines;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "The line's documents: agreement, annexes, line description, other attachments")
    List<AttachmentService.Attachment> list(@PathVariable long id) {
        lines.get(id);
        return attachments.list("line", id);
    }

    @PostMapping(consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Attach a document (PDF or image) to the line as agreement, annex, description or document")
    AttachmentService.Attachment add(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                     @RequestParam(required = false) String kind) {
        lines.get(id);
        String k = kind == null ? "document" : kind;
        if (!KINDS.contains(k)) throw ApiException.badField("kind", "must be one of " + KINDS);
        return attachments.add("line", id, k, file);
    }
}
