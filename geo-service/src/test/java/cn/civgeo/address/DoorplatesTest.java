package cn.civgeo.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoorplatesTest {
    @Test
    void writesDoorplates() {
        assertThat(Doorplates.doorplate(12, null)).isEqualTo("12号");
        assertThat(Doorplates.doorplate(12, "之一")).isEqualTo("12号之一");
        assertThat(Doorplates.doorplate(12, "附1")).isEqualTo("12号附1");
        assertThat(Doorplates.doorplate(8, "A")).isEqualTo("8A号");
        assertThat(Doorplates.building("3")).isEqualTo("3栋");
        assertThat(Doorplates.unit("2")).isEqualTo("2单元");
        assertThat(Doorplates.room("501")).isEqualTo("501室");
        assertThat(Doorplates.building("A座")).isEqualTo("A座");
    }

    @Test
    void codes() {
        assertThat(Doorplates.code("350203001001", "3502032530000042", 7, 12, "之一", null, null, null)).isEqualTo("35020300100100004200012" + "01");
        assertThat(Doorplates.code("350203001001", null, 7, 8, "A", "3", "2", "501")).isEqualTo("350203001001000007000083" + "0-3-2-501");
        assertThat(Doorplates.suffixCode("附")).isEqualTo("20");
        assertThat(Doorplates.suffixCode("之十")).isEqualTo("10");
    }

    @Test
    void parity() {
        // east-west street numbered from the east: odd numbers on the north side
        assertThat(Doorplates.parityProblem("EW", 13, 0, 0.0003)).isNull();
        assertThat(Doorplates.parityProblem("EW", 14, 0, -0.0003)).isNull();
        assertThat(Doorplates.parityProblem("EW", 13, 0, -0.0003)).contains("odd numbers belong on the north side");
        // north-south street numbered from the north: odd numbers on the west side
        assertThat(Doorplates.parityProblem("NS", 7, -0.0002, 0)).isNull();
        assertThat(Doorplates.parityProblem("NS", 8, -0.0002, 0)).contains("even numbers belong on the east side");
        assertThat(Doorplates.parityProblem(null, 8, -0.0002, 0)).isNull();
    }
}
