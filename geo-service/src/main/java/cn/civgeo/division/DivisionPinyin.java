package cn.civgeo.division;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless lower-case pinyin and initials of division names for search ("xiamenshi", "xms": a prefix "xm" finds
 * 厦门). Polyphonic characters read as the place reads them (厦门 Xiamen, 六安 Lu'an, 蚌埠 Bengbu, 丽水 Lishui):
 * a word table first, then a per-character table, then pinyin4j's first reading. Not the romanised spelling of a
 * standard place name (that belongs to the place-name feature); a search key only. Thread-safe.
 */
public final class DivisionPinyin {
    private DivisionPinyin() {}

    /** Words whose reading differs from the characters' first readings. */
    private static final Map<String, String[]> WORDS = new LinkedHashMap<>();
    /** Characters whose place-name reading differs from pinyin4j's first reading. */
    private static final Map<Character, String> CHARS = new ConcurrentHashMap<>();
    private static final java.util.Set<Character> WORD_STARTS = new java.util.HashSet<>();
    private static final Map<Character, String> CACHE = new ConcurrentHashMap<>();
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        word("六安", "lu", "an"); word("丽水", "li", "shui"); word("六合", "lu", "he"); word("乐清", "yue", "qing");
        word("乐亭", "lao", "ting"); word("番禺", "pan", "yu"); word("铅山", "yan", "shan"); word("蔚县", "yu", "xian");
        word("东阿", "dong", "e"); word("莘县", "shen", "xian"); word("洪洞", "hong", "tong"); word("涡阳", "guo", "yang");
        word("大城", "da", "cheng"); word("长治", "chang", "zhi"); word("朝阳", "chao", "yang"); word("单县", "shan", "xian");
        word("曲阜", "qu", "fu"); word("万荣", "wan", "rong"); word("尉犁", "yu", "li"); word("台州", "tai", "zhou");
        word("天台", "tian", "tai"); word("句容", "ju", "rong"); word("济南", "ji", "nan"); word("济宁", "ji", "ning");
        word("蚌埠", "beng", "bu"); word("亳州", "bo", "zhou"); word("桐庐", "tong", "lu"); word("什邡", "shi", "fang");
        word("瑷珲", "ai", "hui"); word("筠连", "jun", "lian"); word("巴中", "ba", "zhong"); word("华县", "hua", "xian");
        word("华阴", "hua", "yin"); word("牟平", "mu", "ping"); word("中牟", "zhong", "mou"); word("大理", "da", "li");
        for (Object[] c : new Object[][] {{'厦', "xia"}, {'重', "chong"}, {'长', "chang"}, {'行', "xing"}, {'都', "du"},
                {'乐', "le"}, {'会', "hui"}, {'家', "jia"}, {'沈', "shen"}, {'藏', "zang"}, {'蚌', "beng"}, {'埔', "pu"},
                {'解', "jie"}, {'单', "dan"}, {'柏', "bai"}, {'吐', "tu"}, {'蕃', "fan"}, {'那', "na"}, {'便', "bian"},
                {'泊', "po"}, {'汤', "tang"}, {'降', "jiang"}, {'相', "xiang"}, {'石', "shi"}, {'龟', "gui"}, {'薄', "bo"},
                {'给', "gei"}, {'还', "huan"}, {'调', "diao"}, {'仇', "qiu"}, {'查', "cha"}, {'车', "che"}, {'差', "cha"},
                {'干', "gan"}, {'藉', "ji"}, {'没', "mei"}, {'弄', "nong"}, {'叶', "ye"}, {'尾', "wei"}, {'曾', "zeng"},
                {'期', "qi"}, {'省', "sheng"}, {'盛', "sheng"}, {'宿', "su"}, {'觉', "jue"}, {'广', "guang"}, {'塔', "ta"},
                {'茄', "qie"}, {'铺', "pu"}, {'堡', "bao"}, {'阿', "a"}, {'区', "qu"}, {'角', "jiao"}, {'系', "xi"}}) {
            CHARS.put((Character) c[0], (String) c[1]);
        }
    }

    private static void word(String w, String... syllables) {
        WORDS.put(w, syllables);
        WORD_STARTS.add(w.charAt(0));
    }

    /** Search key pair for a name: {pinyin, initials}, e.g. 厦门市 → {"xiamenshi", "xms"}. */
    public static String[] of(String name) {
        StringBuilder full = new StringBuilder(name.length() * 4);
        StringBuilder initials = new StringBuilder(name.length());
        int i = 0;
        outer:
        while (i < name.length()) {
            if (WORD_STARTS.contains(name.charAt(i))) for (Map.Entry<String, String[]> w : WORDS.entrySet()) {
                if (name.startsWith(w.getKey(), i)) {
                    for (String s : w.getValue()) { full.append(s); initials.append(s.charAt(0)); }
                    i += w.getKey().length();
                    continue outer;
                }
            }
            char c = name.charAt(i++);
            String s = syllable(c);
            if (s == null) {
                if (Character.isLetterOrDigit(c) && c < 128) {
                    char l = Character.toLowerCase(c);
                    full.append(l);
                    initials.append(l);
                }
                continue;
            }
            full.append(s);
            initials.append(s.charAt(0));
        }
        return new String[] {full.toString(), initials.toString()};
    }

    private static String syllable(char c) {
        if (c < 0x3400) return null;
        String s = CHARS.get(c);
        if (s != null) return s;
        s = CACHE.computeIfAbsent(c, DivisionPinyin::lookup);
        return s.isEmpty() ? null : s;
    }

    private static String lookup(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return all == null || all.length == 0 ? "" : all[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Normalises what a user typed as pinyin: lower case, letters only ("Xia Men" → "xiamen", "xi'an" → "xian"). */
    public static String normalise(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        for (char c : typed.toLowerCase().toCharArray()) {
            if (c >= 'a' && c <= 'z') b.append(c);
            else if (c == 'ü') b.append('v');
        }
        return b.toString();
    }
}
