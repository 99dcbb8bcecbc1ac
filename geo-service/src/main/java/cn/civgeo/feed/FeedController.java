package cn.civgeo.feed;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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

/** The change feed of divisions, place names and addresses, and its webhooks. */
@RestController
@RequestMapping("/api/feed")
@Tag(name = "Change feed", description = "Ordered, replayable feed of division, place-name and address changes; signed webhooks")
class FeedController {
    private final FeedService feed;
    private final FeedSnapshot snapshot;

    FeedController(FeedService feed, FeedSnapshot snapshot) {
        this.feed = feed;
        this.snapshot = snapshot;
    }

    public record Activation(Integer version, Boolean active) {}

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Feed entries after a cursor, in order", description = "Every audited write of a division, standard place "
            + "name or standard address, oldest first, with the record after the write and its old and new codes (an abolished or "
            + "re-coded division names its successor codes). Start with after=0 to rebuild a copy; continue with next. An entry "
            + "appears once every older transaction has ended, so paging by cursor never skips one.")
    public FeedService.Page read(@Parameter(description = "Cursor: the seq of the last entry read (0 = from the start)") @RequestParam(defaultValue = "0") long after,
                                 @RequestParam(defaultValue = "100") int limit,
                                 @Parameter(description = "division, place-name or address") @RequestParam(required = false) String entity,
                                 @Parameter(description = "Division code prefix (old or new code)") @RequestParam(required = false) String prefix) {
        return feed.read(after, limit, entity, prefix);
    }

    @GetMapping("/snapshot")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Current records of one kind, paged by key, to seed a copy", description = "Registry loads and the demo "
            + "data are not in the feed; a copy starts from this snapshot. Keep the position of the first page, read every page "
            + "(after = next), then read the feed from after=position: entries carry whole records, so applying one the snapshot "
            + "already shows changes nothing. Records are those of the feed (a division's with geometryMd5); abolished divisions "
            + "are included with op abolish, deleted or retired records are not.")
    public FeedSnapshot.Page snapshot(@Parameter(description = "division, place-name or address") @RequestParam(required = false) String entity,
                                      @Parameter(description = "The next key of the previous page (empty = first page)") @RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "500") int limit,
                                      @Parameter(description = "Code prefix (a division code prefix)") @RequestParam(required = false) String prefix) {
        return snapshot.page(entity, after, limit, prefix);
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a webhook endpoint (ADMIN)", description = "Each new feed entry of the listed entities is POSTed "
            + "as JSON with X-CivGeo-Signature: sha256=<HMAC-SHA256 of the body with the secret>; the secret is in this answer only.")
    public FeedService.Webhook register(@RequestBody FeedService.NewWebhook body) { return feed.register(body); }

    @GetMapping("/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Registered webhook endpoints (ADMIN)")
    public List<FeedService.Webhook> webhooks() { return feed.webhooks(); }

    @PutMapping("/webhooks/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Switch a webhook off or on (ADMIN, version required)")
    public FeedService.Webhook activate(@PathVariable long id, @RequestBody Activation a) {
        if (a == null || a.version() == null) throw ApiException.badField("version", "is required (the version you read)");
        if (a.active() == null) throw ApiException.badField("active", "is required (true or false)");
        return feed.setActive(id, a.version(), a.active());
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delivery log of a webhook, newest first (ADMIN)", description = "pending (with attempts and the next try), "
            + "delivered, or dead (dead-lettered after the configured attempts) with the last HTTP status or error.")
    public List<Map<String, Object>> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                                                @RequestParam(defaultValue = "100") int limit) {
        return feed.deliveries(id, status, limit);
    }

    @PostMapping("/webhooks/{id}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Queue a dead-lettered delivery again (ADMIN)")
    public void retry(@PathVariable long id, @PathVariable long deliveryId) { feed.retry(id, deliveryId); }
}
