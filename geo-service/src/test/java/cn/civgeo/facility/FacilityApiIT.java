package cn.civgeo.facility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FacilityApiIT extends IntegrationTest {

    private Map<String, Object> nursingHome(String name) {
        return new HashMap<>(Map.of("kind", "养老机构", "name", name, "operatorKind", "public_private", "lon", 118.1, "lat", 24.5,
                "beds", 200, "nursingBeds", 120, "floorAreaM2", 9000.0, "openedOn", "2019-05-01", "address", "测试地址1号"));
    }

    @Test
    void createReadUpdateDeleteWithAuditAndOptimisticLocking() {
        String name = unique("测试养老院");
        Response created = post("/api/facilities", "planner-t", nursingHome(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode f = created.json();
        long id = f.get("id").asLong();
        assertThat(f.get("kind").asString()).isEqualTo("nursing_home");
        assertThat(f.get("kindLabel").asString()).isEqualTo("养老机构");
        assertThat(f.get("status").asString()).isEqualTo("operating");
        assertThat(f.get("version").asInt()).isZero();
        assertThat(auditRows("facility", id)).isEqualTo(1);

        Map<String, Object> change = nursingHome(name);
        change.put("beds", 220);
        change.put("version", 0);
        Response updated = put("/api/facilities/" + id, "admin-t", change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("beds").asInt()).isEqualTo(220);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        Response stale = put("/api/facilities/" + id, "admin-t", change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(get("/api/facilities/" + id).json().get("beds").asInt()).isEqualTo(220);
        assertThat(auditRows("facility", id)).isEqualTo(2);

        JsonNode gcj = get("/api/facilities/" + id + "?crs=GCJ02").json();
        assertThat(gcj.get("lon").asDouble()).isNotEqualTo(118.1);

        assertThat(delete("/api/facilities/" + id + "?version=0", "planner-t").status()).isEqualTo(409);
        assertThat(delete("/api/facilities/" + id + "?version=1", "planner-t").status()).isEqualTo(204);
        assertThat(get("/api/facilities/" + id).status()).isEqualTo(404);
        assertThat(auditRows("facility", id)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from service_area where facility_id = :i").param("i", id).query(Long.class).single()).isZero();
    }

    @Test
    void validationPerKindReportsEveryProblem() {
        Map<String, Object> bad = new HashMap<>(Map.of("kind", "funeral_home", "name", unique("殡仪馆"), "operatorKind", "state",
                "lon", 118.1, "lat", 24.5, "beds", 10, "capacity", 100));
        Response r = post("/api/facilities", "planner-t", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("operatorKind", "beds", "capacity");

        Map<String, Object> nh = nursingHome(unique("护理"));
        nh.put("nursingBeds", 300);
        nh.remove("beds");
        nh.put("lon", 10.0);
        Response r2 = post("/api/facilities", "planner-t", nh);
        assertThat(r2.json().get("errors").findValuesAsString("field")).contains("beds", "nursingBeds", "lon");

        Map<String, Object> closed = nursingHome(unique("关闭"));
        closed.put("status", "closed");
        assertThat(post("/api/facilities", "planner-t", closed).json().get("errors").findValuesAsString("field")).containsExactly("closedOn");

        Map<String, Object> csc = new HashMap<>(Map.of("kind", "community_service_centre", "name", unique("社区中心"),
                "operatorKind", "public", "lon", 118.1, "lat", 24.5));
        assertThat(post("/api/facilities", "planner-t", csc).json().get("errors").findValuesAsString("field")).containsExactly("floorAreaM2");
    }

    @Test
    void duplicatesRolesAndKinds() {
        String name = unique("重名");
        assertThat(post("/api/facilities", "planner-t", nursingHome(name)).status()).isEqualTo(201);
        assertThat(post("/api/facilities", "planner-t", nursingHome(name)).status()).isEqualTo(409);
        assertThat(post("/api/facilities", "viewer-t", nursingHome(unique("v"))).status()).isEqualTo(403);
        assertThat(post("/api/facilities", "surveyor-t", nursingHome(unique("s"))).status()).isEqualTo(403);
        assertThat(post("/api/facilities", null, nursingHome(unique("a"))).status()).isEqualTo(401);
        JsonNode kinds = get("/api/facilities/kinds").json();
        assertThat(kinds.size()).isEqualTo(22); // the kinds of domain.md §9
        assertThat(kinds.findValuesAsString("code")).contains("marriage_registry", "funeral_service_centre", "community_complex");
        assertThat(kinds.findValuesAsString("label")).contains("骨灰堂/骨灰安放设施", "农村幸福院/互助养老点");
        JsonNode list = get("/api/facilities?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode fc = get("/api/facilities/geojson?kind=nursing_home&bbox=118.09,24.49,118.11,24.51").json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features").findValuesAsString("name")).contains(name);
    }
}
