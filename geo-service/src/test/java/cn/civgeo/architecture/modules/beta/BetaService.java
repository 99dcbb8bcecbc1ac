package cn.civgeo.architecture.modules.beta;

import cn.civgeo.architecture.modules.beta.inside.BetaStore;

/** Fixture: beta's API. */
public class BetaService {
    public int rows() { return new BetaStore().rows(); }
}
