package cn.civgeo.division;

import cn.civgeo.common.code.DivisionCode;
import java.util.List;

/**
 * Naming rules of GB/T 2260 and GB/T 10114 (domain.md §1): the level of a code, the kind (类型) of a unit derived
 * from its name suffix and checked against its code range, its parent code, and its short name (思明区 → 思明,
 * 厦门市 → 厦门, 多福巷社区居委会 → 多福巷社区). Pure functions; no database.
 */
public final class DivisionNames {
    private DivisionNames() {}

    /** The 56 recognised ethnic groups, longest first, as they appear in autonomous-unit names (…族自治州). */
    private static final List<String> ETHNIC = List.of(
            "维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "乌孜别克", "达斡尔", "鄂温克", "鄂伦春", "俄罗斯", "塔塔尔",
            "布依", "土家", "仡佬", "毛南", "仫佬", "纳西", "傈僳", "哈尼", "拉祜", "佤", "景颇", "阿昌", "德昂",
            "布朗", "普米", "怒", "独龙", "基诺", "门巴", "珞巴", "撒拉", "东乡", "保安", "裕固", "锡伯", "赫哲",
            "高山", "畲", "黎", "京", "水", "壮", "回", "藏", "苗", "彝", "侗", "瑶", "白", "傣", "蒙古", "满",
            "朝鲜", "羌", "土", "汉");

    /** Level of a code by its length: 6 digits → 1–3 by the zero pairs, 9 → 4, 12 → 5; -1 when malformed. */
    public static int levelOf(String code) {
        return DivisionCode.levelOf(code);
    }

    /** The parent code implied by the code alone (a prefecture city without districts is not visible here). */
    public static String impliedParent(String code) {
        if (!DivisionCode.isCode(code)) return null;
        DivisionCode parent = new DivisionCode(code).parent();
        return parent == null ? null : parent.value();
    }

    /** Pads the registry's short province (2) and prefecture (4) codes to 6 digits. */
    public static String pad(String code) {
        String c = code.trim();
        return c.length() < 6 ? c + "0".repeat(6 - c.length()) : c;
    }

    /** Kind (类型) of a unit from its level, code and name; the name suffix wins, the code range decides otherwise. */
    public static String kindOf(int level, String code, String name) {
        return switch (level) {
            case 1 -> name.endsWith("自治区") ? "自治区"
                    : List.of("11", "12", "31", "50").contains(code.substring(0, 2)) ? "直辖市"
                    : name.endsWith("特别行政区") ? "特别行政区" : "省";
            case 2 -> prefectureKind(code, name);
            case 3 -> countyKind(code, name);
            case 4 -> townshipKind(code, name);
            case 5 -> villageKind(code, name);
            default -> throw new IllegalArgumentException("level " + level);
        };
    }

    private static String prefectureKind(String code, String name) {
        if (code.startsWith("90", 2) || name.contains("直辖县级")) return "省直辖县级行政区划";
        if (name.equals("市辖区") || name.equals("县")) return "直辖市辖区";
        if (name.endsWith("自治州")) return "自治州";
        if (name.endsWith("地区")) return "地区";
        if (name.endsWith("盟")) return "盟";
        if (name.endsWith("市")) return "地级市";
        int pair = Integer.parseInt(code.substring(2, 4));
        return pair <= 20 || (pair >= 51 && pair <= 70) ? "地级市" : "地区";
    }

    private static String countyKind(String code, String name) {
        if (name.endsWith("自治县")) return "自治县";
        if (name.endsWith("自治旗")) return "自治旗";
        if (name.endsWith("林区")) return "林区";
        if (name.endsWith("特区")) return "特区";
        if (name.endsWith("旗")) return "旗";
        if (name.endsWith("县")) return "县";
        if (name.endsWith("市")) return "县级市";
        if (name.endsWith("区")) return "市辖区";
        int pair = Integer.parseInt(code.substring(4, 6));
        return pair >= 81 ? "县级市" : pair >= 21 && pair <= 50 ? "县" : "市辖区";
    }

    private static String townshipKind(String code, String name) {
        if (name.endsWith("街道") || name.endsWith("街道办事处") || name.endsWith("办事处")) return "街道";
        if (name.endsWith("民族乡")) return "民族乡";
        if (name.endsWith("民族苏木")) return "民族苏木";
        if (name.endsWith("苏木")) return "苏木";
        if (name.endsWith("镇")) return "镇";
        if (name.endsWith("乡")) return "乡";
        if (name.endsWith("区公所")) return "区公所";
        int n = Integer.parseInt(code.substring(6, 9));
        return n < 100 ? "街道" : n < 200 ? "镇" : n < 400 ? "乡" : "其他";
    }

    private static String villageKind(String code, String name) {
        if (name.endsWith("村委会") || name.endsWith("村民委员会") || name.endsWith("村")) return "村";
        if (name.endsWith("居委会") || name.endsWith("居民委员会") || name.endsWith("社区")) return "社区";
        int n = Integer.parseInt(code.substring(9, 12));
        return n < 200 ? "社区" : n < 400 ? "村" : "其他";
    }

    /**
     * Whether the kind agrees with the code range of domain.md §1 (a check, not a rule: the national list has
     * legitimate exceptions, e.g. county-level cities numbered 01–20 under a province's 90 block).
     */
    public static boolean kindMatchesRange(int level, String code, String kind) {
        switch (level) {
            case 2 -> {
                int p = Integer.parseInt(code.substring(2, 4));
                if (p == 90) return kind.equals("省直辖县级行政区划");
                if (kind.equals("地级市") || kind.equals("直辖市辖区")) return p <= 20 || (p >= 51 && p <= 70);
                return p >= 21 && p <= 50;
            }
            case 3 -> {
                int p = Integer.parseInt(code.substring(4, 6));
                return switch (kind) {
                    case "市辖区", "林区", "特区" -> p <= 20 || (p >= 51 && p <= 80);
                    case "县", "自治县", "旗", "自治旗" -> p >= 21 && p <= 50;
                    case "县级市" -> p >= 81 || code.startsWith("90", 2);
                    default -> true;
                };
            }
            case 4 -> {
                int n = Integer.parseInt(code.substring(6, 9));
                return switch (kind) {
                    case "街道" -> n < 100;
                    case "镇" -> n >= 100 && n < 200;
                    case "乡", "民族乡", "苏木", "民族苏木" -> n >= 200 && n < 400;
                    default -> n >= 400 && n < 600;
                };
            }
            case 5 -> {
                int n = Integer.parseInt(code.substring(9, 12));
                return switch (kind) {
                    case "社区" -> n < 200;
                    case "村" -> n >= 200 && n < 400;
                    default -> n >= 400;
                };
            }
            default -> { return true; }
        }
    }

    /** Short name: the specific part without the generic (and, for autonomous units, without the ethnic names). */
    public static String shortName(int level, String name) {
        String n = name.trim();
        if (level == 5) {
            for (String s : List.of("社区居民委员会", "社区居委会")) if (n.endsWith(s)) return cut(n, s) + "社区";
            for (String s : List.of("居民委员会", "居委会")) if (n.endsWith(s)) return cut(n, s) + "社区";
            for (String s : List.of("村民委员会", "村委会")) {
                if (n.endsWith(s)) {
                    String base = cut(n, s);
                    return base.endsWith("村") ? base : base + "村";
                }
            }
            return n;
        }
        if (n.equals("市辖区") || n.equals("县") || n.contains("直辖县级")) return n;
        for (String s : List.of("特别行政区", "街道办事处", "办事处", "自治区", "自治州", "自治县", "自治旗", "民族乡",
                "民族苏木", "地区", "林区", "特区", "街道", "苏木", "省", "市", "盟", "区", "县", "旗", "镇", "乡")) {
            if (n.endsWith(s)) {
                String base = stripEthnic(cut(n, s), s);
                // A one-character specific part keeps its generic: 沙县, 城区, 郊区.
                return base.length() >= 2 ? base : n;
            }
        }
        return n;
    }

    private static String cut(String n, String suffix) { return n.substring(0, n.length() - suffix.length()); }

    private static String stripEthnic(String base, String generic) {
        if (!generic.startsWith("自治") && !generic.startsWith("民族")) return base;
        String b = base;
        // Only "<ethnic>族" pairs are removed, right to left: 黔西南布依族苗族 → 黔西南, 广西壮族 → 广西.
        while (b.endsWith("族")) {
            String without = b.substring(0, b.length() - 1);
            String match = null;
            for (String e : ETHNIC) if (without.endsWith(e) && without.length() > e.length()) { match = e; break; }
            if (match == null) break;
            b = without.substring(0, without.length() - match.length());
        }
        if (!b.equals(base) || !base.endsWith("族")) {
            // 新疆维吾尔自治区 (no 族): strip a trailing ethnic name directly.
            for (String e : ETHNIC) {
                if (b.equals(base) && b.endsWith(e) && b.length() - e.length() >= 2) { b = b.substring(0, b.length() - e.length()); break; }
            }
        }
        // 西藏自治区, 鄂伦春自治旗: the name is the ethnic name itself; keep it.
        return b.length() >= 2 ? b : base;
    }
}
