package cn.civgeo.placename.pinyin;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Romanises Chinese place names by the place-name rules (GB/T 16159-2012 §6.3.8, 中国地名汉语拼音字母拼写规则):
 * <ul>
 *   <li>specific and generic parts are written apart, each capitalised: 太行山 Taihang Shan, 厦门市 Xiamen Shi;</li>
 *   <li>a one-syllable modifier joins the part it belongs to: 西辽河 Xiliao He, 湖滨南路 Hubin Nanlu;</li>
 *   <li>ethnic names in autonomous units are words of their own: 楚雄彝族自治州 Chuxiong Yizu Zizhizhou;</li>
 *   <li>natural villages and towns, and names without a generic part, run together: 周口店 Zhoukoudian;</li>
 *   <li>an apostrophe goes before a non-initial syllable starting with a, o or e: 西安 Xi'an;</li>
 *   <li>polyphonic characters take the place reading (厦门 Xiamen, 六安 Lu'an, 蚌埠 Bengbu) from the curated
 *       table {@code common/place-readings.txt} ({@link cn.civgeo.common.text.PlaceReadings}, the one table every
 *       reader of place names uses), which also holds settled whole-name spellings
 *       (黑龙江省 Heilongjiang Sheng, 陕西 Shaanxi).</li>
 * </ul>
 * Readings not in the dictionary come from pinyin4j (its first reading). Thread-safe after construction.
 */
public final class PlaceNameRomanizer {
    /** The curated table of readings this romaniser uses (shared with the other readers of place names). */
    public static final String DICTIONARY = cn.civgeo.common.text.PlaceReadings.RESOURCE;

    /** The romanised forms of one name. */
    public record Romanization(String name, String spelling, String pronunciation, String toneless, String initials,
                               String specific, String generic) {}

    /** Generic terms, matched longest first at the end of a name; the value is how the generic splits into words. */
    private static final Map<String, List<String>> GENERICS = new HashMap<>();
    private static final Set<String> AUTONOMOUS = Set.of("自治区", "自治州", "自治县", "自治旗");
    /** Endings of natural villages and towns, whose names run together (周口店 Zhoukoudian, 何厝村 Hecuocun). */
    private static final Set<Character> SETTLEMENT = Set.of('村', '庄', '屯', '寨', '店', '集', '铺', '营', '厝', '垵', '圩', '坊', '堡');
    /** One-syllable modifiers that join the generic when they stand just before it: 湖滨南路 Hubin Nanlu. */
    private static final Set<Character> MODIFIERS = Set.of('东', '西', '南', '北', '中', '前', '后', '上', '下', '内', '外', '新', '老', '正', '横', '直', '小');
    private static final List<String> ETHNIC = List.of("土家族", "蒙古族", "维吾尔族", "哈尼族", "布依族", "朝鲜族", "撒拉族",
            "哈萨克族", "柯尔克孜族", "景颇族", "傈僳族", "纳西族", "仡佬族", "毛南族", "仫佬族", "拉祜族", "达斡尔族", "鄂温克族",
            "鄂伦春族", "锡伯族", "裕固族", "东乡族", "保安族", "塔吉克族", "苗族", "彝族", "藏族", "壮族", "回族", "傣族", "白族",
            "侗族", "瑶族", "黎族", "羌族", "满族", "土族", "水族", "畲族", "佤族", "各族");
    private static int maxGeneric;

    static {
        for (String g : List.of("省", "市", "区", "县", "旗", "盟", "地区", "林区", "街道", "镇", "乡", "民族乡", "苏木", "社区", "居委会",
                "村委会", "居民委员会", "村民委员会", "自治区", "自治州", "自治县", "自治旗",
                "高速公路", "公路", "铁路", "大道", "大街", "小街", "街", "路", "巷", "弄", "胡同", "隧道", "大桥", "立交桥", "立交", "桥",
                "广场", "公园", "花园", "小区", "新村", "苑", "园", "大厦", "中心", "火车站", "站", "机场", "码头", "港", "渡口",
                "山脉", "山", "岭", "峰", "岩", "河", "江", "湖", "海", "湾", "海湾", "海峡", "溪", "泉", "瀑布", "水库", "岛", "半岛", "礁", "滩",
                "寺", "塔", "纪念馆", "博物馆", "医院", "学校", "大学", "中学", "小学", "体育馆", "体育中心", "景区", "风景区",
                "风景名胜区", "森林公园", "湿地公园", "植物园", "动物园")) {
            GENERICS.put(g, List.of(g));
        }
        GENERICS.put("特别行政区", List.of("特别", "行政区"));
        maxGeneric = GENERICS.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private static volatile PlaceNameRomanizer standard;

    private final Map<String, String[]> words = new HashMap<>();
    private final Map<String, String> wholeNames = new HashMap<>();
    private final int maxWord;
    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

    /** The romaniser with the project's table of readings. */
    public static PlaceNameRomanizer standard() {
        if (standard == null) {
            synchronized (PlaceNameRomanizer.class) {
                if (standard == null) standard = new PlaceNameRomanizer(cn.civgeo.common.text.PlaceReadings.standard());
            }
        }
        return standard;
    }

    /** A romaniser with another table in the same format (tests). */
    public PlaceNameRomanizer(InputStream dictionary) throws IOException {
        this(new cn.civgeo.common.text.PlaceReadings(dictionary));
    }

    public PlaceNameRomanizer(cn.civgeo.common.text.PlaceReadings readings) {
        format.setToneType(HanyuPinyinToneType.WITH_TONE_NUMBER);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        words.putAll(readings.words());
        wholeNames.putAll(readings.settled());
        maxWord = readings.maxWord();
    }

    /** One reading unit: a Han character's syllable ("xia4") or a run of other letters/digits kept as written. */
    private record Unit(int start, int end, String text, boolean han) {}

    public Romanization romanize(String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        List<Unit> units = units(name);
        String toneless = toneless(units);
        String initials = initials(units);
        if (wholeNames.containsKey(name)) {
            String s = wholeNames.get(name);
            return new Romanization(name, s, pronunciation(units, List.of(name.length())), toneless, initials, name, "");
        }
        // Word boundaries as character offsets (each Han character is one syllable, so offsets split the units).
        List<Integer> cuts = new ArrayList<>();
        String generic = "";
        String specific = name;
        String g = genericOf(name);
        if (g != null) {
            generic = g;
            specific = name.substring(0, name.length() - g.length());
            int genericStart = specific.length();
            if (specific.length() >= 3 && MODIFIERS.contains(specific.charAt(specific.length() - 1)) && g.length() == 1) {
                genericStart--; // 湖滨南路: 南 joins 路
            }
            String spec = name.substring(0, genericStart);
            List<Integer> specCuts = new ArrayList<>();
            if (AUTONOMOUS.contains(g)) {
                int end = spec.length();
                boolean found = true;
                while (found && end > 0) {
                    found = false;
                    for (String e : ETHNIC) {
                        if (end - e.length() > 0 && spec.startsWith(e, end - e.length())) {
                            specCuts.add(0, end);
                            end -= e.length();
                            found = true;
                            break;
                        }
                    }
                }
                if (end > 0 && !specCuts.isEmpty()) specCuts.add(0, end);
                specCuts.remove(Integer.valueOf(spec.length()));
            }
            cuts.addAll(specCuts);
            cuts.add(genericStart);
            int pos = genericStart;
            List<String> gw = GENERICS.get(g);
            if (genericStart < specific.length()) pos = specific.length();
            for (int i = 0; i < gw.size() - 1; i++) {
                pos += gw.get(i).length();
                cuts.add(pos);
            }
        }
        cuts.add(name.length());
        return new Romanization(name, spelling(units, cuts), pronunciation(units, cuts), toneless, initials, specific, generic);
    }

    /** The generic part of a name, or null when it has none or runs together (natural villages, 专名化 names). */
    public String genericOf(String name) {
        if (name.isEmpty()) return null;
        if (SETTLEMENT.contains(name.charAt(name.length() - 1))) return null;
        for (int len = Math.min(maxGeneric, name.length() - 1); len >= 1; len--) {
            String tail = name.substring(name.length() - len);
            if (GENERICS.containsKey(tail)) return tail;
        }
        return null;
    }

    /** Lower-case toneless pinyin without spaces (ü as v), for search and homophone checks: 厦门市 → "xiamenshi". */
    public String toneless(String text) { return toneless(units(text == null ? "" : text.strip())); }

    /** First letters of the syllables: 厦门市 → "xms". */
    public String initials(String text) { return initials(units(text == null ? "" : text.strip())); }

    /**
     * The key a user's query is compared with: Han text is read as pinyin; Latin input (with or without tone marks,
     * spaces, apostrophes, ü/v) is folded to lower-case letters and digits.
     */
    public String searchKey(String query) {
        if (query == null) return "";
        String q = query.strip().toLowerCase(Locale.ROOT).replace("ü", "v").replace("u:", "v");
        q = Normalizer.normalize(q, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return toneless(units(q));
    }

    private String toneless(List<Unit> units) {
        StringBuilder b = new StringBuilder();
        for (Unit u : units) b.append(u.han ? Syllables.toneless(u.text) : u.text.toLowerCase(Locale.ROOT));
        return b.toString();
    }

    private String initials(List<Unit> units) {
        StringBuilder b = new StringBuilder();
        for (Unit u : units) b.append(Character.toLowerCase(u.text.charAt(0)));
        return b.toString();
    }

    private String spelling(List<Unit> units, List<Integer> cuts) { return render(units, cuts, false); }

    private String pronunciation(List<Unit> units, List<Integer> cuts) { return render(units, cuts, true); }

    private String render(List<Unit> units, List<Integer> cuts, boolean marks) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int cut = 0;
        for (Unit u : units) {
            while (cut < cuts.size() && u.start >= cuts.get(cut)) {
                flush(out, word);
                cut++;
            }
            String s = u.han ? (marks ? Syllables.withToneMark(u.text) : Syllables.withUmlaut(Syllables.toneless(u.text))) : u.text;
            if (u.han && word.length() > 0 && Syllables.startsWithAoe(s) && Character.isLetter(word.charAt(word.length() - 1))) {
                word.append('\'');
            }
            word.append(s);
        }
        flush(out, word);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder word) {
        if (word.length() == 0) return;
        if (out.length() > 0) out.append(' ');
        out.append(Syllables.capitalise(word.toString()));
        word.setLength(0);
    }

    private List<Unit> units(String text) {
        List<Unit> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isHan(c)) {
                int matched = 0;
                for (int len = Math.min(maxWord, n - i); len >= 1; len--) {
                    String[] syl = words.get(text.substring(i, i + len));
                    if (syl != null) {
                        for (int k = 0; k < len; k++) out.add(new Unit(i + k, i + k + 1, numbered(text.charAt(i + k), syl[k]), true));
                        matched = len;
                        break;
                    }
                }
                if (matched == 0) {
                    String[] r = readings(c);
                    out.add(r == null || r.length == 0 ? new Unit(i, i + 1, String.valueOf(c), false) : new Unit(i, i + 1, r[0], true));
                    matched = 1;
                }
                i += matched;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < n && !isHan(text.charAt(j)) && Character.isLetterOrDigit(text.charAt(j))) j++;
                out.add(new Unit(i, j, text.substring(i, j), false));
                i = j;
            } else {
                i++; // spaces, punctuation and separators do not read
            }
        }
        return out;
    }

    /** The dictionary's toneless syllable with the tone pinyin4j knows for it on this character. */
    private String numbered(char c, String tonelessSyllable) {
        String[] r = readings(c);
        if (r != null) {
            for (String s : r) if (Syllables.toneless(s).equals(tonelessSyllable)) return s;
        }
        return tonelessSyllable + "5";
    }

    private String[] readings(char c) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, format);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇' || c == '〇';
    }
}
