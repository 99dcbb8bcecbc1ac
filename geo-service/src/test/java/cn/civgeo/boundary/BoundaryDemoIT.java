package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The demo city's boundaries: lines derived from its polygons, markers, and the completed round's report. */
class BoundaryDemoIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    BoundaryDemoData demo;

    @BeforeEach
    void data() {
        DivisionFixtures.ensureDemoCity(ctx);
        demo.load();   // idempotent
    }

    @Test
    void demoCityHasLinesMarkersAndACompletedRound() {
        JsonNode county = get("/api/boundary/lines?within=350200&level=3").json();
        long neighbourPairs = jdbc.sql("""
                        select count(*) from division a join division b on a.code < b.code
                         where a.parent_code = '350200' and b.parent_code = '350200' and a.level = 3 and b.level = 3
                           and a.status = 'active' and b.status = 'active'
                           and ST_Length(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)::geography) > 1""")
                .query(Long.class).single();
        // Xiamen's real districts share four land boundaries (思明—湖里 on the island, 海沧—集美, 集美—同安, 同安—翔安);
        // the synthetic districts (without the outlines package) share more
        assertThat(county.get("total").asLong()).isEqualTo(neighbourPairs).isGreaterThanOrEqualTo(4);
        for (JsonNode l : county.get("items")) {
            assertThat(l.get("markerCount").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(l.get("agreement").get("number").asString()).startsWith("厦界协");
            assertThat(l.get("lengthKm").asDouble()).isPositive();
        }
        assertThat(get("/api/boundary/lines?within=350200&level=4").json().get("total").asInt()).isGreaterThan(10);
        // markers lie on their lines (doubles 8 m off) and are numbered in line direction
        JsonNode qa = get("/api/boundary/markers/qa?within=350200&tolerance=10").json();
        assertThat(qa.get("count").asInt()).as(qa.toString()).isZero();

        JsonNode round = null;
        for (JsonNode r : get("/api/boundary/rounds?level=3&limit=1000").json().get("items")) {
            if (r.get("name").asString().equals("第4轮县级界线联检（厦门市）")) round = r;
        }
        assertThat(round).isNotNull();
        assertThat(round.get("status").asString()).isEqualTo("completed");
        long id = round.get("id").asLong();
        JsonNode report = get("/api/boundary/rounds/" + id + "/report").json();
        JsonNode c = report.get("totals").get("byCondition");
        assertThat(c.get("damaged").asInt()).isPositive();
        assertThat(c.get("missing").asInt()).isPositive();
        assertThat(c.get("displaced").asInt()).isPositive();
        assertThat(report.get("totals").get("markersInspected").asInt()).isEqualTo(report.get("totals").get("markers").asInt());
        assertThat(report.get("totals").get("openProblems").asInt()).isPositive();
        assertThat(report.get("displaced").get(0).get("displacementM").asDouble()).isBetween(1.0, 5.0);

        Response html = get("/api/boundary/rounds/" + id + "/report.html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("第4轮县级界线联检（厦门市）", "Displaced markers", "Open problems", "@media print");
        Response csv = get("/api/boundary/rounds/" + id + "/report.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).contains("line_code,line_name,inspected_on,markers");
        assertThat(lines).hasSize(county.get("total").asInt() + 2);
        assertThat(lines[lines.length - 1]).startsWith("TOTAL");
        assertThat(get("/api/boundary/rounds/" + id + "/report.csv?part=problems").body()).contains("marker_");
    }
}
