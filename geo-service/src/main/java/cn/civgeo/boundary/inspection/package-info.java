/**
 * Joint inspections (联检) of boundary lines: rounds covering lines, per-line inspections with one record per
 * marker (condition, re-surveyed Gauss–Krüger position → displacement in metres in that zone) and per stretch,
 * tracked problems (open → assigned → fixed with evidence → closed after verification), round reports (JSON, CSV,
 * printable HTML) and the field exchange with teams working offline (line package out, results CSV in).
 *
 * <p>Displacement = planar distance in the CGCS2000 3-degree Gauss–Krüger zone (EPSG:4513–4533) between the
 * registered marker position (projected into the zone given by the team) and the re-surveyed x (northing) /
 * y (easting with zone prefix). Positions are stored in EPSG:4490.
 */
package cn.civgeo.boundary.inspection;
