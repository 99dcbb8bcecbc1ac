package cn.civgeo.boundary.inspection;

import java.util.Locale;
import java.util.Map;

/**
 * The Chinese words of inspection findings: the descriptions of the problems an inspection opens (stored as
 * written here and printed in the 联检报告) and the names of conditions and problem categories.
 */
final class InspectionTexts {
    private InspectionTexts() {}

    static final Map<String, String> CONDITION = Map.of("intact", "完好", "damaged", "损坏", "missing", "丢失", "displaced", "移位");
    static final Map<String, String> CATEGORY = Map.of("marker_damaged", "界桩损坏", "marker_missing", "界桩丢失",
            "marker_displaced", "界桩移位", "terrain_change", "地形变化", "river_moved", "河流改道",
            "cross_boundary_construction", "跨界建设", "other", "其他");

    /** 界桩 350203350206001Q 移位，位移 2.35 米：修路施工移动 */
    static String markerProblem(String number, String condition, Double displacementM, String note) {
        return "界桩 " + number + " " + CONDITION.getOrDefault(condition, condition)
                + (displacementM == null ? "" : String.format(Locale.ROOT, "，位移 %.2f 米", displacementM))
                + (note == null || note.isBlank() ? "" : "：" + note.strip());
    }

    /** 地形变化（001Q–003Q）：山体开挖 — category one of terrain_change, river_moved, cross_boundary_construction. */
    static String stretchProblem(String category, String fromMarker, String toMarker, String description) {
        return CATEGORY.get(category)
                + (fromMarker == null ? "" : "（" + fromMarker + "–" + (toMarker == null ? "" : toMarker) + "）")
                + (description == null || description.isBlank() ? "" : "：" + description.strip());
    }

    /** The Chinese word for a code (the code itself when unknown, null for null). */
    static String zh(Map<String, String> words, String code) { return code == null ? null : words.getOrDefault(code, code); }
}
