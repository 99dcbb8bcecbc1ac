package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapUnitTest {
    private final MapProperties props = new MapProperties("", "", "", 118.11, 24.55, 10, List.of(0, 6, 9, 11, 14), 60, 300, 100, 12);

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

    @Test
    void tileZoomsFallIntoTheShapeTablesBands() {
        assertThat(List.of(0, 5, 6, 8, 9, 11, 12, 14, 15, 22).stream().map(TileService::band).toList())
                .containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void theServiceWorkerChangesWithTheBuild() {
        String a = MapAssets.serviceWorker("/*sw*/", MapAssets.version("<script src=\"/map-assets/app-aaaaaa.js\"></script>"));
        String b = MapAssets.serviceWorker("/*sw*/", MapAssets.version("<script src=\"/map-assets/app-bbbbbb.js\"></script>"));
        assertThat(a).startsWith("self.CIVGEO_BUILD=\"").endsWith("/*sw*/").isNotEqualTo(b);
        assertThat(MapAssets.version("x")).isEqualTo(MapAssets.version("x")).matches("[0-9a-f]{12}");
    }

    @Test
    void bundledCssPointsAtTheImagesOfItsOwnFolder() {
        String css = ".a{background:url(images/layers.png)} .b{background:url('../x.png')} .c{behavior:url(#default#VML)}"
                + " .d{background:url(data:image/png;base64,AA==)} .e{background:url(/abs.png)}";
        assertThat(MapAssets.absoluteUrls(css, "/webjars/leaflet/1.9.4/dist/leaflet.css"))
                .contains("url(/webjars/leaflet/1.9.4/dist/images/layers.png)").contains("url('/webjars/leaflet/1.9.4/x.png')")
                .contains("url(#default#VML)").contains("url(data:image/png;base64,AA==)").contains("url(/abs.png)");
    }

    @Test
    void configurationInThePageCannotCloseItsScript() {
        assertThat(MapPageController.scriptSafe("{\"a\":\"</script><!--&\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\"}");
    }

    @Test
    void webMercatorOfTheWarmUp() {
        assertThat(MapWarmup.mercX(180)).isCloseTo(20037508.342789244, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MapWarmup.mercY(0)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MapWarmup.mercY(85.05112878)).isCloseTo(20037508.34, org.assertj.core.data.Offset.offset(1.0));
    }
}
