package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what follows the divisions (or stands beside them): road/lane, doorplate number, compound, building,
 * unit, floor, room, villagers' group, and what remains as a point of interest (厦门大学) — by the generic words
 * Chinese addresses end their parts with (GA/T 2000.32 elements).
 */
final class StreetParser {
    private record Rule(String kind, Pattern p, int valueGroup, boolean afterOthers) {
        Rule(String kind, Pattern p, int valueGroup) { this(kind, p, valueGroup, false); }
    }

    private static final String NAME = "[\\p{IsHan}A-Za-z0-9]";
    private static final List<Rule> RULES = List.of(
            // 47号之一, 8A号, 甲8号, 12号附3: the suffix (GA/T 2000.32 门牌号后缀) is its own component, never dropped.
            new Rule("doorplate", Pattern.compile("([甲乙丙丁])?(\\d+(?:[-之]\\d+)?)([A-Za-z])?号(?!楼)(之[一二三四五六七八九十]|附\\d{0,2}|[甲乙丙丁](?![\\p{IsHan}]))?(?:院)?"), 2),
            new Rule("building", Pattern.compile("(\\d+|[A-Za-z])(?:号楼|栋|幢|座|号院)"), 1),
            new Rule("unit", Pattern.compile("(\\d+)单元"), 1),
            new Rule("floor", Pattern.compile("(\\d+)(?:层|楼)(?!\\d)"), 1),
            new Rule("room", Pattern.compile("(\\d+)(?:室|房|户)"), 1),
            new Rule("group", Pattern.compile("(\\d+)组"), 1),
            new Rule("compound", Pattern.compile("(" + NAME + "{1,12}?(?:小区|花园|公寓|大厦|广场|家园|新村|山庄|公馆|苑|大楼|社区|宿舍))"), 1),
            new Rule("road", Pattern.compile("(" + NAME + "*?\\p{IsHan}(?:大道|大街|胡同|路|街|道|巷|弄)(?:[东西南北中]段|\\d+段)?(?:\\d+(?:巷|弄|里))?)"), 1),
            new Rule("room", Pattern.compile("(\\d{3,4})(?![\\d\\p{IsHan}])"), 1, true));

    private static final Pattern BARE_ROAD = Pattern.compile("[东西南北中]?(?:大道|大街|路|街|道|巷)");

    private StreetParser() {}

    /** Components found in normalised text [from, to); spans are mapped back to the original text. */
    static List<Component> parse(Normalized n, int from, int to) {
        String t = n.text();
        List<Component> out = new ArrayList<>();
        int poiStart = -1;
        int p = from;
        int prevStart = -1;
        while (p < to) {
            char c = t.charAt(p);
            if (c == ' ' || c == '-') { poiStart = flush(n, poiStart, p, out); p++; continue; }
            Rule hit = null;
            Matcher hm = null;
            for (Rule r : RULES) {
                if (r.afterOthers() && (hit != null || out.isEmpty() || poiStart >= 0)) continue;
                Matcher m = r.p().matcher(t).region(p, to);
                // Of the rules that match here, the shortest wins: 鹭江道|8号海景花园, not 鹭江道8号海景花园.
                if (m.lookingAt() && (hm == null || m.end() < hm.end())) { hit = r; hm = m; }
            }
            if (hit == null) { if (poiStart < 0) poiStart = p; p++; continue; }
            // A road or compound name swallows the POI text right before it only if that text is one word.
            int start = p;
            if (poiStart >= 0 && (hit.kind().equals("road") || hit.kind().equals("compound"))) { start = poiStart; poiStart = -1; }
            poiStart = flush(n, poiStart, p, out);
            String value = hm.group(hit.valueGroup());
            if (hit.kind().equals("road") || hit.kind().equals("compound")) value = t.substring(start, hm.end());
            Component prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (hit.kind().equals("road") && BARE_ROAD.matcher(value).matches() && prev != null && prev.kind().equals("compound")
                    && prev.end() == n.originalStart(start)) {
                // 溪苑|中路 is one road, 溪苑中路: a generic alone (中路, 东街) names no road, so the "compound" before it was its name.
                out.remove(out.size() - 1);
                start = prevStart;
                value = t.substring(start, hm.end());
            }
            out.add(new Component(hit.kind(), n.originalText(start, hm.end()), n.originalStart(start), n.originalEnd(hm.end()),
                    value, null, "pattern"));
            if (hit.kind().equals("doorplate")) suffix(n, hm, out);
            prevStart = start;
            p = hm.end();
        }
        flush(n, poiStart, to, out);
        return out;
    }

    /** The doorplate's suffix as a component of its own: value 之一, 附3, A (upper case) or 甲, span where it was written. */
    private static void suffix(Normalized n, Matcher m, List<Component> out) {
        for (int gr : new int[]{1, 3, 4}) {
            if (m.group(gr) == null) continue;
            String v = m.group(gr);
            if (v.length() == 1 && Character.isLetter(v.charAt(0)) && v.charAt(0) < 128) v = v.toUpperCase(java.util.Locale.ROOT);
            out.add(new Component("suffix", n.originalText(m.start(gr), m.end(gr)), n.originalStart(m.start(gr)),
                    n.originalEnd(m.end(gr)), v, null, "pattern"));
        }
    }

    private static int flush(Normalized n, int poiStart, int end, List<Component> out) {
        if (poiStart < 0) return -1;
        String v = n.text().substring(poiStart, end).trim();
        if (v.isEmpty()) return -1;
        boolean word = v.codePoints().filter(Character::isIdeographic).count() >= 2;
        out.add(new Component(word ? "poi" : "unknown", n.originalText(poiStart, end), n.originalStart(poiStart),
                n.originalEnd(end), v, null, "pattern"));
        return -1;
    }
}
