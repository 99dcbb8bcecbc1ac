package cn.civgeo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.address.AddressChangedEvent;
import cn.civgeo.demographics.DemographicsService;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.placename.PlaceNameFixtures;
import cn.civgeo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo loads are write paths too (issue #12: one change signal): each publishes its feature's change event (the
 * demo city, its demographics, its doorplates; the registry load publishes the same event as the demo city and is
 * not re-run here: it copies 665,000 units). Each
 * load runs again inside a transaction that first removes what it loaded and is then rolled back, so the database
 * is as it was and only the published events are looked at.
 */
@RecordApplicationEvents
class DemoLoadEventsIT extends IntegrationTest {
    @Autowired ApplicationContext ctx;
    @Autowired PlatformTransactionManager txManager;
    @Autowired ApplicationEvents events;

    private DemoDataContributor contributor(String name) {
        return ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo contributor named " + name));
    }

    private void inRolledBackTransaction(String remove, DemoDataContributor c) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            int removed = jdbc.sql(remove).update();
            assertThat(removed).as("demo rows removed for the test: " + remove).isPositive();
            c.load();
            s.setRollbackOnly();
        });
    }

    @Test
    void theDemoDemographicsPublishTheirChangeEvent() {
        DivisionFixtures.ensureDemoCity(ctx);
        DemoDataContributor c = contributor("demographics of the demo city");
        c.load(); // loaded already, or now: the second run below is the one looked at
        long before = events.stream(DemographicsService.DemographicsChangedEvent.class).count();
        inRolledBackTransaction("delete from demographics where division_code like '3502%' and age65 is not null", c);
        assertThat(events.stream(DemographicsService.DemographicsChangedEvent.class).count()).isEqualTo(before + 1);
    }

    @Test
    void theDemoDoorplatesPublishTheirChangeEvent() {
        PlaceNameFixtures.ensureDemo(ctx);
        DemoDataContributor c = contributor("standard addresses of the demo city");
        c.load();
        long before = events.stream(AddressChangedEvent.class).filter(e -> e.ids().isEmpty()).count();
        inRolledBackTransaction("delete from address where source = 'demo' and community_code like '3502%'", c);
        assertThat(events.stream(AddressChangedEvent.class).filter(e -> e.ids().isEmpty()).count()).isEqualTo(before + 1);
    }

    @Test
    void theDemoCityPublishesALoadOfDivisions() {
        DivisionFixtures.ensureDemoCity(ctx);
        DemoDataContributor c = contributor("demo city Xiamen 350200 (synthetic geometry)");
        c.load();
        long before = events.stream(cn.civgeo.division.DivisionChangedEvent.class).filter(e -> e.eventKind().equals("load")).count();
        inRolledBackTransaction("update division set geom = null where code like '3502%' and geom is not null", c);
        assertThat(events.stream(cn.civgeo.division.DivisionChangedEvent.class)
                .filter(e -> e.eventKind().equals("load") && e.codes().isEmpty()).count()).isEqualTo(before + 1);
    }
}
