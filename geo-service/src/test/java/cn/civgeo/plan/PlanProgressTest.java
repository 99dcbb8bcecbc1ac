package cn.civgeo.plan;

import cn.civgeo.common.code.DivisionCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlanProgressTest {
    @Test
    void theLinearPathRunsFromBaselineToTargetOverThePeriod() {
        // Xiamen beds per 1,000 elderly: 31.4 (2020) → 40 (2025)
        assertThat(PlanReportService.expected(31.4, 40.0, 2020, 2025, 2020)).isCloseTo(31.4, within(1e-9));
        assertThat(PlanReportService.expected(31.4, 40.0, 2020, 2025, 2023)).isCloseTo(31.4 + 8.6 * 3 / 5, within(1e-9));
        assertThat(PlanReportService.expected(31.4, 40.0, 2020, 2025, 2025)).isCloseTo(40, within(1e-9));
        assertThat(PlanReportService.expected(31.4, 40.0, 2020, 2025, 2027)).isCloseTo(40, within(1e-9)); // after the period: the target
        assertThat(PlanReportService.expected(null, 60.0, 2020, 2025, 2022)).isEqualTo(60.0); // no baseline: the target itself
        assertThat(PlanReportService.expected(1.0, null, 2020, 2025, 2022)).isNull();
    }

    @Test
    void onTrackAndMetFollowTheDirection() {
        assertThat(PlanReportService.meets("ge", 36.6, 36.56, 40.0)).isTrue();
        assertThat(PlanReportService.meets("ge", 36.5, 36.56, 40.0)).isFalse();
        assertThat(PlanReportService.meets("le", 9.0, 10.0, 8.0)).isTrue();
        assertThat(PlanReportService.meets("le", 11.0, 10.0, 8.0)).isFalse();
        assertThat(PlanReportService.meets("eq", 100.5, 100.0, 100.0)).isTrue();
        assertThat(PlanReportService.meets("eq", 102.0, 100.0, 100.0)).isFalse();
        assertThat(PlanReportService.meetsFinal("range", 67.0, 65.0, 70.0)).isTrue();
        assertThat(PlanReportService.meetsFinal("range", 71.0, 65.0, 70.0)).isFalse();
        assertThat(PlanReportService.meetsFinal("range", 64.0, 65.0, 70.0)).isFalse();
        assertThat(PlanReportService.meetsFinal("ge", 55.0, 55.0, null)).isTrue();
        assertThat(PlanReportService.meetsFinal("le", 55.1, 55.0, null)).isFalse();
    }

    @Test
    void divisionPrefixes() {
        assertThat(DivisionCode.significant("350200")).isEqualTo("3502");
        assertThat(DivisionCode.significant("350000")).isEqualTo("35");
        assertThat(DivisionCode.significant("350203")).isEqualTo("350203");
        assertThat(DivisionCode.significant("350203001")).isEqualTo("350203001");
    }
}
