package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapUnitTest {
    private final MapProperties props = new MapProperties("", "", "", 118.11, 24.55, 10, List.of(0, 6, 9, 11, 14), 60, 300, 100);

    @Test
    void divisionLevelFollowsTheZoom() {
        assertThat(props.levelForZoom(3)).isEqualTo(1);
        assertThat(props.levelForZoom(6)).isEqualTo(2);
        assertThat(props.levelForZoom(10)).isEqualTo(3);
        assertThat(props.levelForZoom(11)).isEqualTo(4);
        assertThat(props.levelForZoom(13)).isEqualTo(4);
        assertThat(props.levelForZoom(14)).isEqualTo(5);
        assertThat(props.levelForZoom(20)).isEqualTo(5);
    }

    @Test
    void toleranceIsHalfAPixelInDegrees() {
        assertThat(TileService.tolerance(0)).isEqualTo(180.0 / 256);
        assertThat(TileService.tolerance(10)).isEqualTo(180.0 / 256 / 1024);
    }

    @Test
    void bboxParsesAndRejectsBadInputNamingTheField() {
        assertThat(Bbox.parse("118.0,24.4,118.5,24.9")).isEqualTo(new Bbox(118.0, 24.4, 118.5, 24.9));
        assertThat(Bbox.parse(" ")).isNull();
        for (String bad : List.of("1,2,3", "a,2,3,4", "118.5,24.4,118.0,24.9", "0,0,200,10", "NaN,0,1,1")) {
            assertThatThrownBy(() -> Bbox.parse(bad)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("bbox"));
        }
    }
}
