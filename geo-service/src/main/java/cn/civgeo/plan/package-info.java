/**
 * Five-year plans as data (规划): plans of a division and period, their indicators (baseline, target, direction,
 * binding 约束性 / expected 预期性, per-child targets, source), reported values for non-spatial indicators, the live
 * plan report (baseline → latest → target, gap, on track on the linear path, trend, children ranked; mid-term and
 * final views) with xlsx and PDF exports, and the screenings the plans ask for.
 *
 * <p>SRID 4490 (CGCS2000) for everything read; bboxes in lon/lat EPSG:4490. Tables plan, plan_indicator,
 * plan_version, plan_reported_value (V70). Indicators are computed by each plan's own {@link cn.civgeo.plan.Metric}
 * (see there for the rules: facilities operating on the report date, "in" a division by the location of their point,
 * demographics as of the report year) through the read views {@code facility_operating_at(date)} and
 * {@code demographics_at(year)} published by the facility and demographics migrations. Percent units are percent
 * (55 = 55%); per-1,000 and per-100 scales are stated in the metric.
 */
package cn.civgeo.plan;
