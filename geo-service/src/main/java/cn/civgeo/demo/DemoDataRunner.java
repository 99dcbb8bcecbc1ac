package cn.civgeo.demo;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
@Order(10)
@ConditionalOnProperty(name = "civgeo.demo.enabled", havingValue = "true")
class DemoDataRunner implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final List<DemoDataContributor> contributors;

    DemoDataRunner(List<DemoDataContributor> contributors) { this.contributors = contributors; }

    @Override
    public void run(ApplicationArguments args) {
        log.warn("""

                ************************************************************************************
                *  DEMO MODE (CIVGEO_DEMO=true): demo users (admin/admin-demo-2026, ...) and the    *
                *  demo API key are PUBLIC (README). Never expose this instance to a network.       *
                *  For real use: CIVGEO_DEMO=false, CIVGEO_ADMIN_PASSWORD=<secret>, TLS at a proxy.  *
                ************************************************************************************""");
        // Demo rows are audited like any other write; they are attributed to "demo-loader".
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("demo-loader", null, List.of()));
        try {
            for (DemoDataContributor c : contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList()) {
                long t0 = System.nanoTime();
                log.info("demo data: {} ...", c.name());
                c.load();
                log.info("demo data: {} done in {} ms", c.name(), (System.nanoTime() - t0) / 1_000_000);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
