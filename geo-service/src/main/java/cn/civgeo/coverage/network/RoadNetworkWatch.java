package cn.civgeo.coverage.network;

import cn.civgeo.common.changes.RemoteChange;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Road networks changed outside this instance's {@link RoadNetworkService} (another instance's import, SQL by hand,
 * a script calling {@code civgeo_build_network}) reach the same listeners as its own imports: the triggers of V139
 * send NOTIFY with the table's name (road_network, road_node, road_edge) through {@link cn.civgeo.common.changes.ChangeBus};
 * the NOTIFY does not say which network, so a second later this compares each network's fingerprint
 * ({@link RoadNetworkRepository#fingerprints}) with the one it knew and publishes a {@link RoadNetworkChangedEvent}
 * (change {@value #ELSEWHERE}) per network that differs, appeared or went, inside a transaction as the service does:
 * the walking graph is dropped, the planner's models, indicators and site-suggestion caches are rebuilt, stored
 * service areas marked stale. This instance's own imports refresh the known fingerprint when they commit, so their
 * NOTIFY finds nothing new. A burst of notifications (an import of many statements) causes one check.
 */
@Component
public class RoadNetworkWatch {
    /** The {@link RoadNetworkChangedEvent#change()} of a change found through NOTIFY. */
    public static final String ELSEWHERE = "changed elsewhere";
    static final Set<String> TABLES = Set.of("road_network", "road_node", "road_edge");
    private static final Logger log = LoggerFactory.getLogger(RoadNetworkWatch.class);

    private final RoadNetworkRepository repo;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Map<Long, String> known = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean baseline;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "road-network-watch");
        t.setDaemon(true);
        return t;
    });

    RoadNetworkWatch(RoadNetworkRepository repo, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.repo = repo;
        this.events = events;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() { scheduler.execute(this::checkQuietly); }

    /** This instance's own import, replacement or deletion committed: what it wrote is known, not news. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ownChange(RoadNetworkChangedEvent e) {
        if (ELSEWHERE.equals(e.change())) return;
        scheduler.execute(() -> {
            try {
                Map<Long, String> now = repo.fingerprints(e.networkId());
                if (now.containsKey(e.networkId())) known.put(e.networkId(), now.get(e.networkId()));
                else known.remove(e.networkId());
            } catch (RuntimeException x) {
                log.warn("road network fingerprint of {}: {}", e.networkId(), x.toString());
            }
        });
    }

    /** A road table changed somewhere ("*": the listener reconnected and may have missed some): check in a second. */
    @EventListener
    void changedElsewhere(RemoteChange e) {
        if ((e.table().equals("*") || TABLES.contains(e.table())) && pending.compareAndSet(false, true))
            scheduler.schedule(this::checkQuietly, 1, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("road network check failed: {}", e.toString());
        }
    }

    /** Compares every network's fingerprint with the known one; publishes a change for each that differs. */
    synchronized Set<Long> check() {
        pending.set(false);
        Map<Long, String> now = repo.fingerprints(null);
        Set<Long> changed = new TreeSet<>();
        Set<Long> ids = new HashSet<>(now.keySet());
        ids.addAll(known.keySet());
        for (Long id : ids) if (!Objects.equals(now.get(id), known.get(id))) changed.add(id);
        known.keySet().retainAll(now.keySet());
        known.putAll(now);
        if (!baseline) { // the first look (at start-up) sets what is known; the graphs are loaded from now on anyway
            baseline = true;
            return Set.of();
        }
        for (Long id : changed) {
            log.info("road network {} changed elsewhere: walking graph and planner models rebuilt", id);
            tx.executeWithoutResult(s -> events.publishEvent(new RoadNetworkChangedEvent(id, ELSEWHERE)));
        }
        return changed;
    }
}
