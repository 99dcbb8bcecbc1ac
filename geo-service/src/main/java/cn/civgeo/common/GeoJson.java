package cn.civgeo.common;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * GeoJSON (RFC 7946: lon/lat order) in and out for geometry that Java must handle; lists are built in SQL with
 * ST_AsGeoJSON instead. Read geometries carry SRID 0: the caller decides their CRS.
 */
public final class GeoJson {
    public static final String MEDIA_TYPE = "application/geo+json";
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0);

    private GeoJson() {}

    /** Parses a GeoJSON geometry (or the geometry of a Feature); 400 naming {@code field} when it is not valid. */
    public static Geometry read(String geojson, String field) {
        if (geojson == null || geojson.isBlank()) throw ApiException.badField(field, "is required (GeoJSON geometry)");
        try {
            Geometry g = new GeoJsonReader(FACTORY).read(geojson);
            if (g == null || g.isEmpty()) throw ApiException.badField(field, "is an empty geometry");
            return g;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof ApiException api) throw api;
            throw ApiException.badField(field, "is not a GeoJSON geometry: " + shortMessage(e));
        }
    }

    /** GeoJSON of {@code g} with up to 7 decimals (about 1 cm in degrees), no "crs" member. */
    public static String write(Geometry g) {
        if (g == null) return null;
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        return w.write(g);
    }

    /** A FeatureCollection from already-serialised Feature objects. */
    public static String featureCollection(List<String> featureJsons) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", featureJsons) + "]}";
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }
}
