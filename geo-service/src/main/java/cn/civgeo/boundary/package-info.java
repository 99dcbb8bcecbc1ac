/**
 * Boundary lines (行政区域界线), boundary markers (界桩), joint inspections (联检, sub-package {@code inspection}) and
 * boundary disputes (界线争议, sub-package {@code dispute}).
 *
 * <p>Storage SRID is 4490 (CGCS2000, lon/lat degrees). Lengths are kilometres on the ellipsoid
 * ({@code ::geography}); distances of markers to lines are metres on the ellipsoid; displacements of re-surveyed
 * markers are metres in the CGCS2000 3-degree Gauss–Krüger zone (EPSG:4513–4533, easting with zone prefix) the
 * team surveyed in. Following Chinese survey usage, Gauss–Krüger {@code x} is the northing and {@code y} the
 * easting with the 2-digit zone prefix (e.g. y = 39 612 345.678 in zone 39).
 *
 * <p>A line separates two divisions of the same level; {@code leftCode}/{@code rightCode} are relative to the
 * digitising direction, which follows the marker numbering: west→east when the line is wider (east–west, in
 * metres) than tall, otherwise north→south. Line codes default to the two divisions' significant code prefixes,
 * smaller first (province 2+2 digits, prefecture 4+4, county 6+6, township 9+9). Marker number = line code +
 * 3-digit sequence (001 upward, in line direction) + type: Q single; A/B same-number double (A on the side of the
 * smaller division code); C/D/E same-number triple at a tri-junction.
 */
package cn.civgeo.boundary;
