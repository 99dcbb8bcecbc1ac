package cn.civgeo.placename;

import cn.civgeo.address.demo.DemoAddresses;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.placename.demo.DemoPlaceNames;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For any feature's integration tests: the demo city's place names (roads as LINESTRINGs on a connected lattice,
 * residential areas, parks, bridges, buildings) and its ≥ 20,000 doorplates, loaded once per test database.
 * <pre>
 *   &#64;Autowired ApplicationContext ctx;
 *   &#64;BeforeEach void data() { PlaceNameFixtures.ensureDemo(ctx); }
 * </pre>
 */
public final class PlaceNameFixtures {
    private static volatile boolean loaded;

    private PlaceNameFixtures() {}

    public static synchronized void ensureDemo(ApplicationContext ctx) {
        if (loaded) return;
        DivisionFixtures.ensureDemoCity(ctx);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-loader", null, List.of()));
        try {
            ctx.getBean(DemoPlaceNames.class).load();
            ctx.getBean(DemoAddresses.class).load();
        } finally {
            SecurityContextHolder.clearContext();
        }
        loaded = true;
    }
}
