package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.PlaceNameFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue #20, never confidently wrong: a doorplate found without the district, road and number with an area bias,
 * suffixes kept, unknown doorplates answered at road level with the unverified text, former names, brackets and noise.
 */
class GeocodeStreetLevelIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    GeocodeIndex index;
    @Autowired
    Aliases aliases;
    @Autowired
    DivisionService divisions;

    @BeforeEach
    void data() {
        PlaceNameFixtures.ensureDemo(ctx);
        index.refreshIfChanged();
        GeocodeTestIndex.ready(index);
    }

    private Map<String, Object> address(boolean suffixed) {
        return jdbc.sql("""
                select a.code, a.community_code, p.name as road, a.number, a.number_suffix, st_x(a.geom) as lon, st_y(a.geom) as lat,
                       (select name from division where code = a.county_code) as county
                  from address a join place_name p on p.id = a.road_id
                 where a.building is null and (a.number_suffix is not null) = :s and a.status = 'active' and a.source = 'demo'
                   and exists (select 1 from address b where b.road_id = a.road_id and b.number = a.number and b.number_suffix is null)
                 order by a.id limit 1""").param("s", suffixed).query().singleRow();
    }

    private JsonNode best(String query) {
        JsonNode r = get("/api/geocode?limit=1&" + query).json();
        assertThat(r.get("candidates").isEmpty()).as(query + " → " + r).isFalse();
        return r.get("candidates").get(0);
    }

    private static List<String> texts(JsonNode components) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : components) out.add(c.get("text").asString());
        return out;
    }

    @Test
    void cityRoadAndNumberWithoutTheDistrictFindTheDoorplate() {
        Map<String, Object> a = address(false);
        String q = "厦门市" + a.get("road") + a.get("number") + "号";
        JsonNode c = best("q=" + GeocodeIT.enc(q));
        assertThat(c.get("matchLevel").asString()).as(q).isEqualTo("doorplate");
        assertThat(c.get("addressCode").asString()).isEqualTo(a.get("code"));
        assertThat(c.get("code").asString()).isEqualTo(a.get("community_code"));
        assertThat(c.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void roadAndNumberAloneAreSearchedNationwideOrWithAnAreaBias() {
        Map<String, Object> a = address(false);
        String q = GeocodeIT.enc(a.get("road") + "" + a.get("number") + "号");
        JsonNode alone = get("/api/geocode?limit=5&q=" + q).json();
        // no bias at all: the road searched nationwide by its exact name; answered when it is the only one with that number
        long roads = jdbc.sql("""
                select count(distinct a.road_id) from address a join place_name p on p.id = a.road_id
                 where p.name = :r and a.number = :n and a.status = 'active'""")
                .param("r", a.get("road")).param("n", a.get("number")).query(Long.class).single();
        JsonNode first = alone.get("candidates").get(0);
        assertThat(first.get("notes").toString()).contains("road searched nationwide");
        if (roads == 1) {
            assertThat(alone.get("status").asString()).isEqualTo("matched");
            assertThat(first.get("addressCode").asString()).isEqualTo(a.get("code"));
        } else {
            assertThat(alone.get("status").asString()).isEqualTo("uncertain");
            assertThat(alone.get("candidates").findValuesAsString("addressCode")).contains((String) a.get("code"));
        }
        JsonNode within = best("q=" + q + "&within=350200");
        assertThat(within.get("addressCode").asString()).isEqualTo(a.get("code"));
        assertThat(within.get("notes").toString()).contains("area bias");
        // spans stay those of the caller's text
        assertThat(within.get("components").get(0).get("start").asInt()).isZero();
        JsonNode near = best("q=" + q + "&near=" + a.get("lon") + "," + a.get("lat"));
        assertThat(near.get("addressCode").asString()).isEqualTo(a.get("code"));
        Response bad = get("/api/geocode?q=" + q + "&near=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("near");
        assertThat(get("/api/geocode?q=" + q + "&within=999999").body()).contains("within");
    }

    @Test
    void aSuffixIsMatchedWhenTheRegistryHasItAndNeverDropped() {
        Map<String, Object> s = address(true);
        String base = s.get("county") + "" + s.get("road") + s.get("number") + "号";
        JsonNode with = best("q=" + GeocodeIT.enc(base + s.get("number_suffix")));
        assertThat(with.get("addressCode").asString()).isEqualTo(s.get("code"));
        assertThat(with.get("address").asString()).endsWith(s.get("number") + "号" + s.get("number_suffix"));
        assertThat(texts(with.get("unmatched"))).isEmpty();

        // 之二 is not in the registry: the road is what is verified, never the plain doorplate
        JsonNode other = best("q=" + GeocodeIT.enc(base + "之二"));
        assertThat(other.get("matchLevel").asString()).isEqualTo("road");
        assertThat(other.has("addressCode")).isFalse();
        assertThat(texts(other.get("unmatched"))).contains("之二");
        assertThat(other.get("address").asString()).doesNotContain("之二").endsWith((String) s.get("road"));
    }

    @Test
    void anUnknownDoorplateIsAnsweredAtRoadLevelWithTheUnverifiedText() {
        Map<String, Object> a = address(false);
        String q = a.get("county") + "" + a.get("road") + "9876号";
        JsonNode c = best("q=" + GeocodeIT.enc(q));
        assertThat(c.get("matchLevel").asString()).isEqualTo("road");
        assertThat(c.has("addressCode")).isFalse();
        assertThat(c.get("locationLevel").asString()).isEqualTo("road-nearest-doorplate");
        assertThat(c.get("address").asString()).doesNotContain("9876");
        assertThat(texts(c.get("unmatched"))).containsExactly("9876号");
        assertThat(c.get("notes").toString()).contains("not in the standard-address registry");
    }

    @Test
    void bracketsAndNoiseAreStrippedWithTheirSpans() {
        Map<String, Object> a = address(false);
        String plain = a.get("county") + "" + a.get("road") + a.get("number") + "号";
        for (String q : List.of("【" + plain + "】", "[" + plain + "]", "「" + plain + "」",
                plain + "附近往东200米 电话13812345678")) {
            JsonNode c = best("q=" + GeocodeIT.enc(q));
            assertThat(c.get("addressCode").asString()).as(q).isEqualTo(a.get("code"));
            assertThat(c.get("confidence").asDouble()).as(q).isGreaterThanOrEqualTo(0.8);
            assertThat(texts(c.get("unmatched"))).as(q).isEmpty();
        }
        JsonNode noisy = best("q=" + GeocodeIT.enc(plain + "附近往东200米 电话13812345678"));
        List<String> noise = new ArrayList<>();
        for (JsonNode x : noisy.get("components")) if (x.get("kind").asString().equals("noise")) noise.add(x.get("text").asString());
        assertThat(String.join("|", noise)).contains("附近往东200米").contains("13812345678");
    }

    @Test
    void formerNamesResolveToTheirSuccessorsWithANote() {
        Map<String, String> expected = Map.of("上海市南汇区", "浦东新区", "北京市宣武区", "西城区", "北京市崇文区", "东城区",
                "上海市卢湾区", "黄浦区", "上海市闸北区", "静安区", "天津市蓟县", "蓟州区");
        expected.forEach((q, successor) -> {
            JsonNode c = best("q=" + GeocodeIT.enc(q));
            assertThat(c.get("name").asString()).as(q).isEqualTo(successor);
            assertThat(c.get("matchLevel").asString()).as(q).isEqualTo("county");
            assertThat(c.get("notes").toString()).as(q).contains("former name");
            assertThat(c.get("confidence").asDouble()).as(q).isGreaterThanOrEqualTo(0.8);
        });
        assertThat(best("q=" + GeocodeIT.enc("上海市南汇区")).get("notes").toString()).doesNotContain("徐汇");
    }

    @Test
    void everyFormerNameRowNamesItsSuccessorsRegistryCode() {
        assertThat(aliases.formerNames()).hasSizeGreaterThanOrEqualTo(100);
        for (Aliases.FormerName f : aliases.formerNames()) {
            assertThat(divisions.find(f.code())).as(f.toString()).isPresent();
            assertThat(divisions.find(f.code()).get().name()).as(f.toString()).isEqualTo(f.successor());
            assertThat(f.source()).as(f.toString()).isNotBlank();
        }
    }

    @Test
    void aVillageNamedLikeItsTownshipResolvesToTheVillage() {
        JsonNode c = best("q=" + GeocodeIT.enc("坟台镇坟台"));
        assertThat(c.get("code").asString()).isEqualTo("341222117001");
        assertThat(c.get("matchLevel").asString()).isEqualTo("village");
    }

    @Test
    void unknownDivisionBelowAKnownOneIsNotConfident() {
        JsonNode r = get("/api/geocode?limit=1&q=" + GeocodeIT.enc("北京市火星区")).json();
        assertThat(r.get("status").asString()).isNotEqualTo("matched");
        assertThat(texts(r.get("candidates").get(0).get("unmatched"))).contains("火星区");
    }

    @Test
    void batchCsvCarriesLevelsAndAddressCodeWithChineseIdColumnsAndMultipartUpload() {
        Map<String, Object> a = address(false);
        String q = a.get("county") + "" + a.get("road") + a.get("number") + "号";
        String csv = "编号,地址\nA1," + q + "\nA2," + a.get("county") + a.get("road") + "9876号\n";
        String boundary = "----civgeo" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Response r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/geocode/batch"))
                .header("Authorization", "Bearer " + token("viewer-t"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String[] lines = r.body().replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).isEqualTo(String.join(",", GeocodeBatch.FORWARD_CSV));
        assertThat(lines[0]).contains("match_level", "location_level", "address_code", "unmatched");
        assertThat(lines[1]).startsWith("1,A1,matched,").contains(",doorplate,").endsWith(",doorplate," + a.get("code") + ",");
        assertThat(lines[2]).startsWith("2,A2,").contains(",road,").endsWith("9876号");
    }

    @Test
    void pinyinAndEnglishInputReadAsThePlacesReadThemselves() {
        Map<String, String> expected = Map.of("Xiamen Siming", "350203", "shanghai pudong xinqu", "310115",
                "Chengdu Wuhou District", "510107", "xià mén sī míng qū", "350203", "xia4men2 siming", "350203",
                "Shanghai Pudong New Area", "310115", "Lu'an Jin'an District", "341502",
                // English order, the specific place first
                "Siming District, Xiamen", "350203", "huli qu xiamen shi", "350206");
        expected.forEach((q, code) -> {
            JsonNode r = get("/api/geocode?limit=1&q=" + GeocodeIT.enc(q)).json();
            assertThat(r.get("candidates").isEmpty()).as(q + " → " + r).isFalse();
            JsonNode c = r.get("candidates").get(0);
            assertThat(c.get("code").asString()).as(q).isEqualTo(code);
            assertThat(c.get("notes").toString()).as(q).contains("pinyin");
            // the components' spans are the romanised words of the caller's text
            for (JsonNode x : c.get("components")) {
                assertThat(q.substring(x.get("start").asInt(), x.get("end").asInt())).isEqualTo(x.get("text").asString());
            }
        });
        assertThat(get("/api/geocode?q=" + GeocodeIT.enc("qwrtzp xkcd")).json().get("status").asString()).isEqualTo("not-found");
    }
}
