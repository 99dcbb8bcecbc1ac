package cn.civgeo.geocode;

import cn.civgeo.common.crs.LocalMetres;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Place names near a point, in memory: each name's whole geometry (a road's line, a park's polygon) in an STRtree.
 * The distance is to the nearest point of the geometry, in metres on the ellipsoid, so a long road 30 m away is 30 m
 * away however far its label point lies; {@code radius} is therefore a true bound on every answer.
 */
final class PlaceNameShapes {
    /** A place name as loaded: EPSG:4490 geometry. */
    record Shape(long id, String code, String name, String divisionCode, Geometry geometry) {}

    /** A hit: the shape, the nearest point of its geometry to the query point and the distance to it. */
    record Hit(Shape shape, double lon, double lat, double distanceM) {}

    private static final GeometryFactory GF = new GeometryFactory();
    private final STRtree tree = new STRtree();
    private final int size;

    PlaceNameShapes(List<Shape> shapes) {
        for (Shape s : shapes) tree.insert(s.geometry().getEnvelopeInternal(), s);
        tree.build();
        size = shapes.size();
    }

    int size() { return size; }

    /** Up to {@code limit} place names within {@code radiusM} metres of (lon, lat), nearest first (ties by id). */
    List<Hit> nearest(double lon, double lat, double radiusM, int limit) {
        if (size == 0 || limit <= 0) return List.of();
        double mLon = Math.max(LocalMetres.perDegreeLon(lat), 1), mLat = LocalMetres.perDegreeLat(lat);
        double dy = radiusM / mLat * 1.01, dx = radiusM / mLon * 1.01;
        List<Hit> hits = new ArrayList<>();
        for (Object o : tree.query(new Envelope(lon - dx, lon + dx, lat - dy, lat + dy))) {
            Shape s = (Shape) o;
            Hit h = nearestPoint(s, lon, lat, mLon, mLat);
            if (h.distanceM() <= radiusM) hits.add(h);
        }
        hits.sort(Comparator.comparingDouble(Hit::distanceM).thenComparingLong(h -> h.shape().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The nearest point found in a local plane around (lon, lat) (metres east/north), then measured as answers are. */
    private static Hit nearestPoint(Shape s, double lon, double lat, double mLon, double mLat) {
        Geometry local = s.geometry().copy();
        local.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getOrdinate(i, 0) - lon) * mLon);
                seq.setOrdinate(i, 1, (seq.getOrdinate(i, 1) - lat) * mLat);
            }

            @Override public boolean isDone() { return false; }

            @Override public boolean isGeometryChanged() { return true; }
        });
        Coordinate near = DistanceOp.nearestPoints(local, GF.createPoint(new Coordinate(0, 0)))[0];
        double nLon = lon + near.x / mLon, nLat = lat + near.y / mLat;
        return new Hit(s, nLon, nLat, GeocodeService.distanceM(lon, lat, nLon, nLat));
    }
}
