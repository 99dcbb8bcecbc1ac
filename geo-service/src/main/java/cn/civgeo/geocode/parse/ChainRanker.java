package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns mentions into ranked division candidates. A candidate is a unit plus the mentions of it and of its
 * ancestors that the text contains (at most one per unit, no two overlapping); its score is what those mentions
 * explain. The hierarchy resolves ambiguous names: of the many 新村, the one whose county the text also names wins.
 */
final class ChainRanker {
    /** Bonus per supporting ancestor mention, and penalty when the text names levels out of order. */
    static final double SUPPORT_BONUS = 0.3, ORDER_PENALTY = 0.5;

    record Chain(int unit, List<Mention> used, double score, boolean outOfOrder) {
        Mention own() { return used.get(0); }
    }

    private final Gazetteer g;

    ChainRanker(Gazetteer g) { this.g = g; }

    List<Chain> rank(String t, List<Mention> mentions) {
        Map<Integer, List<Mention>> byUnit = new HashMap<>();
        for (Mention m : mentions) if (usable(t, m, mentions)) byUnit.computeIfAbsent(m.unit(), k -> new ArrayList<>()).add(m);
        for (List<Mention> l : byUnit.values()) l.sort(Comparator.comparingDouble((Mention m) -> -m.weight(g)));
        List<Chain> chains = new ArrayList<>();
        for (var e : byUnit.entrySet()) chains.add(chain(e.getKey(), byUnit));
        chains.sort(Comparator.comparingDouble((Chain c) -> -c.score()).thenComparingInt(c -> -g.level(c.unit())));
        // A candidate whose whole support is also a deeper candidate's support is that candidate's ancestor: drop it.
        List<Chain> out = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (Chain c : chains) {
            if (covered.contains(c.unit())) continue;
            out.add(c);
            for (int a = g.parent(c.unit()); a >= 0; a = g.parent(a)) covered.add(a);
        }
        // Drop a candidate that is the ancestor of one scoring at least as well (one walk up per candidate, not n²:
        // a common name such as 新村 can yield thousands of candidates).
        Map<Integer, Double> bestBelow = new HashMap<>();
        for (Chain d : out) {
            for (int a = g.parent(d.unit()); a >= 0; a = g.parent(a)) bestBelow.merge(a, d.score(), Math::max);
        }
        out.removeIf(c -> bestBelow.getOrDefault(c.unit(), Double.NEGATIVE_INFINITY) >= c.score() - 1e-9);
        return out;
    }

    /**
     * The best chain of {@code unit}: each of its own mentions tried in turn, since the heaviest may overlap the
     * ancestors' (坟台镇坟台: the village is the second 坟台, not the first, which the township's name covers).
     */
    private Chain chain(int unit, Map<Integer, List<Mention>> byUnit) {
        List<Mention> own = byUnit.get(unit);
        Chain best = chain(unit, own.get(0), byUnit);
        for (int i = 1; i < own.size() && i < 4; i++) {
            Chain c = chain(unit, own.get(i), byUnit);
            if (c.score() > best.score() + 1e-9) best = c;
        }
        return best;
    }

    private Chain chain(int unit, Mention first, Map<Integer, List<Mention>> byUnit) {
        List<Mention> used = new ArrayList<>();
        used.add(first);
        for (int a = g.parent(unit); a >= 0; a = g.parent(a)) {
            List<Mention> ms = byUnit.get(a);
            if (ms == null) continue;
            for (Mention m : ms) {
                if (used.stream().noneMatch(m::overlaps)) { used.add(m); break; }
            }
        }
        double score = 0;
        for (Mention m : used) score += m.weight(g);
        score += SUPPORT_BONUS * (used.size() - 1);
        List<Mention> inText = new ArrayList<>(used);
        inText.sort(Comparator.comparingInt(Mention::start));
        boolean outOfOrder = false;
        for (int i = 1; i < inText.size(); i++) if (g.level(inText.get(i).unit()) < g.level(inText.get(i - 1).unit())) outOfOrder = true;
        if (outOfOrder) score -= ORDER_PENALTY;
        return new Chain(unit, used, score, outOfOrder);
    }

    /**
     * Short village and two-character township forms (湖滨, 新村) are common words: use them only where a word
     * starts (text start, a separator, or right after another mention), never inside a longer word.
     */
    private boolean usable(String t, Mention m, List<Mention> all) {
        if (m.form() == Gazetteer.Form.FULL || m.fuzzy()) return true;
        for (Mention o : all) {
            if (o.form() != Gazetteer.Form.FULL || o.unit() == m.unit()) continue;
            // 内江市|中山路: 市中 (市中区) would start on the generic that ends 内江市.
            if (o.end() == m.start() + 1 && o.start() < m.start() && g.level(o.unit()) < g.level(m.unit())) return false;
            // 莎车县…: 莎车 (莎车镇) is only the start of the full name 莎车县 written there.
            if (o.start() == m.start() && o.end() > m.end()) return false;
        }
        int level = g.level(m.unit());
        if (level < 4 || (level == 4 && m.length() > 2)) return true;
        int s = m.start();
        if (s == 0 || !MentionFinder.nameChar(t.charAt(s - 1))) return true;
        for (Mention o : all) if (o.end() == s && o != m && g.level(o.unit()) < level) return true;
        return false;
    }

    boolean isAncestor(int a, int unit) {
        for (int p = g.parent(unit); p >= 0; p = g.parent(p)) if (p == a) return true;
        return false;
    }
}
