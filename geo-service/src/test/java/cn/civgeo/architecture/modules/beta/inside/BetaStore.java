package cn.civgeo.architecture.modules.beta.inside;

/** Fixture: inside beta (a sub-package, not exposed). */
public class BetaStore {
    public int rows() { return 3; }
}
