package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.placename.PlaceNameFixtures;
import cn.civgeo.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Forward and reverse against the demo city's standard addresses and place names. */
class GeocodeAddressIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    GeocodeIndex index;

    @BeforeEach
    void data() {
        PlaceNameFixtures.ensureDemo(ctx);
        index.refreshIfChanged();
    }

    private Map<String, Object> anAddress() {
        return jdbc.sql("""
                select a.code, a.full_text, a.community_code, p.name as road, a.number, st_x(a.geom) as lon, st_y(a.geom) as lat
                  from address a join place_name p on p.id = a.road_id
                 where a.building is null and a.number_suffix is null and a.status = 'active' and a.source = 'demo'
                 order by a.id limit 1""").query().singleRow();
    }

    @Test
    void fullStandardAddressMatchesTheDoorplate() {
        Map<String, Object> a = anAddress();
        JsonNode c = get("/api/geocode?q=" + GeocodeIT.enc((String) a.get("full_text"))).json().get("candidates").get(0);
        assertThat(c.get("matchLevel").asString()).isEqualTo("doorplate");
        assertThat(c.get("addressCode").asString()).isEqualTo(a.get("code"));
        assertThat(c.get("code").asString()).isEqualTo(a.get("community_code"));
        assertThat(c.get("locationLevel").asString()).isEqualTo("doorplate");
        double lon = c.get("location").get("coordinates").get(0).asDouble(), lat = c.get("location").get("coordinates").get(1).asDouble();
        assertThat(GeocodeService.distanceM(lon, lat, (Double) a.get("lon"), (Double) a.get("lat"))).isLessThan(0.5);
    }

    @Test
    void countyRoadAndNumberAreEnough() {
        Map<String, Object> a = anAddress();
        String county = jdbc.sql("select name from division where code = substr(:c, 1, 6)").param("c", a.get("community_code"))
                .query(String.class).single();
        String q = county + a.get("road") + a.get("number") + "号";
        JsonNode c = get("/api/geocode?q=" + GeocodeIT.enc(q)).json().get("candidates").get(0);
        assertThat(c.get("addressCode").asString()).as(q).isEqualTo(a.get("code"));
    }

    @Test
    void aMisspeltRoadIsReadAsTheDivisionsOnlyCloseRoad() {
        Map<String, Object> a = anAddress();
        String road = (String) a.get("road");
        String county = jdbc.sql("select name from division where code = substr(:c, 1, 6)").param("c", a.get("community_code"))
                .query(String.class).single();
        String q = county + "囧" + road.substring(1) + a.get("number") + "号";
        JsonNode c = get("/api/geocode?q=" + GeocodeIT.enc(q)).json().get("candidates").get(0);
        assertThat(c.get("addressCode").asString()).as(c.toString()).isEqualTo(a.get("code"));
        assertThat(c.get("notes").toString()).contains("read as " + road);
        // Nothing close: the answer stays at the division, with no doorplate.
        JsonNode far = get("/api/geocode?q=" + GeocodeIT.enc(county + "囧囧囧大道" + a.get("number") + "号")).json().get("candidates").get(0);
        assertThat(far.has("addressCode") && !far.get("addressCode").isNull()).isFalse();
    }

    @Test
    void aMisspeltRoadBetweenTwoNeighboursIsTheOneWithThatDoorplate() {
        // 智峰X路77号: 智峰西路 and 智峰中路 are both one edit away; only one of them has a 77.
        // Roads one edit from 智峰X路 are 智峰?路 and 智峰路: exactly one of them, the answer, may have the number.
        Map<String, Object> a = jdbc.sql("""
                with pair as (
                  select distinct r1.id, r1.name, c.county_code from place_name r1
                    join place_name r2 on r2.id <> r1.id and length(r2.name) = length(r1.name) and length(r1.name) >= 4
                         and left(r2.name, length(r2.name) - 2) = left(r1.name, length(r1.name) - 2)
                         and right(r2.name, 1) = right(r1.name, 1)
                    cross join lateral (select distinct county_code from address where road_id = r1.id and source = 'demo') c
                   where exists (select 1 from address b where b.road_id = r2.id and b.county_code = c.county_code))
                select a.code, a.number, p.name as road, d.name as county
                  from pair p join address a on a.road_id = p.id and a.county_code = p.county_code
                  join division d on d.code = a.county_code
                 where a.source = 'demo' and a.building is null and a.number_suffix is null and a.status = 'active'
                   and not exists (select 1 from address b join place_name r3 on r3.id = b.road_id
                                    where b.county_code = a.county_code and b.number = a.number and r3.id <> p.id
                                      and ((length(r3.name) = length(p.name)
                                            and left(r3.name, length(r3.name) - 2) = left(p.name, length(p.name) - 2)
                                            and right(r3.name, 1) = right(p.name, 1))
                                        or r3.name = left(p.name, length(p.name) - 2) || right(p.name, 1)))
                 order by a.id limit 1""").query().singleRow();
        String road = (String) a.get("road");
        String typo = road.substring(0, road.length() - 2) + "囧" + road.substring(road.length() - 1);
        JsonNode c = get("/api/geocode?q=" + GeocodeIT.enc(a.get("county") + typo + a.get("number") + "号")).json().get("candidates").get(0);
        assertThat(c.get("addressCode").asString()).as(c.toString()).isEqualTo(a.get("code"));
        assertThat(c.get("notes").toString()).contains("read as " + road);
    }

    @Test
    void reverseFindsTheNearestDoorplateWithDistanceAndDirection() {
        Map<String, Object> a = anAddress();
        double lon = (Double) a.get("lon") + 0.0001, lat = (Double) a.get("lat");
        JsonNode r = get("/api/reverse?radius=300&lon=" + lon + "&lat=" + lat).json();
        JsonNode n = r.get("nearestAddress");
        assertThat(n).as(r.toString()).isNotNull();
        assertThat(n.get("distanceM").asDouble()).isLessThan(11.0);
        assertThat(n.get("direction").asString()).isNotBlank();
        assertThat(r.get("divisions").get(r.get("divisions").size() - 1).get("code").asString()).hasSize(12);
    }
}
