package cn.civgeo.division.registry;

import cn.civgeo.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/** Demo data step 10: the national registry (skipped when already loaded). */
@Component
class RegistryDemoData implements DemoDataContributor {
    private final RegistryLoader loader;

    RegistryDemoData(RegistryLoader loader) { this.loader = loader; }

    @Override public int order() { return 10; }

    @Override public String name() { return "division registry (" + RegistryLoader.SOURCE + ")"; }

    @Override public void load() { loader.loadIfNeeded(); }
}
