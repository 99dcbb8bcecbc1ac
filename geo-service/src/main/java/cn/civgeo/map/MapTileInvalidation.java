package cn.civgeo.map;

import cn.civgeo.division.DivisionChangedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops the cached vector tiles when divisions change, so a change shows on the next tile request instead of
 * after the cache's age limit:
 * <ul>
 * <li>at once after an approved change commits ({@link DivisionChangedEvent}, in the committing thread, before
 *     its HTTP response is sent);</li>
 * <li>for every other write to {@code division} (registry, demo city, geometry import, SQL by hand), through
 *     PostgreSQL NOTIFY {@code civgeo_map_tiles}, sent by a statement trigger (V60) and delivered at commit to a
 *     listening connection held by this bean's thread.</li>
 * </ul>
 * After an invalidation the start-up warm-up runs again (in the background) so the opening view stays warm.
 */
@Component
class MapTileInvalidation implements DisposableBean {
    static final String CHANNEL = "civgeo_map_tiles";
    private static final Logger log = LoggerFactory.getLogger(MapTileInvalidation.class);

    private final TileService tiles;
    private final DataSource dataSource;
    private final MapWarmup warmup;
    private volatile boolean running = true;
    private volatile Thread thread;

    MapTileInvalidation(TileService tiles, DataSource dataSource, MapWarmup warmup) {
        this.tiles = tiles;
        this.dataSource = dataSource;
        this.warmup = warmup;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void divisionsChanged(DivisionChangedEvent e) {
        changed("division change " + e.eventKind());
    }

    private void changed(String why) {
        tiles.invalidate();
        log.debug("map tiles dropped: {}", why);
        warmup.schedule();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread t = new Thread(this::listen, "map-tile-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void listen() {
        long backoff = 1000;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                // Changes made while nobody listened (start-up, a lost connection) are not known: start clean.
                changed("listener (re)connected");
                backoff = 1000;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] n = pg.getNotifications(500); // waits on the socket; no round trip
                    if (n != null && n.length > 0) changed("notify " + n[0].getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("map tile listener: {} (retrying in {} ms)", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        Thread t = thread; // leaves its wait within half a second and returns the connection to the pool
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
