package cn.civgeo.geocode;

import cn.civgeo.geocode.parse.Gazetteer;
import cn.civgeo.geocode.parse.ShortForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Type-ahead over division names in memory: sorted keys (names, short forms, toneless pinyin, initials) per level,
 * so a prefix is two binary searches. Higher levels come first (厦 → 厦门市 before the villages named 厦…).
 */
final class Suggester {
    /** One suggestion: unit id and what matched (name, pinyin or initials). */
    record Hit(int unit, String matchedBy) {}

    private static final int MAX_SCAN = 5_000;
    private final String[][] keys = new String[6][];
    private final int[][] units = new int[6][];
    private final byte[][] kinds = new byte[6][];
    private static final String[] KIND = {"name", "pinyin", "initials"};

    Suggester(Gazetteer g, String[] pinyin, String[] initials) {
        for (int level = 1; level <= 5; level++) {
            int[] at = g.atLevel(level);
            List<Object[]> rows = new ArrayList<>(at.length * 4);
            for (int u : at) {
                if (ShortForms.PLACEHOLDERS.contains(g.name(u))) continue;
                Set<String> names = new LinkedHashSet<>(g.forms(u));
                for (String n : names) rows.add(new Object[]{n, u, (byte) 0});
                if (pinyin != null && pinyin[u] != null) rows.add(new Object[]{pinyin[u].toLowerCase(Locale.ROOT).replace(" ", ""), u, (byte) 1});
                if (initials != null && initials[u] != null) rows.add(new Object[]{initials[u].toLowerCase(Locale.ROOT), u, (byte) 2});
            }
            rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
            keys[level] = new String[rows.size()];
            units[level] = new int[rows.size()];
            kinds[level] = new byte[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                keys[level][i] = (String) rows.get(i)[0];
                units[level][i] = (Integer) rows.get(i)[1];
                kinds[level][i] = (Byte) rows.get(i)[2];
            }
        }
    }

    /** Up to {@code limit} units whose name, pinyin or initials start with {@code prefix}, optionally within a code. */
    List<Hit> suggest(Gazetteer g, String prefix, String within, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        List<Hit> out = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        if (p.isEmpty()) return out;
        for (int level = 1; level <= 5 && out.size() < limit; level++) {
            String[] k = keys[level];
            int lo = lowerBound(k, p);
            for (int i = lo, scanned = 0; i < k.length && k[i].startsWith(p) && out.size() < limit && scanned < MAX_SCAN; i++, scanned++) {
                int u = units[level][i];
                if (within != null && !withinCode(g, u, within)) continue;
                if (seen.add(u)) out.add(new Hit(u, KIND[kinds[level][i]]));
            }
        }
        return out;
    }

    private static boolean withinCode(Gazetteer g, int u, String within) {
        for (int a = u; a >= 0; a = g.parent(a)) if (g.code(a).equals(within)) return true;
        return false;
    }

    private static int lowerBound(String[] k, String p) {
        int i = Arrays.binarySearch(k, p);
        if (i < 0) return -i - 1;
        while (i > 0 && k[i - 1].equals(p)) i--;
        return i;
    }
}
