package cn.civgeo.geocode.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans free address text before parsing, keeping a map to the original offsets:
 * full-width to half-width characters, noise blanked (phone numbers, 附近/旁边/对面…, bracketed remarks,
 * a leading 中国), and Chinese numerals before a numbering generic turned into digits (八号 → 8号,
 * 十二号 → 12号, 三〇一室 → 301室). Names are never rewritten: 五一路 and 三明市 keep their numerals.
 */
final class TextNormalizer {
    private static final Pattern PHONE = Pattern.compile(
            "(?:(?:电话|手机|联系电话|联系方式|tel|TEL|Tel)[:： ]*)?(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|[0-9]{3,4}-[0-9]{7,8}|400-?[0-9]{3}-?[0-9]{4})(?![0-9])");
    private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*]|【[^【】]*】|「[^「」]*」|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》");
    private static final Pattern NOISE_WORDS = Pattern.compile(
            "(?:详细|收货|家庭|单位|通讯)?地址[:：]?|附近|旁边|对面|周边|一带|门口|楼下|隔壁|左右|往[东南西北]\\d*米|向[东南西北]\\d*米|交叉口|交汇处|^\\s*(?:中华人民共和国|中国)");
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；:：/\\\\|。.·!！?？\"'“”‘’\\s]+");
    private static final String CN_DIGITS = "零〇一二两三四五六七八九";
    /*
     * A numeral before a numbering generic, unless the generic goes on into a name: 三门峡市, 三门县, 五楼村 and 一号桥村
     * keep their numerals, while 八号楼, 三楼302 and 十二组 become digits.
     */
    private static final Pattern CN_NUMBER = Pattern.compile(
            "([零〇一二两三四五六七八九十百千]+)(?=(?:号|栋|幢|座|单元|室|层)(?![村镇乡县市区路街道巷桥])"
                    + "|(?:楼|组|户|弄|门)(?![\\p{IsHan}&&[^号栋幢座单元室层楼组户弄门]]))");

    private TextNormalizer() {}

    public static Normalized normalize(String input) {
        String s = input == null ? "" : input;
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = halfWidth(c[i]);
        String half = new String(c);
        half = brackets(half);
        half = blank(half, PHONE);
        half = blank(half, NOISE_WORDS);
        half = blank(half, SEPARATORS);
        // Numerals: rebuild with an origin map, since 十二 → 12 keeps length but 一百零八 → 108 does not.
        StringBuilder out = new StringBuilder(half.length());
        int[] origin = new int[4 * half.length() + 1]; // 千 alone becomes 1000: four digits per numeral at most
        int n = 0;
        Matcher m = CN_NUMBER.matcher(half);
        int pos = 0;
        while (m.find()) {
            for (; pos < m.start(); pos++) { origin[n++] = pos; out.append(half.charAt(pos)); }
            String digits = toDigits(m.group(1));
            for (int k = 0; k < digits.length(); k++) {
                origin[n++] = m.start() + Math.min(k, m.group(1).length() - 1);
                out.append(digits.charAt(k));
            }
            pos = m.end();
        }
        for (; pos < half.length(); pos++) { origin[n++] = pos; out.append(half.charAt(pos)); }
        int[] map = new int[n + 1];
        System.arraycopy(origin, 0, map, 0, n);
        map[n] = s.length();
        return new Normalized(s, out.toString(), map);
    }

    /** Words that mark a bracketed stretch as a remark (近地铁站, 菜市场旁, 备注…), not as part of the address. */
    private static final Pattern REMARK = Pattern.compile("近|旁|对面|附近|周边|门口|楼下|隔壁|备注|电话|手机|联系|收件|快递|送货|[往向][东南西北]|[0-9]{7,}");

    /**
     * Brackets: a remark in any bracket is blanked (思明区鹭江道8号（近轮渡）); an address (or a part of one) in square or
     * corner brackets, or one that the brackets wrap whole, keeps its text and loses only the brackets
     * (【厦门市思明区鹭江道8号】, [思明区]鹭江道8号, 「鹭江道8号」).
     */
    private static String brackets(String s) {
        Matcher m = BRACKETS.matcher(s);
        if (!m.find()) return s;
        char[] c = s.toCharArray();
        String outside = BRACKETS.matcher(s).replaceAll("");
        boolean wrapsAll = outside.codePoints().filter(Character::isIdeographic).count() < 2;
        do {
            String inner = s.substring(m.start() + 1, m.end() - 1);
            char open = s.charAt(m.start());
            boolean keep = !REMARK.matcher(inner).find() && (wrapsAll || open == '[' || open == '【' || open == '「');
            if (keep) { c[m.start()] = ' '; c[m.end() - 1] = ' '; }
            else for (int i = m.start(); i < m.end(); i++) c[i] = ' ';
        } while (m.find());
        return new String(c);
    }

    private static String blank(String s, Pattern p) {
        Matcher m = p.matcher(s);
        if (!m.find()) return s;
        char[] c = s.toCharArray();
        do { for (int i = m.start(); i < m.end(); i++) c[i] = ' '; } while (m.find());
        return new String(c);
    }

    /**
     * The stretches [start, end) of the caller's text that normalisation blanked as noise (phone numbers, 附近, 往东200米,
     * bracketed remarks, brackets), separators and spaces left out: reported as components of kind noise.
     */
    public static java.util.List<int[]> noiseSpans(Normalized n) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        String t = n.text(), o = n.original();
        int start = -1, end = -1;
        for (int i = 0; i <= t.length(); i++) {
            boolean noise = false;
            int at = i < t.length() ? n.originalStart(i) : -1;
            if (i < t.length() && t.charAt(i) == ' ' && at < o.length()) {
                char ch = halfWidth(o.charAt(at));
                noise = !SEPARATORS.matcher(String.valueOf(ch)).matches();
            }
            if (noise) {
                if (start < 0) start = at;
                end = at + 1;
            } else if (start >= 0 && (i == t.length() || t.charAt(i) != ' ')) {
                out.add(new int[]{start, end});
                start = -1;
            }
        }
        return out;
    }

    static char halfWidth(char ch) {
        if (ch == '\u3000') return ' ';
        if (ch >= '\uFF01' && ch <= '\uFF5E') return (char) (ch - 0xFEE0);
        if (ch == '－' || ch == '—' || ch == '–') return '-';
        return ch;
    }

    /** Chinese numeral to Arabic digits: 八 → 8, 十二 → 12, 一百零八 → 108, 三〇一 → 301; null if not a number. */
    public static String toDigits(String cn) {
        if (cn.isEmpty()) return null;
        boolean positional = cn.indexOf('十') >= 0 || cn.indexOf('百') >= 0 || cn.indexOf('千') >= 0;
        if (!positional) {
            StringBuilder b = new StringBuilder();
            for (char ch : cn.toCharArray()) b.append(digit(ch));
            return b.toString();
        }
        long total = 0, current = 0;
        for (char ch : cn.toCharArray()) {
            int d = CN_DIGITS.indexOf(ch);
            if (d >= 0) { current = digit(ch); continue; }
            int unit = ch == '十' ? 10 : ch == '百' ? 100 : 1000;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return Long.toString(total + current);
    }

    private static int digit(char ch) {
        return switch (ch) {
            case '零', '〇' -> 0; case '一' -> 1; case '二', '两' -> 2; case '三' -> 3; case '四' -> 4;
            case '五' -> 5; case '六' -> 6; case '七' -> 7; case '八' -> 8; case '九' -> 9;
            default -> throw new IllegalArgumentException("not a digit: " + ch);
        };
    }
}
