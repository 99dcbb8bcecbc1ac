package cn.civgeo.boundary;

import cn.civgeo.common.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/boundary")
@Tag(name = "Boundary markers")
class MarkerController {
    private final MarkerService markers;
    private final MarkerQaService qa;
    private final AttachmentService attachments;

    MarkerController(MarkerService markers, MarkerQaService qa, AttachmentService attachments) {
        this.markers = markers;
        this.qa = qa;
        this.attachments = attachments;
    }

    @GetMapping("/markers")
    Paging.Page<BoundaryMarker> list(@RequestParam(required = false) Long lineId, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return markers.list(lineId, status, Paging.of(limit, offset));
    }

    @GetMapping("/lines/{lineId}/markers")
    @Operation(summary = "A line's markers in numbering order, with Gauss–Krüger x/y and their position along the line")
    List<BoundaryMarker> ofLine(@PathVariable long lineId) { return markers.byLine(lineId); }

    @GetMapping("/markers/{id}")
    BoundaryMarker get(@PathVariable long id) { return markers.get(id); }

    @GetMapping("/markers/by-number/{number}")
    BoundaryMarker byNumber(@PathVariable String number) {
        return markers.byNumber(number).orElseThrow(() -> cn.civgeo.common.ApiException.notFound("boundary marker", number));
    }

    @GetMapping("/markers/qa")
    @Operation(summary = "Markers off their line (tolerance, m), numbered against the line direction, incomplete A/B or C/D/E sets, A/B on the wrong side")
    MarkerQaService.Report qa(@RequestParam(required = false) Long lineId, @RequestParam(required = false) String within,
                              @RequestParam(required = false) Double tolerance) {
        return qa.check(lineId, within, tolerance);
    }

    @PostMapping("/markers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Register a marker: number (line code + 001–999 + Q/A/B/C/D/E); lon/lat or Gauss–Krüger x/y/zone")
    BoundaryMarker create(@RequestBody MarkerService.MarkerInput body) { return markers.create(body); }

    @PutMapping("/markers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    BoundaryMarker update(@PathVariable long id, @RequestBody MarkerService.MarkerInput body) { return markers.update(id, body); }

    @PostMapping(path = "/markers/{id}/photos", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SURVEYOR')")
    @Operation(summary = "Upload a photo (JPEG/PNG/WebP, size-limited) of a marker")
    AttachmentService.Attachment addPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        markers.get(id);
        return attachments.add("marker", id, "photo", file);
    }

    @GetMapping("/markers/{id}/photos")
    List<AttachmentService.Attachment> photos(@PathVariable long id) {
        markers.get(id);
        return attachments.markerPhotos(id);
    }

    @GetMapping("/attachments/{id}")
    @Operation(summary = "The bytes of a photo or document")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        AttachmentService.Content c = attachments.content(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(c.filename(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }

    @GetMapping(path = "/attachments/{id}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(summary = "A photo's thumbnail: JPEG, longest side at most 320 px (what the offline package and the marker panel show)",
            description = "404 for a PDF document. Kept with the attachment; the same bytes every time.")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        AttachmentService.Content c = attachments.thumbnail(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(c.filename(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }
}
