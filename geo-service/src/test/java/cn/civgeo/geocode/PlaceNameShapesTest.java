package cn.civgeo.geocode;

import cn.civgeo.common.crs.LocalMetres;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class PlaceNameShapesTest {
    private static PlaceNameShapes.Shape shape(long id, String name, String wkt) throws Exception {
        return new PlaceNameShapes.Shape(id, "C" + id, name, "350203", new WKTReader().read(wkt));
    }

    @Test
    void aLongRoadIsAsFarAsItsNearestPointNotItsLabel() throws Exception {
        // An east-west road 4 km long; the point lies 0.0003° (33.2 m) north of its western end.
        PlaceNameShapes s = new PlaceNameShapes(List.of(
                shape(1, "长路", "LINESTRING(118.00 24.50, 118.04 24.50)"),
                shape(2, "小公园", "POLYGON((118.0010 24.5010, 118.0020 24.5010, 118.0020 24.5020, 118.0010 24.5020, 118.0010 24.5010))")));
        List<PlaceNameShapes.Hit> hits = s.nearest(118.0005, 24.5003, 1000, 5);
        assertThat(hits).extracting(h -> h.shape().name()).containsExactly("长路", "小公园");
        assertThat(hits.get(0).distanceM()).isCloseTo(0.0003 * LocalMetres.perDegreeLat(24.50015), Offset.offset(0.05));
        assertThat(hits.get(0).lon()).isCloseTo(118.0005, Offset.offset(1e-9));
        assertThat(hits.get(0).lat()).isCloseTo(24.50, Offset.offset(1e-9));
        // The park's nearest corner (118.0010, 24.5010) from the point.
        assertThat(hits.get(1).distanceM()).isCloseTo(GeocodeService.distanceM(118.0005, 24.5003, 118.0010, 24.5010), Offset.offset(0.05));
    }

    @Test
    void theRadiusBoundsEveryAnswerAndInsideAnAreaIsZero() throws Exception {
        PlaceNameShapes s = new PlaceNameShapes(List.of(
                shape(1, "长路", "LINESTRING(118.00 24.50, 118.04 24.50)"),
                shape(2, "小公园", "POLYGON((118.0010 24.5010, 118.0020 24.5010, 118.0020 24.5020, 118.0010 24.5020, 118.0010 24.5010))")));
        assertThat(s.nearest(118.0005, 24.5003, 30, 5)).isEmpty();
        assertThat(s.nearest(118.0005, 24.5003, 34, 5)).extracting(h -> h.shape().name()).containsExactly("长路");
        List<PlaceNameShapes.Hit> inside = s.nearest(118.0015, 24.5015, 100, 1);
        assertThat(inside).extracting(h -> h.shape().name()).containsExactly("小公园");
        assertThat(inside.get(0).distanceM()).isZero();
    }
}
