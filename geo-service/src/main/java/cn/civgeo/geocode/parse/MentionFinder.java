package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds division names in normalised text: exact names and forms first, then typos near an anchor. */
final class MentionFinder {
    private static final String[] ROAD_GENERICS = {"路", "道", "街", "巷", "弄", "胡同", "大道", "大街"};

    private final Gazetteer g;

    MentionFinder(Gazetteer g) { this.g = g; }

    static boolean nameChar(char c) {
        return Character.isIdeographic(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Every exact occurrence of an indexed name; abolished units are replaced by their successors. */
    List<Mention> exact(String t) {
        List<Mention> out = new ArrayList<>();
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!nameChar(t.charAt(i))) continue;
            int run = i;
            while (run < n && nameChar(t.charAt(run))) run++;
            int maxL = Math.min(g.maxNameLength(), run - i);
            for (int len = maxL; len >= 2; len--) {
                for (Gazetteer.Hit h : g.exact(t.substring(i, i + len))) {
                    if (h.form() != Gazetteer.Form.FULL && (roadFollows(t, i + len) || roadWithNumber(t, i + len))) continue;
                    add(out, i, i + len, h.unit(), h.form(), 0);
                }
            }
        }
        return out;
    }

    private void add(List<Mention> out, int start, int end, int unit, Gazetteer.Form form, int edits) {
        if (g.abolished(unit)) {
            int[] succ = g.successors(unit);
            if (succ.length == 0) { out.add(new Mention(start, end, unit, Gazetteer.Form.FORMER, edits, -1)); return; }
            for (int s : succ) out.add(new Mention(start, end, s, Gazetteer.Form.FORMER, edits, unit));
        } else {
            out.add(new Mention(start, end, unit, form, edits, -1));
        }
    }

    /** 鹭江道|8号: a short form ending in a road generic right before a number names the road, not the community. */
    static boolean roadWithNumber(String t, int end) {
        return end < t.length() && Character.isDigit(t.charAt(end)) && "路道街巷弄".indexOf(t.charAt(end - 1)) >= 0;
    }

    /** True when a road generic (optionally after 东西南北中) starts at {@code p}: 鹭江|道, 湖滨|南路. */
    static boolean roadFollows(String t, int p) {
        if (p < t.length() && "东西南北中".indexOf(t.charAt(p)) >= 0) p++;
        for (String r : ROAD_GENERICS) if (t.startsWith(r, p)) return true;
        return false;
    }

    /**
     * Typo matches (edit distance 1 on names of 3–4 characters, up to 2 on longer ones; homophones count half)
     * in the stretches not {@code covered}, against the {@code near} units (descendants of what was matched:
     * names of 3+ characters) and the {@code implied} units (ancestors the text did not name: also 2-character
     * short forms with one homophone). Unanchored callers pass high-level units and {@code minLength} 4.
     */
    List<Mention> fuzzy(String t, boolean[] covered, int[] near, int[] implied, int minLength) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < t.length(); ) {
            if (covered[i] || !nameChar(t.charAt(i))) { i++; continue; }
            int j = i;
            while (j < t.length() && !covered[j] && nameChar(t.charAt(j))) j++;
            if (j - i >= 2) runs.add(new int[]{i, j});
            i = j;
        }
        if (runs.isEmpty()) return List.of();
        Map<Integer, Mention> best = new HashMap<>();
        for (int u : near) match(t, runs, u, minLength, best);
        for (int u : implied) match(t, runs, u, 2, best);
        return new ArrayList<>(best.values());
    }

    private void match(String t, List<int[]> runs, int unit, int minLength, Map<Integer, Mention> best) {
        for (String form : g.forms(unit)) {
            int fl = form.length();
            if (fl < minLength) continue;
            int maxHalf = fl >= 5 ? 4 : fl >= 3 ? 2 : 1;
            int maxEdits = maxHalf / 2;
            for (int[] r : runs) {
                for (int s = r[0]; s < r[1]; s++) {
                    // A typo of a name of 3+ characters is itself 3+ characters long (江道 is no typo of 鹭江道).
                    for (int len = Math.max(Math.min(fl, 3), fl - maxEdits); len <= fl + maxEdits && s + len <= r[1]; len++) {
                        if (!firstOrLastAgree(t, s, len, form)) continue;
                        int d = EditDistance.halfEdits(t.substring(s, s + len), form, maxHalf, this::homophone);
                        if (d == 0 || d > maxHalf) continue;
                        if (genericClash(t, s + len, form) || roadFollows(t, s + len) || roadWithNumber(t, s + len)) continue;
                        Mention m = new Mention(s, s + len, unit, Gazetteer.Form.SHORT, d, -1);
                        Mention old = best.get(unit);
                        if (old == null || m.weight(g) > old.weight(g)) best.put(unit, m);
                    }
                }
            }
        }
    }

    /** A typo keeps the first or the last character right; this rejects most chance matches of short names. */
    private static boolean firstOrLastAgree(String t, int s, int len, String form) {
        return t.charAt(s) == form.charAt(0) || t.charAt(s + len - 1) == form.charAt(form.length() - 1);
    }

    /** 湖滨路 is a road, not a typo of 湖滨村: a fuzzy match may not end in a different generic word. */
    private static boolean genericClash(String t, int end, String form) {
        char last = t.charAt(end - 1);
        if (last != form.charAt(form.length() - 1)) return "路道街巷弄号楼栋苑园场厦院".indexOf(last) >= 0;
        // 鹭江道 is a road, not 鹭江街道 with a character dropped: a road generic must match two characters deep.
        return "路道街巷弄".indexOf(last) >= 0 && end >= 2 && form.length() >= 2
                && t.charAt(end - 2) != form.charAt(form.length() - 2);
    }

    private boolean homophone(char a, char b) {
        String pa = g.pinyin(a);
        return pa != null && pa.equals(g.pinyin(b));
    }
}
