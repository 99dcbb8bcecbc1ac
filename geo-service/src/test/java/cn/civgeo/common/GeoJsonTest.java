package cn.civgeo.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GeoJsonTest {
    @Test
    void readsAndWritesLonLatGeometry() {
        Geometry g = GeoJson.read("{\"type\":\"Point\",\"coordinates\":[118.0894,24.4798]}", "location");
        assertThat(g.toText()).isEqualTo("POINT (118.0894 24.4798)");
        assertThat(GeoJson.write(g)).isEqualTo("{\"type\":\"Point\",\"coordinates\":[118.0894,24.4798]}");
    }

    @Test
    void badGeometryNamesTheField() {
        assertThatThrownBy(() -> GeoJson.read("{\"type\":\"Polygon\",\"coordinates\":\"x\"}", "geometry"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("geometry"));
        assertThatThrownBy(() -> GeoJson.read(null, "geometry")).isInstanceOf(ApiException.class);
    }

    @Test
    void featureCollectionWrapsFeatures() {
        assertThat(GeoJson.featureCollection(java.util.List.of("{\"type\":\"Feature\"}")))
                .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}");
    }
}
