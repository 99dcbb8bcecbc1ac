package cn.civgeo.coverage.network;

import cn.civgeo.common.crs.LocalMetres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * One road network in memory for walking areas: the same walk as the database function {@code civgeo_walk_area}
 * (migration V50: snap to the nearest edge, shortest paths from both ends of the snapped stretch up to the walking
 * distance, partial frontier edges, the reached lines buffered, optionally with a concave hull), without a database
 * round trip or pgRouting's per-call graph build, so a 15-minute area costs milliseconds.
 *
 * <p>Differences from the SQL, on purpose: a facility is not snapped to a tiny disconnected fragment (a component
 * with fewer than {@code minComponentNodes} nodes) when an edge of a larger component is within the snap distance;
 * lengths along an edge are measured in metres (PostGIS's {@code ST_LineLocatePoint} measures in degrees). Distances
 * use the CGCS2000 ellipsoid's local scales around the origin ({@link LocalMetres}), which over a walk's few
 * kilometres agree with PostGIS geography to centimetres. Thread-safe: the graph is immutable.
 */
public final class WalkGraph {
    /** One edge as stored: ids of its end nodes, walking cost in metres (length × walk factor), lon/lat vertices. */
    public record Edge(long id, long source, long target, double cost, double[] lonLat) {}

    /** A walking area: method as the SQL names it, the snap distance (null off the network), what was reached. */
    public record Area(String method, Double snapDistanceM, double reachedLengthM, int reachedNodes,
                       int componentNodes, Geometry area) {}

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);
    private static final GeometryFactory PLANE = new GeometryFactory();

    private final long networkId;
    private final int nodes;
    private final int[] src, dst;
    private final double[] cost;
    private final double[][] coords;   // per edge: lon0, lat0, lon1, lat1, …
    private final int[] adjStart, adjEdge;
    private final int[] componentSize; // per node: nodes in its connected component
    private final STRtree index = new STRtree();
    /** Per thread: the arrays of one walk, reset after it (only what it touched), so a walk allocates no O(nodes) arrays. */
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(this::newWork);

    private Work newWork() { return new Work(nodes, src.length); }

    private WalkGraph(long networkId, List<Edge> edges) {
        this.networkId = networkId;
        Map<Long, Integer> ids = new HashMap<>(edges.size() * 2);
        int m = edges.size();
        src = new int[m];
        dst = new int[m];
        cost = new double[m];
        coords = new double[m][];
        for (int i = 0; i < m; i++) {
            Edge e = edges.get(i);
            src[i] = ids.computeIfAbsent(e.source(), k -> ids.size());
            dst[i] = ids.computeIfAbsent(e.target(), k -> ids.size());
            cost[i] = e.cost();
            coords[i] = e.lonLat();
        }
        nodes = ids.size();
        int[] degree = new int[nodes + 1];
        for (int i = 0; i < m; i++) { degree[src[i]]++; degree[dst[i]]++; }
        adjStart = new int[nodes + 1];
        for (int v = 0; v < nodes; v++) adjStart[v + 1] = adjStart[v] + degree[v];
        adjEdge = new int[adjStart[nodes]];
        int[] fill = Arrays.copyOf(adjStart, nodes);
        for (int i = 0; i < m; i++) { adjEdge[fill[src[i]]++] = i; adjEdge[fill[dst[i]]++] = i; }
        componentSize = components();
        for (int i = 0; i < m; i++) index.insert(envelope(coords[i]), i);
        index.build();
    }

    /** Builds the graph of one network from its edges. */
    public static WalkGraph of(long networkId, List<Edge> edges) { return new WalkGraph(networkId, edges); }

    public long networkId() { return networkId; }

    public int nodeCount() { return nodes; }

    public int edgeCount() { return src.length; }

    /**
     * The walking area from a point.
     *
     * @param maxCost       walking distance in metres (minutes × 60 × speed)
     * @param snapM         farthest distance from the point to the network; beyond it the area is a disc
     * @param bufferM       half-width of the reached streets' band
     * @param shape         {@code buffer}, {@code hull} or {@code straight-line}
     * @param minComponentNodes a component with fewer nodes is only snapped to when nothing larger is in reach
     */
    public Area walk(double lon, double lat, double maxCost, double snapM, double bufferM, String shape, int minComponentNodes) {
        Plane plane = new Plane(lon, lat);
        Snap s = "straight-line".equals(shape) ? null : snap(plane, snapM, minComponentNodes);
        if (s == null) {
            Geometry disc = PLANE.createPoint(new Coordinate(0, 0)).buffer(maxCost, 16);
            return new Area("straight-line".equals(shape) ? "straight-line" : "straight-line-off-network", null, 0, 0, 0,
                    multi(plane.toLonLat(disc)));
        }
        Work w = work.get();
        try {
            return walk(w, plane, s, maxCost, bufferM, shape);
        } finally {
            w.reset();
        }
    }

    private Area walk(Work w, Plane plane, Snap s, double maxCost, double bufferM, String shape) {
        double[] dist = shortestPaths(w, s, maxCost);
        int reached = w.touchedCount;
        List<LineString> pieces = new ArrayList<>();
        int e0 = s.edge;
        double c0 = cost[e0];
        // the snapped edge: walked directly from the snap point, merged with what is reached from its ends (a loop)
        if (c0 > 0) {
            double lo = Math.max(0, s.frac - maxCost / c0), hi = Math.min(1, s.frac + maxCost / c0);
            double rs = remaining(dist, src[e0], maxCost), rt = remaining(dist, dst[e0], maxCost);
            if (rs >= 0 && rs / c0 >= lo) { lo = 0; hi = Math.max(hi, rs / c0); }
            if (rt >= 0 && 1 - rt / c0 <= hi) { hi = 1; lo = Math.min(lo, 1 - rt / c0); }
            if (rs >= 0 && rs / c0 >= lo) lo = 0;
            add(pieces, plane, e0, lo, hi);
            if (rs >= 0 && rs / c0 < lo) add(pieces, plane, e0, 0, rs / c0);
            if (rt >= 0 && 1 - rt / c0 > hi) add(pieces, plane, e0, 1 - rt / c0, 1);
        } else {
            add(pieces, plane, e0, 0, 1);
        }
        int stamp = w.nextStamp();
        w.seen[e0] = stamp;
        for (int t = 0; t < w.touchedCount; t++) { // only the reached nodes, not the whole graph
            int v = w.touched[t];
            if (dist[v] > maxCost) continue;
            for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
                int e = adjEdge[k];
                if (w.seen[e] == stamp) continue;
                w.seen[e] = stamp;
                double rs = remaining(dist, src[e], maxCost), rt = remaining(dist, dst[e], maxCost), c = cost[e];
                if (c == 0 || (rs >= 0 && rt >= 0 && rs + rt >= c)) add(pieces, plane, e, 0, 1);
                else {
                    if (rs > 0) add(pieces, plane, e, 0, Math.min(1, rs / c));
                    if (rt > 0) add(pieces, plane, e, 1 - Math.min(1, rt / c), 1);
                }
            }
        }
        Geometry lines = pieces.isEmpty() ? PLANE.createPoint(s.point) : PLANE.createMultiLineString(pieces.toArray(LineString[]::new));
        double length = lines.getLength();
        BufferParameters bp = new BufferParameters(4);
        // The band: the reached stretches merged into long lines first (a street crossed by many others otherwise
        // arrives as one piece per block, and the buffer's cost grows with the pieces' ends and sides), with the
        // collinear vertices left at the crossings removed (0.5 m tolerance, far below the band's 50 m).
        Geometry area = BufferOp.bufferOp(onGrid(DouglasPeuckerSimplifier.simplify(merged(lines), 0.5)), bufferM, bp);
        String method = "network-buffer";
        if ("hull".equals(shape)) {
            method = "network-hull";
            if (!pieces.isEmpty()) area = hull(lines).union(area);
        }
        return new Area(method, s.distanceM, length, reached, componentSize[src[e0]], multi(plane.toLonLat(area)));
    }

    /**
     * The concave hull of the reached streets (length ratio 0.3). JTS's triangulation fails on some nearly collinear
     * point sets, such as streets in an L whose vertices carry the round-off of lon/lat ("Inconsistent adjacency - invalid
     * triangulation"; libgeos/geos#946; about 1 walk in 3,000 on ServiceAreaIT's network in a throwaway fuzz): then the
     * convex hull, so the answer is a hull rather than a 500.
     */
    static Geometry hull(Geometry lines) {
        try {
            return ConcaveHull.concaveHullByLengthRatio(lines, 0.3);
        } catch (IllegalStateException e) {
            return lines.convexHull();
        }
    }

    /**
     * Network distances from many sources at once (one multi-source Dijkstra over the whole graph): for every node the
     * nearest source and the walking distance to it. Sources are snapped like {@link #walk}; a source off the network
     * (nothing within {@code snapM}) takes no part. Ask {@link Nearest#at} for any point.
     */
    public Nearest nearest(List<double[]> sources, double snapM, int minComponentNodes) {
        double[] dist = new double[nodes];
        int[] from = new int[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(from, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        Snap[] snaps = new Snap[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            double[] p = sources.get(i);
            Snap s = snap(new Plane(p[0], p[1]), snapM, minComponentNodes);
            snaps[i] = s;
            if (s == null) continue;
            seed(dist, from, queue, src[s.edge], s.frac * cost[s.edge], i);
            seed(dist, from, queue, dst[s.edge], (1 - s.frac) * cost[s.edge], i);
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int v = (int) top[1];
            if (top[0] > dist[v]) continue;
            for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
                int e = adjEdge[k];
                int w = src[e] == v ? dst[e] : src[e];
                seed(dist, from, queue, w, top[0] + cost[e], from[v]);
            }
        }
        return new Nearest(dist, from, snaps, snapM, minComponentNodes);
    }

    private static void seed(double[] dist, int[] from, PriorityQueue<double[]> queue, int v, double d, int source) {
        if (d < dist[v]) {
            dist[v] = d;
            from[v] = source;
            queue.add(new double[] {d, v});
        }
    }

    /** The answer of {@link #nearest}: ask it for the nearest source of any point. Immutable. */
    public final class Nearest {
        private final double[] dist;
        private final int[] from;
        private final Snap[] sources;
        private final double snapM;
        private final int minNodes;

        private Nearest(double[] dist, int[] from, Snap[] sources, double snapM, int minNodes) {
            this.dist = dist;
            this.from = from;
            this.sources = sources;
            this.snapM = snapM;
            this.minNodes = minNodes;
        }

        /**
         * The nearest source of a point by walking: {source index, metres from the point to its street plus along the
         * network to the source's snap}, or null when the point is off the network or no source is connected to it.
         */
        public double[] at(double lon, double lat) {
            Snap s = snap(new Plane(lon, lat), snapM, minNodes);
            if (s == null) return null;
            int e = s.edge;
            double viaSrc = dist[src[e]] + s.frac * cost[e], viaDst = dist[dst[e]] + (1 - s.frac) * cost[e];
            double best = Math.min(viaSrc, viaDst);
            int source = viaSrc <= viaDst ? from[src[e]] : from[dst[e]];
            for (int i = 0; i < sources.length; i++) { // a source on the same edge: straight along it
                Snap f = sources[i];
                if (f != null && f.edge == e && Math.abs(f.frac - s.frac) * cost[e] < best) {
                    best = Math.abs(f.frac - s.frac) * cost[e];
                    source = i;
                }
            }
            // the walk from the point to the street it snaps to counts too (a point 120 m off the road is not "1 m" away)
            return source < 0 || Double.isInfinite(best) ? null : new double[] {source, best + s.distanceM};
        }
    }

    /**
     * The plane's lines with their vertices on a 0.1 m grid, in a factory of that fixed precision. JTS buffers a
     * floating-precision mesh of streets robustly only about half the time (on the demo city 425 of 1,000 first
     * attempts failed) and then buffers again with snap-rounding at decreasing precisions; with fixed precision the
     * first attempt succeeds far more often and a failure is retried once, snap-rounded at that grid. The band moves
     * by at most 0.05 m (areas agree with the floating build within 0.02 %) and its CPU time halves (p95 10.2 →
     * 4.2 ms on the demo city; scripts/bench/service-area).
     */
    static Geometry onGrid(Geometry g) {
        Geometry r = GeometryPrecisionReducer.reduce(g, GRID);
        return r.isEmpty() ? g : PLANE_GRID.createGeometry(r); // a stretch shorter than the grid: as it is
    }

    private static final PrecisionModel GRID = new PrecisionModel(10);
    private static final GeometryFactory PLANE_GRID = new GeometryFactory(GRID);

    private static Geometry merged(Geometry lines) {
        if (lines.getDimension() != 1) return lines;
        LineMerger merger = new LineMerger();
        merger.add(lines);
        @SuppressWarnings("unchecked")
        java.util.Collection<LineString> merged = merger.getMergedLineStrings();
        return PLANE.createMultiLineString(merged.toArray(LineString[]::new));
    }

    private static double remaining(double[] dist, int node, double max) { return dist[node] <= max ? max - dist[node] : -1; }

    /**
     * Dijkstra from the snapped point (through the two ends of its edge), bounded by {@code max}, on the thread's
     * work arrays and a binary heap of primitives (no boxed entries); unreached = +∞, reached nodes in {@code w.touched}.
     */
    private double[] shortestPaths(Work w, Snap s, double max) {
        double[] dist = w.dist;
        int e0 = s.edge;
        relax(w, src[e0], s.frac * cost[e0], max);
        relax(w, dst[e0], (1 - s.frac) * cost[e0], max);
        while (w.heapSize > 0) {
            double d = w.heapKey[0];
            int v = w.pop();
            if (d > dist[v]) continue;
            for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
                int e = adjEdge[k];
                if (e == e0) continue; // the snapped edge is walked from the snap point only, as in the SQL
                int x = src[e] == v ? dst[e] : src[e];
                relax(w, x, d + cost[e], max);
            }
        }
        return dist;
    }

    private static void relax(Work w, int v, double d, double max) {
        if (d <= max && d < w.dist[v]) {
            if (w.dist[v] == Double.POSITIVE_INFINITY) w.touched[w.touchedCount++] = v;
            w.dist[v] = d;
            w.push(d, v);
        }
    }

    /** One thread's arrays for a walk: distances (+∞ between walks), the nodes touched, a lazy binary min-heap. */
    private static final class Work {
        final double[] dist;
        final int[] touched;
        final int[] seen;
        int touchedCount, stamp, heapSize;
        double[] heapKey = new double[256];
        int[] heapVal = new int[256];

        Work(int nodes, int edges) {
            dist = new double[nodes];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            touched = new int[nodes];
            seen = new int[edges];
        }

        int nextStamp() {
            if (++stamp == Integer.MAX_VALUE) { Arrays.fill(seen, 0); stamp = 1; }
            return stamp;
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) dist[touched[i]] = Double.POSITIVE_INFINITY;
            touchedCount = 0;
            heapSize = 0;
        }

        void push(double key, int val) {
            if (heapSize == heapKey.length) {
                heapKey = Arrays.copyOf(heapKey, heapSize * 2);
                heapVal = Arrays.copyOf(heapVal, heapSize * 2);
            }
            int i = heapSize++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heapKey[parent] <= key) break;
                heapKey[i] = heapKey[parent];
                heapVal[i] = heapVal[parent];
                i = parent;
            }
            heapKey[i] = key;
            heapVal[i] = val;
        }

        /** Removes the smallest entry and returns its value (read its key at index 0 before). */
        int pop() {
            int top = heapVal[0];
            int n = --heapSize;
            if (n > 0) {
                double key = heapKey[n];
                int val = heapVal[n];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= n) break;
                    if (c + 1 < n && heapKey[c + 1] < heapKey[c]) c++;
                    if (heapKey[c] >= key) break;
                    heapKey[i] = heapKey[c];
                    heapVal[i] = heapVal[c];
                    i = c;
                }
                heapKey[i] = key;
                heapVal[i] = val;
            }
            return top;
        }
    }

    private record Snap(int edge, double frac, double distanceM, Coordinate point) {}

    /** The nearest edge within {@code snapM}, preferring components of at least {@code minNodes} nodes. */
    private Snap snap(Plane plane, double snapM, int minNodes) {
        double dLon = snapM / LocalMetres.perDegreeLon(plane.lat0) + 1e-6, dLat = snapM / LocalMetres.perDegreeLat(plane.lat0) + 1e-6;
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(new Envelope(plane.lon0 - dLon, plane.lon0 + dLon, plane.lat0 - dLat, plane.lat0 + dLat));
        Snap best = null, bestLarge = null;
        for (int e : candidates) {
            Snap s = nearestOn(plane, e);
            if (s.distanceM > snapM) continue;
            if (best == null || s.distanceM < best.distanceM) best = s;
            if (componentSize[src[e]] >= minNodes && (bestLarge == null || s.distanceM < bestLarge.distanceM)) bestLarge = s;
        }
        return bestLarge != null ? bestLarge : best;
    }

    /** The point of edge {@code e} nearest to the plane's origin: its fraction along the edge (by metres) and distance. */
    private Snap nearestOn(Plane plane, int e) {
        double[] c = coords[e];
        int n = c.length / 2;
        double total = 0, bestD = Double.POSITIVE_INFINITY, bestAt = 0, bx = 0, by = 0;
        double px = plane.x(c[0]), py = plane.y(c[1]);
        for (int i = 1; i < n; i++) {
            double qx = plane.x(c[2 * i]), qy = plane.y(c[2 * i + 1]);
            double vx = qx - px, vy = qy - py, len2 = vx * vx + vy * vy, len = Math.sqrt(len2);
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(px * vx + py * vy) / len2));
            double cx = px + t * vx, cy = py + t * vy, d = Math.hypot(cx, cy);
            if (d < bestD) { bestD = d; bestAt = total + t * len; bx = cx; by = cy; }
            total += len;
            px = qx;
            py = qy;
        }
        return new Snap(e, total == 0 ? 0 : bestAt / total, bestD, new Coordinate(bx, by));
    }

    /** The stretch of edge {@code e} between fractions {@code a} and {@code b} of its length, in the plane. */
    private void add(List<LineString> out, Plane plane, int e, double a, double b) {
        if (b <= a) return;
        double[] c = coords[e];
        int n = c.length / 2;
        double[] xs = new double[n], ys = new double[n], cum = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = plane.x(c[2 * i]);
            ys[i] = plane.y(c[2 * i + 1]);
            if (i > 0) cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        double total = cum[n - 1];
        if (total == 0) return;
        double from = a * total, to = b * total;
        List<Coordinate> pts = new ArrayList<>();
        pts.add(at(xs, ys, cum, from));
        for (int i = 1; i < n - 1; i++) if (cum[i] > from && cum[i] < to) pts.add(new Coordinate(xs[i], ys[i]));
        pts.add(at(xs, ys, cum, to));
        if (pts.size() >= 2 && !pts.get(0).equals2D(pts.get(pts.size() - 1)) || pts.size() > 2)
            out.add(PLANE.createLineString(pts.toArray(Coordinate[]::new)));
    }

    private static Coordinate at(double[] xs, double[] ys, double[] cum, double d) {
        int i = 1;
        while (i < cum.length - 1 && cum[i] < d) i++;
        double seg = cum[i] - cum[i - 1], t = seg == 0 ? 0 : (d - cum[i - 1]) / seg;
        t = Math.max(0, Math.min(1, t));
        return new Coordinate(xs[i - 1] + t * (xs[i] - xs[i - 1]), ys[i - 1] + t * (ys[i] - ys[i - 1]));
    }

    private int[] components() {
        int[] label = new int[nodes];
        Arrays.fill(label, -1);
        List<Integer> sizes = new ArrayList<>();
        int[] stack = new int[Math.max(1, nodes)];
        for (int s = 0; s < nodes; s++) {
            if (label[s] >= 0) continue;
            int id = sizes.size(), size = 0, top = 0;
            stack[top++] = s;
            label[s] = id;
            while (top > 0) {
                int v = stack[--top];
                size++;
                for (int k = adjStart[v]; k < adjStart[v + 1]; k++) {
                    int e = adjEdge[k], w = src[e] == v ? dst[e] : src[e];
                    if (label[w] < 0) { label[w] = id; stack[top++] = w; }
                }
            }
            sizes.add(size);
        }
        int[] out = new int[nodes];
        for (int v = 0; v < nodes; v++) out[v] = sizes.get(label[v]);
        return out;
    }

    private static Envelope envelope(double[] c) {
        Envelope env = new Envelope();
        for (int i = 0; i + 1 < c.length; i += 2) env.expandToInclude(c[i], c[i + 1]);
        return env;
    }

    private static Geometry multi(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.Polygon p) return GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
        return g;
    }

    /** A local plane in metres around an origin (ellipsoidal scales at its latitude), to and from lon/lat. */
    private static final class Plane {
        final double lon0, lat0, kx, ky;

        Plane(double lon0, double lat0) {
            this.lon0 = lon0;
            this.lat0 = lat0;
            this.kx = LocalMetres.perDegreeLon(lat0);
            this.ky = LocalMetres.perDegreeLat(lat0);
        }

        double x(double lon) { return (lon - lon0) * kx; }

        double y(double lat) { return (lat - lat0) * ky; }

        Geometry toLonLat(Geometry g) {
            Geometry out = new GeometryTransformer() {
                @Override
                protected CoordinateSequence transformCoordinates(CoordinateSequence seq, Geometry parent) {
                    CoordinateSequence copy = seq.copy();
                    for (int i = 0; i < copy.size(); i++) {
                        copy.setOrdinate(i, 0, lon0 + copy.getX(i) / kx);
                        copy.setOrdinate(i, 1, lat0 + copy.getY(i) / ky);
                    }
                    return copy;
                }
            }.transform(g);
            Geometry result = GF.createGeometry(out);
            result.setSRID(4490);
            return result;
        }
    }
}
