package cn.civgeo.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's report for one division and year. For each indicator: baseline → latest → target, the gap to the target,
 * the value expected on the linear path from baseline (baselineYear) to target (periodTo) at the report year, whether
 * the latest value is on that path (onTrack) and whether it meets the final target (met), the trend over the recorded
 * years and the children ranked. view: current, midterm (中期评估) or final (总结评估).
 */
record PlanReport(long planId, String planCode, String planName, String divisionCode, String divisionName, int year,
                         LocalDate asOf, String view, int baselineYear, int periodFrom, int periodTo, List<Row> indicators,
                         long onTrack, long offTrack, long noData, long computeMillis) {

    /** source: computed (from the map) or reported (entered with its source) or none. */
    public record Row(String code, String nameZh, String nameEn, String unit, String kind, String direction, Double baseline,
                      Double target, Double targetMax, String targetText, Double latest, Integer latestYear, String source,
                      String valueSource, Double numerator, Double denominator, Double expected, Double gap, Boolean onTrack,
                      Boolean met, List<Point> trend, List<Child> children, String definition) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "TrendPoint")
    public record Point(int year, Double value) {}

    public record Child(String code, String name, Double value, Double target, Boolean met, Integer rank) {}
}
