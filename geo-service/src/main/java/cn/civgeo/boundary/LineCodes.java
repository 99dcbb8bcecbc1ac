package cn.civgeo.boundary;

import cn.civgeo.common.code.DivisionCode;
/** Default line codes and names from the two divisions a line separates. */
final class LineCodes {
    private LineCodes() {}

    /** Significant digits of a division code at a level: province 2, prefecture 4, county 6, township 9. */
    public static int significantDigits(int level) {
        if (level < 1 || level > 4) throw new IllegalArgumentException("boundary lines exist for levels 1–4, not " + level);
        return DivisionCode.significantDigits(level);
    }

    /** Line code: both divisions' significant prefixes, smaller code first (e.g. 350203 + 350206). */
    public static String lineCode(String codeA, String codeB, int level) {
        int n = significantDigits(level);
        String a = prefix(codeA, n), b = prefix(codeB, n);
        return a.compareTo(b) <= 0 ? a + b : b + a;
    }

    /** Line name: the two names joined by an em dash, smaller code first, + 线 (思明区—湖里区线). */
    public static String lineName(String codeA, String nameA, String codeB, String nameB) {
        return codeA.compareTo(codeB) <= 0 ? nameA + "—" + nameB + "线" : nameB + "—" + nameA + "线";
    }

    private static String prefix(String code, int n) {
        if (code == null || code.length() < n) throw new IllegalArgumentException("division code '" + code + "' is too short");
        return code.substring(0, n);
    }
}
