/**
 * Boundary disputes (界线争议): the disputed area (MultiPolygon, EPSG:4490; area in km² on the ellipsoid), the two
 * divisions, the line concerned if any, the status history (reported → negotiating → mediation → ruling → settled)
 * and documents (PDF or images).
 */
package cn.civgeo.boundary.dispute;
