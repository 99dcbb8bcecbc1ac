package cn.civgeo.geocode.parse;

/**
 * One part of a parsed address. {@code kind} is one of province, prefecture, county, township, village, road,
 * doorplate, compound, building, unit, floor, room, group, poi, unknown. {@code text} is exactly what the caller
 * wrote, at [{@code start}, {@code end}) of the caller's string; {@code value} is the standard form (the official
 * name of a division, the number of a doorplate); {@code code} the division code where there is one;
 * {@code match} how the text matched: exact, short, alias, former, typo, pattern.
 */
public record Component(String kind, String text, int start, int end, String value, String code, String match) {

    public static final String[] LEVEL_KINDS = {"", "province", "prefecture", "county", "township", "village"};
}
