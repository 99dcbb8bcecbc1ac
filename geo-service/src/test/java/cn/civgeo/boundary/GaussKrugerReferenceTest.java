package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussKrugerReferenceTest {
    @Test
    void centralMeridianGivesFalseEastingAndMeridianArc() {
        // On the central meridian the easting is exactly 500 km (+ zone prefix) and x is the meridian arc length:
        // 1 degree of latitude from the equator on GRS80 is 110 574.389 m.
        double[] p = GaussKrugerReference.forward(117.0, 1.0, 39);
        assertThat(p[1]).isCloseTo(39_500_000.0, within(1e-6));
        assertThat(p[0]).isCloseTo(110_574.389, within(0.002));
    }

    @Test
    void eastOfTheMeridianIsEastOf500km() {
        double[] p = GaussKrugerReference.forward(118.1, 24.55, 39);
        assertThat(p[1]).isBetween(39_611_000.0, 39_612_000.0);
        assertThat(p[0]).isBetween(2_716_000.0, 2_718_000.0);
    }
}
