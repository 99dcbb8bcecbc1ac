package cn.civgeo.geocode.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressParserTest {
    private static final InMemoryGazetteer G = SmallGazetteer.build();
    private final AddressParser parser = new AddressParser(G);

    private AddressParser.Candidate best(String q) {
        AddressParser.Result r = parser.parse(q);
        assertThat(r.candidates()).as("candidates for %s", q).isNotEmpty();
        return r.best();
    }

    private static String code(AddressParser.Candidate c) { return G.code(c.unit()); }

    private static Component comp(AddressParser.Candidate c, String kind) {
        return c.components().stream().filter(x -> x.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + c.components()));
    }

    private static void assertSpan(String input, Component c) {
        assertThat(input.substring(c.start(), c.end())).isEqualTo(c.text());
    }

    @Test
    void fullAddressSplitsIntoEveryLevelWithSpans() {
        String q = "福建省厦门市思明区厦港街道鸿山社区鹭江道8号海景花园3号楼2单元301室";
        AddressParser.Candidate c = best(q);
        assertThat(code(c)).isEqualTo("350203001001");
        assertThat(comp(c, "province").value()).isEqualTo("福建省");
        assertThat(comp(c, "prefecture").code()).isEqualTo("350200");
        assertThat(comp(c, "county").code()).isEqualTo("350203");
        assertThat(comp(c, "township").code()).isEqualTo("350203001");
        assertThat(comp(c, "road").value()).isEqualTo("鹭江道");
        assertThat(comp(c, "doorplate").value()).isEqualTo("8");
        assertThat(comp(c, "compound").value()).isEqualTo("海景花园");
        assertThat(comp(c, "building").value()).isEqualTo("3");
        assertThat(comp(c, "unit").value()).isEqualTo("2");
        assertThat(comp(c, "room").value()).isEqualTo("301");
        c.components().forEach(x -> assertSpan(q, x));
        assertThat(c.confidence()).isGreaterThan(0.9);
    }

    @Test
    void wrongVillageWithTheSameNameLosesToTheHierarchy() {
        AddressParser.Candidate c = best("湖里区新村");
        assertThat(code(c)).isEqualTo("350206001201");
        AddressParser.Candidate w = best("武汉江汉新村社区");
        assertThat(code(w)).isEqualTo("420103001001");
    }

    @Test
    void missingLevels() {
        String q = "思明区鹭江道8号";
        AddressParser.Candidate c = best(q);
        assertThat(code(c)).isEqualTo("350203");
        assertThat(comp(c, "county").text()).isEqualTo("思明区");
        assertThat(comp(c, "road").value()).isEqualTo("鹭江道");
        assertThat(comp(c, "doorplate").value()).isEqualTo("8");
        assertThat(c.components()).noneMatch(x -> x.kind().equals("township"));
        assertThat(c.chain()).extracting(G::code).containsExactly("350000", "350200", "350203");
    }

    @Test
    void nationwideFullAndShortForms() {
        assertThat(code(best("湖北省武汉市江汉区民族街街道"))).isEqualTo("420103001");
        AddressParser.Candidate s = best("武汉江汉民族街");
        assertThat(code(s)).isEqualTo("420103001");
        assertThat(comp(s, "prefecture").text()).isEqualTo("武汉");
        assertThat(comp(s, "township").match()).isEqualTo("short");
        assertThat(s.confidence()).isGreaterThan(0.9);
    }

    @Test
    void levelsOutOfOrder() {
        AddressParser.Candidate c = best("民族街街道 江汉区 武汉市 湖北省");
        assertThat(code(c)).isEqualTo("420103001");
        assertThat(c.notes()).anyMatch(n -> n.contains("out of order"));
    }

    @Test
    void municipalityWithoutPrefectureName() {
        AddressParser.Candidate c = best("北京市朝阳区三里屯街道");
        assertThat(code(c)).isEqualTo("110105004");
        assertThat(c.chain()).extracting(G::code).containsExactly("110000", "110100", "110105", "110105004");
    }

    @Test
    void ambiguousCountyIsResolvedByItsProvinceAndIsLowConfidenceAlone() {
        assertThat(code(best("北京朝阳区"))).isEqualTo("110105");
        assertThat(code(best("吉林省朝阳区"))).isEqualTo("220104");
        AddressParser.Result alone = parser.parse("朝阳区");
        assertThat(alone.candidates()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(alone.best().confidence()).isLessThan(0.6);
    }

    @Test
    void citiesWithoutDistricts() {
        assertThat(code(best("广东省东莞市东城街道"))).isEqualTo("441900003");
        assertThat(code(best("中山市石岐街道孙文中路1号"))).isEqualTo("442000001");
    }

    @Test
    void countyLevelCityUnderTheProvince() {
        AddressParser.Candidate c = best("湖北省仙桃市郑场镇");
        assertThat(code(c)).isEqualTo("429004100");
        assertThat(c.components()).noneMatch(x -> "省直辖县级行政区划".equals(x.value()));
    }

    @Test
    void aliasesAndShortForms() {
        assertThat(code(best("厦门思明"))).isEqualTo("350203");
        assertThat(code(best("内蒙古呼和浩特新城区"))).isEqualTo("150102");
        assertThat(code(best("恩施州恩施市"))).isEqualTo("422801");
        AddressParser.Candidate a = best("鹭岛思明区");
        assertThat(code(a)).isEqualTo("350203");
        assertThat(comp(a, "prefecture").match()).isEqualTo("alias");
    }

    @Test
    void formerNameResolvesToTheRenamedUnit() {
        AddressParser.Candidate c = best("湖北省襄樊市樊城区");
        assertThat(code(c)).isEqualTo("420606");
        assertThat(comp(c, "prefecture").match()).isEqualTo("former");
        assertThat(comp(c, "prefecture").text()).isEqualTo("襄樊市");
        assertThat(c.notes()).anyMatch(n -> n.contains("襄樊市") && n.contains("襄阳市"));
    }

    @Test
    void abolishedUnitResolvesToItsSuccessor() {
        AddressParser.Candidate c = best("湖北省沔阳县");
        assertThat(code(c)).isEqualTo("429004");
        assertThat(c.notes()).anyMatch(n -> n.contains("429099") && n.contains("429004"));
    }

    @Test
    void typosWithinEditDistance() {
        AddressParser.Candidate c = best("湖北省五汉市江汉区");
        assertThat(code(c)).isEqualTo("420103");
        assertThat(comp(c, "prefecture").match()).isEqualTo("typo");
        assertThat(comp(c, "prefecture").text()).isEqualTo("五汉市");
        AddressParser.Candidate d = best("武汉市江汗区民族街");
        assertThat(code(d)).isEqualTo("420103001");
        assertThat(comp(d, "county").text()).isEqualTo("江汗区");
        AddressParser.Candidate e = best("厦门市思明区鼓浪鱼街道");
        assertThat(code(e)).isEqualTo("350203012");
        assertThat(e.confidence()).isLessThan(best("厦门市思明区鼓浪屿街道").confidence());
    }

    @Test
    void chineseNumeralsAndFullWidthDigits() {
        AddressParser.Candidate c = best("思明区鹭江道八号");
        assertThat(comp(c, "doorplate").value()).isEqualTo("8");
        assertThat(comp(c, "doorplate").text()).isEqualTo("八号");
        assertThat(comp(best("思明区鹭江道十二号"), "doorplate").value()).isEqualTo("12");
        assertThat(comp(best("思明区鹭江道１２号"), "doorplate").value()).isEqualTo("12");
    }

    @Test
    void noiseIsIgnored() {
        String q = "厦门市思明区鹭江道8号(近轮渡码头)附近 电话13912345678";
        AddressParser.Candidate c = best(q);
        assertThat(code(c)).isEqualTo("350203");
        assertThat(comp(c, "doorplate").value()).isEqualTo("8");
        assertThat(c.components()).noneMatch(x -> !x.kind().equals("noise") && (x.text().contains("139") || x.text().contains("码头")));
        // the stripped noise is reported with its spans (kind noise), not read as address parts
        assertThat(c.components()).filteredOn(x -> x.kind().equals("noise")).extracting(Component::text)
                .anyMatch(t -> t.contains("13912345678")).anyMatch(t -> t.contains("(近轮渡码头)"));
        c.components().forEach(x -> assertSpan(q, x));
    }

    @Test
    void poiAfterTheDivisions() {
        AddressParser.Candidate c = best("厦门市思明区厦门大学旁边");
        assertThat(comp(c, "poi").value()).isEqualTo("厦门大学");
    }

    @Test
    void aCommunityNamedAfterItsRoadDoesNotSwallowTheRoad() {
        InMemoryGazetteer g = InMemoryGazetteer.builder().add("350000", "福建省", 1, null).add("350200", "厦门市", 2, "350000")
                .add("350203", "思明区", 3, "350200").add("350203006", "鹭江街道", 4, "350203")
                .add("350203006009", "鹭江道社区居委会", 5, "350203006").build();
        AddressParser.Candidate c = new AddressParser(g).parse("思明区鹭江道8号").best();
        assertThat(g.code(c.unit())).isEqualTo("350203");
        assertThat(comp(c, "road").value()).isEqualTo("鹭江道");
        assertThat(ShortForms.addressForm("鹭江道社区居委会", 5)).isEqualTo("鹭江道社区");
        assertThat(ShortForms.addressForm("王庄村村民委员会", 5)).isEqualTo("王庄村");
        assertThat(ShortForms.addressForm("新村村委会", 5)).isEqualTo("新村");
    }

    @Test
    void aRoadNamedAfterACompoundStaysOneRoad() {
        // 溪苑 alone reads as a compound (…苑), but 中路 names no road: 溪苑中路 is the road.
        AddressParser.Candidate c = best("厦门市思明区溪苑中路75号");
        assertThat(comp(c, "road").value()).isEqualTo("溪苑中路");
        assertThat(comp(c, "doorplate").value()).isEqualTo("75");
        assertThat(c.components()).noneMatch(x -> x.kind().equals("compound"));
        // A compound followed by a named road stays a compound.
        AddressParser.Candidate d = best("厦门市思明区海景花园鹭江道8号");
        assertThat(comp(d, "compound").value()).isEqualTo("海景花园");
        assertThat(comp(d, "road").value()).isEqualTo("鹭江道");
    }

    @Test
    void roadNamesAreNotTakenForTownships() {
        // 鹭江 is also the short form of 鹭江街道, but 鹭江道 is a road.
        AddressParser.Candidate c = best("厦门市思明区鹭江道100号");
        assertThat(code(c)).isEqualTo("350203");
        assertThat(comp(c, "road").text()).isEqualTo("鹭江道");
    }

    @Test
    void unknownAddressHasNoConfidentAnswer() {
        for (String q : List.of("火星市银河区宇宙路1号", "abc", "", "1234567")) {
            AddressParser.Result r = parser.parse(q);
            assertThat(r.candidates().isEmpty() || r.best().confidence() < 0.5).as(q + " → " + r.candidates()).isTrue();
        }
    }

    @Test
    void confidenceIsHigherForFullerAddresses() {
        double full = best("福建省厦门市思明区").confidence();
        double shortOnly = best("思明").confidence();
        assertThat(full).isGreaterThan(shortOnly);
        assertThat(full).isBetween(0.0, 1.0);
    }

    @Test
    void doorplateSuffixesAreTheirOwnComponents() {
        for (String[] t : new String[][]{{"思明区鹭江道47号之一", "之一"}, {"思明区鹭江道8A号", "A"}, {"思明区鹭江道甲8号", "甲"},
                {"思明区鹭江道12号附3", "附3"}, {"思明区鹭江道8b号", "B"}}) {
            AddressParser.Candidate c = best(t[0]);
            assertThat(comp(c, "doorplate").value()).as(t[0]).isEqualTo(t[0].replaceAll("^.*?(\\d+).*$", "$1"));
            Component s = comp(c, "suffix");
            assertThat(s.value()).as(t[0]).isEqualTo(t[1]);
            assertSpan(t[0], s);
        }
        assertThat(best("思明区鹭江道8号").components()).noneMatch(x -> x.kind().equals("suffix"));
    }

    @Test
    void aVillageWhoseShortNameIsItsTownshipsIsTheVillage() {
        InMemoryGazetteer.Builder b = InMemoryGazetteer.builder();
        b.add("340000", "安徽省", 1, null).add("341200", "阜阳市", 2, "340000").add("341222", "太和县", 3, "341200");
        b.add("341222117", "坟台镇", 4, "341222").add("341222117001", "坟台居委会", 5, "341222117");
        b.add("130125100213", "坟台村委会", 5, null);
        InMemoryGazetteer g = b.build();
        AddressParser.Candidate c = new AddressParser(g).parse("坟台镇坟台").best();
        assertThat(g.code(c.unit())).isEqualTo("341222117001");
        assertThat(c.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void bracketsKeepAnAddressAndDropARemark() {
        assertThat(code(best("【福建省厦门市思明区】"))).isEqualTo("350203");
        assertThat(code(best("「厦门市思明区」"))).isEqualTo("350203");
        assertThat(code(best("【湖北省武汉市江汉区民族街街道向阳】"))).as("向阳 is a name, not a direction").isEqualTo("420103001");
        assertThat(code(best("[思明区]厦港街道"))).isEqualTo("350203001");
        AddressParser.Candidate c = best("思明区厦港街道（近地铁站）");
        assertThat(code(c)).isEqualTo("350203001");
        assertThat(c.components()).anyMatch(x -> x.kind().equals("noise") && x.text().equals("（近地铁站）"));
        assertThat(c.components()).noneMatch(x -> x.kind().equals("poi"));
    }

    @Test
    void anUnknownDivisionNameAfterTheMatchLowersTheConfidence() {
        AddressParser.Candidate c = best("厦门市火星区");
        assertThat(code(c)).isEqualTo("350200");
        assertThat(c.confidence()).isLessThan(0.8);
        assertThat(best("厦门市思明区").confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void aShortFormMayNotBorrowTheGenericOfTheFullNameBeforeIt() {
        InMemoryGazetteer.Builder b = InMemoryGazetteer.builder();
        b.add("510000", "四川省", 1, null).add("511000", "内江市", 2, "510000").add("511002", "市中区", 3, "511000");
        b.add("511011", "东兴区", 3, "511000");
        b.add("650000", "新疆维吾尔自治区", 1, null).add("653100", "喀什地区", 2, "650000").add("653125", "莎车县", 3, "653100");
        b.add("653125100", "莎车镇", 4, "653125");
        InMemoryGazetteer g = b.build();
        AddressParser p = new AddressParser(g);
        // 内江市|中山路78号: not 内江 + 市中(区) + 山路
        AddressParser.Candidate c = p.parse("四川省内江市中山路78号").best();
        assertThat(g.code(c.unit())).isEqualTo("511000");
        assertThat(c.components()).anyMatch(x -> x.kind().equals("road") && x.value().equals("中山路"));
        // 莎车县 written twice is the county, not 莎车(镇) + 县…
        assertThat(g.code(p.parse("喀什地区莎车县莎车县").best().unit())).isEqualTo("653125");
    }
}
