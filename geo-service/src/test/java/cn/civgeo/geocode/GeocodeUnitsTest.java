package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.geocode.parse.AddressParser;
import cn.civgeo.geocode.parse.InMemoryGazetteer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** Distances, bearings, standard addresses, suggestions and the point locator, without a database. */
class GeocodeUnitsTest {

    @Test
    void distanceAndBearing() {
        // One degree of latitude is ~111.2 km on the mean sphere; due east is 90°.
        assertThat(GeocodeService.distanceM(118, 24, 118, 25)).isCloseTo(111_195, within(50.0));
        assertThat(GeocodeService.bearing(118, 24, 118.001, 24)).isCloseTo(90, within(0.01));
        assertThat(GeocodeService.bearing(118, 24, 118, 23.99)).isCloseTo(180, within(0.01));
        assertThat(GeocodeService.DIRECTIONS[(int) Math.round(GeocodeService.bearing(118, 24, 118.001, 24.001) / 45.0) % 8]).isEqualTo("东北");
    }

    private static InMemoryGazetteer gazetteer() {
        return InMemoryGazetteer.builder()
                .add("110000", "北京市", 1, null).add("110100", "市辖区", 2, "110000").add("110105", "朝阳区", 3, "110100")
                .add("350000", "福建省", 1, null).add("350200", "厦门市", 2, "350000").add("350203", "思明区", 3, "350200")
                .add("350203001", "厦港街道", 4, "350203")
                .build();
    }

    @Test
    void standardAddressSkipsPlaceholdersAndWritesNumbersInStandardForm() {
        InMemoryGazetteer g = gazetteer();
        AddressParser p = new AddressParser(g);
        assertThat(GeocodeService.standardAddress(g, p.parse("北京朝阳").best())).isEqualTo("北京市朝阳区");
        assertThat(GeocodeService.standardAddress(g, p.parse("思明鹭江道八号3栋二单元501").best()))
                .isEqualTo("福建省厦门市思明区鹭江道8号3号楼2单元501室");
    }

    @Test
    void suggestByPrefixPinyinInitialsAndWithin() {
        InMemoryGazetteer g = gazetteer();
        String[] pinyin = new String[g.size()], initials = new String[g.size()];
        pinyin[g.find("350200")] = "xiamenshi";
        initials[g.find("350200")] = "xms";
        Suggester s = new Suggester(g, pinyin, initials);
        assertThat(s.suggest(g, "厦", null, 10)).extracting(h -> g.code(h.unit())).containsExactly("350200", "350203001");
        assertThat(s.suggest(g, "XiaM", null, 10)).extracting(Suggester.Hit::matchedBy).containsExactly("pinyin");
        assertThat(s.suggest(g, "xm", null, 10)).extracting(h -> g.code(h.unit())).containsExactly("350200");
        assertThat(s.suggest(g, "厦", "350203", 10)).extracting(h -> g.code(h.unit())).containsExactly("350203001");
        assertThat(s.suggest(g, "市辖", null, 10)).isEmpty();
    }

    @Test
    void locatorFindsTheFinestUnit() throws Exception {
        InMemoryGazetteer g = gazetteer();
        WKTReader r = new WKTReader();
        DivisionLocator l = new DivisionLocator(List.of(
                new DivisionLocator.Part(g.find("350203"), 3, r.read("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")),
                new DivisionLocator.Part(g.find("350203001"), 4, r.read("POLYGON((0 0, 5 0, 5 5, 0 5, 0 0))"))));
        assertThat(l.finest(1, 1)).isEqualTo(g.find("350203001"));
        assertThat(l.finest(7, 7)).isEqualTo(g.find("350203"));
        assertThat(l.finest(5, 5)).isEqualTo(g.find("350203001"));
        assertThat(l.finest(11, 1)).isEqualTo(-1);
    }
}
