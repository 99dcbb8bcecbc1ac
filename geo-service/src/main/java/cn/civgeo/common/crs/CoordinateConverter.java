package cn.civgeo.common.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.ParseException;
import org.springframework.stereotype.Component;

/** Converts between a client's coordinate system and storage (EPSG:4490). */
@Component
public class CoordinateConverter {
    private final TransformRepository transforms;

    CoordinateConverter(TransformRepository transforms) { this.transforms = transforms; }

    /** A copy of {@code g} in EPSG:4490 (SRID set). */
    public Geometry toStorage(Geometry g, Crs from) {
        Geometry out = switch (from.kind()) {
            case GEOGRAPHIC -> g.copy();
            case GCJ02 -> map(g, GcjTransform::gcjToWgs);
            case BD09 -> map(g, GcjTransform::bdToWgs);
            case PROJECTED -> {
                org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
                checkInZone(e.getMinX(), e.getMinY(), from, "geometry", "geometry");
                checkInZone(e.getMaxX(), e.getMaxY(), from, "geometry", "geometry");
                yield transformInDb(g, from.srid(), Crs.STORAGE_SRID);
            }
        };
        out.setSRID(Crs.STORAGE_SRID);
        return out;
    }

    /**
     * Gauss–Krüger input must lie in its zone: easting (x) within 400 km of the central meridian's false easting
     * 500 km, with the zone number prefixed for EPSG:4513–4533 (x = zone × 10⁶ + easting), and northing (y) within
     * China's 0–6,500 km. Swapped x/y or another zone's numbers land outside and answer 400 naming the field,
     * instead of a projection error.
     */
    public static void checkInZone(double x, double y, Crs crs, String xField, String yField) {
        if (!crs.isProjected()) return;
        int zone = crs.zone();
        boolean prefixed = crs.srid() <= 4533;
        double easting = prefixed ? x - zone * 1_000_000.0 : x;
        if (!Double.isFinite(x) || easting < 100_000 || easting > 900_000) {
            String expect = prefixed ? "an easting with the zone prefix, " + zone + "100000–" + zone + "900000" : "an easting of 100000–900000";
            throw cn.civgeo.common.ApiException.badField(xField, x + " is outside Gauss–Krüger zone " + zone + " of " + crs.id()
                    + ": expected " + expect + " (are x and y swapped, or is it another zone?)");
        }
        if (!Double.isFinite(y) || y < 0 || y > 6_500_000) {
            throw cn.civgeo.common.ApiException.badField(yField, y + " is not a northing in China (0–6500000 m) for " + crs.id()
                    + " (are x and y swapped?)");
        }
    }

    /** A copy of a stored geometry in {@code to}; the SRID is {@code to.srid()} (0 for GCJ-02/BD-09). */
    public Geometry fromStorage(Geometry g, Crs to) {
        Geometry out = switch (to.kind()) {
            case GEOGRAPHIC -> g.copy();
            case GCJ02 -> map(g, GcjTransform::wgsToGcj);
            case BD09 -> map(g, GcjTransform::wgsToBd);
            case PROJECTED -> transformInDb(g, Crs.STORAGE_SRID, to.srid());
        };
        out.setSRID(to.srid());
        return out;
    }

    /** {lon, lat} in EPSG:4490 for a point given in {@code from} (x = easting for Gauss–Krüger). */
    public double[] toStorage(double x, double y, Crs from) {
        return switch (from.kind()) {
            case GEOGRAPHIC -> new double[] {x, y};
            case GCJ02 -> GcjTransform.gcjToWgs(x, y);
            case BD09 -> GcjTransform.bdToWgs(x, y);
            case PROJECTED -> {
                checkInZone(x, y, from, "lon", "lat");
                yield transformPoint(x, y, from.srid(), Crs.STORAGE_SRID);
            }
        };
    }

    /** {x, y} in {@code to} for a stored lon/lat. */
    public double[] fromStorage(double lon, double lat, Crs to) {
        return switch (to.kind()) {
            case GEOGRAPHIC -> new double[] {lon, lat};
            case GCJ02 -> GcjTransform.wgsToGcj(lon, lat);
            case BD09 -> GcjTransform.wgsToBd(lon, lat);
            case PROJECTED -> transformPoint(lon, lat, Crs.STORAGE_SRID, to.srid());
        };
    }

    private interface PointOp { double[] apply(double lon, double lat); }

    private static Geometry map(Geometry g, PointOp op) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] r = op.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, r[0]);
                seq.setOrdinate(i, 1, r[1]);
            }

            @Override public boolean isDone() { return false; }

            @Override public boolean isGeometryChanged() { return true; }
        });
        copy.geometryChanged();
        return copy;
    }

    private double[] transformPoint(double x, double y, int fromSrid, int toSrid) {
        return transforms.transformPoint(x, y, fromSrid, toSrid);
    }

    private Geometry transformInDb(Geometry g, int fromSrid, int toSrid) {
        byte[] wkb = new WKBWriter(2).write(g);
        byte[] out = transforms.transformWkb(wkb, fromSrid, toSrid);
        try {
            return new WKBReader().read(out);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }

}
