package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Boundary management on three counties in a row (998401–998403: two county lines A = 01|02, B = 02|03):
 * 平安边界 agreements and their creation rate, custodians with patrols overdue, re-demarcation tasks opened by a
 * division change and closed when done, disputes with the resource at stake and departments involved.
 */
class BoundaryManagementIT extends IntegrationTest {
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    long a, b;

    @BeforeEach
    void fixture() {
        BoundaryFixtures.cleanBoundary(jdbc, "9984");
        BoundaryFixtures.ensurePrefecture(jdbc, "998400", "测试己市");
        String[] names = {"子县", "丑县", "寅县"};
        for (int i = 1; i <= 3; i++) {
            double x0 = 118.0 + 0.1 * (i - 1), x1 = x0 + 0.1;
            BoundaryFixtures.division(jdbc, "99840" + i, names[i - 1], 3, "县", "998400",
                    String.format(java.util.Locale.ROOT, "POLYGON((%.1f 24.5, %.1f 24.5, %.1f 24.6, %.1f 24.6, %.1f 24.5))", x0, x1, x1, x0, x0));
        }
        Response d = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "998400", "level", 3));
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        Map<String, Long> byCode = new HashMap<>();
        d.json().get("lines").forEach(l -> byCode.put(l.get("code").asString(), l.get("id").asLong()));
        a = byCode.get("998401998402");
        b = byCode.get("998402998403");
    }

    @Test
    void peaceBorderAgreementsGiveTheCreationRatePerLevelAndDivision() {
        Response bad = put("/api/boundary/lines/" + a + "/peace-border", "surveyor-t", Map.of("status", "signed", "parties", List.of("子县人民政府")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("signedOn", "parties");
        Response ok = put("/api/boundary/lines/" + a + "/peace-border", "surveyor-t", Map.of("status", "signed",
                "parties", List.of("子县人民政府", "丑县人民政府"), "signedOn", "2024-06-18", "validUntil", "2029-06-17",
                "documents", List.of("平安边界协议书")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(auditRows("peace_border", ok.json().get("id").asLong())).isEqualTo(1);
        Response nego = put("/api/boundary/lines/" + b + "/peace-border", "surveyor-t", Map.of("status", "negotiating",
                "parties", List.of("丑县人民政府", "寅县人民政府")));
        assertThat(nego.status()).isEqualTo(200);
        // a change needs the version read
        assertThat(put("/api/boundary/lines/" + b + "/peace-border", "surveyor-t", Map.of("status", "signed",
                "parties", List.of("丑县", "寅县"), "signedOn", "2025-01-01", "version", 7)).status()).isEqualTo(409);

        JsonNode rates = get("/api/boundary/peace-border/rates?within=998400&asOf=2026-01-01").json();
        assertThat(rates.get("byLevel").get(0).get("level").asInt()).isEqualTo(3);
        assertThat(rates.get("byLevel").get(0).get("lines").asInt()).isEqualTo(2);
        assertThat(rates.get("byLevel").get(0).get("signed").asInt()).isEqualTo(1);
        assertThat(rates.get("byLevel").get(0).get("rate").asDouble()).isEqualTo(0.5);
        Map<String, Double> byDivision = new HashMap<>();
        rates.get("byDivision").forEach(r -> byDivision.put(r.get("division").asString(), r.get("rate").asDouble()));
        assertThat(byDivision).containsEntry("998401", 1.0).containsEntry("998402", 0.5).containsEntry("998403", 0.0);
        // before the signing and after its validity the line does not count
        assertThat(get("/api/boundary/peace-border/rates?within=998400&asOf=2024-01-01").json().get("byLevel").get(0).get("signed").asInt()).isZero();
        assertThat(get("/api/boundary/peace-border/rates?within=998400&asOf=2030-01-01").json().get("byLevel").get(0).get("signed").asInt()).isZero();
    }

    @Test
    void custodianPatrolsOverdueAreListed() {
        Response c1 = post("/api/boundary/custodians", "surveyor-t", Map.of("lineId", a, "unit", "子县民政局", "person", "陈建国",
                "contact", "0592-1234567", "patrolIntervalDays", 30, "since", "2026-01-01"));
        assertThat(c1.status()).as(c1.toString()).isEqualTo(201);
        long id1 = c1.json().get("id").asLong();
        Response c2 = post("/api/boundary/custodians", "surveyor-t", Map.of("lineId", b, "unit", "丑县民政局", "person", "林小红",
                "patrolIntervalDays", 90, "since", "2026-01-01"));
        long id2 = c2.json().get("id").asLong();
        assertThat(post("/api/boundary/custodians", "surveyor-t", Map.of("lineId", a, "unit", "x", "person", "y")).status()).isEqualTo(409);
        Response both = post("/api/boundary/custodians", "surveyor-t", Map.of("lineId", a, "markerId", 1, "unit", "x", "person", "y"));
        assertThat(both.status()).isEqualTo(400);

        Response p = post("/api/boundary/custodians/" + id1 + "/patrols", "surveyor-t", Map.of("patrolledOn", "2026-03-01",
                "findings", "界桩完好"));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(p.json().get("patrolledBy").asString()).isEqualTo("陈建国");
        assertThat(auditRows("boundary_patrol", p.json().get("id").asLong())).isEqualTo(1);

        // on 2026-03-20: c1 next due 2026-03-31 (fine), c2 due 2026-04-01 (fine)
        assertThat(overdue("2026-03-20")).doesNotContainKeys(id1, id2);
        // on 2026-04-15: c1 overdue 15 days, c2 overdue 14 days
        Map<Long, Integer> apr = overdue("2026-04-15");
        assertThat(apr).containsEntry(id1, 15).containsEntry(id2, 14);
        post("/api/boundary/custodians/" + id2 + "/patrols", "surveyor-t", Map.of("patrolledOn", "2026-04-10"));
        assertThat(overdue("2026-04-15")).containsKey(id1).doesNotContainKey(id2);
        assertThat(get("/api/boundary/custodians/" + id1 + "/patrols").json().size()).isEqualTo(1);
    }

    @Test
    void aDivisionChangeOpensARedemarcationTaskTrackedUntilClosed() {
        tx.executeWithoutResult(s -> events.publishEvent(new DivisionChangedEvent("boundary", List.of("998403"), LocalDate.of(2026, 1, 1))));
        JsonNode open = get("/api/boundary/redemarcation-tasks?status=open&lineId=" + b).json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(get("/api/boundary/redemarcation-tasks?lineId=" + a).json().size()).isZero();
        JsonNode t = open.get(0);
        assertThat(t.get("reason").asString()).contains("998403");
        long id = t.get("id").asLong();
        // a second change while the task is open: still one task
        tx.executeWithoutResult(s -> events.publishEvent(new DivisionChangedEvent("boundary", List.of("998403"), LocalDate.of(2026, 2, 1))));
        assertThat(get("/api/boundary/redemarcation-tasks?lineId=" + b).json().size()).isEqualTo(1);

        Response early = put("/api/boundary/redemarcation-tasks/" + id, "surveyor-t", Map.of("agreementDone", true, "close", true, "version", 0));
        assertThat(early.status()).isEqualTo(400);
        assertThat(fields(early)).containsExactly("close");
        Response step = put("/api/boundary/redemarcation-tasks/" + id, "surveyor-t", Map.of("agreementDone", true, "markersDone", true, "version", 0));
        assertThat(step.status()).as(step.toString()).isEqualTo(200);
        assertThat(put("/api/boundary/redemarcation-tasks/" + id, "surveyor-t", Map.of("descriptionDone", true, "version", 0)).status()).isEqualTo(409);
        Response closed = put("/api/boundary/redemarcation-tasks/" + id, "surveyor-t", Map.of("descriptionDone", true, "close", true, "version", 1));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(closed.json().get("closedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(auditRows("redemarcation_task", id)).isEqualTo(3);
        // the next change opens a new task
        tx.executeWithoutResult(s -> events.publishEvent(new DivisionChangedEvent("boundary", List.of("998403"), LocalDate.of(2026, 3, 1))));
        assertThat(get("/api/boundary/redemarcation-tasks?status=open&lineId=" + b).json().size()).isEqualTo(1);
    }

    @Test
    void disputesCarryTheResourceAtStakeAndTheDepartments() {
        Map<String, Object> area = Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(118.09, 24.52), List.of(118.11, 24.52), List.of(118.11, 24.54), List.of(118.09, 24.54), List.of(118.09, 24.52))));
        Response bad = post("/api/boundary/disputes", "surveyor-t", Map.of("title", "林地争议", "leftCode", "998401", "rightCode", "998402",
                "area", area, "resources", List.of("forest", "gold")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("resources[1]");
        Response ok = post("/api/boundary/disputes", "surveyor-t", Map.of("title", "林地争议", "leftCode", "998401", "rightCode", "998402",
                "area", area, "resources", List.of("forest", "water"), "departments", List.of("子县林业局", "丑县水利局")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        JsonNode got = get("/api/boundary/disputes/" + ok.json().get("id").asLong()).json();
        assertThat(got.get("resources").toString()).isEqualTo("[\"forest\",\"water\"]");
        assertThat(got.get("departments").get(1).asString()).isEqualTo("丑县水利局");
    }

    @Test
    void lineDocumentsAgreementAnnexAndDescription() {
        byte[] pdf = "%PDF-1.4\n% 界线协议书\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Multipart mp = Multipart.file("file", "协议书.pdf", "application/pdf", pdf);
        Response ok = call("POST", "/api/boundary/lines/" + a + "/documents?kind=agreement", "surveyor-t", mp.contentType(), mp.body());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("kind").asString()).isEqualTo("agreement");
        Response bad = call("POST", "/api/boundary/lines/" + a + "/documents?kind=poem", "surveyor-t", mp.contentType(), mp.body());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("kind");
        Multipart txt = Multipart.file("file", "走向说明.txt", "text/plain", "沿山脊".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Response notPdf = call("POST", "/api/boundary/lines/" + a + "/documents?kind=description", "surveyor-t", txt.contentType(), txt.body());
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(fields(notPdf)).containsExactly("file");
        JsonNode list = get("/api/boundary/lines/" + a + "/documents").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("filename").asString()).isEqualTo("协议书.pdf");
        assertThat(auditRows("boundary_attachment", list.get(0).get("id").asLong())).isEqualTo(1);
    }

    private Map<Long, Integer> overdue(String asOf) {
        Response r = get("/api/boundary/patrols/overdue?within=998400&asOf=" + asOf);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<Long, Integer> out = new HashMap<>();
        r.json().forEach(o -> out.put(o.get("custodian").get("id").asLong(), o.get("daysOverdue").asInt()));
        return out;
    }

    private static List<String> fields(Response r) {
        List<String> out = new java.util.ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
