package cn.civgeo.placename.rules;

import java.util.Set;

/**
 * Category codes used by rules and scopes. The full table (12 census classes, 4-digit subclasses in the style of
 * GB/T 18521, last digit 9 = other) lives in migration V20 (table {@code place_category}).
 */
@org.springframework.modulith.NamedInterface("rules")
public final class PlaceCategories {
    private PlaceCategories() {}

    public static final String PROVINCE = "2110";
    public static final String PREFECTURE = "2120";
    public static final String COUNTY = "2130";
    public static final String TOWNSHIP = "2140";
    public static final String COMMUNITY = "2210";
    public static final String VILLAGE = "2220";
    public static final String URBAN_RESIDENTIAL = "2410";
    public static final String RURAL_RESIDENTIAL = "2420";
    public static final String HIGHWAY = "2520";
    public static final String ROAD = "2530";
    public static final String LANE = "2540";
    public static final String BRIDGE = "2550";
    public static final String PARK = "2720";
    public static final String BUILDING = "2810";
    public static final String RESIDENTIAL_PREFIX = "241";

    /** Streets, lanes and residential areas: unique together within one town or city (domain.md §3). */
    public static final Set<String> STREET_GROUP = Set.of(HIGHWAY, ROAD, LANE, URBAN_RESIDENTIAL, RURAL_RESIDENTIAL);

    /** Categories a doorplate may hang on: roads, lanes and residential areas. */
    public static final Set<String> ADDRESSABLE = STREET_GROUP;

    /** Division categories (行政区域, 群众自治组织): their names live in the division registry, not as free text. */
    public static boolean isDivision(String category) { return category != null && (category.startsWith("21") || category.startsWith("22")); }

    /** County level and above compare only the specific part (通州区 and 通州市 clash). */
    public static boolean comparesSpecificOnly(String category) {
        return PROVINCE.equals(category) || PREFECTURE.equals(category) || COUNTY.equals(category);
    }

    /** The categories a name is compared with for duplicates. */
    public static boolean sameGroup(String a, String b) {
        if (a == null || b == null) return false;
        if (STREET_GROUP.contains(a)) return STREET_GROUP.contains(b);
        if (isDivision(a)) return a.equals(b);
        return a.substring(0, 2).equals(b.substring(0, 2));
    }

    /**
     * The division-code prefix within which a name must be unique: nationally ("") for county level and above;
     * the county for townships; the township for communities and villages; the city (4 digits) for streets in
     * urban districts, else the township (or the county when the name lies in no township); the county otherwise.
     */
    public static String scopePrefix(String category, String divisionCode) {
        String d = divisionCode == null ? "" : divisionCode;
        if (comparesSpecificOnly(category)) return "";
        if (TOWNSHIP.equals(category)) return cut(d, 6);
        if (COMMUNITY.equals(category) || VILLAGE.equals(category)) return cut(d, 9);
        if (STREET_GROUP.contains(category)) {
            if (d.length() >= 6 && isUrbanDistrict(d.substring(4, 6))) return cut(d, 4);
            return d.length() >= 9 ? cut(d, 9) : cut(d, 6);
        }
        return cut(d, 6);
    }

    /** County pair 01–20 or 51–80: 市辖区 (domain.md §1). */
    static boolean isUrbanDistrict(String pair) {
        try {
            int p = Integer.parseInt(pair);
            return (p >= 1 && p <= 20) || (p >= 51 && p <= 80);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String cut(String d, int n) { return d.length() >= n ? d.substring(0, n) : d; }
}
