package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a free-text Chinese address into its parts and ranks the divisions it may lie in. Pure Java over a
 * {@link Gazetteer}; no I/O. Steps: normalise (full-width, numerals, noise) → exact name matches of every
 * division form → candidates scored by how much text their hierarchy explains → typo matches near the best
 * candidate (or, with none, against provinces, prefectures and counties) → rescore → street parts of the rest →
 * a confidence per candidate. Every component keeps its span in the caller's text.
 */
public final class AddressParser {
    public static final int MAX_LENGTH = 256;

    /** A ranked answer: the deepest division, its ancestors (province first), the components and why. */
    public record Candidate(int unit, List<Integer> chain, List<Component> components, double score, double confidence,
                            String matchLevel, List<String> notes) {}

    public record Result(String input, String normalized, List<Candidate> candidates) {
        public Candidate best() { return candidates.isEmpty() ? null : candidates.get(0); }
    }

    /** A word that ends like a division name (火星区, 某某镇) but is none the gazetteer knows. */
    private static final java.util.regex.Pattern DIVISION_LIKE = java.util.regex.Pattern.compile(
            "\\p{IsHan}{2,}(?:省|自治区|市|自治州|地区|盟|区|县|自治县|旗|街道|镇|乡|村民委员会|村委会|居民委员会|居委会)$");
    /** Areas that end in 区 or 市 but are no divisions: 高新区, 工业区, 小区, 菜市场… */
    private static final java.util.regex.Pattern NOT_DIVISION = java.util.regex.Pattern.compile(
            "(?:开发区|高新区|工业区|园区|保税区|景区|小区|社区|校区|厂区|片区|营区|试验区|示范区|集市|超市|门市|夜市|菜市|街市)$");

    private final Gazetteer g;
    private final MentionFinder finder;
    private final ChainRanker ranker;

    public AddressParser(Gazetteer g) {
        this.g = g;
        this.finder = new MentionFinder(g);
        this.ranker = new ChainRanker(g);
    }

    public Gazetteer gazetteer() { return g; }

    /** The street components (road, doorplate, suffix, building, unit, room, place name) of a text read alone, spans in the text. */
    public static List<Component> streetComponents(String input) {
        String in = input == null ? "" : input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        Normalized n = TextNormalizer.normalize(in);
        return StreetParser.parse(n, 0, n.text().length());
    }

    public Result parse(String input) { return parse(input, 5); }

    public Result parse(String input, int limit) {
        String in = input == null ? "" : input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        Normalized n = TextNormalizer.normalize(in);
        String t = n.text();
        List<Mention> mentions = new ArrayList<>(finder.exact(t));
        List<ChainRanker.Chain> chains = ranker.rank(t, mentions);
        for (int pass = 0; pass < 2; pass++) {
            List<Mention> typos = typoPass(t, chains, mentions);
            if (typos.isEmpty()) break;
            mentions.addAll(typos);
            chains = ranker.rank(t, mentions);
        }
        List<Candidate> out = new ArrayList<>();
        double bestScore = chains.isEmpty() ? 0 : chains.get(0).score();
        ChainRanker.Chain rival = rival(chains);
        for (int i = 0; i < chains.size() && out.size() < limit; i++) {
            out.add(candidate(n, chains.get(i), i == 0 ? rival : chains.get(0), i == 0, bestScore));
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.confidence()));
        return new Result(in, t, out);
    }

    /** The best competing candidate that is not an ancestor or descendant of the best one. */
    private ChainRanker.Chain rival(List<ChainRanker.Chain> chains) {
        if (chains.isEmpty()) return null;
        int best = chains.get(0).unit();
        for (int i = 1; i < chains.size(); i++) {
            int u = chains.get(i).unit();
            if (!ranker.isAncestor(u, best) && !ranker.isAncestor(best, u)) return chains.get(i);
        }
        return null;
    }

    private List<Mention> typoPass(String t, List<ChainRanker.Chain> chains, List<Mention> known) {
        boolean[] covered = new boolean[t.length()];
        int[] near;
        int[] implied = new int[0];
        int minLength = 3;
        if (chains.isEmpty()) {
            near = concat(g.atLevel(1), g.atLevel(2), g.atLevel(3));
            minLength = 4;
        } else {
            ChainRanker.Chain best = chains.get(0);
            for (Mention m : best.used()) for (int i = m.start(); i < m.end(); i++) covered[i] = true;
            near = descendants(best.unit(), 2);
            Set<Integer> named = new HashSet<>();
            for (Mention m : best.used()) named.add(m.unit());
            List<Integer> imp = new ArrayList<>();
            for (int a = g.parent(best.unit()); a >= 0; a = g.parent(a)) if (!named.contains(a)) imp.add(a);
            implied = imp.stream().mapToInt(Integer::intValue).toArray();
        }
        List<Mention> found = new ArrayList<>(finder.fuzzy(t, covered, near, implied, minLength));
        // Not again what is known, and no typo where the text writes another unit's full name exactly (莎车县, named by the best chain, is no typo of 莎车镇).
        Set<Integer> inChain = new HashSet<>();
        if (!chains.isEmpty()) for (Mention m : chains.get(0).used()) inChain.add(m.unit());
        found.removeIf(f -> known.stream().anyMatch(k -> k.start() == f.start() && k.end() == f.end()
                && (k.unit() == f.unit() || (k.form() == Gazetteer.Form.FULL && !k.fuzzy() && inChain.contains(k.unit())))));
        return found;
    }

    private int[] descendants(int unit, int depth) {
        List<Integer> out = new ArrayList<>();
        List<Integer> frontier = List.of(unit);
        for (int d = 0; d < depth; d++) {
            List<Integer> next = new ArrayList<>();
            for (int u : frontier) for (int c : g.children(u)) next.add(c);
            out.addAll(next);
            frontier = next;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] concat(int[]... arrays) {
        return java.util.Arrays.stream(arrays).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private Candidate candidate(Normalized n, ChainRanker.Chain c, ChainRanker.Chain other, boolean first, double bestScore) {
        String t = n.text();
        List<Component> comps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean[] covered = new boolean[t.length()];
        for (Mention m : c.used()) {
            for (int i = m.start(); i < m.end(); i++) covered[i] = true;
            String how = m.fuzzy() ? "typo" : m.form().name().toLowerCase();
            if ("full".equals(how)) how = "exact";
            comps.add(new Component(Component.LEVEL_KINDS[g.level(m.unit())], n.originalText(m.start(), m.end()),
                    n.originalStart(m.start()), n.originalEnd(m.end()), g.name(m.unit()), g.code(m.unit()), how));
            String written = n.originalText(m.start(), m.end());
            if (m.fuzzy()) notes.add("typo: " + written + " read as " + g.name(m.unit()));
            if (m.writtenAs() >= 0) notes.add("abolished " + g.name(m.writtenAs()) + " (" + g.code(m.writtenAs())
                    + ") resolved to its successor " + g.name(m.unit()) + " (" + g.code(m.unit()) + ")");
            else if (m.form() == Gazetteer.Form.FORMER) notes.add("former name: " + written + " is now " + g.name(m.unit()));
        }
        if (c.outOfOrder()) notes.add("levels written out of order");
        int lastEnd = c.used().stream().mapToInt(Mention::end).max().orElse(0);
        int unexplainedInside = 0;
        boolean unknownDivision = false;
        for (int i = 0; i < t.length(); ) {
            if (covered[i]) { i++; continue; }
            int j = i;
            while (j < t.length() && !covered[j]) j++;
            for (Component sc : StreetParser.parse(n, i, j)) {
                comps.add(sc);
                if (j <= lastEnd && (sc.kind().equals("unknown") || sc.kind().equals("poi"))) unexplainedInside += sc.value().length();
                else if (sc.kind().equals("poi") && DIVISION_LIKE.matcher(sc.value()).find()
                        && !NOT_DIVISION.matcher(sc.value()).find()) unknownDivision = true;
            }
            i = j;
        }
        for (int[] span : TextNormalizer.noiseSpans(n)) {
            String text = n.original().substring(span[0], span[1]);
            comps.add(new Component("noise", text, span[0], span[1], text, null, "stripped"));
        }
        comps.sort(Comparator.comparingInt(Component::start));
        double conf = confidence(c, other, first, bestScore, unexplainedInside, lastEnd);
        if (unknownDivision) {
            // 北京市火星区: the text names a division below the answer that the registry does not know; the answer is
            // right only at its own level, and the caller probably meant something else.
            notes.add("unknown division name in the text; answered at " + Component.LEVEL_KINDS[g.level(c.unit())] + " level");
            conf *= 0.6;
        }
        if (g.abolished(c.unit())) { notes.add("the unit is abolished and has no recorded successor"); conf *= 0.5; }
        List<Integer> chain = new ArrayList<>();
        for (int a = c.unit(); a >= 0; a = g.parent(a)) chain.add(0, a);
        return new Candidate(c.unit(), chain, comps, c.score(), round(conf), Component.LEVEL_KINDS[g.level(c.unit())], notes);
    }

    /**
     * How likely the division is right, from: how the deepest unit was named, how many levels support it, typos,
     * former names, order, unexplained words among the division names, and the margin over the best rival.
     * The constants are calibrated by scripts/bench/geocode-accuracy.sh (reliability per confidence bin).
     */
    private double confidence(ChainRanker.Chain c, ChainRanker.Chain other, boolean first, double bestScore,
                              int unexplainedInside, int lastEnd) {
        Mention own = c.own();
        int level = g.level(c.unit());
        double p;
        if (c.used().size() >= 3) p = 0.99;
        else if (c.used().size() == 2) p = 0.97;
        else if (own.form() == Gazetteer.Form.FULL && own.length() >= 3) p = level <= 3 ? 0.95 : 0.8;
        else if (level <= 3) p = 0.85;
        else p = own.length() >= 3 ? 0.6 : 0.4;
        int edits = c.used().stream().mapToInt(Mention::edits).sum();
        p *= 1 - 0.07 * edits;
        if (c.used().stream().anyMatch(m -> m.form() == Gazetteer.Form.FORMER)) p *= 0.97;
        if (c.outOfOrder()) p *= 0.97;
        double u = lastEnd == 0 ? 0 : Math.min(1.0, unexplainedInside / (double) lastEnd);
        p *= Math.pow(1 - u, 2);
        if (first) {
            if (other != null) p *= 1 - 0.5 * Math.exp(-(c.score() - other.score()) / 0.7);
        } else {
            p *= 0.5 * Math.exp(-(bestScore - c.score()) / 0.7);
        }
        return Math.max(0, Math.min(1, p));
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
