package cn.civgeo.feed;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the feed by cursor, registering webhooks, the delivery log. */
@Service
class FeedService {
    static final Set<String> ENTITIES = Set.of("division", "place-name", "address");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedRepository feed;
    private final AuditService audit;

    private final boolean allowInternal;

    FeedService(FeedRepository feed, AuditService audit,
                @org.springframework.beans.factory.annotation.Value("${civgeo.feed.allow-internal-webhooks:false}") boolean allowInternal) {
        this.feed = feed;
        this.audit = audit;
        this.allowInternal = allowInternal;
    }

    /** A page of the feed after a cursor; {@code next} is the cursor to continue from (the last seq served). */
    public record Page(List<FeedEntry> items, long next, boolean hasMore) {}

    @Transactional(readOnly = true)
    public Page read(long after, int limit, String entity, String prefix) {
        Validation v = new Validation();
        v.require(after >= 0, "after", "must be 0 or a cursor (seq) from an earlier page");
        v.require(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000");
        v.require(entity == null || ENTITIES.contains(entity), "entity", "must be division, place-name or address");
        v.require(prefix == null || prefix.matches("[0-9]{1,12}"), "prefix", "must be up to 12 digits (a division code prefix)");
        v.throwIfInvalid();
        List<FeedEntry> items = feed.entries(after, entity, prefix, limit + 1);
        boolean more = items.size() > limit;
        if (more) items = items.subList(0, limit);
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new Page(items, next, more);
    }

    public record Webhook(long id, String url, List<String> entities, boolean active, int version, String createdBy,
                          OffsetDateTime createdAt, String secret) {}

    public record NewWebhook(String url, List<String> entities) {}

    /** Registers an endpoint; the answer carries the signing secret, shown this once. */
    @Transactional
    public Webhook register(NewWebhook r) {
        Validation v = new Validation();
        v.require(r != null && r.url() != null && validUrl(r.url()), "url", "must be an http(s) URL");
        String refusal = r != null && r.url() != null && validUrl(r.url()) ? WebhookTargets.refusal(r.url(), allowInternal) : null;
        v.require(refusal == null, "url", refusal);
        v.require(r != null && r.entities() != null && !r.entities().isEmpty() && ENTITIES.containsAll(r.entities()), "entities",
                "must list one or more of division, place-name, address");
        v.throwIfInvalid();
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        long id = feed.insertWebhook(r.url().strip(), secret, r.entities().toArray(new String[0]), AuditService.currentActor());
        Webhook w = webhook(id);
        audit.created("feed-webhook", id, w);
        return new Webhook(w.id(), w.url(), w.entities(), w.active(), w.version(), w.createdBy(), w.createdAt(), secret);
    }

    /** Switches an endpoint off (no new deliveries) or on again. */
    @Transactional
    public Webhook setActive(long id, int version, boolean active) {
        Webhook before = webhook(id);
        if (feed.setWebhookActive(id, version, active) != 1) throw ApiException.staleVersion("webhook", id, version);
        Webhook after = webhook(id);
        audit.updated("feed-webhook", id, before, after);
        return after;
    }

    public List<Webhook> webhooks() {
        return feed.webhooks();
    }

    public Webhook webhook(long id) {
        return feed.webhook(id).orElseThrow(() -> ApiException.notFound("webhook", id));
    }

    public List<Map<String, Object>> deliveries(long webhookId, String status, int limit) {
        webhook(webhookId);
        if (status != null && !Set.of("pending", "delivered", "dead").contains(status)) {
            throw ApiException.badField("status", "must be pending, delivered or dead");
        }
        if (limit < 1 || limit > 1000) throw ApiException.badField("limit", "must be between 1 and 1000");
        return feed.deliveries(webhookId, status, limit);
    }

    /** Puts a dead-lettered delivery back in the queue. */
    @Transactional
    public void retry(long webhookId, long deliveryId) {
        int n = feed.requeueDead(webhookId, deliveryId);
        if (n != 1) throw ApiException.conflict("delivery " + deliveryId + " of webhook " + webhookId + " is not dead-lettered");
        audit.updated("feed-delivery", deliveryId, Map.of("status", "dead"), Map.of("status", "pending"));
    }

    private static boolean validUrl(String u) {
        try {
            URI uri = URI.create(u.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
