package cn.civgeo.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service does while PostgreSQL is away. The first request that finds the database unreachable (a
 * connection that cannot be had within the pool's connection timeout, or a connection-class SQL state) marks it
 * down; from then on API requests are answered at once with 503 problem+json and {@code Retry-After} instead of
 * each waiting for the pool, and one background probe per second tries a connection. When the probe gets one the
 * gate opens again: the service recovers by itself, without a restart. Health ({@code /actuator/health}) reports
 * the database through Boot's own indicator, so it says DOWN (503) meanwhile. The page and its static files are
 * still served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseGate extends OncePerRequestFilter implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);

    private final DataSource dataSource;
    private final JsonMapper json;
    private final int retryAfterSeconds;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });

    public DatabaseGate(DataSource dataSource, JsonMapper json,
                        @Value("${civgeo.database.retry-after-seconds:5}") int retryAfterSeconds) {
        this.dataSource = dataSource;
        this.json = json;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * True when the exception (or one of its causes) means no connection could be had: the database is away, or the
     * pool is exhausted (overload). Either way the answer is 503 with Retry-After, not 500.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || connectionState(t)) return true;
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) return true;
        }
        return false;
    }

    /**
     * True only when the database itself cannot be reached (a connection-class SQL state somewhere in the causes:
     * the pool's timeout carries the last connection failure as its cause). A pool that is merely busy does not
     * close the gate.
     */
    public static boolean isDatabaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (connectionState(t)) return true;
            if (t instanceof SQLException s && s.getNextException() != null && connectionState(s.getNextException())) return true;
        }
        return false;
    }

    /**
     * The next exception to look at: a rollback that failed on a dead connection hides the query's own failure as
     * its original exception; otherwise the cause.
     */
    private static Throwable next(Throwable t) {
        if (t instanceof TransactionSystemException tse && tse.getOriginalException() != null && tse.getOriginalException() != t) {
            return tse.getOriginalException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static boolean connectionState(Throwable t) {
        if (!(t instanceof SQLException s)) return false;
        // A pooled connection that died with the server (Hikari's proxy says so without an SQL state).
        if (s.getSQLState() == null) return "Connection is closed".equals(s.getMessage());
        String state = s.getSQLState();
        // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** Seconds a client should wait before trying again. */
    public int retryAfterSeconds() { return retryAfterSeconds; }

    public boolean isDown() { return down.get(); }

    /** Called where an unavailable database may have been seen: closes the gate (and starts probing) if it was. */
    public void markDown(Throwable cause) {
        if (isDatabaseDown(cause) && down.compareAndSet(false, true)) {
            log.warn("database unreachable ({}): answering 503 until a probe connects", cause.toString());
            probe.schedule(this::probeOnce, 1, TimeUnit.SECONDS);
        }
    }

    private void probeOnce() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                down.set(false);
                log.info("database reachable again");
                return;
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("database probe: {}", e.toString());
        }
        if (down.get()) probe.schedule(this::probeOnce, 1, TimeUnit.SECONDS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String p = req.getRequestURI();
        return !(p.startsWith("/api/") || p.startsWith("/v3/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (down.get()) {
            write(res);
            return;
        }
        try {
            chain.doFilter(req, res);
        } catch (ServletException | IOException | RuntimeException e) {
            // Failures before any controller (the bearer token or API key is looked up in the database by the
            // security filters) never reach the exception handler.
            if (!isUnavailable(e)) throw e;
            markDown(e);
            if (!res.isCommitted()) {
                res.reset();
                write(res);
            }
        }
    }

    private void write(HttpServletResponse res) throws IOException {
        res.setStatus(ProblemType.UNAVAILABLE.status().value());
        res.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), Problems.detail(ProblemType.UNAVAILABLE,
                "The database is not reachable; try again in a few seconds", null,
                java.util.Map.of("retryAfterSeconds", retryAfterSeconds)));
    }

    @Override
    public void destroy() { probe.shutdownNow(); }
}
