package cn.civgeo.feed;

import cn.civgeo.feed.FeedRepository.Due;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers feed entries to webhooks: per endpoint the oldest pending entry first (in feed order), claimed for a lease so
 * one instance sends it, POSTed with {@code X-CivGeo-Signature: sha256=HMAC-SHA256(secret, body)}; a 2xx answer marks
 * it delivered, anything else (or no answer) schedules the next attempt after base × 2^(attempts−1) (capped at one
 * hour) and after {@code max-attempts} tries dead-letters it, so the endpoint's later entries go on.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final FeedRepository feed;
    private final long pollMs;
    private final long backoffMs;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ScheduledExecutorService scheduler;

    WebhookDispatcher(FeedRepository feed,
                      @Value("${civgeo.feed.webhook.poll-ms:1000}") long pollMs,
                      @Value("${civgeo.feed.webhook.backoff-ms:2000}") long backoffMs,
                      @Value("${civgeo.feed.webhook.max-attempts:8}") int maxAttempts,
                      @Value("${civgeo.feed.allow-internal-webhooks:false}") boolean allowInternal) {
        this.feed = feed;
        this.allowInternal = allowInternal;
        this.pollMs = pollMs;
        this.backoffMs = backoffMs;
        this.maxAttempts = maxAttempts;
    }

    private final boolean allowInternal;

    @EventListener(ApplicationReadyEvent.class)
    void ready() { start(); }

    @Override
    public synchronized void start() {
        if (scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "civgeo-webhooks");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tickQuietly, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() { return scheduler != null; }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.debug("webhook delivery round failed: {}", e.toString());
        }
    }

    /** One round: claims the due head-of-line delivery of every active endpoint (a 60 s lease) and sends it. */
    void tick() {
        List<Due> due = feed.claimDue();
        for (Due d : due) send(d);
    }

    private void send(Due d) {
        Integer status = null;
        String error = null;
        try {
            String refusal = WebhookTargets.refusal(d.url(), allowInternal);
            if (refusal != null) throw new IllegalStateException("not sent: the URL " + refusal);
            HttpRequest req = HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-CivGeo-Signature", "sha256=" + sign(d.secret(), d.body()))
                    .header("X-CivGeo-Delivery", String.valueOf(d.id()))
                    .header("X-CivGeo-Seq", String.valueOf(d.seq()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            status = r.statusCode();
            if (status / 100 != 2) error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = d.attempts() + 1;
        if (error == null) {
            feed.markDelivered(d.id(), attempts, status);
        } else {
            boolean dead = attempts >= maxAttempts;
            long wait = Math.min(3_600_000L, backoffMs * (1L << Math.min(20, attempts - 1)));
            feed.markAttemptFailed(d.id(), dead ? "dead" : "pending", attempts, status,
                    error.length() > 500 ? error.substring(0, 500) : error, (double) wait);
        }
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
