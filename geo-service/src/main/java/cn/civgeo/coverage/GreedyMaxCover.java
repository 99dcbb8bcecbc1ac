package cn.civgeo.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Greedy maximal covering, pure: no Spring, no database, no geometry. Demand items {@code 0..n-1} carry a weight (the
 * one maximised, e.g. elderly) and a second weight that is only reported (e.g. households); each candidate covers a set
 * of demand items. Each round picks the unused candidate whose not yet covered items weigh most; ties go to the lowest
 * candidate index, and a candidate must gain more than {@link #EPSILON} to be picked, so the picks stop early when
 * nothing is left to gain. Greedy is within 1 - 1/e of the optimum. {@link #inOrder} instead takes the candidates as
 * given, each one's gain over those before it (zero gains included).
 */
final class GreedyMaxCover {
    /** A gain must exceed the best so far by this much to win the round (so float noise does not reorder ties). */
    static final double EPSILON = 1e-9;

    private GreedyMaxCover() {}

    /** One pick: the candidate's index, what it newly covers (weight and second weight) and those items. */
    record Pick(int candidate, double gain, double secondaryGain, BitSet newlyCovered) {}

    /**
     * At most {@code k} picks, greedily.
     *
     * @param weight    each demand item's weight (maximised)
     * @param secondary each demand item's second weight (reported per pick), the same length
     * @param covers    per candidate, the indexes of the demand items it covers
     */
    static List<Pick> greedy(double[] weight, double[] secondary, List<BitSet> covers, int k) {
        return run(weight, secondary, covers, k, false);
    }

    /** The candidates in their order (at most {@code k}), each one's gain over the ones before it. */
    static List<Pick> inOrder(double[] weight, double[] secondary, List<BitSet> covers, int k) {
        return run(weight, secondary, covers, k, true);
    }

    private static List<Pick> run(double[] weight, double[] secondary, List<BitSet> covers, int k, boolean inOrder) {
        if (weight.length != secondary.length) throw new IllegalArgumentException("weight and secondary differ in length");
        BitSet taken = new BitSet();
        boolean[] used = new boolean[covers.size()];
        List<Pick> picks = new ArrayList<>();
        for (int round = 0; round < k; round++) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < covers.size(); c++) {
                if (used[c] || inOrder && c != round) continue;
                double gain = sum(weight, covers.get(c), taken);
                if (gain > bestGain + EPSILON || inOrder) {
                    bestGain = gain;
                    best = c;
                }
            }
            if (best < 0) break; // nothing left to gain (or, in order, no candidate left)
            used[best] = true;
            BitSet fresh = (BitSet) covers.get(best).clone();
            fresh.andNot(taken);
            double secondaryGain = sum(secondary, fresh, new BitSet());
            taken.or(covers.get(best));
            picks.add(new Pick(best, bestGain, secondaryGain, fresh));
        }
        return picks;
    }

    private static double sum(double[] w, BitSet items, BitSet except) {
        double s = 0;
        for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) if (!except.get(i)) s += w[i];
        return s;
    }
}
