package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.civgeo.division.DivisionFixtures.TestCounty;
import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Topology QA on a fixture with one known overlap, one known gap and one child sticking out, each a strip of
 * 0.001° × 0.02°: parent [x, x+0.04]; A [x, x+0.02]; B [x+0.019, x+0.035]; C [x+0.036, x+0.041].
 */
class DivisionQaIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    TestCounty c;
    String third;

    @BeforeEach
    void fixture() {
        c = DivisionFixtures.freshTestCounty(jdbc);
        double x = c.x0(), y = c.y0();
        setGeom(c.t1(), c.box(x, y, x + 0.02, y + 0.02));
        setGeom(c.t2(), c.box(x + 0.019, y, x + 0.035, y + 0.02));
        third = DivisionFixtures.ensureTestUnit(jdbc, c.county() + "003", "丙街道", c.box(x + 0.036, y, x + 0.041, y + 0.02));
    }

    private void setGeom(String code, String wkt) {
        jdbc.sql("update division set geom = st_multi(st_geomfromtext(:w, 4490)) where code = :c").param("w", wkt).param("c", code).update();
    }

    private double stripArea(double x1, double x2) {
        return jdbc.sql("select st_area(st_geomfromtext(:w, 4490)::geography)")
                .param("w", c.box(x1, c.y0(), x2, c.y0() + 0.02)).query(Double.class).single();
    }

    @Test
    void knownGapOverlapAndOutsideWithAreas() {
        double x = c.x0();
        Response r = get("/api/divisions/" + c.county() + "/qa");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("children").asInt()).isEqualTo(3);
        assertThat(j.get("parentHasGeometry").asBoolean()).isTrue();
        JsonNode s = j.get("summary");
        assertThat(s.get("gaps").get("count").asInt()).isEqualTo(1);
        assertThat(s.get("overlaps").get("count").asInt()).isEqualTo(1);
        assertThat(s.get("outside").get("count").asInt()).isEqualTo(1);
        double strip = stripArea(x + 0.035, x + 0.036);
        assertThat(strip).isBetween(150_000.0, 200_000.0); // ~84 m × 2.2 km at 41–42° N
        List<String> kinds = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            kinds.add(f.get("kind").asString());
            String kind = f.get("kind").asString();
            List<String> codes = new ArrayList<>();
            f.get("codes").forEach(n -> codes.add(n.asString()));
            switch (kind) {
                case "gap" -> {
                    assertThat(f.get("areaM2").asDouble()).isCloseTo(stripArea(x + 0.035, x + 0.036), offset(1.0));
                    assertThat(codes).containsExactly(c.t2(), third);
                    assertThat(f.get("lon").asDouble()).isBetween(x + 0.035, x + 0.036);
                }
                case "overlap" -> {
                    assertThat(f.get("areaM2").asDouble()).isCloseTo(stripArea(x + 0.019, x + 0.02), offset(1.0));
                    assertThat(codes).containsExactly(c.t1(), c.t2());
                    assertThat(f.get("lon").asDouble()).isBetween(x + 0.019, x + 0.02);
                }
                case "outside" -> {
                    assertThat(f.get("areaM2").asDouble()).isCloseTo(stripArea(x + 0.04, x + 0.041), offset(1.0));
                    assertThat(codes).containsExactly(third);
                }
                default -> throw new AssertionError(kind);
            }
            assertThat(f.has("geojson")).isFalse();
        }
        assertThat(kinds).containsExactlyInAnyOrder("gap", "overlap", "outside");
    }

    @Test
    void toleranceTurnsFindingsIntoSlivers() {
        JsonNode j = get("/api/divisions/" + c.county() + "/qa?tolerance=1000000").json();
        assertThat(j.get("findings")).isEmpty();
        assertThat(j.get("summary").get("slivers").get("count").asInt()).isEqualTo(3);
        assertThat(get("/api/divisions/" + c.county() + "/qa?tolerance=-1").status()).isEqualTo(400);
    }

    @Test
    void geoJsonFeatureCollection() {
        Response r = get("/api/divisions/" + c.county() + "/qa?format=geojson");
        assertThat(r.contentType()).startsWith("application/geo+json");
        JsonNode fc = r.json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features")).hasSize(3);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(f.get("properties").get("areaM2").asDouble()).isGreaterThan(100_000);
        assertThat(f.get("properties").get("parent").asString()).isEqualTo(c.county());
    }

    @Test
    void syntheticDemoDistrictIsCleanAboveOneSquareMetre() {
        DivisionFixtures.ensureDemoCity(ctx);
        JsonNode j = get("/api/divisions/350203/qa").json();
        assertThat(j.get("children").asInt()).isEqualTo(10);
        assertThat(j.get("findings")).isEmpty();
        assertThat(j.get("childrenWithoutGeometry")).isEmpty();
    }
}
