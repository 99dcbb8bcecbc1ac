package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class DivisionSearchIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() { DivisionFixtures.ensureDemoCity(ctx); }

    private List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("code").asString()));
        return out;
    }

    @Test
    void initialsAndPinyinFindXiamenFirst() {
        JsonNode xm = get("/api/divisions?q=xm&limit=5").json();
        assertThat(codes(xm).get(0)).isEqualTo("350200");
        assertThat(xm.get("total").asInt()).isGreaterThan(100);
        assertThat(codes(get("/api/divisions?q=Xia%20Men&limit=3").json()).get(0)).isEqualTo("350200");
        assertThat(codes(get("/api/divisions?q=siming&level=3").json())).contains("350203");
    }

    @Test
    void nameExactPrefixAndFuzzy() {
        JsonNode exact = get("/api/divisions?q=%E6%80%9D%E6%98%8E%E5%8C%BA&match=exact").json(); // 思明区
        assertThat(codes(exact)).contains("350203");
        assertThat(exact.get("items").get(0).get("name").asString()).isEqualTo("思明区");
        JsonNode shortName = get("/api/divisions?q=%E5%8E%A6%E9%97%A8&match=exact").json(); // 厦门 (short name)
        assertThat(codes(shortName)).containsExactly("350200");
        JsonNode prefix = get("/api/divisions?q=%E5%8E%A6%E9%97%A8&match=prefix&level=2").json(); // 厦门 → 厦门市
        assertThat(codes(prefix)).containsExactly("350200");
        // fuzzy: 厦门思明 is no name, but similar to 思明区 / 厦门市 through trigrams; the ranking puts exact hits first
        JsonNode fuzzy = get("/api/divisions?q=%E9%BC%93%E6%B5%AA%E5%B1%BF&within=350200").json(); // 鼓浪屿
        assertThat(codes(fuzzy).get(0)).isEqualTo("350203012"); // 鼓浪屿街道
    }

    @Test
    void codePrefixLevelParentAndPaging() {
        JsonNode kids = get("/api/divisions?parent=350200&limit=2&offset=0").json();
        assertThat(kids.get("total").asInt()).isEqualTo(6);
        assertThat(codes(kids)).containsExactly("350203", "350205");
        assertThat(codes(get("/api/divisions?parent=350200&limit=2&offset=2").json())).containsExactly("350206", "350211");
        JsonNode towns = get("/api/divisions?code=350203&level=4&limit=100").json();
        assertThat(towns.get("total").asInt()).isEqualTo(10);
        assertThat(get("/api/divisions?q=3502030&level=4").json().get("total").asInt()).isEqualTo(10);
        JsonNode villages = get("/api/divisions?within=350203&level=5&limit=1").json();
        assertThat(villages.get("total").asInt()).isGreaterThan(50);
        assertThat(get("/api/divisions").status()).isEqualTo(400);
        assertThat(get("/api/divisions?level=9").json().get("errors").get(0).get("field").asString()).isEqualTo("level");
        assertThat(get("/api/divisions?q=x&limit=5000").status()).isEqualTo(400);
    }

    @Test
    void batchLookupAnswersEveryPointInOrder() {
        String community = DivisionFixtures.demoCommunity(jdbc);
        double[] p = DivisionFixtures.pointIn(jdbc, community);
        double[] q = DivisionFixtures.pointIn(jdbc, "350212");
        Map<String, Object> body = Map.of("points", List.of(
                Map.of("id", "a", "lon", p[0], "lat", p[1]),
                Map.of("id", "b", "lon", 0.5, "lat", 0.5),
                Map.of("id", "c", "lon", q[0], "lat", q[1])));
        Response r = post("/api/divisions/at", "viewer-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("count").asInt()).isEqualTo(3);
        assertThat(j.get("found").asInt()).isEqualTo(2);
        JsonNode a = j.get("results").get(0);
        assertThat(a.get("id").asString()).isEqualTo("a");
        assertThat(a.get("chain")).hasSize(5);
        assertThat(a.get("chain").get(4).get("code").asString()).isEqualTo(community);
        assertThat(j.get("results").get(1).get("chain")).isEmpty();
        assertThat(j.get("results").get(2).get("chain").get(2).get("code").asString()).isEqualTo("350212");
        // the same as the single lookup
        JsonNode single = get("/api/divisions/at?lon=" + q[0] + "&lat=" + q[1]).json().get("chain");
        assertThat(single.get(single.size() - 1).get("code").asString())
                .isEqualTo(j.get("results").get(2).get("chain").get(single.size() - 1).get("code").asString());
        assertThat(post("/api/divisions/at", null, body).status()).isEqualTo(401);
        assertThat(post("/api/divisions/at", "viewer-t", Map.of("points", List.of(Map.of("lon", 1)))).status()).isEqualTo(400);
    }
}
