package cn.civgeo.division.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Deterministic synthetic geometry for the demo city: nested Voronoi cells, each level clipped to its parent, so
 * siblings neither overlap nor leave gaps and every child lies within its parent (up to floating-point noise).
 * The same tree always gives the same geometry (seeds come from the codes). Coordinates are lon/lat (EPSG:4490).
 * Nothing here is a real boundary.
 */
final class DemoCityGenerator {
    /** A unit of the tree to fill: code, level and children. Optional {@code seed}: where its cell should be. */
    public record Node(String code, int level, List<Node> children, Coordinate seed) {}

    /** Longest edge in degrees (~500 m at 24.6° N). */
    public static final double MAX_SEGMENT = 0.005;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);

    private DemoCityGenerator() {}

    /** An irregular closed outline around a centre: an ellipse with smooth deterministic wobble (±8 %). */
    public static Polygon outline(double cx, double cy, double rx, double ry, long seed) {
        Random r = new Random(seed);
        double[] amp = {r.nextDouble() * 0.04, r.nextDouble() * 0.03, r.nextDouble() * 0.02};
        double[] ph = {r.nextDouble() * 6.28, r.nextDouble() * 6.28, r.nextDouble() * 6.28};
        int n = 96;
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double k = 1 + amp[0] * Math.sin(3 * t + ph[0]) + amp[1] * Math.sin(5 * t + ph[1]) + amp[2] * Math.sin(9 * t + ph[2]);
            cs[i] = new Coordinate(round(cx + rx * k * Math.cos(t)), round(cy + ry * k * Math.sin(t)));
        }
        cs[n] = cs[0];
        return (Polygon) Densifier.densify(GF.createPolygon(cs), MAX_SEGMENT);
    }

    /**
     * Fills {@code out} with a geometry for every node below {@code root}, whose own geometry is {@code rootGeom}.
     */
    public static Map<String, MultiPolygon> fill(Node root, Geometry rootGeom) {
        Map<String, MultiPolygon> out = new LinkedHashMap<>();
        out.put(root.code(), multi(rootGeom));
        fill(root, rootGeom, out);
        return out;
    }

    private static void fill(Node node, Geometry geom, Map<String, MultiPolygon> out) {
        List<Node> kids = node.children();
        if (kids.isEmpty()) return;
        if (kids.size() == 1) {
            out.put(kids.get(0).code(), multi(geom));
            fill(kids.get(0), geom, out);
            return;
        }
        Random r = new Random(Long.parseLong(node.code()) * 31 + kids.size());
        List<Coordinate> seeds = new ArrayList<>();
        for (Node k : kids) {
            seeds.add(k.seed() != null && geom.contains(GF.createPoint(k.seed())) ? k.seed() : randomPointIn(geom, r));
        }
        // Lloyd relaxation moves free seeds to their cells' centroids: rounder, more even cells.
        for (int it = 0; it < 4; it++) {
            List<Geometry> cells = cells(seeds, geom);
            for (int i = 0; i < seeds.size(); i++) {
                if (kids.get(i).seed() != null || cells.get(i).isEmpty()) continue;
                Point c = cells.get(i).getInteriorPoint();
                Coordinate ctr = cells.get(i).getCentroid().getCoordinate();
                seeds.set(i, geom.contains(GF.createPoint(ctr)) ? ctr : c.getCoordinate());
            }
        }
        List<Geometry> cells = cells(seeds, geom);
        for (int i = 0; i < kids.size(); i++) {
            MultiPolygon m = multi(cells.get(i));
            out.put(kids.get(i).code(), m);
            fill(kids.get(i), m, out);
        }
    }

    /** Voronoi cells of the seeds, each clipped to the parent, in seed order. */
    static List<Geometry> cells(List<Coordinate> seeds, Geometry parent) {
        VoronoiDiagramBuilder b = new VoronoiDiagramBuilder();
        b.setSites(seeds);
        Envelope env = new Envelope(parent.getEnvelopeInternal());
        env.expandBy(Math.max(env.getWidth(), env.getHeight()));
        b.setClipEnvelope(env);
        Geometry diagram = b.getDiagram(GF);
        Map<Coordinate, Geometry> bySite = new java.util.HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            bySite.put((Coordinate) cell.getUserData(), cell);
        }
        List<Geometry> out = new ArrayList<>(seeds.size());
        for (Coordinate s : seeds) {
            Geometry cell = bySite.get(s);
            // Densified edges (≤ ~500 m) so planar and geodesic areas agree: a long straight lon/lat edge is not a
            // geodesic, and summed child areas would otherwise differ from the parent's on the ellipsoid.
            out.add(cell == null ? GF.createPolygon()
                    : OverlayNGRobust.overlay(Densifier.densify(cell, MAX_SEGMENT), parent, OverlayNG.INTERSECTION));
        }
        return out;
    }

    private static Coordinate randomPointIn(Geometry g, Random r) {
        Envelope e = g.getEnvelopeInternal();
        for (int i = 0; i < 10_000; i++) {
            Coordinate c = new Coordinate(e.getMinX() + r.nextDouble() * e.getWidth(), e.getMinY() + r.nextDouble() * e.getHeight());
            if (g.contains(GF.createPoint(c))) return c;
        }
        return g.getInteriorPoint().getCoordinate();
    }

    static MultiPolygon multi(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon poly && !poly.isEmpty()) polys.add(poly);
            else if (p instanceof MultiPolygon mp) for (int j = 0; j < mp.getNumGeometries(); j++) polys.add((Polygon) mp.getGeometryN(j));
        }
        MultiPolygon m = GF.createMultiPolygon(polys.toArray(new Polygon[0]));
        m.setSRID(4490);
        return m;
    }

    private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
