package cn.civgeo.boundary;

/**
 * An independent Gauss–Krüger forward projection for tests (Krüger series to n⁴, sub-millimetre within a zone),
 * CGCS2000 ellipsoid, 3-degree zones, false easting 500 km with the zone prefix. Returns {x northing, y easting}.
 */
final class GaussKrugerReference {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;

    private GaussKrugerReference() {}

    static double[] forward(double lonDeg, double latDeg, int zone) {
        double n = F / (2 - F);
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n;
        double bigA = A / (1 + n) * (1 + n2 / 4 + n4 / 64);
        double[] alpha = {
                n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
                13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
                61 * n3 / 240 - 103 * n4 / 140,
                49561 * n4 / 161280};
        double phi = Math.toRadians(latDeg);
        double lambda = Math.toRadians(lonDeg - 3.0 * zone);
        double c = 2 * Math.sqrt(n) / (1 + n);
        double t = Math.sinh(atanh(Math.sin(phi)) - c * atanh(c * Math.sin(phi)));
        double xi = Math.atan2(t, Math.cos(lambda));
        double eta = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
        double e = eta, nn = xi;
        for (int j = 1; j <= 4; j++) {
            e += alpha[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
            nn += alpha[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        }
        return new double[] {bigA * nn, zone * 1_000_000.0 + 500_000.0 + bigA * e};
    }

    private static double atanh(double x) { return 0.5 * Math.log((1 + x) / (1 - x)); }
}
