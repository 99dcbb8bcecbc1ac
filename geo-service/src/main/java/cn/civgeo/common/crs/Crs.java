package cn.civgeo.common.crs;

import cn.civgeo.common.ApiException;
import java.util.Locale;

/**
 * A coordinate system a client may send or ask for. {@code srid} is 0 for the non-EPSG Chinese web systems.
 * Gauss–Krüger: CGCS2000 3-degree zones 25–45 are EPSG:4513–4533 (easting with the zone number prefixed);
 * EPSG:4534–4554 are the same zones without the prefix.
 */
public record Crs(String id, int srid, Kind kind) {
    public enum Kind { GEOGRAPHIC, GCJ02, BD09, PROJECTED }

    public static final Crs CGCS2000 = new Crs("EPSG:4490", 4490, Kind.GEOGRAPHIC);
    public static final Crs WGS84 = new Crs("EPSG:4326", 4326, Kind.GEOGRAPHIC);
    public static final Crs GCJ02 = new Crs("GCJ02", 0, Kind.GCJ02);
    public static final Crs BD09 = new Crs("BD09", 0, Kind.BD09);

    public static final int STORAGE_SRID = 4490;
    private static final String ACCEPTED = "EPSG:4490 (default), EPSG:4326, GCJ02, BD09, or a CGCS2000 3-degree "
            + "Gauss-Krüger zone EPSG:4513-4554";

    /** Parses a {@code crs} request parameter; null or blank means CGCS2000. */
    public static Crs parse(String value) { return parse(value, "crs"); }

    public static Crs parse(String value, String field) {
        if (value == null || value.isBlank()) return CGCS2000;
        String v = value.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        switch (v) {
            case "GCJ02", "GCJ", "MARS" -> { return GCJ02; }
            case "BD09", "BD09LL", "BAIDU" -> { return BD09; }
            case "WGS84", "CRS84" -> { return WGS84; }
            case "CGCS2000" -> { return CGCS2000; }
            default -> { }
        }
        String digits = v.startsWith("EPSG:") ? v.substring(5) : v;
        if (!digits.matches("\\d{4,5}")) throw ApiException.badField(field, "'" + value + "' is not one of " + ACCEPTED);
        int srid = Integer.parseInt(digits);
        if (srid == 4490) return CGCS2000;
        if (srid == 4326) return WGS84;
        if (GaussKruger.isSrid(srid)) return new Crs("EPSG:" + srid, srid, Kind.PROJECTED);
        throw ApiException.badField(field, "'" + value + "' is not one of " + ACCEPTED);
    }

    /** CGCS2000 3-degree Gauss–Krüger zone 25–45 (central meridian 3×zone), easting with zone prefix. */
    public static Crs gaussKruger3(int zone) {
        if (!GaussKruger.validZone(zone)) throw ApiException.badField("zone", "must be a CGCS2000 3-degree zone from 25 to 45");
        int srid = GaussKruger.srid(zone);
        return new Crs("EPSG:" + srid, srid, Kind.PROJECTED);
    }

    /** The 3-degree zone whose central meridian is nearest to {@code lon}. */
    public static Crs gaussKruger3For(double lon) { return gaussKruger3(zoneFor(lon)); }

    public static int zoneFor(double lon) { return GaussKruger.zoneFor(lon); }

    /** Zone number of a prefixed 3-degree Gauss–Krüger CRS (EPSG:4513–4533), else -1. */
    public int zone() { return GaussKruger.zoneOfSrid(srid); }

    public boolean isProjected() { return kind == Kind.PROJECTED; }

    public boolean isStorage() { return srid == STORAGE_SRID; }
}
