package cn.civgeo.demo;

/** One feature's demo data. Implementations must be idempotent: a second run finds its data and does nothing. */
public interface DemoDataContributor {
    /** Lower runs first: users 0, registry 10, demo city 20, place names 30, addresses 40, boundaries 50, facilities 60. */
    int order();

    String name();

    void load();
}
