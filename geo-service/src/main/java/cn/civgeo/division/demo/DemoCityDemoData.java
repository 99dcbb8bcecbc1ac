package cn.civgeo.division.demo;

import cn.civgeo.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/** Demo data step 20: the demo city's synthetic geometry and demography (skipped when 3502 has geometry). */
@Component
class DemoCityDemoData implements DemoDataContributor {
    private final DemoCity city;

    DemoCityDemoData(DemoCity city) { this.city = city; }

    @Override public int order() { return 20; }

    @Override public String name() { return "demo city Xiamen 350200 (synthetic geometry)"; }

    @Override public void load() { city.loadIfNeeded(); }
}
