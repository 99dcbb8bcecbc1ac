package cn.civgeo.common.crs;

/**
 * GCJ-02 ("Mars coordinates") and BD-09 (Baidu) conversions by the published formulas. Inputs and outputs are
 * {lon, lat} in degrees. Inverses iterate the forward formula until the residual is below 1e-10 degrees
 * (about 0.01 mm), so round trips are exact for practical purposes. Outside China no offset applies.
 * BD-09 uses the widely published formula; Baidu's own service can differ from it by tens of metres.
 */
public final class GcjTransform {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private GcjTransform() {}

    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgsToGcj(double lon, double lat) {
        if (outOfChina(lon, lat)) return new double[] {lon, lat};
        double[] d = delta(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    public static double[] gcjToWgs(double lon, double lat) {
        if (outOfChina(lon, lat)) return new double[] {lon, lat};
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 30; i++) {
            double[] g = wgsToGcj(wLon, wLat);
            double dLon = g[0] - lon;
            double dLat = g[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
        }
        return new double[] {wLon, wLat};
    }

    public static double[] gcjToBd(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    public static double[] bdToGcj(double lon, double lat) {
        // Closed-form approximation first, then refine against the forward formula.
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < 10; i++) {
            double[] b = gcjToBd(gLon, gLat);
            double dLon = b[0] - lon;
            double dLat = b[1] - lat;
            gLon -= dLon;
            gLat -= dLat;
            if (Math.abs(dLon) < 1e-11 && Math.abs(dLat) < 1e-11) break;
        }
        return new double[] {gLon, gLat};
    }

    public static double[] wgsToBd(double lon, double lat) {
        double[] g = wgsToGcj(lon, lat);
        return gcjToBd(g[0], g[1]);
    }

    public static double[] bdToWgs(double lon, double lat) {
        double[] g = bdToGcj(lon, lat);
        return gcjToWgs(g[0], g[1]);
    }

    private static double[] delta(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
