package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionPinyinTest {
    @Test
    void placeReadingsOfPolyphonicCharacters() {
        assertThat(DivisionPinyin.of("厦门市")).containsExactly("xiamenshi", "xms");
        assertThat(DivisionPinyin.of("长治市")).containsExactly("changzhishi", "czs");
        assertThat(DivisionPinyin.of("六安市")[0]).isEqualTo("luanshi");
        assertThat(DivisionPinyin.of("蚌埠市")[0]).isEqualTo("bengbushi");
    }
}
