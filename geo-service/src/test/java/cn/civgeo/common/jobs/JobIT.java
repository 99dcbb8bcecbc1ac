package cn.civgeo.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class JobIT extends IntegrationTest {
    @Autowired
    JobService jobs;

    @Test
    void jobReportsProgressAndResultToItsOwnerOnly() throws Exception {
        token("planner-t");
        token("viewer-t");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "planner-t", null, List.of(new SimpleGrantedAuthority("ROLE_PLANNER"))));
        Job job;
        jobs.register("test", String.class, true, (in, file, p) -> {
            p.total(4);
            for (int i = 0; i < 4; i++) p.advance(1);
            p.message("done counting");
            return Map.of("counted", 4);
        });
        try {
            job = jobs.submit("test", null);
        } finally {
            SecurityContextHolder.clearContext();
        }
        Response r = null;
        for (int i = 0; i < 100; i++) {
            r = get("/api/jobs/" + job.getId(), "planner-t");
            if (r.json().get("status").asString().equals("SUCCEEDED")) break;
            Thread.sleep(20);
        }
        assertThat(r.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(r.json().get("done").asLong()).isEqualTo(4);
        assertThat(r.json().get("percent").asDouble()).isEqualTo(100.0);
        assertThat(r.json().get("result").get("counted").asInt()).isEqualTo(4);
        assertThat(get("/api/jobs/" + job.getId(), "viewer-t").status()).isEqualTo(404);
    }
}
