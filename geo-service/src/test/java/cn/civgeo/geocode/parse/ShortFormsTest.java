package cn.civgeo.geocode.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortFormsTest {

    @Test
    void shortFormsPerLevel() {
        assertThat(ShortForms.of("内蒙古自治区", 1)).containsExactly("内蒙古");
        assertThat(ShortForms.of("广西壮族自治区", 1)).containsExactly("广西");
        assertThat(ShortForms.of("北京市", 1)).containsExactly("北京");
        assertThat(ShortForms.of("厦门市", 2)).containsExactly("厦门");
        assertThat(ShortForms.of("恩施土家族苗族自治州", 2)).containsExactly("恩施", "恩施州");
        assertThat(ShortForms.of("巴音郭楞蒙古自治州", 2)).contains("巴音郭楞");
        assertThat(ShortForms.of("思明区", 3)).containsExactly("思明");
        assertThat(ShortForms.of("长阳土家族自治县", 3)).containsExactly("长阳");
        assertThat(ShortForms.of("忠县", 3)).isEmpty();
        assertThat(ShortForms.of("民族街街道", 4)).containsExactly("民族街");
        assertThat(ShortForms.of("多福巷社区居委会", 5)).containsExactlyInAnyOrder("多福巷社区", "多福巷");
        assertThat(ShortForms.of("王庄村村民委员会", 5)).containsExactly("王庄村", "王庄");
        assertThat(ShortForms.of("新村村委会", 5)).containsExactly("新村");
    }
}
