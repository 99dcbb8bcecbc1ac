package cn.civgeo.address.demo;

import cn.civgeo.audit.AuditService;
import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.placename.demo.DemoPlaceNames;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo doorplates along the demo roads ({@code sql/address/demo-addresses.sql}): about one every 100 m on each
 * side, numbered by the road's direction with odd numbers on the right, each inside the community polygon that
 * contains it. Deterministic; one audit row records the bulk load.
 */
@Component
public class DemoAddresses implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoAddresses.class);

    private final DemoAddressRepository repo;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoAddresses(DemoAddressRepository repo, AuditService audit, org.springframework.context.ApplicationEventPublisher events) {
        this.repo = repo;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public int order() { return 40; }

    @Override
    public String name() { return "standard addresses of the demo city"; }

    public boolean loaded() {
        return repo.loaded();
    }

    @Override
    @Transactional
    public void load() {
        if (loaded()) return;
        int n = repo.load();
        audit.created("address", "demo:" + DemoPlaceNames.CITY, Map.of("loaded", n, "source", "demo generator"));
        events.publishEvent(cn.civgeo.address.AddressChangedEvent.many());
        log.info("demo addresses: {}", n);
    }

}
