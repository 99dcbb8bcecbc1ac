package cn.civgeo.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small hand-made street network in metres east/north of an origin, turned into EPSG:4490 coordinates with the
 * ellipsoid's radii of curvature at the origin's latitude (good to centimetres over a few km).
 */
public final class HandNetwork {
    private static final double A = 6378137.0;
    private static final double E2 = 0.00669438002290;

    private final double lon0;
    private final double lat0;
    private final double mPerDegLon;
    private final double mPerDegLat;
    private final List<String> features = new ArrayList<>();

    public HandNetwork(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        double phi = Math.toRadians(lat0);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        this.mPerDegLon = Math.PI / 180 * A * Math.cos(phi) / w;
        this.mPerDegLat = Math.PI / 180 * A * (1 - E2) / (w * w * w);
    }

    public double lon(double x) { return lon0 + x / mPerDegLon; }

    public double lat(double y) { return lat0 + y / mPerDegLat; }

    /** A street through the given points, metres (x1, y1, x2, y2, ...). */
    public HandNetwork street(String name, String highway, double... xy) {
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) c.append(',');
            c.append(String.format(Locale.ROOT, "[%.9f,%.9f]", lon(xy[i]), lat(xy[i + 1])));
        }
        features.add("{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\",\"highway\":\"" + highway
                + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + c + "]}}");
        return this;
    }

    public String geojson() { return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}"; }

    /** WKT of the point at (x, y) metres. */
    public String point(double x, double y) { return String.format(Locale.ROOT, "POINT(%.9f %.9f)", lon(x), lat(y)); }
}
