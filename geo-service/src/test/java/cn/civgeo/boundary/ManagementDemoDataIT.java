package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.security.DemoUsers;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's boundary management as a new user meets it (domain §8): 平安边界 on every district line and part of
 * the township lines, custodians with patrols (some overdue), an open re-demarcation task, and survey tasks: the demo
 * surveyor signs in and finds three assigned lines in this year's open round. Loading twice changes nothing.
 */
class ManagementDemoDataIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private void loadDemo() {
        DivisionFixtures.ensureDemoCity(ctx);
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> Set.of(0, 50, 52).contains(c.order()))
                .sorted(java.util.Comparator.comparingInt(DemoDataContributor::order)).forEach(DemoDataContributor::load);
    }

    private long count(String sql) { return jdbc.sql(sql).query(Long.class).single(); }

    @Test
    void aNewUserFindsAgreementsCustodiansTasksAndTheSurveyorsLines() {
        loadDemo();
        String counts = """
                select (select count(*) from peace_border p join boundary_line l on l.id = p.line_id where l.left_code like '3502%')
                    || '/' || (select count(*) from boundary_custodian) || '/' || (select count(*) from boundary_patrol)
                    || '/' || (select count(*) from redemarcation_task)""";
        String before = jdbc.sql(counts).query(String.class).single();

        JsonNode rates = get("/api/boundary/peace-border/rates?within=350200").json().get("byLevel");
        JsonNode county = null, township = null;
        for (JsonNode r : rates) {
            if (r.get("level").asInt() == 3) county = r;
            if (r.get("level").asInt() == 4) township = r;
        }
        assertThat(county).isNotNull();
        assertThat(county.get("rate").asDouble()).as("every district line signed").isEqualTo(1.0);
        assertThat(township.get("signed").asInt()).isPositive().isLessThan(township.get("lines").asInt());

        JsonNode overdue = get("/api/boundary/patrols/overdue?within=350200", "viewer-t").json();
        assertThat(overdue.size()).isGreaterThanOrEqualTo(2);
        assertThat(overdue.get(0).get("custodian").get("unit").asString()).endsWith("民政局区划地名科");

        JsonNode tasks = get("/api/boundary/redemarcation-tasks?status=open", "viewer-t").json();
        boolean demoTask = false;
        for (JsonNode t : tasks) demoTask |= t.get("reason").asString().startsWith("行政区划调整（示例）") && t.get("agreementDone").asBoolean();
        assertThat(demoTask).as("the demo re-demarcation task, its new agreement done").isTrue();

        // the demo surveyor (README's credentials) signs in and sees the assigned lines with their markers
        Response login = post("/api/auth/login", null, Map.of("username", "surveyor", "password", "surveyor" + DemoUsers.PASSWORD_SUFFIX));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        Response mine = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/boundary/my-lines"))
                .header("Authorization", "Bearer " + login.json().get("token").asString()).GET());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        int demoLines = 0;
        for (JsonNode l : mine.json()) {
            if (!l.get("roundName").asString().startsWith("第5轮乡级界线联检（厦门市")) continue;
            demoLines++;
            assertThat(l.get("team").asString()).isEqualTo("外业一组");
            assertThat(l.get("code").asString()).startsWith("3502");
            assertThat(l.get("markers").size()).isEqualTo(l.get("markerCount").asInt()).isPositive();
        }
        assertThat(demoLines).isEqualTo(3);

        loadDemo();
        assertThat(jdbc.sql(counts).query(String.class).single()).as("a second load adds nothing").isEqualTo(before);
        assertThat(count("select count(*) from inspection_round where name like '第5轮乡级界线联检（厦门市%'")).isEqualTo(1);
    }
}
