package cn.civgeo.placename.rules;

import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 大/洋/怪/重 checks of domain.md §3 as pure functions of a name, its category and the names it must not
 * repeat. The service chooses the scope (who the "others" are) and the exemptions; this class only judges.
 * Word lists are deliberately explicit: a finding always names the word that triggered it.
 */
public final class NameRules {
    /** Words that exaggerate (大), allowed only with approval. */
    static final List<String> EXAGGERATED_WORDS = List.of("宇宙", "中央", "天下", "世界", "环球", "欧洲", "中华", "全国", "万国",
            "特区", "首府", "国际", "皇家", "帝王");
    /** Foreign person and place names and common transliterations (洋). */
    static final List<String> FOREIGN_WORDS = List.of("曼哈顿", "威尼斯", "香榭丽舍", "维多利亚", "巴黎", "伦敦", "纽约", "罗马",
            "加州", "夏威夷", "温莎", "普罗旺斯", "托斯卡纳", "莱茵", "塞纳", "地中海", "爱琴海", "凡尔赛", "拉斯维加斯", "比华利",
            "贝弗利", "佛罗伦萨", "米兰", "维也纳", "雅典", "剑桥", "牛津", "哈佛", "好莱坞", "迪拜", "枫丹白露", "蒙特卡洛",
            "圣托里尼", "马尔代夫", "巴厘", "白金汉", "波尔多", "卢浮", "莎士比亚", "哥伦布", "华盛顿", "林肯", "拿破仑", "阿尔卑斯",
            "莫斯科", "柏林", "东京", "悉尼", "墨尔本", "洛杉矶", "旧金山", "芝加哥", "波士顿", "西雅图", "新加坡", "曼谷",
            "列宁", "白求恩", "斯大林", "马克思", "加勒比", "北欧", "南欧", "欧陆", "欧式", "美式", "英伦", "法兰西", "意大利",
            "西班牙", "澳洲", "荷兰", "瑞士", "苏格兰");
    /** Endings typical of transliterated foreign names (…斯顿, …维尔, …利亚). */
    private static final Pattern FOREIGN_ENDINGS = Pattern.compile("[\\p{IsHan}]{1,4}(斯顿|斯堡|维尔|利亚|尼亚|斯特|伯格|威治|汉姆|菲尔德)");
    /** Vulgar or feudal words (怪). */
    static final List<String> VULGAR_FEUDAL = List.of("屎", "尿", "屁", "淫", "娼", "妓", "鬼", "妖", "魔", "阎王", "地狱", "冥府",
            "奴", "贱", "霸王", "皇宫", "龙庭", "圣旨", "太监");
    private static final String NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十百千万零〇两壹贰叁肆伍陆柒捌玖拾佰仟";
    private static final Pattern DIGITS = Pattern.compile("[0-9０-９]+");
    private static final Pattern LATIN = Pattern.compile("[A-Za-zＡ-Ｚａ-ｚ]+");
    private static final Pattern SEPARATORS = Pattern.compile("[·•・‧\\-–—－_~～/]");
    /** Generic terms of a rank that small things must not take. */
    private static final List<String> AVENUES = List.of("大道", "大街");

    private final PlaceNameRomanizer romanizer;
    private final double minAvenueLengthMetres;
    private final Set<Character> extraCommonChars;
    private final ThreadLocal<CharsetEncoder> gb2312 = ThreadLocal.withInitial(() -> Charset.forName("GB2312").newEncoder());

    /**
     * @param minAvenueLengthMetres a road shorter than this may not be called 大道/大街 (configurable; domain.md gives
     *                              no number, 1,000 m is our default)
     * @param extraCommonChars      characters outside GB 2312 that are nevertheless common in local place names (垵)
     */
    public NameRules(PlaceNameRomanizer romanizer, double minAvenueLengthMetres, String extraCommonChars) {
        this.romanizer = romanizer;
        this.minAvenueLengthMetres = minAvenueLengthMetres;
        this.extraCommonChars = new LinkedHashSet<>();
        if (extraCommonChars != null) for (char c : extraCommonChars.toCharArray()) this.extraCommonChars.add(c);
    }

    /** What is being named. {@code lengthMetres} is the length of a line geometry, or null. */
    public record Subject(String name, String categoryCode, Double lengthMetres) {}

    /** A name the subject must not repeat: another place name or a division in the same scope. */
    public record Other(String name, String ref) {}

    /**
     * All findings for a name. {@code others} are the names in the subject's uniqueness scope (the subject itself
     * excluded); {@code prefixes} are the division names that may precede a name without making it different
     * (厦门, 思明...); {@code exemptions} maps a rule to the reason it does not apply to this name.
     */
    public List<Finding> check(Subject s, Collection<Other> others, Collection<String> prefixes, Map<NameRule, String> exemptions) {
        List<Finding> out = new ArrayList<>();
        String name = s.name() == null ? "" : s.name().strip();
        exaggerated(name, s, out);
        foreign(name, out);
        bizarre(name, out);
        duplicates(name, s.categoryCode(), others, prefixes, out);
        List<Finding> result = new ArrayList<>(out.size());
        for (Finding f : out) {
            String why = exemptions == null ? null : exemptions.get(f.rule());
            result.add(why == null ? f : f.exempt(why));
        }
        return result;
    }

    private void exaggerated(String name, Subject s, List<Finding> out) {
        List<String> hits = hits(name, EXAGGERATED_WORDS);
        if (!hits.isEmpty()) {
            out.add(Finding.of(NameRule.EXAGGERATED, "exaggerated-word", hits, List.of(),
                    "the name uses " + String.join("、", hits) + ", which exaggerates and needs special approval",
                    "drop " + String.join("、", hits) + " or name the place after its location, history or landscape"));
        }
        String generic = romanizer.genericOf(name);
        String cat = s.categoryCode() == null ? "" : s.categoryCode();
        for (String avenue : AVENUES) {
            if (!name.endsWith(avenue)) continue;
            if (cat.equals(PlaceCategories.LANE)) {
                out.add(Finding.of(NameRule.EXAGGERATED, "generic-above-rank", List.of(avenue), List.of(),
                        "a lane (category " + cat + ") is called " + avenue, "use 巷 or 里 for a lane"));
            } else if (s.lengthMetres() != null && s.lengthMetres() < minAvenueLengthMetres) {
                out.add(Finding.of(NameRule.EXAGGERATED, "generic-above-rank", List.of(avenue), List.of(),
                        String.format("a road of %.0f m is called %s (at least %.0f m expected)", s.lengthMetres(), avenue, minAvenueLengthMetres),
                        "use 路 or 街 for a road of this length"));
            }
        }
        if (cat.startsWith(PlaceCategories.RESIDENTIAL_PREFIX) && name.endsWith("城") && !"城".equals(generic)) {
            out.add(Finding.of(NameRule.EXAGGERATED, "generic-above-rank", List.of("城"), List.of(),
                    "a residential area is called 城 (a city)", "use 小区, 苑, 园 or 花园"));
        }
    }

    private void foreign(String name, List<Finding> out) {
        List<String> hits = hits(name, FOREIGN_WORDS);
        Matcher m = FOREIGN_ENDINGS.matcher(name);
        while (m.find()) if (hits.stream().noneMatch(h -> m.group().contains(h))) hits.add(m.group());
        if (!hits.isEmpty()) {
            out.add(Finding.of(NameRule.FOREIGN, "foreign-name", hits, List.of(),
                    "the name uses the foreign name or transliteration " + String.join("、", hits),
                    "use a Chinese name drawn from the place's location, history or culture"));
        }
    }

    private void bizarre(String name, List<Finding> out) {
        String generic = romanizer.genericOf(name);
        String specific = generic == null ? name : name.substring(0, name.length() - generic.length());
        if (specific.endsWith("号")) specific = specific.substring(0, specific.length() - 1);
        if (!specific.isEmpty() && specific.chars().allMatch(c -> NUMERALS.indexOf(c) >= 0)) {
            out.add(Finding.of(NameRule.BIZARRE, "numeric-specific", List.of(specific), List.of(),
                    "the specific part " + specific + " is only a number", "give it a specific name with a meaning"));
        } else {
            List<String> digits = all(DIGITS, name);
            if (!digits.isEmpty()) {
                out.add(Finding.of(NameRule.BIZARRE, "digit-mix", digits, List.of(),
                        "the name mixes digits " + String.join("、", digits) + " with characters", "write the name in Chinese characters only"));
            }
        }
        List<String> seps = all(SEPARATORS, name);
        if (!seps.isEmpty()) {
            out.add(Finding.of(NameRule.BIZARRE, "separator", seps, List.of(),
                    "the name contains the separator " + String.join(" ", seps), "remove the separator"));
        }
        List<String> latin = all(LATIN, name);
        if (!latin.isEmpty()) {
            out.add(Finding.of(NameRule.BIZARRE, "latin-letters", latin, List.of(),
                    "the name contains Latin letters " + String.join("、", latin), "write the name in Chinese characters only"));
        }
        List<String> vulgar = hits(name, VULGAR_FEUDAL);
        if (!vulgar.isEmpty()) {
            out.add(Finding.of(NameRule.BIZARRE, "vulgar-or-feudal", vulgar, List.of(),
                    "the name has a vulgar or feudal meaning (" + String.join("、", vulgar) + ")", "choose a plain, decent name"));
        }
        List<String> rare = new ArrayList<>();
        CharsetEncoder enc = gb2312.get();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isSurrogate(c)) { rare.add(name.substring(i, Math.min(i + 2, name.length()))); i++; continue; }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !enc.canEncode(c) && !extraCommonChars.contains(c)) {
                rare.add(String.valueOf(c));
            }
        }
        if (!rare.isEmpty()) {
            out.add(Finding.of(NameRule.BIZARRE, "rare-character", rare, List.of(),
                    "the name uses rare characters " + String.join("、", rare) + " (outside the common character set)",
                    "use common characters that people can read and type"));
        }
    }

    private void duplicates(String name, String category, Collection<Other> others, Collection<String> prefixes, List<Finding> out) {
        if (others == null || others.isEmpty()) return;
        boolean specificOnly = category != null && PlaceCategories.comparesSpecificOnly(category);
        String key = key(name, prefixes, specificOnly);
        String sound = romanizer.toneless(key);
        List<String> same = new ArrayList<>();
        List<String> homophones = new ArrayList<>();
        for (Other o : others) {
            String k = key(o.name(), prefixes, specificOnly);
            if (k.isEmpty()) continue;
            if (k.equals(key)) same.add(o.name() + " (" + o.ref() + ")");
            else if (romanizer.toneless(k).equals(sound)) homophones.add(o.name() + " (" + o.ref() + ")");
        }
        if (!same.isEmpty()) {
            out.add(Finding.of(NameRule.DUPLICATE, "duplicate", List.of(key), same,
                    "the same name as " + String.join("、", same) + " in the same area (a city prefix or 新/大 does not make it different)",
                    "choose a different specific part"));
        }
        if (!homophones.isEmpty()) {
            out.add(Finding.of(NameRule.DUPLICATE, "homophone", List.of(key + " (" + sound + ")"), homophones,
                    "sounds the same (" + sound + ") as " + String.join("、", homophones) + " in the same area",
                    "choose a specific part that sounds different"));
        }
    }

    /**
     * The comparison key: the name without a leading division name (厦门湖滨路 → 湖滨路) and without a leading 新 or 大
     * (新湖滨路 → 湖滨路); for county-level and larger units only the specific part (思明区 → 思明).
     */
    public String key(String name, Collection<String> prefixes, boolean specificOnly) {
        String k = name == null ? "" : name.strip();
        if (prefixes != null) {
            for (String p : prefixes) {
                if (p != null && !p.isEmpty() && k.length() > p.length() + 1 && k.startsWith(p)) { k = k.substring(p.length()); break; }
            }
        }
        if (k.length() > 2 && (k.charAt(0) == '新' || k.charAt(0) == '大')) k = k.substring(1);
        if (specificOnly) {
            String g = romanizer.genericOf(k);
            if (g != null) k = k.substring(0, k.length() - g.length());
        }
        return k;
    }

    private static List<String> hits(String name, List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) if (name.contains(w)) out.add(w);
        return out;
    }

    private static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }
}
