package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.common.crs.GcjTransform;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Forward, reverse and suggest over HTTP against the national registry and the demo city. */
class GeocodeIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    GeocodeIndex index;

    @BeforeEach
    void data() {
        DivisionFixtures.ensureDemoCity(ctx);
        GeocodeTestIndex.ready(index);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    JsonNode geocode(String q, String extra) {
        Response r = get("/api/geocode?q=" + enc(q) + extra);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode best(String q) {
        JsonNode j = geocode(q, "");
        assertThat(j.get("candidates").size()).as(j.toString()).isPositive();
        return j.get("candidates").get(0);
    }

    @Test
    void nationwideFullAddressOutsideTheDemoCity() {
        JsonNode j = geocode("湖北省武汉市江汉区民族街街道", "");
        assertThat(j.get("status").asString()).isEqualTo("matched");
        JsonNode c = j.get("candidates").get(0);
        assertThat(c.get("code").asString()).isEqualTo("420103001");
        assertThat(c.get("matchLevel").asString()).isEqualTo("township");
        assertThat(c.get("divisions").findValuesAsString("code")).containsExactly("420000", "420100", "420103", "420103001");
        assertThat(c.get("address").asString()).isEqualTo("湖北省武汉市江汉区民族街街道");
        assertThat(c.get("confidence").asDouble()).isGreaterThan(0.9);
        if (DivisionFixtures.ensureOutlines(ctx)) {
            // Outside the demo city the location is the county's approximate outline (GeocodeNationwideIT), marked so.
            assertThat(c.get("location").get("coordinates").get(0).asDouble()).isBetween(114.0, 114.5);
            assertThat(c.get("locationLevel").asString()).isEqualTo("county");
            assertThat(c.get("geometrySource").asString()).isEqualTo(CountyOutlines.GEOMETRY_SOURCE);
        } else {
            // Without the outlines the registry has no geometry outside the demo city: no location, and the answer says so.
            assertThat(c.get("location")).isNull();
            assertThat(c.get("notes").toString()).contains("no geometry");
        }
    }

    @Test
    void shortFormsGiveTheSameAnswer() {
        JsonNode c = best("武汉江汉民族街");
        assertThat(c.get("code").asString()).isEqualTo("420103001");
        assertThat(c.get("confidence").asDouble()).isGreaterThan(0.8);
        JsonNode prefecture = c.get("components").get(0);
        assertThat(prefecture.get("kind").asString()).isEqualTo("prefecture");
        assertThat(prefecture.get("text").asString()).isEqualTo("武汉");
        assertThat(prefecture.get("start").asInt()).isZero();
        assertThat(prefecture.get("end").asInt()).isEqualTo(2);
    }

    @Test
    void formerNameResolvesToToday() {
        JsonNode c = best("湖北省襄樊市樊城区");
        assertThat(c.get("code").asString()).isEqualTo("420606");
        assertThat(c.get("notes").toString()).contains("襄樊市").contains("襄阳市");
    }

    @Test
    void typoIsCorrectedWithLowerConfidence() {
        JsonNode typo = best("湖北省武汉市江汗区民族街街道");
        assertThat(typo.get("code").asString()).isEqualTo("420103001");
        assertThat(typo.get("notes").toString()).contains("typo");
        assertThat(typo.get("confidence").asDouble()).isLessThan(best("湖北省武汉市江汉区民族街街道").get("confidence").asDouble());
    }

    @Test
    void unknownAddressHasNoConfidentAnswer() {
        JsonNode j = geocode("火星市银河区宇宙路1号", "");
        assertThat(j.get("status").asString()).isNotEqualTo("matched");
        for (JsonNode c : j.get("candidates")) assertThat(c.get("confidence").asDouble()).isLessThan(0.5);
    }

    @Test
    void structuredFormGivesTheSameAnswer() {
        Response r = get("/api/geocode?province=" + enc("湖北") + "&city=" + enc("武汉") + "&county=" + enc("江汉区")
                + "&town=" + enc("民族街街道"));
        assertThat(r.json().get("candidates").get(0).get("code").asString()).isEqualTo("420103001");
    }

    @Test
    void demoCityUnitHasARepresentativePointInsideIt() {
        JsonNode c = best("厦门市思明区厦港街道");
        assertThat(c.get("code").asString()).isEqualTo(DivisionFixtures.XIAGANG);
        assertThat(c.get("locationLevel").asString()).isEqualTo("township");
        double lon = c.get("location").get("coordinates").get(0).asDouble(), lat = c.get("location").get("coordinates").get(1).asDouble();
        boolean inside = jdbc.sql("select st_covers(geom, st_setsrid(st_point(:x, :y), 4490)) from division where code = :c")
                .param("x", lon).param("y", lat).param("c", DivisionFixtures.XIAGANG).query(Boolean.class).single();
        assertThat(inside).isTrue();

        JsonNode gcj = geocode("厦门市思明区厦港街道", "&crs=GCJ02").get("candidates").get(0).get("location").get("coordinates");
        double[] expected = GcjTransform.wgsToGcj(lon, lat);
        assertThat(gcj.get(0).asDouble()).isCloseTo(expected[0], within(1e-6));
        assertThat(gcj.get(1).asDouble()).isCloseTo(expected[1], within(1e-6));
    }

    @Test
    void reverseGivesTheDivisionChainInEveryCrs() {
        String community = DivisionFixtures.demoCommunity(jdbc);
        double[] p = DivisionFixtures.pointIn(jdbc, community);
        JsonNode r = get("/api/reverse?lon=" + p[0] + "&lat=" + p[1]).json();
        JsonNode divisions = r.get("divisions");
        assertThat(divisions.get(divisions.size() - 1).get("code").asString()).isEqualTo(community);
        assertThat(divisions.get(0).get("code").asString()).isEqualTo("350000");
        assertThat(r.get("matchLevel").asString()).isEqualTo("village");

        double[] g = GcjTransform.wgsToGcj(p[0], p[1]);
        JsonNode viaGcj = get("/api/reverse?lon=" + g[0] + "&lat=" + g[1] + "&crs=GCJ02").json();
        assertThat(viaGcj.get("divisions").toString()).isEqualTo(divisions.toString());
        assertThat(metres(viaGcj.get("cgcs2000").get(0).asDouble(), viaGcj.get("cgcs2000").get(1).asDouble(), p[0], p[1])).isLessThan(0.5);

        double[] b = GcjTransform.wgsToBd(p[0], p[1]);
        JsonNode viaBd = get("/api/reverse?lon=" + b[0] + "&lat=" + b[1] + "&crs=BD09").json();
        assertThat(viaBd.get("divisions").toString()).isEqualTo(divisions.toString());

        JsonNode gk = get("/api/reverse?lon=" + p[0] + "&lat=" + p[1]).json();
        assertThat(gk.get("crs").asString()).isEqualTo("EPSG:4490");
    }

    @Test
    void gcj02ReferencePointsComeBackWithinHalfAMetre() {
        double[][] pairs = {
                {121.5272106, 31.1774276, 121.531541859215, 31.17530398364597},
                {113.912316, 22.543847, 113.9171764808363, 22.540796131694766},
                {116.377817, 39.911954, 116.38404722455657, 39.91334545536069}};
        for (double[] p : pairs) {
            JsonNode r = get("/api/reverse?lon=" + p[2] + "&lat=" + p[3] + "&crs=GCJ02").json();
            double lon = r.get("cgcs2000").get(0).asDouble(), lat = r.get("cgcs2000").get(1).asDouble();
            assertThat(metres(lon, lat, p[0], p[1])).isLessThan(0.5);
        }
    }

    @Test
    void reverseOutsideEveryDivisionIsEmptyNotAnError() {
        JsonNode r = get("/api/reverse?lon=150.0&lat=-30.0").json();
        assertThat(r.get("divisions").size()).isZero();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Response noQ = get("/api/geocode");
        assertThat(noQ.status()).isEqualTo(400);
        assertThat(noQ.contentType()).startsWith("application/problem+json");
        assertThat(noQ.json().get("errors").findValuesAsString("field")).contains("q");
        assertThat(get("/api/reverse?lon=200&lat=10").json().get("errors").findValuesAsString("field")).contains("lon");
        assertThat(get("/api/reverse?lon=118&lat=24&radius=0").json().get("errors").findValuesAsString("field")).contains("radius");
        assertThat(get("/api/geocode?q=x&crs=EPSG:9999").json().get("errors").findValuesAsString("field")).contains("crs");
    }

    @Test
    void suggestByNamePinyinAndInitials() {
        JsonNode byName = get("/api/suggest?q=" + enc("厦门")).json();
        assertThat(byName.get(0).get("code").asString()).isEqualTo("350200");
        JsonNode byPinyin = get("/api/suggest?q=xiamen").json();
        assertThat(byPinyin.findValuesAsString("code")).contains("350200");
        JsonNode within = get("/api/suggest?q=" + enc("厦港") + "&within=350203").json();
        assertThat(within.findValuesAsString("code")).contains(DivisionFixtures.XIAGANG);
        for (JsonNode s : within) assertThat(s.get("code").asString()).startsWith("350203");
        JsonNode initials = get("/api/suggest?q=smq&within=350200").json();
        assertThat(initials.findValuesAsString("code")).contains("350203");
    }

    static double metres(double lon1, double lat1, double lon2, double lat2) {
        return GeocodeService.distanceM(lon1, lat1, lon2, lat2);
    }
}
