package cn.civgeo.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Cancelling a running job cancels the statement it runs in PostgreSQL, not only the Java thread. */
class JobCancelIT extends IntegrationTest {
    @Autowired
    private JobService jobs;

    private long running(String marker) {
        return jdbc.sql("select count(*) from pg_stat_activity where state = 'active' and query like :q and pid <> pg_backend_pid()")
                .param("q", "%" + marker + "%").query(Long.class).single();
    }

    @Test
    void cancellingAJobCancelsItsLongStatement() throws Exception {
        String marker = "cancel_" + UUID.randomUUID().toString().replace("-", "");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("cancel-t", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        Job job;
        try {
            jobs.register("test-sleep", String.class, false,
                    (in, file, p) -> jdbc.sql("select pg_sleep(60), '" + in + "' as marker").query(String.class).list());
            job = jobs.submit("test-sleep", marker);
            long until = System.currentTimeMillis() + 20_000;
            while (running(marker) == 0 && System.currentTimeMillis() < until) Thread.sleep(50);
            assertThat(running(marker)).as("the job's statement is running").isEqualTo(1);

            assertThat(jobs.cancel(job.getId()).getStatus()).isEqualTo(Job.Status.CANCELLED);
        } finally {
            SecurityContextHolder.clearContext();
        }
        // The 60 s statement is gone well before it would end by itself (before: it ran on for the whole minute).
        long until = System.currentTimeMillis() + 10_000;
        while (running(marker) > 0 && System.currentTimeMillis() < until) Thread.sleep(50);
        assertThat(running(marker)).as("the cancelled job's statement still runs in PostgreSQL").isZero();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("cancel-t", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            assertThat(jobs.get(job.getId()).getStatus()).isEqualTo(Job.Status.CANCELLED);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
