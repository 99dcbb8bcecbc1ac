package cn.civgeo.facility;

import cn.civgeo.common.ApiException;

/** Division codes are hierarchical (GB/T 2260 + GB/T 10114): the prefix that every code inside a division shares. */
public final class DivisionCodes {
    private DivisionCodes() {}

    /** "350000" → "35", "350200" → "3502", "350203" → "350203", "350203001" → itself; 12-digit padded codes too. */
    public static String prefix(String code) {
        if (code == null || !code.strip().matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw ApiException.badField("division", "must be a 6-, 9- or 12-digit division code");
        }
        String c = code.strip();
        if (c.length() == 12 && c.endsWith("000")) c = c.substring(0, 9);
        if (c.length() == 9 && c.endsWith("000")) c = c.substring(0, 6);
        if (c.length() == 6 && c.endsWith("0000")) return c.substring(0, 2);
        if (c.length() == 6 && c.endsWith("00")) return c.substring(0, 4);
        return c;
    }
}
