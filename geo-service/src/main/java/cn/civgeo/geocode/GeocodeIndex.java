package cn.civgeo.geocode;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.geocode.parse.AddressParser;
import cn.civgeo.geocode.parse.InMemoryGazetteer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-memory geocoding index (gazetteer, parser, point locator, suggester). Built in the background after
 * start-up, rebuilt after division changes (event after commit; on other instances, for bulk loads and for writes by
 * hand through the NOTIFY channel of common.changes.ChangeBus, which also says "*" after it reconnects) when the
 * table's fingerprint differs; no periodic poll. Requests keep using the previous index while a new one is built.
 */
@Component
public class GeocodeIndex {
    private static final Logger log = LoggerFactory.getLogger(GeocodeIndex.class);

    /** One immutable generation of the index. */
    record Snapshot(InMemoryGazetteer gazetteer, AddressParser parser, DivisionLocator locator, Suggester suggester,
                    PinyinReader pinyin, long fingerprint, long loadMillis, java.util.Map<String, String> geometrySources) {}

    private final GazetteerLoader loader;
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "geocode-index");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot current;

    private final boolean rebuildOnChange;

    GeocodeIndex(GazetteerLoader loader, @Value("${civgeo.geocode.rebuild-on-change:true}") boolean rebuildOnChange) {
        this.loader = loader;
        this.rebuildOnChange = rebuildOnChange;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // No poll: changes made here arrive as DivisionChangedEvent, changes made elsewhere (another instance, an
        // import, psql) as RemoteChange through the one NOTIFY channel, and a "*" after the channel reconnects.
        scheduler.execute(this::rebuildQuietly);
    }

    /** A burst of changes (an import, a merge touching hundreds of units) causes one rebuild, a few seconds later. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void divisionsChanged(DivisionChangedEvent e) {
        if (rebuildOnChange && pending.compareAndSet(false, true)) scheduler.schedule(this::checkFingerprint, 5, TimeUnit.SECONDS);
    }

    /** Divisions changed on another instance or by hand (NOTIFY through common.changes.ChangeBus): check soon. */
    @EventListener
    void changedElsewhere(cn.civgeo.common.changes.RemoteChange e) {
        if (rebuildOnChange && e.concerns("division") && pending.compareAndSet(false, true)) scheduler.schedule(this::checkFingerprint, 1, TimeUnit.SECONDS);
    }

    private void checkFingerprint() {
        pending.set(false);
        try {
            Snapshot s = current;
            if (s == null || loader.fingerprint() != s.fingerprint()) rebuildQuietly();
        } catch (RuntimeException e) {
            log.warn("geocode index check failed: {}", e.toString());
        }
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.error("geocode index build failed", e);
        }
    }

    /** Builds a new index now (synchronously) and switches to it. */
    public synchronized void rebuild() {
        building.set(true);
        try {
            GazetteerLoader.Loaded l = loader.load();
            long t0 = System.nanoTime();
            Suggester suggester = new Suggester(l.gazetteer(), l.pinyin(), l.initials());
            long t1 = System.nanoTime();
            AddressParser parser = new AddressParser(l.gazetteer());
            long t2 = System.nanoTime();
            DivisionLocator locator = new DivisionLocator(l.parts());
            long t3 = System.nanoTime();
            PinyinReader reader = new PinyinReader(l.gazetteer(), l.pinyin());
            long t4 = System.nanoTime();
            log.info("geocode index: type-ahead keys built in {} ms, parser {} ms, locator {} ms, pinyin reader {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
            current = new Snapshot(l.gazetteer(), parser, locator, suggester, reader,
                    l.fingerprint(), l.millis(), l.geometrySources());
        } finally {
            building.set(false);
        }
    }

    /** Rebuilds now unless the divisions are unchanged since the current index was built (for tests and tools). */
    public synchronized void refreshIfChanged() { // after a build under way (a start-up's): it may be current already
        Snapshot s = current;
        if (s == null || loader.fingerprint() != s.fingerprint()) rebuild();
    }

    /** The current index; 503 while the first one is still being built. */
    Snapshot snapshot() {
        Snapshot s = current;
        if (s == null) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The geocoding index is being built (the national registry "
                    + "takes a few seconds to load after start-up); retry shortly", java.util.List.of(),
                    java.util.Map.of("retryAfterSeconds", 5));
        }
        return s;
    }

    boolean ready() { return current != null; }

    @PreDestroy
    void stop() { scheduler.shutdownNow(); }
}
