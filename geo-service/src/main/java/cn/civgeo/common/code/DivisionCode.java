package cn.civgeo.common.code;

import cn.civgeo.common.ApiException;
import java.util.regex.Pattern;

/**
 * A division code (GB/T 2260 for levels 1–3, GB/T 10114 for townships and communities/villages): the one home of
 * the code rules (issue #12). Six digits name a province ({@code 350000}), prefecture ({@code 350200}) or county
 * ({@code 350203}); nine a township ({@code 350203001}); twelve a community or village ({@code 350203001001}).
 * Registries often pad codes to 12 digits ({@code 350203001000} is the township {@code 350203001}): {@link #of}
 * normalises them. The significant prefix is what every code inside the unit starts with ({@code 35},
 * {@code 3502}, {@code 350203}, ...), the basis of every "within" filter.
 *
 * @param value the normalised code: 6, 9 or 12 digits
 */
public record DivisionCode(String value) {
    private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public DivisionCode {
        if (value == null || !DIGITS.matcher(value).matches() || value.startsWith("00")) {
            throw new IllegalArgumentException("not a division code: " + value);
        }
    }

    /** The code of a 6-, 9- or 12-digit text (stripped; a 12-digit code padded with 000 becomes the 9 or 6 it pads). */
    public static DivisionCode of(String text) {
        if (text == null) throw new IllegalArgumentException("not a division code: null");
        String c = text.strip();
        if (c.length() == 12 && c.endsWith("000")) c = c.substring(0, 9);
        if (c.length() == 9 && c.endsWith("000")) c = c.substring(0, 6);
        return new DivisionCode(c);
    }

    /** {@link #of}, or 400 naming {@code field} when the text is not a division code. */
    public static DivisionCode parse(String text, String field) {
        if (text == null || !isCode(text.strip())) throw ApiException.badField(field, "must be a 6-, 9- or 12-digit division code");
        return of(text);
    }

    /** Whether the text (as is) is a 6-, 9- or 12-digit code. */
    public static boolean isCode(String text) {
        return text != null && DIGITS.matcher(text).matches() && !text.startsWith("00") && !text.equals("000000");
    }

    /** 1 province, 2 prefecture, 3 county, 4 township, 5 community or village. */
    public int level() {
        if (value.length() == 12) return 5;
        if (value.length() == 9) return 4;
        if (value.endsWith("0000")) return 1;
        if (value.endsWith("00")) return 2;
        return 3;
    }

    /** The level of a code as written (not normalised), or -1 when the text is not a division code. */
    public static int levelOf(String text) {
        return isCode(text) ? new DivisionCode(text).level() : -1;
    }

    /** The prefix every code inside this unit starts with: 35 for 350000, 3502 for 350200, 350203, 350203001, ... */
    public String significant() {
        return value.substring(0, significantDigits(level()));
    }

    /** {@link #significant} of a code given as text; a text that is not a code is returned as it is (a prefix already). */
    public static String significant(String text) {
        return text != null && isCode(text.strip()) ? of(text).significant() : text;
    }

    /** Significant digits at a level: province 2, prefecture 4, county 6, township 9, community or village 12. */
    public static int significantDigits(int level) {
        return switch (level) {
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 6;
            case 4 -> 9;
            case 5 -> 12;
            default -> throw new IllegalArgumentException("levels are 1–5, not " + level);
        };
    }

    /** The parent that the code itself implies (null for a province; a prefecture without districts is not visible here). */
    public DivisionCode parent() {
        return switch (level()) {
            case 2 -> new DivisionCode(value.substring(0, 2) + "0000");
            case 3 -> new DivisionCode(value.substring(0, 4) + "00");
            case 4 -> new DivisionCode(value.substring(0, 6));
            case 5 -> new DivisionCode(value.substring(0, 9));
            default -> null;
        };
    }

    /** Whether {@code other} lies inside this unit (or is it). */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(significant());
    }

    @Override
    public String toString() { return value; }
}
