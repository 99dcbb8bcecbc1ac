package cn.civgeo.geocode;

import cn.civgeo.common.crs.LocalMetres;
import java.util.Arrays;

/**
 * Nearest point to a location, in memory: points bucketed in square cells of {@value #CELL}° and searched ring by
 * ring outwards, stopping once no unvisited cell can hold anything nearer. Distances are in metres on the ellipsoid
 * ({@link GeocodeService#distanceM}), so the answer is the nearest in metres, not in degrees. Immutable; about
 * 28 bytes per point, so a city-scale set of 1,000,000 doorplates takes some 28 MB.
 */
final class PointGrid {
    static final double CELL = 0.002;

    private final long[] cellKeys;
    private final int[] cellStart;
    private final long[] ids;
    private final double[] xs;
    private final double[] ys;

    /** A hit: the point's position in the grid's arrays, its id and its distance in metres. */
    record Hit(int index, long id, double lon, double lat, double distanceM) {}

    PointGrid(long[] ids, double[] lon, double[] lat, int n) {
        long[] key = new long[n];
        for (int i = 0; i < n; i++) key[i] = key(cell(lon[i]), cell(lat[i]));
        // Counting sort by cell: the distinct keys in order, then each point placed after its cell's predecessors.
        long[] sorted = Arrays.copyOf(key, n);
        Arrays.sort(sorted);
        int cells = 0;
        for (int i = 0; i < n; i++) if (cells == 0 || sorted[cells - 1] != sorted[i]) sorted[cells++] = sorted[i];
        this.cellKeys = Arrays.copyOf(sorted, cells);
        int[] cellOf = new int[n];
        int[] start = new int[cells + 1];
        for (int i = 0; i < n; i++) start[(cellOf[i] = Arrays.binarySearch(cellKeys, key[i])) + 1]++;
        for (int c = 0; c < cells; c++) start[c + 1] += start[c];
        this.cellStart = Arrays.copyOf(start, cells + 1);
        this.ids = new long[n];
        this.xs = new double[n];
        this.ys = new double[n];
        for (int i = 0; i < n; i++) {
            int k = start[cellOf[i]]++;
            this.ids[k] = ids[i];
            this.xs[k] = lon[i];
            this.ys[k] = lat[i];
        }
    }

    int size() { return ids.length; }

    /** The nearest point within {@code maxM} metres, or null. Ties go to the smaller id. */
    Hit nearest(double lon, double lat, double maxM) {
        if (ids.length == 0) return null;
        // The search window covers maxM in both directions (scales 1% low so the window errs on the large side);
        // a cell is at least cellM metres across.
        double mLon = Math.max(LocalMetres.perDegreeLon(lat), 1), mLat = LocalMetres.perDegreeLat(lat);
        int reachX = (int) Math.ceil(maxM / (mLon * 0.99) / CELL) + 1;
        int reachY = (int) Math.ceil(maxM / (mLat * 0.99) / CELL) + 1;
        double cellM2 = Math.pow(CELL * Math.min(mLon, mLat) * 0.99, 2);
        int cx = cell(lon), cy = cell(lat);
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY; // squared metres in the plane at the query's latitude
        int reach = Math.max(reachX, reachY);
        for (int r = 0; r <= reach; r++) {
            // Anything in ring r is at least (r - 1) cells away from the point.
            if (best >= 0 && r > 1 && bestD <= (r - 1) * (r - 1) * cellM2) break;
            for (int dx = -r; dx <= r; dx++) {
                if (Math.abs(dx) > reachX) continue;
                boolean edgeColumn = Math.abs(dx) == r;
                for (int dy = -r; dy <= r; dy += edgeColumn ? 1 : 2 * r) {
                    if (Math.abs(dy) > reachY) continue;
                    int c = Arrays.binarySearch(cellKeys, key(cx + dx, cy + dy));
                    if (c < 0) continue;
                    for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                        double ex = (xs[k] - lon) * mLon, ny = (ys[k] - lat) * mLat, d = ex * ex + ny * ny;
                        if (d < bestD || (d == bestD && ids[k] < ids[best])) {
                            bestD = d;
                            best = k;
                        }
                    }
                }
            }
        }
        if (best < 0) return null;
        double m = GeocodeService.distanceM(lon, lat, xs[best], ys[best]);
        return m > maxM ? null : new Hit(best, ids[best], xs[best], ys[best], m);
    }

    private static int cell(double v) { return (int) Math.floor(v / CELL); }

    private static long key(int cx, int cy) { return ((long) cx << 32) | (cy & 0xffffffffL); }
}
