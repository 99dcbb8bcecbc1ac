package cn.civgeo.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class EchartsGeoJsonTest {
    // Hand-decoded: offsets (102400, 30720) = (100°, 30°) × 1024.
    //   "BA": B = 66 − 64 = 2 → zig-zag +1; A = 1 → −1   → (102401, 30719) → (100.0009765625, 29.9990234375)
    //   "@B": 0, +1                                       → (102401, 30720) → (100.0009765625, 30.0)
    //   "CA": C = 3 → −2; −1                              → (102399, 30719) → (99.9990234375, 29.9990234375)
    //   "@D": 0; D = 4 → +2                               → (102399, 30721) → (99.9990234375, 30.0009765625)
    //   "a@": a = 97 − 64 = 33 → −17; 0                   → (102382, 30721) → (99.982421875, 30.0009765625)
    @Test
    void decodesARingByHand() {
        double[][] r = EchartsGeoJson.decodeRing("BA@BCA@Da@", 102400, 30720, 1024);
        assertThat(r).hasDimensions(5, 2);
        assertThat(r[0]).containsExactly(100.0009765625, 29.9990234375);
        assertThat(r[1]).containsExactly(100.0009765625, 30.0);
        assertThat(r[2]).containsExactly(99.9990234375, 29.9990234375);
        assertThat(r[3]).containsExactly(99.9990234375, 30.0009765625);
        assertThat(r[4]).containsExactly(99.982421875, 30.0009765625);
    }

    @Test
    void readsAMapScriptWithPolygonAndMultiPolygon() {
        String script = "(function(){echarts.registerMap('测试', {\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"510104\",\"properties\":{\"name\":\"锦江区\",\"cp\":[104.1,30.6]},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\"BA@BCA@D\"],\"encodeOffsets\":[[102400,30720]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"沧县\"},"
                + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[\"BA@BCA@D\"],[\"BA@BCA@D\"]],"
                + "\"encodeOffsets\":[[[102400,30720]],[[103424,30720]]]}}],\"UTF8Encoding\":true});}));";
        EchartsGeoJson.MapScript m = EchartsGeoJson.parseScript(script);
        assertThat(m.mapName()).isEqualTo("测试");
        List<EchartsGeoJson.Feature> f = m.features();
        assertThat(f).extracting(EchartsGeoJson.Feature::id).containsExactly("510104", null);
        assertThat(f).extracting(EchartsGeoJson.Feature::name).containsExactly("锦江区", "沧县");
        assertThat(f.get(0).geometry().getGeometryType()).isEqualTo("Polygon");
        Coordinate[] ring = f.get(0).geometry().getCoordinates();
        assertThat(ring).hasSize(5); // closed by the reader
        assertThat(ring[0]).isEqualTo(ring[4]);
        assertThat(ring[0].x).isEqualTo(100.0009765625);
        assertThat(f.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(f.get(1).geometry().getGeometryN(1).getCoordinates()[0].x).isEqualTo(101.0009765625);
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> EchartsGeoJson.parseScript("var x = 1;")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEchartsFoursMinifiedProvinceMaps() {
        // map/js/province/shanghai.js of echarts 4.9.0: double quotes, unquoted property names, !0 for true
        String script = "(function(e,t){t.registerMap?t.registerMap(\"上海\",{type:\"FeatureCollection\",features:[{id:\"310110\","
                + "type:\"Feature\",geometry:{type:\"Polygon\",coordinates:[\"BA@BCA@D\"],encodeOffsets:[[102400,30720]]},"
                + "properties:{cp:[121.5,31.3],name:\"杨浦区\",childNum:1}}],UTF8Encoding:!0}):D(\"ECharts Map is not loaded\")});";
        EchartsGeoJson.MapScript m = EchartsGeoJson.parseScript(script);
        assertThat(m.mapName()).isEqualTo("上海");
        assertThat(m.features()).extracting(EchartsGeoJson.Feature::id).containsExactly("310110");
        assertThat(m.features()).extracting(EchartsGeoJson.Feature::name).containsExactly("杨浦区");
        assertThat(m.features().get(0).geometry().getCoordinates()[0].x).as("decoded, so UTF8Encoding was read as true")
                .isEqualTo(100.0009765625);
    }
}
