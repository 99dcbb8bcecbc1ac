package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gazetteer held in compact arrays: the whole national registry (~665,000 units) fits in a few hundred MB and
 * answers a name lookup with one hash probe. Build it with {@link Builder}; it is immutable afterwards.
 */
public final class InMemoryGazetteer implements Gazetteer {
    /** One unit as loaded: {@code point} may be null; {@code successors} lists codes, for abolished units. */
    public record Unit(String code, String name, int level, String parentCode, boolean abolished,
                       List<String> successors, double[] point) {
        public Unit(String code, String name, int level, String parentCode) {
            this(code, name, level, parentCode, false, List.of(), null);
        }
    }

    private final String[] codes;
    private final String[] names;
    private final byte[] levels;
    private final int[] parents;
    private final boolean[] abolished;
    private final int[][] successors;
    private final int[][] children;
    private final double[][] points;
    private final Map<String, Integer> byCode;
    private final Map<String, long[]> byName;
    private final int[][] atLevel = new int[6][];
    private final int maxLen;
    private final java.util.function.Function<Character, String> pinyin;

    private InMemoryGazetteer(List<Unit> units, Map<String, List<String>> aliases, Map<String, List<String>> formerNames,
                              java.util.function.Function<Character, String> pinyin) {
        int n = units.size();
        codes = new String[n];
        names = new String[n];
        levels = new byte[n];
        parents = new int[n];
        abolished = new boolean[n];
        successors = new int[n][];
        points = new double[n][];
        byCode = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Unit u = units.get(i);
            codes[i] = u.code();
            names[i] = u.name();
            levels[i] = (byte) u.level();
            abolished[i] = u.abolished();
            points[i] = u.point();
            byCode.put(u.code(), i);
        }
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            Integer p = units.get(i).parentCode() == null ? null : byCode.get(units.get(i).parentCode());
            parents[i] = p == null ? -1 : p;
            if (p != null && !abolished[i]) childCount[p]++;
            successors[i] = units.get(i).successors().stream().map(byCode::get).filter(x -> x != null).mapToInt(Integer::intValue).toArray();
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) children[i] = new int[childCount[i]];
        Arrays.fill(childCount, 0);
        for (int i = 0; i < n; i++) if (parents[i] >= 0 && !abolished[i]) children[parents[i]][childCount[parents[i]]++] = i;
        for (int l = 1; l <= 5; l++) {
            final int lv = l;
            atLevel[l] = java.util.stream.IntStream.range(0, n).filter(i -> levels[i] == lv && !abolished[i]).toArray();
        }
        atLevel[0] = new int[0];
        Map<String, List<Long>> idx = new HashMap<>(n * 3);
        int max = 0;
        for (int i = 0; i < n; i++) {
            if (ShortForms.PLACEHOLDERS.contains(names[i])) continue;
            Form full = abolished[i] ? Form.FORMER : Form.FULL;
            Form shortForm = abolished[i] ? Form.FORMER : Form.SHORT;
            max = Math.max(max, put(idx, names[i], i, full));
            for (String s : ShortForms.of(names[i], levels[i])) max = Math.max(max, put(idx, s, i, shortForm));
        }
        max = Math.max(max, extra(idx, aliases, Form.ALIAS));
        max = Math.max(max, extra(idx, formerNames, Form.FORMER));
        byName = new HashMap<>(idx.size() * 2);
        idx.forEach((k, v) -> byName.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        maxLen = max;
        this.pinyin = pinyin;
    }

    private int extra(Map<String, List<Long>> idx, Map<String, List<String>> byCodeNames, Form form) {
        int max = 0;
        for (var e : byCodeNames.entrySet()) {
            Integer u = byCode.get(e.getKey());
            if (u == null) continue;
            for (String name : e.getValue()) {
                max = Math.max(max, put(idx, name, u, form));
                for (String s : ShortForms.of(name, levels[u])) max = Math.max(max, put(idx, s, u, form));
            }
        }
        return max;
    }

    private static int put(Map<String, List<Long>> idx, String name, int unit, Form form) {
        List<Long> l = idx.computeIfAbsent(name, k -> new ArrayList<>(1));
        long v = ((long) unit << 2) | form.ordinal();
        // A unit's forms are added one after another: only the tail can hold the same unit (keeps this O(1)
        // for names that thousands of villages share, such as 新村).
        for (int k = l.size() - 1; k >= 0 && k >= l.size() - 4; k--) {
            if ((l.get(k) >> 2) == unit) {
                if ((l.get(k) & 3) > form.ordinal()) l.set(k, v);
                return name.length();
            }
        }
        l.add(v);
        return name.length();
    }

    @Override
    public List<Hit> exact(String text) {
        long[] v = byName.get(text);
        if (v == null) return List.of();
        List<Hit> out = new ArrayList<>(v.length);
        for (long x : v) out.add(new Hit((int) (x >> 2), Form.values()[(int) (x & 3)]));
        return out;
    }

    @Override public int maxNameLength() { return maxLen; }
    @Override public int size() { return codes.length; }
    @Override public String code(int unit) { return codes[unit]; }
    @Override public String name(int unit) { return names[unit]; }
    @Override public int level(int unit) { return levels[unit]; }
    @Override public int parent(int unit) { return parents[unit]; }
    @Override public int[] children(int unit) { return children[unit]; }
    @Override public boolean abolished(int unit) { return abolished[unit]; }
    @Override public int[] successors(int unit) { return successors[unit]; }
    @Override public int find(String code) { Integer i = byCode.get(code); return i == null ? -1 : i; }
    @Override public int[] atLevel(int level) { return level >= 1 && level <= 5 ? atLevel[level] : new int[0]; }
    @Override public double[] point(int unit) { return points[unit]; }
    @Override public String pinyin(char c) { return pinyin.apply(c); }

    @Override
    public List<String> forms(int unit) {
        List<String> out = new ArrayList<>();
        out.add(names[unit]);
        out.addAll(ShortForms.of(names[unit], levels[unit]));
        return out;
    }

    /** Number of distinct indexed names (full, short, alias, former). */
    public int nameCount() { return byName.size(); }

    public static Builder builder() { return new Builder(); }

    /** Collects units, aliases and former names; {@link #build()} indexes them. */
    public static final class Builder {
        private final List<Unit> units = new ArrayList<>();
        private final Map<String, List<String>> aliases = new HashMap<>();
        private final Map<String, List<String>> former = new HashMap<>();
        private java.util.function.Function<Character, String> pinyin = c -> null;

        public Builder add(Unit u) { units.add(u); return this; }

        public Builder addAll(Collection<Unit> us) { units.addAll(us); return this; }

        public Builder add(String code, String name, int level, String parentCode) { return add(new Unit(code, name, level, parentCode)); }

        /** Another accepted name of a current unit (e.g. 厦门岛 for nothing, 鹭岛 → 厦门市). */
        public Builder alias(String code, String alias) { aliases.computeIfAbsent(code, k -> new ArrayList<>()).add(alias); return this; }

        /** A name the unit had before a rename (the code is kept, e.g. 襄樊市 → 420600 襄阳市). */
        public Builder formerName(String code, String name) { former.computeIfAbsent(code, k -> new ArrayList<>()).add(name); return this; }

        public Builder pinyin(Map<Character, String> p) { pinyin = p::get; return this; }

        /** Toneless pinyin of a character (null when unknown), used to make homophone typos cheaper. */
        public Builder pinyin(java.util.function.Function<Character, String> p) { pinyin = p; return this; }

        public InMemoryGazetteer build() { return new InMemoryGazetteer(units, aliases, former, pinyin); }
    }
}
