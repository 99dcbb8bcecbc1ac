package cn.civgeo.geocode;

/**
 * Builds the geocoding index once per test JVM after the fixtures are loaded. Other features' tests change
 * divisions all the time (synthetic units under 99); rebuilding the 665,000-unit index for each test would
 * only cost time, and nothing these tests ask depends on those changes.
 */
public final class GeocodeTestIndex {
    private static volatile boolean ready;

    private GeocodeTestIndex() {}

    public static synchronized void ready(GeocodeIndex index) {
        if (ready) return;
        index.refreshIfChanged();
        ready = true;
    }
}
