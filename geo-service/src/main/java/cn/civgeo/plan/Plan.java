package cn.civgeo.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A five-year plan (e.g. 厦门市"十四五"民政事业发展规划, 2021–2025, baseline 2020) of a division and its indicators.
 * Years are calendar years; baselineYear is the year the baselines describe.
 */
record Plan(long id, String code, String divisionCode, String name, String nameEn, int periodFrom, int periodTo,
                   int baselineYear, String source, int version, String createdBy, OffsetDateTime createdAt, String updatedBy,
                   OffsetDateTime updatedAt, List<Indicator> indicators, Approval approval) {

    /**
     * Where the plan stands: draft, or approved (印发) by its approving body with the document and date. An approved
     * plan changes only through its workflow (reopen, change, approve again). reopenReason: why it was last reopened.
     */
    public record Approval(String status, String approvingBody, String document, java.time.LocalDate approvedOn,
                           String approvedBy, OffsetDateTime approvedAt, String reopenReason) {
        public boolean approved() { return "approved".equals(status); }
    }

    /** An administrator approves a draft: the version read, who issued it, the document and its date. */
    public record ApprovalInput(Integer version, String approvingBody, String document, java.time.LocalDate approvedOn) {}

    /** An administrator takes an approved plan back to draft: the version read and why. */
    public record ReopenInput(Integer version, String reason) {}

    /**
     * One indicator. direction: ge (≥ target), le (≤), eq (=), range (target … targetMax). kind: binding 约束性 or
     * expected 预期性. targetText: the plan's own words where the target is given in text. metric: how it is
     * computed from the map (null: entered per year as reported values). overrides: per-child-division targets.
     */
    public record Indicator(String code, String nameZh, String nameEn, String unit, String definition, Double baseline,
                            Double target, Double targetMax, String targetText, String direction, String kind, String source,
                            Metric metric, Map<String, Double> overrides) {
        public boolean computed() { return metric != null; }

        public Double targetFor(String divisionCode) {
            return overrides != null && overrides.containsKey(divisionCode) ? overrides.get(divisionCode) : target;
        }
    }

    /** What a client sends to create or replace a plan (version: the one read, for a replace). */
    public record Input(String code, String divisionCode, String name, String nameEn, Integer periodFrom, Integer periodTo,
                        Integer baselineYear, String source, List<Indicator> indicators, Integer version) {}

    /** A figure entered by hand for an indicator that is not computed (or to record an official figure). */
    public record ReportedValue(long id, String indicatorCode, String divisionCode, int year, double value, String source,
                                String note, int version, String recordedBy, OffsetDateTime recordedAt) {}

    public record ValueInput(String indicatorCode, String divisionCode, Integer year, Double value, String source, String note,
                             Integer version) {}

    /** One saved version of a plan (the whole plan as JSON). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PlanVersion")
    public record Version(int version, String changedBy, OffsetDateTime changedAt, Object snapshot) {}
}
