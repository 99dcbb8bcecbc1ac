package cn.civgeo.address;

import java.util.regex.Pattern;

/** Writing doorplates and address codes; pure functions. */
final class Doorplates {
    private Doorplates() {}

    public static final Pattern SUFFIX = Pattern.compile("^(之[一二三四五六七八九十]|附[0-9]{0,2}|[A-Z])$");
    private static final String ORDINALS = "一二三四五六七八九十";

    /** "12号", "12号之一", "12号附1", "12A号". */
    public static String doorplate(int number, String suffix) {
        if (suffix == null || suffix.isEmpty()) return number + "号";
        if (suffix.length() == 1 && Character.isLetter(suffix.charAt(0)) && suffix.charAt(0) < 128) return number + suffix + "号";
        return number + "号" + suffix;
    }

    /** Two digits for the suffix in the address code: 00 none, 01–10 之一…之十, 20–29 附, 30–55 A–Z. */
    public static String suffixCode(String suffix) {
        if (suffix == null || suffix.isEmpty()) return "00";
        if (suffix.startsWith("之")) return String.format("%02d", ORDINALS.indexOf(suffix.charAt(1)) + 1);
        if (suffix.startsWith("附")) {
            int n = suffix.length() == 1 ? 0 : Integer.parseInt(suffix.substring(1));
            return String.format("%02d", 20 + Math.min(n, 9));
        }
        return String.format("%02d", 30 + (suffix.charAt(0) - 'A'));
    }

    /** Building, unit and room as written: digits get their counter word (3 → 3栋, 2 → 2单元, 501 → 501室). */
    public static String building(String b) { return b == null || b.isEmpty() ? "" : b.matches("[0-9]+") ? b + "栋" : b; }

    public static String unit(String u) { return u == null || u.isEmpty() ? "" : u.matches("[0-9]+") ? u + "单元" : u; }

    public static String room(String r) { return r == null || r.isEmpty() ? "" : r.matches("[0-9A-Za-z]+") ? r + "室" : r; }

    /**
     * The address code (after GB/T 39609: division + street + building + unit/room): community code (12), the
     * road's sequence (last 6 digits of its place-name code, or its id), number (5), suffix (2); then
     * "-building-unit-room" when any of them is given.
     */
    public static String code(String community, String roadCode, long roadId, int number, String suffix, String building, String unit, String room) {
        String road = roadCode != null && roadCode.length() >= 6 ? roadCode.substring(roadCode.length() - 6) : String.format("%06d", roadId % 1_000_000);
        String c = community + road + String.format("%05d", number) + suffixCode(suffix);
        if (empty(building) && empty(unit) && empty(room)) return c;
        return c + "-" + nz(building) + "-" + nz(unit) + "-" + nz(room);
    }

    /**
     * Which side of the road a doorplate with this number should be on: odd numbers on the right when walking in
     * the numbering direction (domain.md §4: east–west streets numbered from the east have odd numbers on the
     * north side; north–south streets numbered from the north have them on the west side). Returns null when the
     * rule says nothing; else an error message naming the expected side.
     *
     * @param numbering EW, WE, NS or SN (numbers increase in that direction)
     * @param dx        point minus nearest road point, longitude
     * @param dy        point minus nearest road point, latitude
     */
    public static String parityProblem(String numbering, int number, double dx, double dy) {
        if (numbering == null || (dx == 0 && dy == 0)) return null;
        double vx = 0, vy = 0;
        switch (numbering) {
            case "EW" -> vx = -1;
            case "WE" -> vx = 1;
            case "NS" -> vy = -1;
            case "SN" -> vy = 1;
            default -> { return null; }
        }
        double cross = vx * dy - vy * dx;   // > 0: left of the direction, < 0: right
        boolean right = cross < 0;
        boolean odd = number % 2 == 1;
        if (odd == right) return null;
        String oddSide = switch (numbering) { case "EW" -> "north"; case "WE" -> "south"; case "NS" -> "west"; default -> "east"; };
        String evenSide = switch (oddSide) { case "north" -> "south"; case "south" -> "north"; case "west" -> "east"; default -> "west"; };
        return (odd ? "odd" : "even") + " numbers belong on the " + (odd ? oddSide : evenSide) + " side of this road (numbered "
                + numbering + "), but the point is on the " + (odd ? evenSide : oddSide) + " side";
    }

    private static boolean empty(String s) { return s == null || s.isEmpty(); }

    private static String nz(String s) { return s == null ? "" : s; }
}
