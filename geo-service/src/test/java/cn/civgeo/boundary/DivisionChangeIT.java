package cn.civgeo.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A division change touching a line's division turns the line "needs re-survey", with the change's transaction. */
class DivisionChangeIT extends IntegrationTest {
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void touchedLinesNeedResurvey() {
        BoundaryFixtures.cleanBoundary(jdbc, "9974");
        BoundaryFixtures.ensurePrefecture(jdbc, "997400", "测试丁市");
        BoundaryFixtures.division(jdbc, "997401", "辛县", 3, "县", "997400",
                "POLYGON((118.0 24.9, 118.1 24.9, 118.1 25.0, 118.0 25.0, 118.0 24.9))");
        BoundaryFixtures.division(jdbc, "997402", "壬县", 3, "县", "997400",
                "POLYGON((118.1 24.9, 118.2 24.9, 118.2 25.0, 118.1 25.0, 118.1 24.9))");
        BoundaryFixtures.division(jdbc, "997403", "癸县", 3, "县", "997400",
                "POLYGON((118.2 24.9, 118.3 24.9, 118.3 25.0, 118.2 25.0, 118.2 24.9))");
        JsonNode derived = post("/api/boundary/lines/derive", "surveyor-t", Map.of("parentCode", "997400", "level", 3)).json();
        assertThat(derived.get("pairs").asInt()).isEqualTo(2);

        // rolled back with the change: nothing marked
        try {
            tx.executeWithoutResult(s -> {
                events.publishEvent(new DivisionChangedEvent("boundary", List.of("997403"), LocalDate.of(2026, 1, 1)));
                s.setRollbackOnly();
            });
        } catch (RuntimeException ignored) {
            // rollback-only
        }
        assertThat(status("997402997403")).isEqualTo("in_force");

        tx.executeWithoutResult(s -> events.publishEvent(new DivisionChangedEvent("boundary", List.of("997403"), LocalDate.of(2026, 1, 1))));
        assertThat(status("997402997403")).isEqualTo("needs_resurvey");
        assertThat(status("997401997402")).isEqualTo("in_force");
        JsonNode line = get("/api/boundary/lines?division=997403").json().get("items").get(0);
        assertThat(line.get("statusReason").asString()).contains("boundary", "997403", "2026-01-01");
    }

    private String status(String code) {
        return jdbc.sql("select status from boundary_line where code = :c").param("c", code).query(String.class).single();
    }
}
