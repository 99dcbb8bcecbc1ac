package cn.civgeo.boundary;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A boundary-marker number: line code + 3-digit sequence (001–999, in line direction) + type code.
 * Q single (单立); A/B same-number double (同号双立); C/D/E same-number triple (同号三立).
 */
record MarkerNumber(String lineCode, int seq, char type) {
    private static final Pattern FORMAT = Pattern.compile("^([0-9A-Z]{2,24})(\\d{3})([QABCDE])$");

    public enum Kind { SINGLE, DOUBLE, TRIPLE }

    public MarkerNumber {
        if (seq < 1 || seq > 999) throw new IllegalArgumentException("sequence must be 001–999");
        if ("QABCDE".indexOf(type) < 0) throw new IllegalArgumentException("type must be one of Q, A, B, C, D, E");
    }

    /** Parses a number; empty when the text does not follow the scheme. Surrounding blanks and case are forgiven. */
    public static Optional<MarkerNumber> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORMAT.matcher(text.strip().toUpperCase());
        if (!m.matches()) return Optional.empty();
        int seq = Integer.parseInt(m.group(2));
        if (seq == 0 || !plausibleLineCode(m.group(1))) return Optional.empty();
        return Optional.of(new MarkerNumber(m.group(1), seq, m.group(3).charAt(0)));
    }

    /**
     * Why {@code text} is not a valid number of a marker on the line {@code lineCode}; empty when it is valid.
     */
    public static Optional<String> problem(String text, String lineCode) {
        if (text == null || text.isBlank()) return Optional.of("must not be blank");
        Optional<MarkerNumber> n = parse(text);
        if (n.isEmpty()) {
            return Optional.of("'" + text + "' does not follow the scheme line code + 3-digit sequence 001–999 + type Q/A/B/C/D/E");
        }
        if (lineCode != null && !n.get().lineCode().equals(lineCode)) {
            return Optional.of("'" + text + "' does not start with the line code " + lineCode);
        }
        return Optional.empty();
    }

    /**
     * Line codes derived from division codes have 4, 8, 12 or 18 digits (two prefixes of 2, 4, 6 or 9 digits);
     * codes given by an agreement may contain letters (2–24 characters).
     */
    public static boolean plausibleLineCode(String code) {
        if (code == null || !code.matches("[0-9A-Z]{2,24}")) return false;
        if (!code.chars().allMatch(Character::isDigit)) return true;
        int n = code.length();
        return n == 4 || n == 8 || n == 12 || n == 18;
    }

    public static String format(String lineCode, int seq, char type) {
        return new MarkerNumber(lineCode, seq, type).toString();
    }

    public Kind kind() {
        return switch (type) {
            case 'Q' -> Kind.SINGLE;
            case 'A', 'B' -> Kind.DOUBLE;
            default -> Kind.TRIPLE;
        };
    }

    @Override
    public String toString() { return lineCode + String.format("%03d", seq) + type; }
}
