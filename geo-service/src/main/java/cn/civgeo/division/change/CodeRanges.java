package cn.civgeo.division.change;

/** Number ranges for issuing new codes by level and kind (domain.md §1). */
final class CodeRanges {
    private CodeRanges() {}

    static int[][] of(int level, String kind) {
        return switch (level) {
            case 2 -> switch (kind) {
                case "地区", "自治州", "盟" -> new int[][] {{21, 50}};
                default -> new int[][] {{1, 20}, {51, 70}};
            };
            case 3 -> switch (kind) {
                case "县", "自治县", "旗", "自治旗" -> new int[][] {{21, 50}};
                case "县级市" -> new int[][] {{81, 99}};
                default -> new int[][] {{2, 20}, {51, 80}};
            };
            case 4 -> switch (kind) {
                case "街道" -> new int[][] {{1, 99}};
                case "镇" -> new int[][] {{100, 199}};
                case "乡", "民族乡", "苏木", "民族苏木" -> new int[][] {{200, 399}};
                default -> new int[][] {{400, 599}};
            };
            case 5 -> switch (kind) {
                case "社区" -> new int[][] {{1, 199}};
                case "村" -> new int[][] {{200, 399}};
                default -> new int[][] {{400, 599}};
            };
            default -> new int[][] {};
        };
    }
}
