package cn.civgeo.demographics;

import cn.civgeo.demo.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's demographics for {@link #YEAR}: population, households and 60+ are the demo generator's invented
 * figures (until now on the division rows), copied here; 65+, 80+, disabled, semi-disabled and 特困 elderly are
 * invented as fixed shares of 60+ varying by code (deterministic), the whole city a cremation area. Runs after
 * the demo city (order 20) and before the facilities (60). Invented, not statistics.
 */
@Component
class DemoDemographics implements DemoDataContributor {
    static final int YEAR = 2025;
    private static final Logger log = LoggerFactory.getLogger(DemoDemographics.class);
    private final DemoDemographicsRepository repo;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoDemographics(DemoDemographicsRepository repo, org.springframework.context.ApplicationEventPublisher events) {
        this.repo = repo;
        this.events = events;
    }

    @Override public int order() { return 25; }

    @Override public String name() { return "demographics of the demo city"; }

    @Override
    public void load() {
        if (repo.loaded()) return;
        int n = repo.load(YEAR);
        // no codes: many units (the indicator and coverage caches drop everything)
        events.publishEvent(new DemographicsService.DemographicsChangedEvent(java.util.List.of()));
        log.info("demo demographics: {} rows for {}", n, YEAR);
    }
}
