package cn.civgeo.geocode.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void chineseNumeralsBeforeGenericsBecomeDigits() {
        assertThat(TextNormalizer.toDigits("八")).isEqualTo("8");
        assertThat(TextNormalizer.toDigits("十二")).isEqualTo("12");
        assertThat(TextNormalizer.toDigits("二十")).isEqualTo("20");
        assertThat(TextNormalizer.toDigits("一百零八")).isEqualTo("108");
        assertThat(TextNormalizer.toDigits("三〇一")).isEqualTo("301");
        assertThat(TextNormalizer.normalize("鹭江道八号").text()).isEqualTo("鹭江道8号");
        assertThat(TextNormalizer.normalize("鹭江道十二号二单元三〇一室").text()).isEqualTo("鹭江道12号2单元301室");
    }

    @Test
    void namesKeepTheirNumerals() {
        assertThat(TextNormalizer.normalize("五一路三明市").text()).isEqualTo("五一路三明市");
    }

    @Test
    void fullWidthDigitsAndLettersBecomeHalfWidth() {
        assertThat(TextNormalizer.normalize("鹭江道８号Ａ座").text()).isEqualTo("鹭江道8号A座");
    }

    @Test
    void noiseIsBlankedButOffsetsAreKept() {
        Normalized n = TextNormalizer.normalize("中国厦门市(近地铁站)鹭江道附近 13912345678");
        assertThat(n.text().trim()).startsWith("厦门市");
        assertThat(n.text()).doesNotContain("地铁").doesNotContain("附近").doesNotContain("139");
        int i = n.text().indexOf("鹭江道");
        assertThat(n.originalText(i, i + 3)).isEqualTo("鹭江道");
        assertThat(n.originalStart(i)).isEqualTo("中国厦门市(近地铁站)".length());
    }

    @Test
    void spansMapBackThroughShortenedNumerals() {
        Normalized n = TextNormalizer.normalize("一百零八号楼");
        assertThat(n.text()).isEqualTo("108号楼");
        assertThat(n.originalText(0, 3)).isEqualTo("一百零八");
        assertThat(n.originalText(3, 5)).isEqualTo("号楼");
    }

    @Test
    void numeralsThatGrowDoNotOverflow() {
        assertThat(TextNormalizer.normalize("十号").text()).isEqualTo("10号");
        assertThat(TextNormalizer.normalize("千号").text()).isEqualTo("1000号");
        Normalized n = TextNormalizer.normalize("路十号");
        assertThat(n.text()).isEqualTo("路10号");
        assertThat(n.text().length()).isEqualTo(4);
    }

    @Test
    void numeralsInsideDivisionAndRoadNamesAreKept() {
        assertThat(TextNormalizer.normalize("河南省三门峡市湖滨区").text()).isEqualTo("河南省三门峡市湖滨区");
        assertThat(TextNormalizer.normalize("浙江省台州市三门县").text()).isEqualTo("浙江省台州市三门县");
        assertThat(TextNormalizer.normalize("五楼村一号桥村").text()).isEqualTo("五楼村一号桥村");
        assertThat(TextNormalizer.normalize("八号楼三楼").text()).isEqualTo("8号楼3楼");
        assertThat(TextNormalizer.normalize("十二组").text()).isEqualTo("12组");
    }
}
