package cn.civgeo.map;

import cn.civgeo.common.ApiException;

/** A lon/lat box in EPSG:4490, parsed from {@code minLon,minLat,maxLon,maxLat} (OGC API Features order). */
record Bbox(double minx, double miny, double maxx, double maxy) {

    /** Null for a blank parameter; 400 naming {@code bbox} when malformed. */
    public static Bbox parse(String s) {
        if (s == null || s.isBlank()) return null;
        String[] p = s.split(",");
        if (p.length != 4) throw ApiException.badField("bbox", "must be minLon,minLat,maxLon,maxLat");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badField("bbox", "'" + p[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw ApiException.badField("bbox", "must be finite numbers");
        }
        if (v[0] > v[2] || v[1] > v[3]) throw ApiException.badField("bbox", "min must not exceed max");
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw ApiException.badField("bbox", "must be longitudes -180..180 and latitudes -90..90");
        }
        return new Bbox(v[0], v[1], v[2], v[3]);
    }
}
