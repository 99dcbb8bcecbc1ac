package cn.civgeo.placename.pinyin;

import java.util.Locale;

/** Small helpers on one pinyin syllable written with a tone number ("xia4", "lv3", "men2", "de5"). */
final class Syllables {
    private Syllables() {}

    static String toneless(String numbered) {
        int n = numbered.length();
        return n > 0 && Character.isDigit(numbered.charAt(n - 1)) ? numbered.substring(0, n - 1) : numbered;
    }

    static int tone(String numbered) {
        int n = numbered.length();
        return n > 0 && Character.isDigit(numbered.charAt(n - 1)) ? numbered.charAt(n - 1) - '0' : 5;
    }

    /** "lv" → "lü", as the spelling is written (the search keys keep "v"). */
    static String withUmlaut(String toneless) { return toneless.replace('v', 'ü'); }

    private static final String[] MARKS = {
        "āáǎàa", "ēéěèe", "īíǐìi", "ōóǒòo", "ūúǔùu", "ǖǘǚǜü"
    };

    /** "xia4" → "xià", "lv3" → "lǚ", "men5" → "men": the tone mark goes on a or e, on o in "ou", else on the last vowel. */
    static String withToneMark(String numbered) {
        String s = withUmlaut(toneless(numbered).toLowerCase(Locale.ROOT));
        int tone = tone(numbered);
        if (tone < 1 || tone > 4) return s;
        int at = s.indexOf('a');
        if (at < 0) at = s.indexOf('e');
        if (at < 0 && s.contains("ou")) at = s.indexOf('o');
        if (at < 0) {
            for (int i = s.length() - 1; i >= 0; i--) {
                if ("iouü".indexOf(s.charAt(i)) >= 0) { at = i; break; }
            }
        }
        if (at < 0) return s;
        char c = s.charAt(at);
        String row = switch (c) { case 'a' -> MARKS[0]; case 'e' -> MARKS[1]; case 'i' -> MARKS[2]; case 'o' -> MARKS[3];
            case 'u' -> MARKS[4]; default -> MARKS[5]; };
        return s.substring(0, at) + row.charAt(tone - 1) + s.substring(at + 1);
    }

    static boolean startsWithAoe(String s) {
        if (s.isEmpty()) return false;
        char c = Character.toLowerCase(s.charAt(0));
        return c == 'a' || c == 'o' || c == 'e' || "āáǎàōóǒòēéěè".indexOf(c) >= 0;
    }

    static String capitalise(String s) {
        if (s.isEmpty()) return s;
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
