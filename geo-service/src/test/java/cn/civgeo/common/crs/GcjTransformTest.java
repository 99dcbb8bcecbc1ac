package cn.civgeo.common.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcjTransformTest {
    /** Published reference pairs (eviltransform test vectors): {wgsLon, wgsLat, gcjLon, gcjLat}. */
    private static final double[][] WGS_GCJ = {
            {121.5272106, 31.1774276, 121.531541859215, 31.17530398364597},   // Shanghai
            {113.912316, 22.543847, 113.9171764808363, 22.540796131694766},   // Shenzhen
            {116.377817, 39.911954, 116.38404722455657, 39.91334545536069},   // Beijing
    };

    @Test
    void wgsToGcjMatchesPublishedReferencePoints() {
        for (double[] p : WGS_GCJ) {
            double[] g = GcjTransform.wgsToGcj(p[0], p[1]);
            assertThat(g[0]).isCloseTo(p[2], within(1e-9));
            assertThat(g[1]).isCloseTo(p[3], within(1e-9));
        }
    }

    @Test
    void gcjToWgsInvertsWithinAMillimetre() {
        for (double[] p : WGS_GCJ) {
            double[] w = GcjTransform.gcjToWgs(p[2], p[3]);
            assertThat(metres(w[0], w[1], p[0], p[1])).isLessThan(0.001);
        }
    }

    @Test
    void bd09IsGcjShiftedByBaidusOffset() {
        // BD-09 has no public reference pairs that the published formula reproduces (Baidu's own conversion
        // differs from it by tens of metres), so check its structure: about +0.0065 lon and +0.006 lat over GCJ-02.
        double[] g = GcjTransform.wgsToGcj(118.09, 24.48);
        double[] b = GcjTransform.gcjToBd(g[0], g[1]);
        assertThat(b[0] - g[0]).isCloseTo(0.0065, within(0.0006));
        assertThat(b[1] - g[1]).isCloseTo(0.0060, within(0.0006));
    }

    @Test
    void roundTripsAcrossXiamenStayUnderAMillimetre() {
        for (double lon = 117.9; lon <= 118.5; lon += 0.05) {
            for (double lat = 24.3; lat <= 24.9; lat += 0.05) {
                double[] g = GcjTransform.wgsToGcj(lon, lat);
                double[] w = GcjTransform.gcjToWgs(g[0], g[1]);
                assertThat(metres(w[0], w[1], lon, lat)).isLessThan(0.001);
                double[] b = GcjTransform.wgsToBd(lon, lat);
                double[] w2 = GcjTransform.bdToWgs(b[0], b[1]);
                assertThat(metres(w2[0], w2[1], lon, lat)).isLessThan(0.001);
            }
        }
    }

    @Test
    void xiamenOffsetIsTheKnownFewHundredMetres() {
        double[] g = GcjTransform.wgsToGcj(118.09, 24.48);
        double d = metres(g[0], g[1], 118.09, 24.48);
        assertThat(d).isBetween(400.0, 700.0);
    }

    @Test
    void noOffsetOutsideChina() {
        double[] g = GcjTransform.wgsToGcj(-104.9903, 39.7392);
        assertThat(g).containsExactly(-104.9903, 39.7392);
    }

    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double r = 6371008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
