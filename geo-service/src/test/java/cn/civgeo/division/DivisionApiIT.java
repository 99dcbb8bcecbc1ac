package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class DivisionApiIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() { DivisionFixtures.ensureDemoCity(ctx); }

    private String districtAt(double lon, double lat) {
        JsonNode chain = get("/api/divisions/at?lon=" + lon + "&lat=" + lat).json().get("chain");
        for (JsonNode d : chain) if (d.get("level").asInt() == 3) return d.get("code").asString();
        return null;
    }

    @Test
    void simingWithParentAndTownships() {
        Response r = get("/api/divisions/350203");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("name").asString()).isEqualTo("思明区");
        assertThat(j.get("shortName").asString()).isEqualTo("思明");
        assertThat(j.get("level").asInt()).isEqualTo(3);
        assertThat(j.get("kind").asString()).isEqualTo("市辖区");
        assertThat(j.get("parent").get("code").asString()).isEqualTo("350200");
        assertThat(j.get("parent").get("name").asString()).isEqualTo("厦门市");
        assertThat(j.get("ancestors").get(0).get("code").asString()).isEqualTo("350000");
        List<String> kids = new ArrayList<>();
        j.get("children").forEach(c -> kids.add(c.get("code").asString() + c.get("name").asString()));
        assertThat(kids).contains("350203001厦港街道", "350203012鼓浪屿街道").hasSize(j.get("childCount").asInt());
        // the real district outline when the outlines package is there (scripts/fetch-outlines.sh), else synthetic
        if (j.get("geometrySource").asString().equals("synthetic")) {
            assertThat(j.get("geometryNote").asString()).contains("synthetic");
        } else {
            assertThat(j.get("geometrySource").asString()).isEqualTo("echarts-2017-gcj02-converted");
            assertThat(j.get("geometryNote").asString()).contains("approximate");
            assertThat(j.get("areaKm2").asDouble()).as("思明区 is about 84 km² of land").isBetween(60.0, 110.0);
            JsonNode town = get("/api/divisions/350203001").json();
            assertThat(town.get("geometrySource").asString()).isEqualTo("synthetic");
            // real places fall in their real districts: 鼓浪屿 in 思明区, 厦门北站 in 集美区, 同安城区 in 同安区
            assertThat(districtAt(118.0665, 24.4465)).isEqualTo("350203");
            assertThat(districtAt(118.0730, 24.6370)).isEqualTo("350211");
            assertThat(districtAt(118.1520, 24.7290)).isEqualTo("350212");
        }
        assertThat(j.get("areaKm2").asDouble()).isBetween(20.0, 1000.0);
        assertThat(j.get("population").asInt()).isPositive();
        assertThat(j.has("geometry")).isFalse();

        JsonNode g = get("/api/divisions/350203?geometry=true").json().get("geometry");
        assertThat(g.get("type").asString()).isEqualTo("MultiPolygon");
        double lon = g.get("coordinates").get(0).get(0).get(0).get(0).asDouble();
        assertThat(lon).isBetween(117.9, 118.5);
    }

    @Test
    void cityAndProvinceShortNamesAndKinds() {
        JsonNode city = get("/api/divisions/350200").json();
        assertThat(city.get("shortName").asString()).isEqualTo("厦门");
        assertThat(city.get("kind").asString()).isEqualTo("地级市");
        assertThat(city.get("pinyin").asString()).isEqualTo("xiamenshi");
        assertThat(city.get("initials").asString()).isEqualTo("xms");
        assertThat(city.get("childCount").asInt()).isEqualTo(6);
        JsonNode fujian = get("/api/divisions/350000").json();
        assertThat(fujian.get("kind").asString()).isEqualTo("省");
        assertThat(fujian.get("shortName").asString()).isEqualTo("福建");
        assertThat(fujian.has("parent")).isFalse();
    }

    @Test
    void pointInDemoCommunityGivesAllFiveLevels() {
        String community = DivisionFixtures.demoCommunity(jdbc);
        double[] p = DivisionFixtures.pointIn(jdbc, community);
        Response r = get("/api/divisions/at?lon=" + p[0] + "&lat=" + p[1]);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode chain = r.json().get("chain");
        assertThat(chain).hasSize(5);
        for (int i = 0; i < 5; i++) assertThat(chain.get(i).get("level").asInt()).isEqualTo(i + 1);
        assertThat(chain.get(0).get("code").asString()).isEqualTo("350000");
        assertThat(chain.get(1).get("code").asString()).isEqualTo("350200");
        assertThat(chain.get(2).get("code").asString()).isEqualTo("350203");
        assertThat(chain.get(3).get("code").asString()).isEqualTo(community.substring(0, 9));
        assertThat(chain.get(4).get("code").asString()).isEqualTo(community);
        assertThat(r.json().get("geometryNote").asString()).contains("synthetic");
        assertThat(r.json().get("crs").asString()).isEqualTo("EPSG:4490");
    }

    @Test
    void everyDemoVillageHasGeometryInsideItsParent() {
        long missing = jdbc.sql("select count(*) from division where code like '3502%' and status = 'active' and geom is null")
                .query(Long.class).single();
        assertThat(missing).isZero();
        // children cover their parent: the summed areas agree to 0.01 %
        Double ratio = jdbc.sql("""
                select sum(c.area_km2) / max(p.area_km2) from division c join division p on p.code = c.parent_code
                 where p.code = '350203' and c.status = 'active'""").query(Double.class).single();
        assertThat(ratio).isBetween(0.9999, 1.0001);
        long pop = jdbc.sql("select population from division where code = '350200'").query(Long.class).single();
        long sum = jdbc.sql("select sum(population) from division where parent_code = '350200'").query(Long.class).single();
        assertThat(pop).isEqualTo(sum).isBetween(2_000_000L, 9_000_000L);
    }

    @Test
    void pointInOtherCrsIsConvertedFirst() {
        String community = DivisionFixtures.demoCommunity(jdbc);
        double[] p = DivisionFixtures.pointIn(jdbc, community);
        double[] gcj = cn.civgeo.common.crs.GcjTransform.wgsToGcj(p[0], p[1]);
        JsonNode r = get("/api/divisions/at?lon=" + gcj[0] + "&lat=" + gcj[1] + "&crs=GCJ02").json();
        assertThat(r.get("crs").asString()).isEqualTo("GCJ02");
        assertThat(r.get("chain").get(4).get("code").asString()).isEqualTo(community);
        JsonNode g = get("/api/divisions/" + community + "?geometry=true&crs=GCJ02").json().get("geometry");
        JsonNode w = get("/api/divisions/" + community + "?geometry=true").json().get("geometry");
        double dx = g.get("coordinates").get(0).get(0).get(0).get(0).asDouble() - w.get("coordinates").get(0).get(0).get(0).get(0).asDouble();
        assertThat(dx).isBetween(0.002, 0.008); // GCJ-02 shifts Xiamen by roughly 500 m east
    }

    @Test
    void pointOutsideEverythingGivesEmptyChain() {
        Response r = get("/api/divisions/at?lon=-30&lat=-40");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("chain")).isEmpty();
    }

    @Test
    void villageOfAnotherProvinceResolves() {
        JsonNode v = get("/api/divisions/110101001001").json();
        assertThat(v.get("name").asString()).isEqualTo("多福巷社区居委会");
        assertThat(v.get("shortName").asString()).isEqualTo("多福巷社区");
        assertThat(v.get("level").asInt()).isEqualTo(5);
        assertThat(v.get("kind").asString()).isEqualTo("社区");
        assertThat(v.get("parent").get("code").asString()).isEqualTo("110101001");
        assertThat(v.get("ancestors").get(0).get("name").asString()).isEqualTo("北京市");
        assertThat(v.get("ancestors").get(0).get("kind").asString()).isEqualTo("直辖市");
        assertThat(v.get("ancestors")).hasSize(4);
    }

    @Test
    void prefectureCityWithoutDistrictsHoldsItsTownships() {
        JsonNode dg = get("/api/divisions/441900").json();
        assertThat(dg.get("name").asString()).isEqualTo("东莞市");
        assertThat(dg.get("level").asInt()).isEqualTo(2);
        JsonNode t = get("/api/divisions/441900003").json();
        assertThat(t.get("parent").get("code").asString()).isEqualTo("441900");
        assertThat(t.get("level").asInt()).isEqualTo(4);
        assertThat(get("/api/divisions/429004").json().get("kind").asString()).isEqualTo("县级市"); // 仙桃市 under 4290
    }

    @Test
    void registryCountsAreComplete() {
        List<Long> perLevel = jdbc.sql("select count(*) from division where code not like '99%' group by level order by level")
                .query(Long.class).list();
        assertThat(perLevel.get(0)).isEqualTo(31);
        assertThat(perLevel.get(1)).isBetween(330L, 345L);
        assertThat(perLevel.get(2)).isBetween(2_900L, 3_000L);
        assertThat(perLevel.get(3)).isBetween(41_000L, 41_400L);
        assertThat(perLevel.get(4)).isBetween(615_000L, 621_000L);
    }

    @Test
    void childrenArePaged() {
        Response r = get("/api/divisions/350203/children?limit=3&offset=2");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("items")).hasSize(3);
        assertThat(r.json().get("total").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(r.json().get("items").get(0).get("code").asString()).isEqualTo("350203005");
    }

    @Test
    void badAndUnknownCodes() {
        Response bad = get("/api/divisions/12ab");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(get("/api/divisions/999999").status()).isEqualTo(404);
        assertThat(get("/api/divisions/at?lon=500&lat=24").status()).isEqualTo(400);
        assertThat(get("/api/divisions/at?lon=118&lat=24&crs=EPSG:9999").json().get("errors").get(0).get("field").asString())
                .isEqualTo("crs");
    }
}
