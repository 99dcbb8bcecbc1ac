package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionNamesTest {
    @Test
    void shortNames() {
        assertThat(DivisionNames.shortName(3, "思明区")).isEqualTo("思明");
        assertThat(DivisionNames.shortName(2, "厦门市")).isEqualTo("厦门");
        assertThat(DivisionNames.shortName(5, "多福巷社区居委会")).isEqualTo("多福巷社区");
        assertThat(DivisionNames.shortName(5, "前进村委会")).isEqualTo("前进村");
        assertThat(DivisionNames.shortName(5, "石门村村民委员会")).isEqualTo("石门村");
        assertThat(DivisionNames.shortName(1, "广西壮族自治区")).isEqualTo("广西");
        assertThat(DivisionNames.shortName(1, "新疆维吾尔自治区")).isEqualTo("新疆");
        assertThat(DivisionNames.shortName(1, "内蒙古自治区")).isEqualTo("内蒙古");
        assertThat(DivisionNames.shortName(1, "西藏自治区")).isEqualTo("西藏");
        assertThat(DivisionNames.shortName(2, "黔西南布依族苗族自治州")).isEqualTo("黔西南");
        assertThat(DivisionNames.shortName(3, "长阳土家族自治县")).isEqualTo("长阳");
        assertThat(DivisionNames.shortName(3, "鄂伦春自治旗")).isEqualTo("鄂伦春");
        assertThat(DivisionNames.shortName(3, "沙县")).isEqualTo("沙县");
        assertThat(DivisionNames.shortName(3, "城区")).isEqualTo("城区");
        assertThat(DivisionNames.shortName(4, "厦港街道")).isEqualTo("厦港");
        assertThat(DivisionNames.shortName(2, "市辖区")).isEqualTo("市辖区");
    }

    @Test
    void kindsFromNamesAndRanges() {
        assertThat(DivisionNames.kindOf(1, "110000", "北京市")).isEqualTo("直辖市");
        assertThat(DivisionNames.kindOf(1, "450000", "广西壮族自治区")).isEqualTo("自治区");
        assertThat(DivisionNames.kindOf(1, "350000", "福建省")).isEqualTo("省");
        assertThat(DivisionNames.kindOf(2, "522300", "黔西南布依族苗族自治州")).isEqualTo("自治州");
        assertThat(DivisionNames.kindOf(2, "429000", "省直辖县级行政区划")).isEqualTo("省直辖县级行政区划");
        assertThat(DivisionNames.kindOf(2, "152900", "阿拉善盟")).isEqualTo("盟");
        assertThat(DivisionNames.kindOf(3, "350203", "思明区")).isEqualTo("市辖区");
        assertThat(DivisionNames.kindOf(3, "350181", "福清市")).isEqualTo("县级市");
        assertThat(DivisionNames.kindOf(3, "350128", "平潭县")).isEqualTo("县");
        assertThat(DivisionNames.kindOf(4, "350203001", "厦港街道")).isEqualTo("街道");
        assertThat(DivisionNames.kindOf(4, "350212102", "汀溪镇")).isEqualTo("镇");
        assertThat(DivisionNames.kindOf(4, "350212400", "竹坝华侨农场")).isEqualTo("其他");
        assertThat(DivisionNames.kindOf(5, "110101001001", "多福巷社区居委会")).isEqualTo("社区");
        assertThat(DivisionNames.kindOf(5, "350212102201", "汀溪村委会")).isEqualTo("村");
        assertThat(DivisionNames.kindMatchesRange(3, "350203", "市辖区")).isTrue();
        assertThat(DivisionNames.kindMatchesRange(3, "350281", "市辖区")).isFalse();
        assertThat(DivisionNames.kindMatchesRange(4, "350203001", "镇")).isFalse();
        assertThat(DivisionNames.kindMatchesRange(5, "350212102201", "村")).isTrue();
    }

    @Test
    void levelsAndParents() {
        assertThat(DivisionNames.levelOf("350000")).isEqualTo(1);
        assertThat(DivisionNames.levelOf("350200")).isEqualTo(2);
        assertThat(DivisionNames.levelOf("350203")).isEqualTo(3);
        assertThat(DivisionNames.levelOf("350203001")).isEqualTo(4);
        assertThat(DivisionNames.levelOf("350203001001")).isEqualTo(5);
        assertThat(DivisionNames.levelOf("3502")).isEqualTo(-1);
        assertThat(DivisionNames.levelOf("000000")).isEqualTo(-1);
        assertThat(DivisionNames.impliedParent("350203001001")).isEqualTo("350203001");
        assertThat(DivisionNames.impliedParent("350203")).isEqualTo("350200");
        assertThat(DivisionNames.impliedParent("350200")).isEqualTo("350000");
        assertThat(DivisionNames.pad("35")).isEqualTo("350000");
        assertThat(DivisionNames.pad("3502")).isEqualTo("350200");
    }

    @Test
    void pinyinReadsPlaceNames() {
        assertThat(DivisionPinyin.of("厦门市")).containsExactly("xiamenshi", "xms");
        assertThat(DivisionPinyin.of("重庆市")).containsExactly("chongqingshi", "cqs");
        assertThat(DivisionPinyin.of("六安市")).containsExactly("luanshi", "las");
        assertThat(DivisionPinyin.of("蚌埠市")).containsExactly("bengbushi", "bbs");
        assertThat(DivisionPinyin.of("思明区")).containsExactly("simingqu", "smq");
        assertThat(DivisionPinyin.normalise("Xia Men")).isEqualTo("xiamen");
        assertThat(DivisionPinyin.normalise("Xi'an")).isEqualTo("xian");
    }
}
