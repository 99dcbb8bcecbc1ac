/**
 * Walking service areas, coverage, planning indicators and site suggestion for elderly-care and funeral facilities.
 *
 * <p>SRID 4490 (CGCS2000) for everything stored and served; OSM's WGS 84 is taken as CGCS2000 (metre-level
 * difference). Distances and areas are metres and m², computed on the ellipsoid ({@code ::geography}) or in the
 * CGCS2000 3-degree Gauss–Krüger zone of the place (UTM outside China), never in degrees.
 *
 * <p>Assumptions: pedestrians ignore one-way restrictions (undirected graph); walking cost is edge length times a
 * factor (steps are slower); a service area is the walking reach within {@code minutes × speed} metres, shown as the
 * reached streets buffered by a band of {@code edgeBufferM} (plots along the street are served). Residents of a
 * division are spread evenly over its polygon, so a community counts as covered when its representative point
 * (ST_PointOnSurface) lies in a service area, and coverage shares weight communities by households or elderly.
 * Indicators count facilities operating at {@code asOf} (opened on or before, not closed). Households, elderly (60+),
 * population and urban/rural are read from the demographics feature's read view {@code demographics_at(year)}: each
 * unit's latest row of a year up to the {@code asOf} year; a unit without any such row keeps its division figures.
 * A division's own indicator denominators: its row; else the sum over its communities/villages when any has a row;
 * else its division figures (sql/coverage/indicators.sql).
 */
package cn.civgeo.coverage;
