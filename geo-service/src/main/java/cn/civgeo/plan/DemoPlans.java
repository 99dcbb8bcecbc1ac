package cn.civgeo.plan;

import cn.civgeo.demo.DemoDataContributor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports the seed plan templates (civgeo.plan.template-dir, default data/plans of the checkout) once, and records
 * an invented ecological-burial rate for the demo city so the Xiamen plan's reported row is not empty (source says
 * so). Order 70, after the demo facilities.
 */
@Component
class DemoPlans implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    private final PlanService plans;
    private final Path dir;

    DemoPlans(PlanService plans, @Value("${civgeo.plan.template-dir:data/plans}") String dir) {
        this.plans = plans;
        this.dir = Path.of(dir);
    }

    @Override public int order() { return 70; }

    @Override public String name() { return "seed plans"; }

    @Override
    public void load() {
        if (!Files.isDirectory(dir)) {
            log.info("no plan templates at {}: no seed plans", dir.toAbsolutePath());
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo", null, java.util.List.of()));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                try {
                    Plan p = plans.importTemplate(Files.readAllBytes(f));
                    log.info("seed plan {} imported ({} indicators)", p.code(), p.indicators().size());
                    if (p.code().equals("xiamen-14th")) {
                        for (var e : Map.of(2021, 81.6, 2022, 82.4, 2023, 83.1, 2024, 83.9).entrySet()) {
                            plans.recordValue(p.id(), new Plan.ValueInput("ecoBurialRate", p.divisionCode(), e.getKey(), e.getValue(),
                                    "演示数据（虚构，非统计数字）", null, null));
                        }
                    }
                } catch (cn.civgeo.common.ApiException e) {
                    log.debug("seed plan {} not imported: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("plan templates at {} could not be read: {}", dir, e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
