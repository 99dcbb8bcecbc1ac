package cn.civgeo.common.crs;

/**
 * The one home of the Gauss–Krüger rules (#12). CGCS2000 3-degree Gauss–Krüger zones with zone prefix: zone 25–45 ↔ EPSG:4513–4533, central meridian 3 × zone.
 * In PostGIS the axis order of these SRIDs is (easting with prefix, northing) = (y, x) in survey notation.
 */
public final class GaussKruger {
    public static final int MIN_ZONE = 25;
    public static final int MAX_ZONE = 45;

    private GaussKruger() {}

    /** The 3-degree zone a longitude falls in (central meridian 3 × zone). */
    public static int zoneFor(double lon) { return (int) Math.floor((lon + 1.5) / 3.0); }

    public static boolean validZone(int zone) { return zone >= MIN_ZONE && zone <= MAX_ZONE; }

    public static int srid(int zone) {
        if (!validZone(zone)) throw new IllegalArgumentException("zone must be " + MIN_ZONE + "–" + MAX_ZONE);
        return 4513 + zone - MIN_ZONE;
    }

    /** A CGCS2000 3-degree Gauss–Krüger SRID: EPSG:4513–4533 (easting with zone prefix) or 4534–4554 (without). */
    public static boolean isSrid(int srid) { return srid >= 4513 && srid <= 4554; }

    /** The zone of a 3-degree Gauss–Krüger SRID, with (EPSG:4513–4533) or without (4534–4554) the prefix; -1 for another SRID. */
    public static int zoneOfSrid(int srid) {
        if (srid >= 4513 && srid <= 4533) return srid - 4513 + MIN_ZONE;
        if (srid >= 4534 && srid <= 4554) return srid - 4534 + MIN_ZONE;
        return -1;
    }

    /** The zone prefix of an easting written with it (39 612 345.678 → 39); -1 when it has none. */
    public static int zoneOfEasting(double y) {
        if (!(y >= 1e7 && y < 1e8)) return -1;
        return (int) Math.floor(y / 1e6);
    }

    /**
     * Why a surveyed (x northing, y easting-with-prefix) pair does not fit {@code zone}; null when it fits.
     * Plausible for China: northing 0–6,000 km, easting within ±400 km of the central meridian (100–900 km).
     */
    public static String problem(double x, double y, int zone) {
        if (!validZone(zone)) return "zone " + zone + " is not a CGCS2000 3-degree zone (" + MIN_ZONE + "–" + MAX_ZONE + ")";
        int prefix = zoneOfEasting(y);
        if (prefix < 0 && zoneOfEasting(x) == zone) return "x and y look swapped: x is the northing, y the easting with zone prefix";
        if (prefix != zone) return "y " + y + " does not carry the zone prefix " + zone;
        double e = y - zone * 1e6;
        if (e < 100_000 || e > 900_000) return "y " + y + " is outside zone " + zone;
        if (x < 0 || x > 6_000_000) return "x " + x + " is not a northing in China";
        return null;
    }
}
