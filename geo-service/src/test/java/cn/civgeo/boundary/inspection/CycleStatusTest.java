package cn.civgeo.boundary.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CycleStatusTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void dueFiveYearsAfterTheLastInspectionOrTheAgreement() {
        assertThat(CycleStatus.dueOn(LocalDate.of(2021, 9, 1), LocalDate.of(2004, 1, 1))).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(CycleStatus.dueOn(null, LocalDate.of(2004, 1, 1))).isEqualTo(LocalDate.of(2009, 1, 1));
        assertThat(CycleStatus.dueOn(null, null)).isNull();
    }

    @Test
    void statusOnADay() {
        assertThat(CycleStatus.of(LocalDate.of(2026, 2, 28), DAY)).isEqualTo("overdue");
        assertThat(CycleStatus.of(DAY, DAY)).isEqualTo("due");
        assertThat(CycleStatus.of(LocalDate.of(2026, 12, 31), DAY)).isEqualTo("due");
        assertThat(CycleStatus.of(LocalDate.of(2027, 1, 1), DAY)).isEqualTo("current");
        assertThat(CycleStatus.of(null, DAY)).isEqualTo("never");
        assertThat(CycleStatus.needsInspection("current")).isFalse();
        assertThat(CycleStatus.needsInspection("never")).isTrue();
    }
}
