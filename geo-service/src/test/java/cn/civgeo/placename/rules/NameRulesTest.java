package cn.civgeo.placename.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {
    private final NameRules rules = new NameRules(PlaceNameRomanizer.standard(), 1000, "垵筼筜");

    private List<Finding> check(String name, String category) { return check(name, category, null); }

    private List<Finding> check(String name, String category, Double length) {
        return rules.check(new NameRules.Subject(name, category, length), List.of(), List.of(), Map.of());
    }

    private static List<NameRule> rulesOf(List<Finding> f) { return f.stream().map(Finding::rule).toList(); }

    // --- 大
    @ParameterizedTest
    @ValueSource(strings = {"宇宙花园", "中央公园", "天下第一城广场", "世界广场", "环球大厦", "欧洲小区", "中华大厦", "万国广场", "皇家花园", "帝王大厦"})
    void exaggeratedWords(String name) {
        List<Finding> f = check(name, PlaceCategories.BUILDING);
        assertThat(f).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo(NameRule.EXAGGERATED);
            assertThat(x.label()).isEqualTo("大");
            assertThat(x.triggers()).isNotEmpty().allSatisfy(t -> assertThat(name).contains(t));
            assertThat(x.fix()).isNotBlank();
        });
    }

    @Test
    void genericAboveRank() {
        assertThat(check("槐树大道", PlaceCategories.LANE)).extracting(Finding::check).contains("generic-above-rank");
        List<Finding> shortAvenue = check("槐树大道", PlaceCategories.ROAD, 420.0);
        assertThat(shortAvenue).singleElement().satisfies(x -> {
            assertThat(x.triggers()).containsExactly("大道");
            assertThat(x.reason()).contains("420 m");
        });
        assertThat(check("阳光城", PlaceCategories.URBAN_RESIDENTIAL)).extracting(Finding::triggers).containsExactly(List.of("城"));
    }

    @Test
    void notExaggerated() {
        assertThat(check("槐树大道", PlaceCategories.ROAD, 3200.0)).isEmpty();
        assertThat(check("湖滨南路", PlaceCategories.ROAD, 300.0)).isEmpty();
        assertThat(check("槐树巷", PlaceCategories.LANE)).isEmpty();
        assertThat(check("筼筜花园", PlaceCategories.URBAN_RESIDENTIAL)).isEmpty();
        assertThat(check("大学路", PlaceCategories.ROAD)).isEmpty();
    }

    // --- 洋
    @ParameterizedTest
    @ValueSource(strings = {"曼哈顿广场", "威尼斯花园", "香榭丽舍大街", "维多利亚小区", "普罗旺斯花园", "休斯顿小区"})
    void foreignNames(String name) {
        assertThat(check(name, PlaceCategories.URBAN_RESIDENTIAL)).anySatisfy(x -> {
            assertThat(x.rule()).isEqualTo(NameRule.FOREIGN);
            assertThat(x.triggers()).isNotEmpty();
        });
    }

    @Test
    void chineseNamesAreNotForeign() {
        for (String n : List.of("鼓浪屿", "白鹭洲公园", "中山公园", "克拉玛依市", "哈尔滨市", "思明区", "仙岳路", "莲坂小区")) {
            assertThat(rulesOf(check(n, PlaceCategories.PARK))).as(n).doesNotContain(NameRule.FOREIGN);
        }
    }

    @Test
    void historicNamesAreExempt() {
        List<Finding> f = rules.check(new NameRules.Subject("白求恩国际和平医院", "2920", null), List.of(), List.of(),
                Map.of(NameRule.FOREIGN, "historic name in settled use since 1940", NameRule.EXAGGERATED, "historic name in settled use since 1940"));
        assertThat(f).extracting(Finding::rule).containsExactlyInAnyOrder(NameRule.EXAGGERATED, NameRule.FOREIGN);
        assertThat(f).allSatisfy(x -> assertThat(x.exemptReason()).contains("historic"));
        // without the exemption the same name is flagged
        assertThat(check("白求恩国际和平医院", "2920")).noneMatch(Finding::exempted).hasSize(2);
    }

    // --- 怪
    @Test
    void bizarreNames() {
        assertThat(check("一二三路", PlaceCategories.ROAD)).extracting(Finding::check).containsExactly("numeric-specific");
        assertThat(check("888大厦", PlaceCategories.BUILDING)).extracting(Finding::check).containsExactly("numeric-specific");
        assertThat(check("24克拉花园", PlaceCategories.URBAN_RESIDENTIAL)).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo("digit-mix");
            assertThat(x.triggers()).containsExactly("24");
        });
        assertThat(check("8哩岛", "1140")).extracting(Finding::check).containsExactly("digit-mix");
        assertThat(check("海景·名苑", PlaceCategories.URBAN_RESIDENTIAL)).extracting(Finding::check).containsExactly("separator");
        assertThat(check("阳光-假日小区", PlaceCategories.URBAN_RESIDENTIAL)).extracting(Finding::check).containsExactly("separator");
        assertThat(check("ABC公寓", PlaceCategories.BUILDING)).extracting(Finding::triggers).containsExactly(List.of("ABC"));
        assertThat(check("阎王巷", PlaceCategories.LANE)).extracting(Finding::check).containsExactly("vulgar-or-feudal");
        assertThat(check("𠀾山路", PlaceCategories.ROAD)).extracting(Finding::check).containsExactly("rare-character");
    }

    @Test
    void ordinaryNamesAreNotBizarre() {
        for (String n : List.of("湖滨南路", "二环路", "曾厝垵", "厦禾路", "第一码头", "十里长堤", "五缘湾")) {
            assertThat(check(n, PlaceCategories.ROAD)).as(n).isEmpty();
        }
    }

    // --- 重
    @Test
    void duplicatesAndHomophones() {
        List<NameRules.Other> town = List.of(new NameRules.Other("沿河路", "pn-1"), new NameRules.Other("湖滨路", "pn-2"),
                new NameRules.Other("新华路", "pn-3"));
        List<String> prefixes = List.of("厦门", "思明");
        var s = new NameRules.Subject("沿河路", PlaceCategories.ROAD, null);
        assertThat(rules.check(s, town.subList(1, 3), prefixes, Map.of())).isEmpty();
        Finding dup = rules.check(s, town, prefixes, Map.of()).get(0);
        assertThat(dup.check()).isEqualTo("duplicate");
        assertThat(dup.others()).containsExactly("沿河路 (pn-1)");
        // homophone: same toneless pinyin
        Finding homo = rules.check(new NameRules.Subject("延河路", PlaceCategories.ROAD, null), town, prefixes, Map.of()).get(0);
        assertThat(homo.check()).isEqualTo("homophone");
        assertThat(homo.triggers().get(0)).contains("yanhelu");
        // a city prefix or 新/大 does not make a name different
        assertThat(rules.check(new NameRules.Subject("厦门湖滨路", PlaceCategories.ROAD, null), town, prefixes, Map.of()))
                .extracting(Finding::check).containsExactly("duplicate");
        assertThat(rules.check(new NameRules.Subject("大湖滨路", PlaceCategories.ROAD, null), town, prefixes, Map.of()))
                .extracting(Finding::check).containsExactly("duplicate");
        // counties compare their specific part only
        assertThat(rules.check(new NameRules.Subject("通州市", PlaceCategories.COUNTY, null), List.of(new NameRules.Other("通州区", "110112")),
                List.of(), Map.of())).extracting(Finding::check).containsExactly("duplicate");
    }

    @Test
    void scopes() {
        assertThat(PlaceCategories.scopePrefix(PlaceCategories.ROAD, "350203001")).isEqualTo("3502");
        assertThat(PlaceCategories.scopePrefix(PlaceCategories.ROAD, "350322101")).isEqualTo("350322101");
        assertThat(PlaceCategories.scopePrefix(PlaceCategories.TOWNSHIP, "350203001")).isEqualTo("350203");
        assertThat(PlaceCategories.scopePrefix(PlaceCategories.COMMUNITY, "350203001002")).isEqualTo("350203001");
        assertThat(PlaceCategories.scopePrefix(PlaceCategories.COUNTY, "350203")).isEmpty();
    }
}
