package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A coordinate reference system of OGC API Features Part 2, named by its URI. {@code swap} is true when the CRS's
 * authority axis order is not x=easting/longitude first: EPSG:4490 and EPSG:4326 are latitude, longitude, and the
 * CGCS2000 Gauss–Krüger CRSs EPSG:4513–4554 are northing (X), easting (Y); CRS84 and EPSG:3857 are lon/lat, E/N.
 *
 * @param uri       http://www.opengis.net/def/crs/... as in {@code crs} and {@code Content-Crs}
 * @param srid      the PostGIS SRID (CRS84 maps to 4326)
 * @param swap      coordinates are written and read in the other order than PostGIS (x, y)
 * @param projected metres (3 decimals) rather than degrees (7 decimals)
 */
record OgcCrs(String uri, int srid, boolean swap, boolean projected) {
    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    public static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, 4326, false, false);
    public static final OgcCrs STORAGE = epsg(4490);

    static OgcCrs epsg(int srid) {
        boolean projected = srid == 3857 || cn.civgeo.common.crs.GaussKruger.isSrid(srid);
        boolean swap = srid == 4490 || srid == 4326 || cn.civgeo.common.crs.GaussKruger.isSrid(srid);
        return new OgcCrs(EPSG + srid, srid, swap, projected);
    }

    /** Every CRS the service answers in: CRS84 first (the default), then CGCS2000, WGS 84, Web Mercator, GK zones. */
    public static List<String> supportedUris() {
        List<String> out = new ArrayList<>(List.of(CRS84_URI, EPSG + 4490, EPSG + 4326, EPSG + 3857));
        for (int s = 4513; s <= 4554; s++) out.add(EPSG + s);
        return out;
    }

    /** True when the stored EPSG:4490 coordinates need no ST_Transform (CGCS2000 = WGS 84 at metre level). */
    public boolean geographic() { return !projected; }

    /**
     * Parses a {@code crs}, {@code bbox-crs} or {@code filter-crs} value: the URI, a safe CURIE {@code [EPSG:4490]}
     * or {@code EPSG:4490}; null or blank = CRS84. Anything else is a 400 naming the parameter.
     */
    public static OgcCrs parse(String value, String field) {
        if (value == null || value.isBlank()) return CRS84;
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        String u = v.toUpperCase(Locale.ROOT);
        if (u.equals(CRS84_URI.toUpperCase(Locale.ROOT)) || u.equals("OGC:CRS84") || u.equals("CRS84")) return CRS84;
        String digits = null;
        if (u.startsWith(EPSG.toUpperCase(Locale.ROOT))) digits = v.substring(EPSG.length());
        else if (u.startsWith("EPSG:")) digits = v.substring(5);
        if (digits != null && digits.matches("\\d{4,5}")) {
            int srid = Integer.parseInt(digits);
            if (srid == 4490 || srid == 4326 || srid == 3857 || cn.civgeo.common.crs.GaussKruger.isSrid(srid)) return epsg(srid);
        }
        throw ApiException.badField(field, "'" + value + "' is not a supported CRS: " + CRS84_URI + ", " + EPSG
                + "4490, " + EPSG + "4326, " + EPSG + "3857 or " + EPSG + "4513 … 4554 (CGCS2000 Gauss–Krüger)");
    }

    /** The Content-Crs header value. */
    public String header() { return "<" + uri + ">"; }

    /** Decimal places of output coordinates: 7 for degrees (≈1 cm), 3 for metres. */
    public int precision() { return projected ? 3 : 7; }
}
