package cn.civgeo.ogc;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The whole demo data set (divisions, boundaries, place names, addresses, facilities, service areas) once per run. */
final class OgcFixtures {
    private static volatile boolean loaded;

    private OgcFixtures() {}

    static synchronized void ensureDemo(ApplicationContext ctx) {
        if (loaded) return;
        DivisionFixtures.ensureDemoCity(ctx);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("demo-loader", null, List.of()));
        try {
            ctx.getBeanProvider(DemoDataContributor.class).stream()
                    .sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(DemoDataContributor::load);
        } finally {
            SecurityContextHolder.clearContext();
        }
        loaded = true;
    }
}
