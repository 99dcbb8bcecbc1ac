package cn.civgeo.common.crs;

/**
 * Metres per degree on the CGCS2000 ellipsoid around a latitude (meridional and prime-vertical radii of curvature).
 * Over the few kilometres a reverse look-up or a walk spans, distances from these scales agree with PostGIS geography
 * distances to well under a centimetre, at a fraction of the cost.
 */
public final class LocalMetres {
    private static final double A = 6_378_137.0;
    private static final double E2 = 0.006_694_380_022_903_416; // f = 1/298.257222101

    private LocalMetres() {}

    /** Metres per degree of latitude at {@code lat}. */
    public static double perDegreeLat(double lat) {
        double s = Math.sin(Math.toRadians(lat));
        return Math.toRadians(A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5));
    }

    /** Metres per degree of longitude at {@code lat}. */
    public static double perDegreeLon(double lat) {
        double r = Math.toRadians(lat), s = Math.sin(r);
        return Math.toRadians(A / Math.sqrt(1 - E2 * s * s) * Math.cos(r));
    }

    /** Distance in metres between two nearby points (scales taken at their mean latitude). */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        double m = (lat1 + lat2) / 2;
        double dx = (lon2 - lon1) * perDegreeLon(m), dy = (lat2 - lat1) * perDegreeLat(m);
        return Math.sqrt(dx * dx + dy * dy);
    }
}
