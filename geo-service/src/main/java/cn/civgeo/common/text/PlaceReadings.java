package cn.civgeo.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
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
 * How places read: the one curated table {@value #RESOURCE} (words with their place readings, reviewed default
 * readings of polyphonic characters, settled whole-name spellings; sources in the file), then pinyin4j's first
 * reading. Every reader of place names goes through this class: the romanised spelling of standard place names,
 * the search keys of divisions and the geocoder's pinyin and homophone readings, so 厦门 is Xiamen, 召陵 Shaoling
 * and 六安 Lu'an everywhere. Readings are toneless lower-case syllables with ü written v. Thread-safe.
 */
public final class PlaceReadings {
    public static final String RESOURCE = "common/place-readings.txt";
    private static volatile PlaceReadings standard;

    private final Map<String, String[]> words = new HashMap<>();
    private final Map<String, String> settled = new LinkedHashMap<>();
    private final int maxWord;
    private final Map<Character, String> firstReadings = new ConcurrentHashMap<>();
    private static final HanyuPinyinOutputFormat TONELESS = new HanyuPinyinOutputFormat();

    static {
        TONELESS.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        TONELESS.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        TONELESS.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The project's table. */
    public static PlaceReadings standard() {
        if (standard == null) {
            synchronized (PlaceReadings.class) {
                if (standard == null) {
                    try (InputStream in = PlaceReadings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("missing " + RESOURCE);
                        standard = new PlaceReadings(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return standard;
    }

    /** Reads a table in the format of {@value #RESOURCE}. */
    public PlaceReadings(InputStream table) throws IOException {
        int max = 1;
        BufferedReader r = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("=")) {
                int sp = line.indexOf(' ');
                if (sp < 0) throw new IllegalArgumentException("settled spelling needs a name and a spelling: " + line);
                settled.put(line.substring(1, sp), line.substring(sp + 1).strip());
                continue;
            }
            String[] parts = line.split("\\s+");
            String word = parts[0];
            if (parts.length - 1 != word.codePointCount(0, word.length())) {
                throw new IllegalArgumentException("reading needs one syllable per character: " + line);
            }
            String[] syl = new String[parts.length - 1];
            for (int i = 0; i < syl.length; i++) {
                syl[i] = parts[i + 1].toLowerCase(java.util.Locale.ROOT);
                if (!syl[i].matches("[a-z]+")) throw new IllegalArgumentException("toneless syllables of a-z (ü as v): " + line);
            }
            words.put(word, syl);
            max = Math.max(max, word.length());
        }
        maxWord = max;
    }

    /** The words (one character: a character's default) and their syllables, read-only. */
    public Map<String, String[]> words() { return Collections.unmodifiableMap(words); }

    /** Names whose spelling is settled as a whole (黑龙江省 Heilongjiang Sheng), read-only. */
    public Map<String, String> settled() { return Collections.unmodifiableMap(settled); }

    /** The longest word, in characters. */
    public int maxWord() { return maxWord; }

    /** The reading of a word of the table, or null. */
    public String[] word(String w) { return words.get(w); }

    /** A character's place reading on its own: its reviewed default, else pinyin4j's first; null if it has none. */
    public String reading(char c) {
        String[] w = words.get(String.valueOf(c));
        if (w != null) return w[0];
        String s = firstReadings.computeIfAbsent(c, PlaceReadings::firstReading);
        return s.isEmpty() ? null : s;
    }

    /**
     * The syllables of a text, one slot per char: the place reading of each Han character (the longest word of the
     * table that starts there, else the character's own reading), null for anything else.
     */
    public String[] syllables(String text) {
        int n = text.length();
        String[] out = new String[n];
        int i = 0;
        while (i < n) {
            int matched = 0;
            for (int len = Math.min(maxWord, n - i); len >= 2; len--) {
                String[] syl = words.get(text.substring(i, i + len));
                if (syl != null) {
                    System.arraycopy(syl, 0, out, i, len);
                    matched = len;
                    break;
                }
            }
            if (matched == 0) {
                out[i] = reading(text.charAt(i));
                matched = 1;
            }
            i += matched;
        }
        return out;
    }

    /** Every reading pinyin4j knows for a character (toneless, distinct, its order). */
    public static String[] allReadings(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, TONELESS);
            return all == null ? new String[0] : java.util.Arrays.stream(all).distinct().toArray(String[]::new);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstReading(char c) {
        String[] all = allReadings(c);
        return all.length == 0 ? "" : all[0];
    }
}
