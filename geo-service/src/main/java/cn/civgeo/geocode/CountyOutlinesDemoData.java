package cn.civgeo.geocode;

import cn.civgeo.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Demo data step 21: approximate county outlines nationwide (after the demo city, whose counties keep their own
 * geometry); skipped with a message when {@code scripts/fetch-outlines.sh} could not fetch the package.
 */
@Component
class CountyOutlinesDemoData implements DemoDataContributor {
    private final CountyOutlines outlines;

    CountyOutlinesDemoData(CountyOutlines outlines) { this.outlines = outlines; }

    @Override public int order() { return 21; }

    @Override public String name() { return "county outlines (" + CountyOutlines.SOURCE + ")"; }

    @Override public void load() { outlines.loadIfNeeded(); }
}
