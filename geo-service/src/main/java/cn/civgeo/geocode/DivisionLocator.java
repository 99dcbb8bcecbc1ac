package cn.civgeo.geocode;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The finest division containing a point, in memory: the subdivided division polygons (≤ 128 vertices each) in a
 * JTS STRtree, each prepared for fast point-in-polygon tests. Microseconds per point, so batch reverse geocoding
 * does not touch the database for divisions. EPSG:4490 lon/lat.
 */
final class DivisionLocator {
    record Part(int unit, int level, Geometry geometry) {}

    private record Prepared(int unit, int level, PreparedGeometry geometry) {}

    private static final GeometryFactory GF = new GeometryFactory();
    private final STRtree tree = new STRtree();
    private final int size;

    DivisionLocator(List<Part> parts) {
        for (Part p : parts) {
            tree.insert(p.geometry().getEnvelopeInternal(), new Prepared(p.unit(), p.level(), PreparedGeometryFactory.prepare(p.geometry())));
        }
        tree.build();
        size = parts.size();
    }

    /** The finest unit whose geometry contains (lon, lat), or -1. */
    int finest(double lon, double lat) {
        if (size == 0) return -1;
        Point pt = GF.createPoint(new Coordinate(lon, lat));
        int best = -1, bestLevel = 0;
        for (Object o : tree.query(new Envelope(lon, lon, lat, lat))) {
            Prepared p = (Prepared) o;
            if (p.level() > bestLevel && p.geometry().covers(pt)) {
                best = p.unit();
                bestLevel = p.level();
            }
        }
        return best;
    }

    int size() { return size; }
}
