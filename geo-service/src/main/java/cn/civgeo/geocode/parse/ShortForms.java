package cn.civgeo.geocode.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The short forms people write for a division name: 厦门市 → 厦门, 思明区 → 思明, 内蒙古自治区 → 内蒙古,
 * 恩施土家族苗族自治州 → 恩施州/恩施, 民族街街道 → 民族街, 多福巷社区居委会 → 多福巷社区/多福巷,
 * 王庄村村民委员会 → 王庄村/王庄. A short form is never shorter than two characters.
 */
public final class ShortForms {
    private static final String[] ETHNIC = {
        "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族",
        "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族",
        "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
        "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "各族",
        "蒙古", "哈萨克", "柯尔克孜", "锡伯", "塔吉克", "维吾尔"};
    private static final String[] L1 = {"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"};
    private static final String[] L2 = {"地区", "盟", "市", "林区"};
    private static final String[] L3 = {"新区", "林区", "特区", "矿区", "区", "县", "市", "旗"};
    private static final String[] L4 = {"街道办事处", "街道", "镇", "乡", "苏木", "办事处"};
    private static final String[] L5 = {"社区居民委员会", "社区居委会", "居民委员会", "居委会", "村民委员会", "村委会",
        "嘎查委员会", "牧委会", "委员会"};
    /** Names of statistical placeholders, never written by people. */
    public static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划",
            "省直辖县级行政单位", "直辖县级行政区划");

    private ShortForms() {}

    /**
     * The form a standard address writes: a village-level committee by its place (多福巷社区居委会 → 多福巷社区,
     * 王庄村村民委员会 → 王庄村); other levels by their full name.
     */
    public static String addressForm(String name, int level) {
        if (level != 5) return name;
        String full = withoutRemark(name);
        for (String s : L5) {
            if (full.endsWith(s) && full.length() > s.length()) {
                String base = full.substring(0, full.length() - s.length());
                if (base.endsWith("社区") || base.endsWith("村") || base.endsWith("嘎查")) return base;
                return base + (s.startsWith("村") ? "村" : s.startsWith("嘎查") || s.startsWith("牧") ? "" : "社区");
            }
        }
        return full;
    }

    /** Strips a trailing remark in brackets: 某某社区（筹） → 某某社区. */
    public static String withoutRemark(String name) {
        int i = name.indexOf('（');
        if (i < 0) i = name.indexOf('(');
        return i > 0 ? name.substring(0, i) : name;
    }

    /** Short forms of {@code name} at {@code level} (1 province … 5 village), excluding the name itself. */
    public static List<String> of(String name, int level) {
        String full = withoutRemark(name);
        Set<String> out = new LinkedHashSet<>();
        if (!full.equals(name)) out.add(full);
        switch (level) {
            case 1 -> strip(full, L1, out);
            case 2 -> {
                if (full.endsWith("自治州")) {
                    String base = stripEthnic(full.substring(0, full.length() - 3));
                    add(base, out);
                    add(base + "州", out);
                } else strip(full, L2, out);
            }
            case 3 -> {
                if (full.endsWith("自治县") || full.endsWith("自治旗")) {
                    add(stripEthnic(full.substring(0, full.length() - 3)), out);
                } else strip(full, L3, out);
            }
            case 4 -> {
                String base = full.endsWith("民族乡") ? stripEthnic(full.substring(0, full.length() - 3)) : null;
                if (base != null) add(base, out); else strip(full, L4, out);
            }
            default -> village(full, out);
        }
        out.remove(name);
        return new ArrayList<>(out);
    }

    private static void village(String full, Set<String> out) {
        String base = full;
        String generic = null;
        for (String s : L5) {
            if (full.endsWith(s) && full.length() > s.length()) {
                base = full.substring(0, full.length() - s.length());
                generic = s.startsWith("村") ? "村" : s.startsWith("社区") || s.startsWith("居") ? "社区" : null;
                break;
            }
        }
        add(base, out);
        String bare = base;
        if (base.endsWith("社区")) bare = base.substring(0, base.length() - 2);
        else if (base.endsWith("村") || base.endsWith("嘎查")) bare = base.substring(0, base.length() - (base.endsWith("村") ? 1 : 2));
        else if (generic != null) add(base + generic, out);
        add(bare, out);
    }

    private static void strip(String full, String[] suffixes, Set<String> out) {
        for (String s : suffixes) {
            if (full.endsWith(s) && full.length() - s.length() >= 2) {
                add(full.substring(0, full.length() - s.length()), out);
                return;
            }
        }
    }

    static String stripEthnic(String s) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String e : ETHNIC) {
                if (s.endsWith(e) && s.length() - e.length() >= 2) {
                    s = s.substring(0, s.length() - e.length());
                    changed = true;
                }
            }
        }
        return s;
    }

    private static void add(String s, Set<String> out) { if (s != null && s.length() >= 2) out.add(s); }
}
