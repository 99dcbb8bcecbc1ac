package cn.civgeo.common.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import org.junit.jupiter.api.Test;

class CrsTest {
    @Test
    void parsesTheAcceptedSpellings() {
        assertThat(Crs.parse(null)).isEqualTo(Crs.CGCS2000);
        assertThat(Crs.parse("EPSG:4490")).isEqualTo(Crs.CGCS2000);
        assertThat(Crs.parse("4326")).isEqualTo(Crs.WGS84);
        assertThat(Crs.parse("gcj-02")).isEqualTo(Crs.GCJ02);
        assertThat(Crs.parse("BD09")).isEqualTo(Crs.BD09);
        assertThat(Crs.parse("EPSG:4527").srid()).isEqualTo(4527);
        assertThat(Crs.parse("EPSG:4527").zone()).isEqualTo(39);
    }

    @Test
    void xiamenIsInZone39() {
        assertThat(Crs.gaussKruger3For(118.1).srid()).isEqualTo(4527);
        assertThat(Crs.gaussKruger3For(118.1).zone()).isEqualTo(39);
    }

    @Test
    void rejectsUnknownCrsNamingTheField() {
        assertThatThrownBy(() -> Crs.parse("EPSG:3857"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("crs"));
        assertThatThrownBy(() -> Crs.gaussKruger3(50)).isInstanceOf(ApiException.class);
    }
}
