package cn.civgeo.common.io;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that writes text cells for CSV and .xlsx exports (OWASP CSV injection): a value starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would run as a formula in Excel, LibreOffice
 * or WPS, so it gets a leading apostrophe. Plain numbers ({@code -12.5}) are not formulas and stay as they are.
 * Codes (division codes, place-name codes, doorplate numbers) are strings here and written as text cells in .xlsx,
 * so leading zeros and 12-digit codes survive.
 */
public final class SafeCells {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private SafeCells() {}

    /** True when a spreadsheet would read {@code s} as a formula or control sequence. */
    public static boolean dangerous(String s) {
        if (s == null || s.isEmpty()) return false;
        char c = s.charAt(0);
        if (c == '\t' || c == '\r' || c == '\n' || c == '=' || c == '@') return true;
        return (c == '+' || c == '-') && !NUMBER.matcher(s).matches();
    }

    /** The text to store: neutralised with a leading apostrophe when it would be a formula. */
    public static String text(String s) {
        return dangerous(s) ? "'" + s : s;
    }

    /** One CSV field: neutralised, then quoted (RFC 4180) when it holds a comma, quote or line break. */
    public static String csvField(Object v) {
        if (v == null) return "";
        String s = v instanceof Number || v instanceof Boolean ? v.toString() : text(v.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static final Pattern DIGITS = Pattern.compile("\\d{2,40}");

    /**
     * One CSV field of a code column (division, place-name, address codes): an all-digit code is written as the
     * text formula {@code ="350203001001"}, which Excel, WPS and LibreOffice show as that text, where a bare number
     * would become 3.50203E+11 and codes past 15 digits would lose their last digits (GDAL reads such a column
     * as String too). Only digits go inside, so nothing can be injected; any other value is an ordinary field.
     */
    public static String csvCode(Object v) {
        if (v != null && DIGITS.matcher(v.toString()).matches()) return "\"=\"\"" + v + "\"\"\"";
        return csvField(v);
    }

    /** True for the names of columns that hold codes: {@code id}, {@code code}, {@code …Code}, {@code …_code}. */
    public static boolean codeColumn(String name) {
        return name != null && (name.equals("id") || name.equals("code") || name.endsWith("Code") || name.endsWith("_code"));
    }

    /** One CSV record with CRLF. */
    public static String csvLine(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(csvField(values.get(i)));
        }
        return sb.append("\r\n").toString();
    }
}
