package cn.civgeo.geocode;

import cn.civgeo.division.DivisionPinyin;
import cn.civgeo.geocode.parse.InMemoryGazetteer;
import cn.civgeo.geocode.parse.ShortForms;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads pinyin and English input as division names: "Xiamen Siming", "shanghai pudong xinqu", "Chengdu Wuhou
 * District", "xià mén", "xia4men2". Syllables with or without tones and spaces; District/County/City/Town/Province
 * words read as their generics. Keys are the division feature's own search pinyin ({@code division.pinyin}, place
 * readings: 厦门 xiamen, 六安 luan), of the full name and of the short form (the generic's reading taken off), for
 * provinces, prefectures and counties, and for townships when the text says town/township/subdistrict. The answer is
 * Chinese text for the ordinary parser, one per consistent chain (province … county), with the span of the caller's
 * text that each name came from.
 */
final class PinyinReader {
    /** One reading: the Chinese text and, per unit code in it, the span [start, end) of the caller's text. */
    record Reading(String text, Map<String, int[]> spans) {}

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("district", "qu"), Map.entry("county", "xian"), Map.entry("city", "shi"), Map.entry("town", "zhen"),
            Map.entry("township", "xiang"), Map.entry("province", "sheng"), Map.entry("subdistrict", "jiedao"),
            Map.entry("prefecture", ""), Map.entry("municipality", "shi"), Map.entry("banner", "qi"), Map.entry("league", "meng"),
            Map.entry("autonomous", ""), Map.entry("region", ""), Map.entry("china", ""), Map.entry("prc", ""));
    private static final java.util.Set<String> TOWN_WORDS = java.util.Set.of("zhen", "xiang", "jiedao");

    private final InMemoryGazetteer g;
    private final Map<String, int[]> keys;

    PinyinReader(InMemoryGazetteer g, String[] pinyin) {
        this.g = g;
        Map<String, List<Integer>> k = new HashMap<>();
        for (int u = 0; u < g.size(); u++) {
            int level = g.level(u);
            if (level > 4 || g.abolished(u) || pinyin[u] == null || ShortForms.PLACEHOLDERS.contains(g.name(u))) continue;
            String full = pinyin[u].toLowerCase(Locale.ROOT).replace(" ", "");
            k.computeIfAbsent((level == 4 ? "~" : "") + full, x -> new ArrayList<>()).add(u);
            for (String s : ShortForms.of(g.name(u), level)) {
                String generic = g.name(u).startsWith(s) ? g.name(u).substring(s.length()) : null;
                if (generic == null || generic.isEmpty()) continue;
                String gp = DivisionPinyin.of(generic)[0];
                if (full.endsWith(gp) && full.length() > gp.length()) {
                    String key = (level == 4 ? "~" : "") + full.substring(0, full.length() - gp.length());
                    List<Integer> l = k.computeIfAbsent(key, x -> new ArrayList<>());
                    if (!l.contains(u)) l.add(u);
                }
            }
        }
        keys = new HashMap<>(k.size() * 2);
        k.forEach((key, v) -> keys.put(key, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** True when the text is romanised (letters, no Chinese characters). */
    static boolean romanised(String q) {
        boolean letters = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isIdeographic(c)) return false;
            if (Character.isLetter(c)) letters = true;
        }
        return letters;
    }

    private record Token(String text, int start, int end) {}

    /** Tokens [from, to) that form a key, with the units of that key. */
    private record Span(int from, int to, int[] units) {}

    /**
     * Readings of {@code q}, best first (at most three); empty when no syllables name a division. Names are read
     * general to specific (Xiamen Siming) or, when that gives no chain, specific to general (Siming District, Xiamen).
     */
    List<Reading> read(String q) {
        List<Token> tokens = tokens(q);
        boolean town = tokens.stream().anyMatch(t -> TOWN_WORDS.contains(t.text()));
        // Spans of tokens that form a key (longest first), each with its units.
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            Span best = null;
            for (int j = Math.min(tokens.size(), i + 6); j > i && best == null; j--) {
                StringBuilder key = new StringBuilder();
                for (int t = i; t < j; t++) key.append(tokens.get(t).text());
                int[] u = keys.get(key.toString());
                int[] townUnits = town ? keys.get("~" + key) : null;
                if (u != null || townUnits != null) best = new Span(i, j, merge(u, townUnits));
            }
            if (best == null) { i++; continue; }
            spans.add(best);
            i = best.to();
        }
        if (spans.isEmpty()) return List.of();
        List<Reading> out = chains(tokens, spans);
        if (out.isEmpty() && spans.size() > 1) {
            // English order, the specific place first: "Siming District, Xiamen", "huli qu xiamen shi"
            List<Span> reversed = new ArrayList<>(spans);
            java.util.Collections.reverse(reversed);
            out = chains(tokens, reversed);
        }
        return out;
    }

    /** Chains: the last span's units, each kept when the other spans name one of its ancestors. */
    private List<Reading> chains(List<Token> tokens, List<Span> spans) {
        Span last = spans.get(spans.size() - 1);
        List<Reading> out = new ArrayList<>();
        for (int u : last.units()) {
            Map<String, int[]> where = new java.util.LinkedHashMap<>();
            where.put(g.code(u), span(tokens, last));
            boolean consistent = true;
            for (int s = spans.size() - 2; s >= 0 && consistent; s--) {
                int found = -1;
                for (int a : spans.get(s).units()) if (isAncestor(a, u)) { found = a; break; }
                if (found < 0) consistent = false; else where.put(g.code(found), span(tokens, spans.get(s)));
            }
            if (!consistent) continue;
            List<String> codes = new ArrayList<>(where.keySet());
            java.util.Collections.reverse(codes);
            StringBuilder text = new StringBuilder();
            for (String c : codes) text.append(g.name(g.find(c)));
            out.add(new Reading(text.toString(), where));
            if (out.size() >= 3) break;
        }
        return out;
    }

    private static int[] span(List<Token> tokens, Span s) {
        return new int[]{tokens.get(s.from()).start(), tokens.get(s.to() - 1).end()};
    }

    private boolean isAncestor(int a, int unit) {
        for (int p = g.parent(unit); p >= 0; p = g.parent(p)) if (p == a) return true;
        return false;
    }

    private static int[] merge(int[] a, int[] b) {
        if (a == null) return b;
        if (b == null) return a;
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Lower-case toneless syllable groups with their spans: tone marks and tone digits dropped, ü as v, English generics mapped. */
    private static List<Token> tokens(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = q.length();
        while (i < n) {
            while (i < n && !Character.isLetter(q.charAt(i))) i++;
            int s = i;
            while (i < n && (Character.isLetterOrDigit(q.charAt(i)))) i++;
            if (s == i) continue;
            String w = Normalizer.normalize(q.substring(s, i), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace('ü', 'v').replace('Ü', 'v').toLowerCase(Locale.ROOT).replaceAll("[0-9]", "");
            if (w.equals("new") && i + 5 <= n && q.substring(i).strip().toLowerCase(Locale.ROOT).startsWith("area")) {
                int e = q.toLowerCase(Locale.ROOT).indexOf("area", i) + 4;
                out.add(new Token("xinqu", s, e));
                i = e;
                continue;
            }
            String mapped = WORDS.get(w);
            if (mapped != null) { if (!mapped.isEmpty()) out.add(new Token(mapped, s, i)); continue; }
            out.add(new Token(w, s, i));
        }
        return out;
    }
}
