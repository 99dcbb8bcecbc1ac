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
 * Indicators count facilities operating at {@code asOf} (opened on or before, not closed) with the divisions'
 * current population figures.
 */
package cn.civgeo.coverage;
