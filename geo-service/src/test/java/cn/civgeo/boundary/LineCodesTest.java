package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineCodesTest {
    @Test
    void countyLineCodeIsBothCodesSmallerFirst() {
        assertThat(LineCodes.lineCode("350206", "350203", 3)).isEqualTo("350203350206");
        assertThat(LineCodes.lineName("350206", "湖里区", "350203", "思明区")).isEqualTo("思明区—湖里区线");
    }

    @Test
    void provinceAndTownshipPrefixes() {
        assertThat(LineCodes.lineCode("360000", "350000", 1)).isEqualTo("3536");
        assertThat(LineCodes.lineCode("350203001", "350203002", 4)).isEqualTo("350203001350203002");
        assertThatThrownBy(() -> LineCodes.lineCode("35", "36", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
