package cn.civgeo.geocode;

/**
 * Heap kept by the reverse geocoder's in-memory doorplate index (PointGrid: ids, coordinates, cells) per million
 * addresses, measured: used heap after full GCs with the index held, minus before. Baseline beside it: the
 * minimum the raw columns need (8-byte id + two 8-byte doubles = 24 MB per million).
 */
public final class IndexMemory {
    public static void main(String[] args) {
        System.out.println("[index-memory] doorplates   retained heap   per million   raw columns (baseline) per million");
        for (int millions : new int[] {1, 2, 4}) {
            int n = millions * 1_000_000;
            long before = used();
            long[] ids = new long[n];
            double[] xs = new double[n], ys = new double[n];
            java.util.Random r = new java.util.Random(17);
            for (int i = 0; i < n; i++) { // a city-sized spread: 1.5 x 1.0 degrees, like a prefecture
                ids[i] = i + 1;
                xs[i] = 117.8 + r.nextDouble() * 1.5;
                ys[i] = 24.2 + r.nextDouble();
            }
            PointGrid grid = new PointGrid(ids, xs, ys, n);
            ids = null;
            xs = null;
            ys = null;
            long after = used();
            double mb = (after - before) / 1048576.0;
            System.out.printf("[index-memory] %,10d   %9.1f MB   %7.1f MB   %7.1f MB%n", grid.size(), mb, mb / millions, 24e6 / 1048576.0);
            grid = null;
        }
    }

    private static long used() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
