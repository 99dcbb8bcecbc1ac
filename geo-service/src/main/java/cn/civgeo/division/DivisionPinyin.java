package cn.civgeo.division;

import cn.civgeo.common.text.PlaceReadings;

/**
 * Toneless lower-case pinyin and initials of division names for search ("xiamenshi", "xms": a prefix "xm" finds
 * 厦门). Polyphonic characters read as the place reads them (厦门 Xiamen, 六安 Lu'an, 召陵 Shaoling, 犍为 Qianwei),
 * from the one curated table of readings ({@link PlaceReadings}) that the romaniser and the geocoder use too. Not the romanised spelling of a
 * standard place name (that belongs to the place-name feature); a search key only. Thread-safe.
 */
public final class DivisionPinyin {
    private DivisionPinyin() {}

    /** Search key pair for a name: {pinyin, initials}, e.g. 厦门市 → {"xiamenshi", "xms"}. */
    public static String[] of(String name) {
        StringBuilder full = new StringBuilder(name.length() * 4);
        StringBuilder initials = new StringBuilder(name.length());
        String[] syllables = PlaceReadings.standard().syllables(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String s = c < 0x3400 ? null : syllables[i];
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
