package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DisputeIT extends IntegrationTest {
    @Test
    void disputeRunsUntilSettledWithItsHistory() {
        BoundaryFixtures.cleanBoundary(jdbc, "9975");
        BoundaryFixtures.ensurePrefecture(jdbc, "997500", "测试戊市");
        BoundaryFixtures.division(jdbc, "997501", "子县", 3, "县", "997500",
                "POLYGON((118.0 25.1, 118.1 25.1, 118.1 25.2, 118.0 25.2, 118.0 25.1))");
        BoundaryFixtures.division(jdbc, "997502", "丑县", 3, "县", "997500",
                "POLYGON((118.1 25.1, 118.2 25.1, 118.2 25.2, 118.1 25.2, 118.1 25.1))");
        Map<String, Object> body = Map.of("title", "山林权属争议", "leftCode", "997501", "rightCode", "997502",
                "description", "双方对界线附近山林归属有异议",
                "area", Map.of("type", "Polygon", "coordinates", new double[][][] {
                        {{118.09, 25.14}, {118.11, 25.14}, {118.11, 25.16}, {118.09, 25.16}, {118.09, 25.14}}}));
        Response r = post("/api/boundary/disputes", "surveyor-t", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        // 0.02° x 0.02° at 25.15N: about 2.015 km x 2.217 km
        assertThat(r.json().get("areaKm2").asDouble()).isCloseTo(4.47, within(0.05));
        assertThat(r.json().get("status").asString()).isEqualTo("reported");

        assertThat(post("/api/boundary/disputes/" + id + "/status", "viewer-t", Map.of("status", "negotiating", "version", 0)).status())
                .isEqualTo(403);
        JsonNode n = post("/api/boundary/disputes/" + id + "/status", "surveyor-t",
                Map.of("status", "negotiating", "note", "召开协调会", "version", 0)).json();
        assertThat(n.get("status").asString()).isEqualTo("negotiating");
        Response noSettlement = post("/api/boundary/disputes/" + id + "/status", "surveyor-t", Map.of("status", "settled", "version", 1));
        assertThat(noSettlement.status()).isEqualTo(400);
        Map<String, Object> settle = new HashMap<>(Map.of("status", "settled", "settlement", "以山脊线为界，签订协议",
                "settledOn", "2026-03-01", "version", 1));
        assertThat(post("/api/boundary/disputes/" + id + "/status", "surveyor-t", settle).json().get("status").asString()).isEqualTo("settled");
        assertThat(post("/api/boundary/disputes/" + id + "/status", "surveyor-t", settle).status()).isEqualTo(409);
        assertThat(get("/api/boundary/disputes/" + id + "/history").json().size()).isEqualTo(3);
        assertThat(auditRows("boundary_dispute", id)).isEqualTo(3);

        Map<String, Object> badArea = new HashMap<>(body);
        badArea.put("area", Map.of("type", "Point", "coordinates", new double[] {118.1, 25.15}));
        Response bad = post("/api/boundary/disputes", "surveyor-t", badArea);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
    }
}
