package cn.civgeo.common.changes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cache invalidation that reaches every instance: one LISTEN connection per instance on the channel
 * {@value #CHANNEL}, to which statement triggers (V102) on division, address, place_name, facility and demographics
 * send the table's name at commit. Each notification (a burst of them, deduplicated per poll) becomes a
 * {@link RemoteChange} application event that the owners of in-memory indexes and caches listen to (the geocoder's
 * gazetteer index; the point index and tile cache have their own change counter / channel as well). After a
 * (re)connect a {@code RemoteChange("*")} is published, since changes may have been missed meanwhile.
 */
@Component
public class ChangeBus implements DisposableBean {
    public static final String CHANNEL = "civgeo_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeBus.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Thread thread;

    ChangeBus(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread t = new Thread(this::listen, "change-bus");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** True while the listening connection is up. */
    public boolean isListening() { return connected; }

    private void listen() {
        long backoff = 1000;
        boolean first = true;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                connected = true;
                if (!first) publish("*");
                first = false;
                backoff = 1000;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] n = pg.getNotifications(500); // waits on the socket; no round trip
                    if (n == null || n.length == 0) continue;
                    Set<String> tables = new LinkedHashSet<>();
                    for (PGNotification x : n) tables.add(x.getParameter());
                    tables.forEach(this::publish);
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (!running) return;
                log.warn("change listener: {} (retrying in {} ms)", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void publish(String table) {
        try {
            events.publishEvent(new RemoteChange(table));
        } catch (RuntimeException e) {
            log.warn("change {} not handled: {}", table, e.toString());
        }
    }

    @Override
    public void destroy() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
