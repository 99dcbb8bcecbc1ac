package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PointGridTest {
    private static final int N = 20_000;

    /** Brute force over all points with the same distance the grid reports. */
    private static double[] bruteNearest(double[] xs, double[] ys, double lon, double lat) {
        double best = Double.POSITIVE_INFINITY;
        int at = -1;
        for (int i = 0; i < xs.length; i++) {
            double d = GeocodeService.distanceM(lon, lat, xs[i], ys[i]);
            if (d < best) { best = d; at = i; }
        }
        return new double[]{at, best};
    }

    @Test
    void findsTheSameNearestPointAsBruteForceWithinTheRadius() {
        Random r = new Random(7);
        long[] ids = new long[N];
        double[] xs = new double[N], ys = new double[N];
        for (int i = 0; i < N; i++) {
            ids[i] = 1000 + i;
            // Clustered like a city: dense blocks and empty sea.
            double cx = 118.0 + (i % 7) * 0.03, cy = 24.4 + (i % 5) * 0.03;
            xs[i] = cx + r.nextGaussian() * 0.004;
            ys[i] = cy + r.nextGaussian() * 0.004;
        }
        PointGrid grid = new PointGrid(ids, xs, ys, N);
        int found = 0, none = 0;
        for (int q = 0; q < 2_000; q++) {
            double lon = 117.97 + r.nextDouble() * 0.26, lat = 24.37 + r.nextDouble() * 0.2;
            double radius = q % 3 == 0 ? 5_000 : q % 3 == 1 ? 200 : 30;
            double[] brute = bruteNearest(xs, ys, lon, lat);
            PointGrid.Hit hit = grid.nearest(lon, lat, radius);
            if (brute[1] > radius) {
                assertThat(hit).as("nothing within %s m of %s,%s", radius, lon, lat).isNull();
                none++;
            } else {
                assertThat(hit).as("a point within %s m of %s,%s", radius, lon, lat).isNotNull();
                assertThat(hit.distanceM()).isCloseTo(brute[1], org.assertj.core.data.Offset.offset(1e-6));
                assertThat(hit.id()).isEqualTo(ids[(int) brute[0]]);
                found++;
            }
        }
        assertThat(found).isGreaterThan(500);
        assertThat(none).isGreaterThan(100);
    }

    @Test
    void tiesGoToTheSmallerIdAndAnEmptyGridFindsNothing() {
        PointGrid grid = new PointGrid(new long[]{9, 4, 7}, new double[]{118.1, 118.1, 118.2}, new double[]{24.5, 24.5, 24.5}, 3);
        assertThat(grid.nearest(118.1001, 24.5, 100).id()).isEqualTo(4);
        assertThat(grid.nearest(118.15, 24.5, 100)).isNull();
        assertThat(new PointGrid(new long[0], new double[0], new double[0], 0).nearest(118.1, 24.5, 5000)).isNull();
    }

    @Test
    void distancesAgreeWithTheEllipsoid() {
        // PostGIS 3.3 st_distance on geography (SRID 4490) for the same pairs: 1013.54783721, 1107.65569907, 3692.26341173 m.
        assertThat(GeocodeService.distanceM(118.0, 24.5, 118.01, 24.5)).isCloseTo(1013.5478, org.assertj.core.data.Offset.offset(0.01));
        assertThat(GeocodeService.distanceM(118.0, 24.5, 118.0, 24.51)).isCloseTo(1107.6557, org.assertj.core.data.Offset.offset(0.01));
        assertThat(GeocodeService.distanceM(118.003, 24.5012, 118.0312, 24.4801)).isCloseTo(3692.2634, org.assertj.core.data.Offset.offset(0.02));
    }
}
