package cn.civgeo.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.common.ApiException;
import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    @Test
    void levelsParentsAndSignificantPrefixes() {
        String[][] cases = {
                {"350000", "1", null, "35"}, {"350200", "2", "350000", "3502"}, {"350203", "3", "350200", "350203"},
                {"350203001", "4", "350203", "350203001"}, {"350203001002", "5", "350203001", "350203001002"}};
        for (String[] c : cases) {
            DivisionCode d = DivisionCode.of(c[0]);
            assertThat(d.level()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(d.parent() == null ? null : d.parent().value()).as(c[0]).isEqualTo(c[2]);
            assertThat(d.significant()).as(c[0]).isEqualTo(c[3]);
        }
    }

    @Test
    void paddedRegistryCodesAreNormalised() {
        assertThat(DivisionCode.of(" 350203001000 ").value()).isEqualTo("350203001");
        assertThat(DivisionCode.of("350200000000").value()).isEqualTo("350200");
        assertThat(DivisionCode.significant("350200000000")).isEqualTo("3502");
        assertThat(DivisionCode.of("350203").contains(DivisionCode.of("350203001002"))).isTrue();
        assertThat(DivisionCode.of("350203").contains(DivisionCode.of("350206001"))).isFalse();
        assertThat(DivisionCode.of("350200").contains(DivisionCode.of("350206001"))).isTrue();
    }

    @Test
    void whatIsNotACode() {
        assertThat(DivisionCode.levelOf("35")).isEqualTo(-1);
        assertThat(DivisionCode.levelOf("000000")).isEqualTo(-1);
        assertThat(DivisionCode.levelOf("3502031")).isEqualTo(-1);
        assertThat(DivisionCode.significant("3502")).as("a prefix stays a prefix").isEqualTo("3502");
        assertThatThrownBy(() -> DivisionCode.parse("35a", "within")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("within"));
        assertThatThrownBy(() -> new DivisionCode("12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
