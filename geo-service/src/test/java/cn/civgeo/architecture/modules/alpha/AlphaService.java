package cn.civgeo.architecture.modules.alpha;

import cn.civgeo.architecture.modules.beta.inside.BetaStore;

/** Fixture: a feature calling another feature's internal class (what ApplicationModules.verify() refuses). */
public class AlphaService {
    public int size() { return new BetaStore().rows(); }
}
