package cn.civgeo.common.jobs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The database connections a job's thread holds, so cancelling the job also cancels the statement it is running
 * (PostgreSQL's cancel request, {@code PGConnection.cancelQuery()}, the same as {@code pg_cancel_backend} of the
 * job's backend) instead of waiting for it to finish. The application's {@code dataSource} is proxied (class proxy,
 * its type is kept): on a job thread, each connection it hands out is registered until it is closed (given back to
 * the pool), so a cancel never reaches a connection that another request is using by then. Other threads are not
 * affected beyond one thread-local look-up per connection.
 */
@Component
class JobConnections implements BeanPostProcessor {
    private static final Logger log = LoggerFactory.getLogger(JobConnections.class);
    private static final ThreadLocal<Registry> CURRENT = new ThreadLocal<>();

    /** The open connections of one running job. */
    static final class Registry {
        private final Set<Connection> open = new LinkedHashSet<>();
        private boolean cancelled;

        synchronized void add(Connection c) throws SQLException {
            open.add(c);
            if (cancelled) cancel(c);
        }

        synchronized void remove(Connection c) { open.remove(c); }

        /** Cancels the statement running on each open connection (and any the job opens afterwards). */
        synchronized int cancel() {
            cancelled = true;
            int n = 0;
            for (Connection c : open) {
                try {
                    cancel(c);
                    n++;
                } catch (SQLException e) {
                    log.warn("could not cancel a job's statement: {}", e.getMessage());
                }
            }
            return n;
        }

        private static void cancel(Connection c) throws SQLException {
            c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
        }
    }

    static Registry begin() {
        Registry r = new Registry();
        CURRENT.set(r);
        return r;
    }

    static void end() { CURRENT.remove(); }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!"dataSource".equals(beanName) || !(bean instanceof DataSource)) return bean;
        ProxyFactory pf = new ProxyFactory(bean);
        pf.setProxyTargetClass(true);
        pf.addAdvice((MethodInterceptor) inv -> {
            Object result = inv.proceed();
            Registry r = CURRENT.get();
            if (r != null && result instanceof Connection c && "getConnection".equals(inv.getMethod().getName())) return track(c, r);
            return result;
        });
        return pf.getProxy();
    }

    private static Connection track(Connection c, Registry r) throws SQLException {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            if (m.getName().equals("close") && m.getParameterCount() == 0) r.remove(self[0]);
            try {
                return m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        r.add(self[0]); // cancel() unwraps through the proxy to the driver's connection; close() removes it
        return self[0];
    }
}
