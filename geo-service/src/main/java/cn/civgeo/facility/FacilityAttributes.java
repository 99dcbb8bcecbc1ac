package cn.civgeo.facility;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kind-specific attributes of domain.md §9, all optional (null = not recorded):
 * <ul>
 *   <li>{@code subtype} — nursing homes only: {@code tekun} 特困供养机构, {@code disabled_tekun} 失能特困人员集中照护机构;</li>
 *   <li>{@code functions} — elderly-care kinds: {@code full_care} 全托, {@code day_care} 日托, {@code home_care} 上门,
 *       {@code guidance} 对下指导 (Chinese words accepted on input);</li>
 *   <li>{@code medicalCare} — elderly-care kinds: 医养结合;</li>
 *   <li>{@code cremators}, {@code ecoCremators} — funeral homes and funeral service centres: cremators (火化炉) and
 *       the eco-friendly ones among them (环保型, ≤ cremators);</li>
 *   <li>{@code publicSectionAreaM2} — commercial cemeteries: the public-welfare section (公益性墓区), m²;</li>
 *   <li>{@code grade} — marriage registries: national grade 3A, 4A or 5A (null = ungraded).</li>
 * </ul>
 */
record FacilityAttributes(String subtype, List<String> functions, Boolean medicalCare, Integer cremators,
                                 Integer ecoCremators, Double publicSectionAreaM2, String grade) {
    public static final FacilityAttributes NONE = new FacilityAttributes(null, null, null, null, null, null, null);

    /** Function codes and the Chinese words planners write. */
    public static final Map<String, String> FUNCTIONS = Map.of("全托", "full_care", "日托", "day_care", "上门", "home_care",
            "对下指导", "guidance");
    public static final Map<String, String> SUBTYPES = Map.of("特困供养机构", "tekun", "失能特困人员集中照护机构", "disabled_tekun");

    /** A function as its code ("日托" → day_care), or null when unknown. */
    static String functionCode(String v) {
        if (v == null) return null;
        String s = v.strip();
        if (FUNCTIONS.containsValue(s.toLowerCase(Locale.ROOT))) return s.toLowerCase(Locale.ROOT);
        return FUNCTIONS.get(s);
    }

    static String subtypeCode(String v) {
        if (v == null || v.isBlank()) return null;
        String s = v.strip();
        if (SUBTYPES.containsValue(s.toLowerCase(Locale.ROOT))) return s.toLowerCase(Locale.ROOT);
        return SUBTYPES.getOrDefault(s, "?" + s);
    }

    boolean isEmpty() { return equals(NONE); }
}
