package cn.civgeo.common.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;

class CoordinateConverterIT extends IntegrationTest {
    @Autowired
    CoordinateConverter converter;

    @Test
    void gaussKrugerCentralMeridianHasFalseEastingWithZonePrefix() {
        double[] xy = converter.fromStorage(117.0, 24.5, Crs.gaussKruger3(39));
        assertThat(xy[0]).isCloseTo(39_500_000.0, within(0.001));
        // Meridian arc from the equator to 24.5°N on the CGCS2000 ellipsoid is about 2,710 km.
        assertThat(xy[1]).isBetween(2_705_000.0, 2_715_000.0);
    }

    @Test
    void gaussKrugerRoundTripIsExact() {
        Crs zone = Crs.gaussKruger3For(118.08);
        double[] xy = converter.fromStorage(118.08, 24.47, zone);
        double[] back = converter.toStorage(xy[0], xy[1], zone);
        assertThat(back[0]).isCloseTo(118.08, within(1e-9));
        assertThat(back[1]).isCloseTo(24.47, within(1e-9));
    }

    @Test
    void geometriesConvertCoordinateByCoordinate() {
        Geometry line = new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(118.0, 24.4), new Coordinate(118.1, 24.5)});
        Geometry gcj = converter.fromStorage(line, Crs.GCJ02);
        Geometry back = converter.toStorage(gcj, Crs.GCJ02);
        assertThat(back.getSRID()).isEqualTo(4490);
        assertThat(back.getCoordinates()[1].x).isCloseTo(118.1, within(1e-9));
        assertThat(gcj.getCoordinates()[1].x).isNotCloseTo(118.1, within(1e-4));
        Geometry gk = converter.fromStorage(line, Crs.gaussKruger3(39));
        assertThat(gk.getLength()).isBetween(14_000.0, 15_500.0);
    }
}
