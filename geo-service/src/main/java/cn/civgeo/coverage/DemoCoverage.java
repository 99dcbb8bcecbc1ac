package cn.civgeo.coverage;

import cn.civgeo.common.jobs.Progress;
import cn.civgeo.demo.DemoDataContributor;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Brings every demo facility's service area up to date and logs the demo city's elderly-care coverage. */
@Component
class DemoCoverage implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoCoverage.class);

    private final ServiceAreaService areas;
    private final CoverageService coverage;
    private final CoverageRepository repo;

    DemoCoverage(ServiceAreaService areas, CoverageService coverage, CoverageRepository repo) {
        this.areas = areas;
        this.coverage = coverage;
        this.repo = repo;
    }

    @Override public int order() { return 70; }

    @Override public String name() { return "service areas and coverage of the demo city"; }

    @Override
    public void load() {
        Map<String, Object> r = areas.recompute(null, "350200", false, Progress.NONE);
        log.info("demo service areas: {}", r);
        if (!repo.demoCityExists()) return;
        var c = coverage.coverage("350200", null, null, Progress.NONE);
        log.info("demo city elderly-care 15-minute coverage: {} of {} households ({} of {} residential units)",
                c.total().coveredHouseholds(), c.total().households(), c.total().coveredUnits(), c.total().units());
    }
}
