package cn.civgeo.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.code.DivisionCode;
import org.junit.jupiter.api.Test;

class FacilityKindTest {
    @Test
    void parsesCodesLabelsAndEachHalfOfASlashedLabel() {
        assertThat(FacilityKind.parse("nursing_home")).contains(FacilityKind.NURSING_HOME);
        assertThat(FacilityKind.parse("养老机构")).contains(FacilityKind.NURSING_HOME);
        assertThat(FacilityKind.parse("日间照料中心")).contains(FacilityKind.COMMUNITY_STATION);
        assertThat(FacilityKind.parse("社区居家养老服务站/日间照料中心")).contains(FacilityKind.COMMUNITY_STATION);
        assertThat(FacilityKind.parse(" 骨灰堂 ")).contains(FacilityKind.COLUMBARIUM);
        assertThat(FacilityKind.parse("Funeral_Home")).contains(FacilityKind.FUNERAL_HOME);
        assertThat(FacilityKind.parse("医院")).isEmpty();
        assertThat(FacilityKind.parse(null)).isEmpty();
    }

    @Test
    void bedsAndCapacityFollowTheKind() {
        assertThat(FacilityKind.ELDERLY_CARE).allMatch(FacilityKind::hasBeds);
        assertThat(FacilityKind.FUNERAL_HOME.hasBeds()).isFalse();
        assertThat(FacilityKind.PUBLIC_CEMETERY.hasCapacity()).isTrue();
        assertThat(FacilityKind.COLUMBARIUM.hasCapacity()).isTrue();
        assertThat(FacilityKind.NURSING_HOME.hasCapacity()).isFalse();
        assertThat(FacilityKind.NURSING_HOME.requiresBeds()).isTrue();
        assertThat(FacilityKind.RURAL_MUTUAL_AID.requiresBeds()).isFalse();
    }

    @Test
    void divisionCodePrefixes() {
        assertThat(DivisionCode.parse("350000", "division").significant()).isEqualTo("35");
        assertThat(DivisionCode.parse("350200", "division").significant()).isEqualTo("3502");
        assertThat(DivisionCode.parse("350203", "division").significant()).isEqualTo("350203");
        assertThat(DivisionCode.parse("350203001", "division").significant()).isEqualTo("350203001");
        assertThat(DivisionCode.parse("350203001002", "division").significant()).isEqualTo("350203001002");
        assertThat(DivisionCode.parse("350200000000", "division").significant()).isEqualTo("3502");
        assertThatThrownBy(() -> DivisionCode.parse("35a", "division").significant()).isInstanceOf(ApiException.class);
    }

    @Test
    void importValueMapping() {
        assertThat(FacilityImportService.operator("公建民营")).isEqualTo("public_private");
        assertThat(FacilityImportService.operator("民办")).isEqualTo("private");
        assertThat(FacilityImportService.operator("public-private")).isEqualTo("public_private");
        assertThat(FacilityImportService.status("运营中")).isEqualTo("operating");
        assertThat(FacilityImportService.status("在建")).isEqualTo("under_construction");
        assertThat(FacilityImportService.status("已关闭")).isEqualTo("closed");
    }
}
