package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The boundary feature's data as map layers: lines with their worst marker condition, markers, history, disputes. */
class MapBoundaryLayersIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() {
        DivisionFixtures.ensureDemoCity(ctx);
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> c.order() == 50).forEach(DemoDataContributor::load);
    }

    @Test
    void linesCarryTheWorstConditionOfTheirMarkers() {
        JsonNode fc = get("/api/map/collections/boundary-lines/items?level=3&limit=1000&bbox=117.8,24.3,118.6,25.0").json();
        assertThat(fc.get("numberMatched").asInt()).isGreaterThanOrEqualTo(5);
        for (JsonNode f : fc.get("features")) {
            long id = f.get("properties").get("id").asLong();
            String worst = jdbc.sql("""
                    select (array['intact','damaged','displaced','missing'])[max(case last_condition when 'intact' then 1
                           when 'damaged' then 2 when 'displaced' then 3 when 'missing' then 4 end)]
                    from boundary_marker where line_id = :id""").param("id", id).query(String.class).optional().orElse(null);
            JsonNode c = f.get("properties").get("condition");
            assertThat(c == null || c.isNull() ? null : c.asString()).isEqualTo(worst);
            assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiLineString");
        }
        assertThat(fc.get("features").findValuesAsString("condition")).contains("missing");
        int[] t = cn.civgeo.support.Tiles.tileOf(118.1, 24.6, 10);
        Response tile = get("/api/map/tiles/boundary-lines/10/" + t[0] + "/" + t[1] + ".mvt");
        assertThat(tile.status()).isEqualTo(200);
        assertThat(new String(tile.raw().body(), StandardCharsets.UTF_8)).contains("boundary-lines");
    }

    @Test
    void markersHaveTheirLastConditionAndLinesTheirInspectionHistory() {
        JsonNode fc = get("/api/map/collections/boundary-markers/items?limit=1000&bbox=117.8,24.3,118.6,25.0").json();
        assertThat(fc.get("numberMatched").asInt()).isGreaterThan(10);
        JsonNode m = fc.get("features").get(0).get("properties");
        String expected = jdbc.sql("select last_condition from boundary_marker where id = :id").param("id", m.get("id").asLong())
                .query(String.class).optional().orElse(null);
        assertThat(m.get("condition") == null || m.get("condition").isNull() ? null : m.get("condition").asString()).isEqualTo(expected);
        long lineId = m.get("lineId").asLong();
        JsonNode hist = get("/api/map/collections/line-inspections/items?q=" + lineId).json();
        long inspections = jdbc.sql("select count(*) from line_inspection where line_id = :id").param("id", lineId).query(Long.class).single();
        assertThat(hist.get("numberReturned").asLong()).isEqualTo(inspections);
        if (inspections > 0) assertThat(hist.get("features").get(0).get("properties").get("roundName").asString()).isNotBlank();
        assertThat(get("/api/map/collections/line-inspections/items").json().get("numberReturned").asInt()).isZero();
    }

    @Test
    void disputesAreAvailableAsALayer() {
        JsonNode c = get("/api/map/collections/disputes").json();
        assertThat(c.get("available").asBoolean()).isTrue();
        JsonNode fc = get("/api/map/collections/disputes/items?limit=10").json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        long disputes = jdbc.sql("select count(*) from boundary_dispute").query(Long.class).single();
        assertThat(fc.get("numberMatched").asLong()).isEqualTo(disputes);
    }
}
