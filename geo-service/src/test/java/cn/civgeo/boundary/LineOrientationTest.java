package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class LineOrientationTest {
    private static Geometry wkt(String s) throws ParseException { return new WKTReader(LineOrientation.GF).read(s); }

    @Test
    void eastWestLineRunsWestToEastWithNorthOnTheLeft() throws ParseException {
        // shared edge of a northern and a southern square, digitised east to west
        Geometry edge = wkt("LINESTRING (118.2 24.5, 118.1 24.5, 118.0 24.5)");
        MultiLineString o = LineOrientation.orient(edge);
        assertThat(LineOrientation.direction(edge)).isEqualTo(LineOrientation.Direction.WEST_EAST);
        assertThat(o.toText()).isEqualTo("MULTILINESTRING ((118 24.5, 118.1 24.5, 118.2 24.5))");
        Geometry north = wkt("POLYGON ((118 24.5, 118.2 24.5, 118.2 24.6, 118 24.6, 118 24.5))");
        Geometry south = wkt("POLYGON ((118 24.4, 118.2 24.4, 118.2 24.5, 118 24.5, 118 24.4))");
        assertThat(LineOrientation.leftSide(o, north, south)).isEqualTo(1);
        assertThat(LineOrientation.leftSide(o, south, north)).isEqualTo(-1);
    }

    @Test
    void northSouthLineRunsNorthToSouthWithEastOnTheLeft() throws ParseException {
        Geometry edge = wkt("MULTILINESTRING ((118.1 24.4, 118.1 24.5), (118.1 24.5, 118.1 24.6))");
        MultiLineString o = LineOrientation.orient(edge);
        assertThat(o.toText()).isEqualTo("MULTILINESTRING ((118.1 24.6, 118.1 24.5, 118.1 24.4))");
        Geometry west = wkt("POLYGON ((118 24.4, 118.1 24.4, 118.1 24.6, 118 24.6, 118 24.4))");
        Geometry east = wkt("POLYGON ((118.1 24.4, 118.2 24.4, 118.2 24.6, 118.1 24.6, 118.1 24.4))");
        // going south, the east side is on the left
        assertThat(LineOrientation.leftSide(o, east, west)).isEqualTo(1);
    }

    @Test
    void widthIsJudgedInMetresNotDegrees() throws ParseException {
        // 0.11 degrees of longitude at 60N is ~6.1 km, less than 0.1 degrees of latitude (~11.1 km)
        Geometry edge = wkt("LINESTRING (10 60, 10.11 60.1)");
        assertThat(LineOrientation.direction(edge)).isEqualTo(LineOrientation.Direction.NORTH_SOUTH);
        assertThat(LineOrientation.orient(edge).toText()).isEqualTo("MULTILINESTRING ((10.11 60.1, 10 60))");
    }

    @Test
    void disjointPartsAreOrderedAlongTheDirection() throws ParseException {
        Geometry edge = wkt("MULTILINESTRING ((118.3 24.5, 118.2 24.5), (118.1 24.5, 118.0 24.5))");
        assertThat(LineOrientation.orient(edge).toText())
                .isEqualTo("MULTILINESTRING ((118 24.5, 118.1 24.5), (118.2 24.5, 118.3 24.5))");
    }

    @Test
    void surveyedLineRunningInsideOnePolygonStillFindsItsSides() throws ParseException {
        // bulges 55 m into the northern polygon: 1 m test points fall in the north on both sides, 100 m ones do not
        MultiLineString o = LineOrientation.orient(wkt("LINESTRING (118.2 24.55, 118.15 24.5505, 118.1 24.55)"));
        Geometry north = wkt("POLYGON ((118.1 24.55, 118.2 24.55, 118.2 24.6, 118.1 24.6, 118.1 24.55))");
        Geometry south = wkt("POLYGON ((118.1 24.5, 118.2 24.5, 118.2 24.55, 118.1 24.55, 118.1 24.5))");
        assertThat(LineOrientation.leftSide(o, north, south)).isEqualTo(1);
        assertThat(LineOrientation.leftSide(o, south, north)).isEqualTo(-1);
    }
}
