package cn.civgeo.boundary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Orients a boundary line in marker-numbering direction and tells which division lies on its left.
 * Works on lon/lat (EPSG:4490) geometry; the east–west extent is scaled by cos(latitude) so that "wider than
 * tall" is judged in metres, not degrees.
 */
final class LineOrientation {
    public static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);

    public enum Direction {
        WEST_EAST("west_east"), NORTH_SOUTH("north_south");

        private final String dbValue;

        Direction(String dbValue) { this.dbValue = dbValue; }

        /** The value of the {@code direction} column. */
        public String dbValue() { return dbValue; }
    }

    private LineOrientation() {}

    /** West→east when the line is at least as wide (in metres) as it is tall, else north→south. */
    public static Direction direction(Geometry line) {
        Envelope e = line.getEnvelopeInternal();
        double midLat = Math.toRadians((e.getMinY() + e.getMaxY()) / 2);
        double width = e.getWidth() * Math.cos(midLat);
        return width >= e.getHeight() ? Direction.WEST_EAST : Direction.NORTH_SOUTH;
    }

    /**
     * Merges the parts of {@code line} where they touch end to end, points every part in {@code dir} and orders
     * the parts along it. The result is always a MultiLineString (SRID 4490).
     */
    public static MultiLineString orient(Geometry line, Direction dir) {
        LineMerger merger = new LineMerger();
        merger.add(line);
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        List<LineString> parts = new ArrayList<>();
        for (LineString ls : merged) {
            if (ls.isEmpty()) continue;
            parts.add(forward(ls, dir) ? ls : ls.reverse());
        }
        Comparator<LineString> along = dir == Direction.WEST_EAST
                ? Comparator.comparingDouble(ls -> ls.getStartPoint().getX())
                : Comparator.comparingDouble(ls -> -ls.getStartPoint().getY());
        parts.sort(along);
        MultiLineString out = GF.createMultiLineString(parts.toArray(LineString[]::new));
        out.setSRID(4490);
        return out;
    }

    public static MultiLineString orient(Geometry line) { return orient(line, direction(line)); }

    private static boolean forward(LineString ls, Direction dir) {
        Coordinate s = ls.getCoordinateN(0), e = ls.getCoordinateN(ls.getNumPoints() - 1);
        if (dir == Direction.WEST_EAST) return s.x < e.x || (s.x == e.x && s.y >= e.y);
        return s.y > e.y || (s.y == e.y && s.x <= e.x);
    }

    /**
     * Which of two areas lies left of the (oriented) line: +1 when {@code a} is on the left, -1 when {@code b}
     * is, 0 when the test cannot tell. Each segment of the line votes with a point a small step to its left,
     * weighted by the segment length.
     */
    public static int leftSide(MultiLineString line, Geometry a, Geometry b) {
        // Try about 1 m first; a surveyed line may run a little inside one polygon, so widen the step until the
        // test points fall on different sides (10 m, 100 m, 1 km).
        for (double step : new double[] {1e-5, 1e-4, 1e-3, 1e-2}) {
            double voteA = 0, voteB = 0;
            for (int p = 0; p < line.getNumGeometries(); p++) {
                Coordinate[] cs = line.getGeometryN(p).getCoordinates();
                for (int i = 1; i < cs.length; i++) {
                    double dx = cs[i].x - cs[i - 1].x, dy = cs[i].y - cs[i - 1].y;
                    double len = Math.hypot(dx, dy);
                    if (len == 0) continue;
                    double mx = (cs[i].x + cs[i - 1].x) / 2, my = (cs[i].y + cs[i - 1].y) / 2;
                    Point left = GF.createPoint(new Coordinate(mx - dy / len * step, my + dx / len * step));
                    Point right = GF.createPoint(new Coordinate(mx + dy / len * step, my - dx / len * step));
                    if (a.covers(left) && b.covers(right)) voteA += len;
                    else if (b.covers(left) && a.covers(right)) voteB += len;
                }
            }
            if (voteA > 0 || voteB > 0) return voteA >= voteB ? 1 : -1;
        }
        return 0;
    }
}
