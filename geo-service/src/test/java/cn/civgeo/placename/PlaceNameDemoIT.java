package cn.civgeo.placename;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.address.AddressService;
import cn.civgeo.placename.demo.DemoPlaceNames;
import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class PlaceNameDemoIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    AddressService addresses;

    @BeforeEach
    void demo() { PlaceNameFixtures.ensureDemo(ctx); }

    private long count(String sql) { return jdbc.sql(sql).query(Long.class).single(); }

    @Test
    void demoRegistryHasSeveralHundredNamesOfEachKind() {
        assertThat(count("select count(*) from place_name where proposed_by = 'demo' and division_code like '3502%'")).isGreaterThanOrEqualTo(300);
        Map<String, Long> byCategory = new java.util.HashMap<>();
        jdbc.sql("select category_code, count(*) from place_name where proposed_by = 'demo' group by 1")
                .query((rs, i) -> byCategory.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byCategory.get("2530")).isGreaterThan(150);
        assertThat(byCategory).containsKeys("2410", "2720", "2550", "2810", "1310");
        // roads are LINESTRINGs in EPSG:4490 with a numbering direction, spelled by the rules, with codes
        assertThat(count("""
                select count(*) from place_name where proposed_by = 'demo' and category_code = '2530' and numbering is not null
                   and (geometrytype(geom) <> 'LINESTRING' or st_srid(geom) <> 4490 or code is null or spelling !~ '^[A-Z][a-z'']+ ([A-Z][a-z]*)?([Ll]u|[Jj]ie)$')""")).isZero();
        // communities (division names) are found as place names too
        JsonNode communities = get("/api/place-names?category=2210&division=350203&limit=5").json();
        assertThat(communities.get("total").asLong()).isGreaterThan(10);
        assertThat(communities.get("items").get(0).get("source").asString()).isEqualTo("division");
    }

    @Test
    void roadsMeetAtSharedVertices() {
        long roads = count("select count(*) from place_name where proposed_by = 'demo' and numbering is not null");
        long isolated = count("""
                select count(*) from place_name r where r.proposed_by = 'demo' and r.numbering is not null and not exists (
                    select 1 from place_name o where o.proposed_by = 'demo' and o.id <> r.id and o.numbering is not null
                       and st_dwithin(o.geom, r.geom, 0) and st_intersects(st_collect(array[st_startpoint(o.geom), st_endpoint(o.geom),
                           st_pointn(o.geom, 2)]) , o.geom))""");
        assertThat(isolated).isLessThan(Math.max(3, roads / 50));
        // crossings are vertices of both roads (no T-junction hides inside a segment)
        long crossingsNotVertices = count("""
                select count(*) from place_name a join place_name b on a.id < b.id and st_intersects(a.geom, b.geom)
                 where a.proposed_by = 'demo' and b.proposed_by = 'demo' and a.numbering = 'EW' and b.numbering = 'NS'
                   and not exists (select 1 from st_dumppoints(a.geom) pa, st_dumppoints(b.geom) pb where st_equals(pa.geom, pb.geom))""");
        assertThat(crossingsNotVertices).isZero();
    }

    @Test
    void atLeastTwentyThousandDoorplatesEachInItsCommunity() {
        assertThat(count("select count(*) from address where source = 'demo' and community_code like '3502%'")).isGreaterThanOrEqualTo(20_000);
        assertThat(count("""
                select count(*) from address a join division d on d.code = a.community_code
                 where a.source = 'demo' and (d.level <> 5 or not st_intersects(d.geom, a.geom))""")).isZero();
        // odd numbers on the north side of east-west roads
        assertThat(count("""
                select count(*) from address a join place_name r on r.id = a.road_id
                 where a.source = 'demo' and r.numbering = 'EW' and (a.number % 2 = 1) <> (st_y(a.geom) > st_y(st_closestpoint(r.geom, a.geom)))""")).isZero();
        // the geocoder's service API
        String road = jdbc.sql("select r.name from address a join place_name r on r.id = a.road_id where a.source = 'demo' and a.number = 7"
                + " order by a.id limit 1").query(String.class).single();
        assertThat(addresses.byRoadAndNumber(road, 7, null, "3502", 10)).isNotEmpty().allSatisfy(a -> {
            assertThat(a.road()).isEqualTo(road);
            assertThat(a.fullText()).startsWith("福建省厦门市").contains(road + "7号");
        });
        var any = addresses.byRoadAndNumber(road, 7, null, "3502", 1).get(0);
        assertThat(addresses.nearest(any.lon(), any.lat(), 50, 1).get(0).id()).isEqualTo(any.id());
    }

    @Test
    void batchScanListsExactlyTheSeededNames() {
        JsonNode scan = post("/api/place-names/scan?division=3502", "planner-t", null).json();
        List<Long> demoIds = jdbc.sql("select id from place_name where proposed_by = 'demo'").query(Long.class).list();
        List<String> flagged = new ArrayList<>();
        for (JsonNode f : scan.get("flagged")) {
            if (!demoIds.contains(f.get("id").asLong())) continue; // names other tests put into the shared database
            String name = f.get("name").asString();
            flagged.add(name);
            assertThat(f.get("findings").valueStream().map(x -> x.get("rule").asString()).toList()).as(name)
                    .containsExactly(DemoPlaceNames.SEEDED.get(name));
        }
        List<String> expected = new ArrayList<>(DemoPlaceNames.SEEDED.keySet());
        expected.add("沿河路"); // a duplicate pair: both are listed
        assertThat(flagged).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(scan.get("scanned").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(scan.get("exemptedFindings").asInt()).isGreaterThanOrEqualTo(1); // 万国俱乐部
    }

    /**
     * The fuzzy mode's condition is answered by the trigram indexes: with an "or similarity(m, :q) > 0.2" beside the
     * {@code %} it was a sequential scan of every division (6.4 s on the national registry under CI load, over the
     * search's 10 s statement timeout once), now a bitmap index scan (about 2 ms).
     */
    @Test
    void fuzzySearchUsesTheTrigramIndex() {
        String cond = PlaceNameSearch.textCondition("fuzzy").replace(":q", "'曼哈屯花园'");
        String plan = String.join("\n", jdbc.sql("explain select 1 from (select d.name as m from division_read d where d.status = 'active') x where " + cond)
                .query(String.class).list());
        assertThat(plan).contains("division_name_trgm").doesNotContain("Seq Scan");
    }

    @Test
    void searchModesOnTheDemoRegistry() {
        JsonNode pinyin = get("/api/place-names?q=yanhelu").json();
        assertThat(pinyin.get("items").valueStream().map(h -> h.get("name").asString())).contains("沿河路");
        JsonNode initials = get("/api/place-names?mode=initials&q=yhl&division=3502").json();
        assertThat(initials.get("items").valueStream().map(h -> h.get("name").asString())).contains("沿河路");
        JsonNode fuzzy = get("/api/place-names?mode=fuzzy&q=" + PlaceNameWorkflowIT.enc("曼哈屯花园")).json();
        assertThat(fuzzy.get("items").get(0).get("name").asString()).isEqualTo("曼哈顿花园");
        JsonNode prefix = get("/api/place-names?mode=prefix&q=" + PlaceNameWorkflowIT.enc("曼哈")).json();
        assertThat(prefix.get("items").get(0).get("name").asString()).isEqualTo("曼哈顿花园");
        double[] p = jdbc.sql("select st_x(geom), st_y(geom) from place_name where name = '曼哈顿花园' and proposed_by = 'demo'")
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        JsonNode near = get("/api/place-names?lon=" + p[0] + "&lat=" + p[1] + "&radius=300&category=2410").json();
        assertThat(near.get("items").get(0).get("name").asString()).isEqualTo("曼哈顿花园");
        assertThat(near.get("items").get(0).get("distanceM").asDouble()).isLessThan(1.0);
        JsonNode box = get("/api/place-names?bbox=" + (p[0] - 0.001) + "," + (p[1] - 0.001) + "," + (p[0] + 0.001) + "," + (p[1] + 0.001)).json();
        assertThat(box.get("items").valueStream().map(h -> h.get("name").asString())).contains("曼哈顿花园");
        assertThat(get("/api/place-names?mode=nonsense&q=x").status()).isEqualTo(400);
    }
}
