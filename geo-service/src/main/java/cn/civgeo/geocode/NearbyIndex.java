package cn.civgeo.geocode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Active standard addresses and approved place names in memory, for reverse geocoding at tens of thousands of points
 * a second. The database stays the truth: {@link #fresh()} answers only when the copy matches the tables (one
 * read of the change counter of the one change signal, {@code civgeo_change_count}, bumped by the NOTIFY trigger in
 * the writer's transaction); otherwise it
 * answers null, the caller asks the database, and a rebuild starts in the background. A copy is read in one
 * repeatable-read transaction, so its counter and its rows come from the same snapshot.
 */
@Component
class NearbyIndex {
    private static final Logger log = LoggerFactory.getLogger(NearbyIndex.class);

    /** One consistent generation of the index. */
    record Snapshot(long changes, PointGrid addresses, PlaceNameShapes placeNames, long loadMillis) {}

    private final NearbyRepository repo;
    private final TransactionTemplate snapshotRead;
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nearby-index");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot current;

    /** Rebuild as soon as addresses or place names change (else on the first read that finds the copy stale). */
    private final boolean rebuildOnChange;

    NearbyIndex(NearbyRepository repo, PlatformTransactionManager tx,
                @org.springframework.beans.factory.annotation.Value("${civgeo.geocode.rebuild-on-change:true}") boolean rebuildOnChange) {
        this.rebuildOnChange = rebuildOnChange;
        this.repo = repo;
        this.snapshotRead = new TransactionTemplate(tx);
        snapshotRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotRead.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() { rebuildLater(); }

    /**
     * Addresses or place names written through this instance's services: rebuild now, after commit, so the next
     * reverse geocode is answered from memory (the change counter still decides what is fresh).
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void addressesChanged(cn.civgeo.address.AddressChangedEvent e) { changed(); }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void placeNamesChanged(cn.civgeo.placename.PlaceNameChangedEvent e) { changed(); }

    /** The same tables written elsewhere (another instance, an import, psql) through the one NOTIFY channel; "*" after a reconnect. */
    @EventListener
    void changedElsewhere(cn.civgeo.common.changes.RemoteChange e) {
        if (e.concerns("address") || e.concerns("place_name")) changed();
    }

    /** A write of this instance arrives twice (its event, then its NOTIFY); the builder skips a copy that is fresh already. */
    private void changed() {
        if (rebuildOnChange) rebuildLater();
    }

    /** The generation in memory now (null before the first build). */
    Snapshot current() { return current; }

    /** The in-memory copy if it matches the tables now, else null (the caller reads the database). */
    Snapshot fresh() {
        Snapshot s = current;
        if (s != null && s.changes() == changes()) return s;
        rebuildLater();
        return null;
    }

    private long changes() { return repo.changes(); }

    /** Starts a rebuild in the background; asked while one runs (it may have read its rows before the change), another follows it. */
    private void rebuildLater() {
        if (!building.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        builder.execute(() -> {
            try {
                again.set(false);
                Snapshot s = current;
                if (s == null || s.changes() != changes()) rebuild(); // asked twice for one write: built once
            } catch (RuntimeException e) {
                log.warn("nearby index build failed (reverse geocoding reads the database meanwhile): {}", e.toString());
            } finally {
                building.set(false);
            }
            if (again.get()) rebuildLater(); // it checks whether the copy is fresh before it builds
        });
    }

    /** Reads a new copy now and switches to it; returns it. */
    synchronized Snapshot rebuild() {
        long t0 = System.currentTimeMillis();
        Snapshot s = snapshotRead.execute(tx -> new Snapshot(changes(), loadAddresses(), loadPlaceNames(), 0));
        s = new Snapshot(s.changes(), s.addresses(), s.placeNames(), System.currentTimeMillis() - t0);
        current = s;
        log.info("nearby index: {} active addresses, {} place names with geometry, loaded in {} ms",
                s.addresses().size(), s.placeNames().size(), s.loadMillis());
        return s;
    }

    private PointGrid loadAddresses() {
        Columns c = new Columns();
        repo.activeAddresses(c::add);
        return new PointGrid(c.ids, c.xs, c.ys, c.n);
    }

    private PlaceNameShapes loadPlaceNames() {
        WKBReader wkb = new WKBReader();
        List<PlaceNameShapes.Shape> shapes = new ArrayList<>();
        repo.approvedPlaceNames((id, code, name, division, bytes) -> {
            try {
                shapes.add(new PlaceNameShapes.Shape(id, code, name, division, wkb.read(bytes)));
            } catch (ParseException e) {
                throw new IllegalStateException("place name " + id + " has unreadable geometry", e);
            }
        });
        return new PlaceNameShapes(shapes);
    }

    /** Growable parallel arrays (a million boxed objects would cost ten times the memory). */
    private static final class Columns {
        long[] ids = new long[1024];
        double[] xs = new double[1024], ys = new double[1024];
        int n;

        void add(long id, double x, double y) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                xs = Arrays.copyOf(xs, n * 2);
                ys = Arrays.copyOf(ys, n * 2);
            }
            ids[n] = id;
            xs[n] = x;
            ys[n++] = y;
        }
    }

    @PreDestroy
    void stop() { builder.shutdownNow(); }
}
