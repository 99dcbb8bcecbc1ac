package cn.civgeo.common.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The application's one DataSource when read replicas are configured: leader connections by default, replica
 * connections inside a {@link ReadRouting} scope. A replica that cannot be had within its short connection timeout
 * (all replicas down, or none in the synchronous set) falls back to the leader, so reads never fail because of the
 * replicas alone.
 */
class ReadRoutingDataSource extends AbstractDataSource implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ReadRoutingDataSource.class);

    private final HikariDataSource leader;
    private final HikariDataSource replicas;
    private final AtomicLong replicaConnections = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile long quietUntil;

    public ReadRoutingDataSource(HikariDataSource leader, HikariDataSource replicas) {
        this.leader = leader;
        this.replicas = replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (ReadRouting.active() && System.currentTimeMillis() >= quietUntil) {
            try {
                Connection c = replicas.getConnection();
                replicaConnections.incrementAndGet();
                return c;
            } catch (SQLException e) {
                fallbacks.incrementAndGet();
                // Do not wait for the replica pool on every read while the replicas are away.
                quietUntil = System.currentTimeMillis() + 2000;
                log.warn("no replica connection ({}); reading from the leader", e.getMessage());
            }
        }
        return leader.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("use getConnection()");
    }

    /** Connections handed out from the replicas' pool since start. */
    public long replicaConnections() { return replicaConnections.get(); }

    /** Reads that fell back to the leader since start. */
    public long fallbacks() { return fallbacks.get(); }

    public HikariDataSource leader() { return leader; }

    @Override
    public void destroy() {
        replicas.close();
        leader.close();
    }
}
