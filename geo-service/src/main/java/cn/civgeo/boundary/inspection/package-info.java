/**
 * Joint inspections (联检) of boundary lines: rounds covering lines, per-line inspections with one record per
 * marker (condition, re-surveyed Gauss–Krüger position → displacement in metres in that zone) and per stretch,
 * tracked problems (open → assigned → fixed with evidence → closed after verification), round reports (JSON, CSV,
 * printable HTML, PDF 联检报告, 界桩登记表, 界桩成果表) and the field exchange with teams working offline (line package
 * out as GeoJSON, GeoPackage and DXF in the line's zone, results CSV in). The five-year cycle (CycleStatus: due =
 * last inspection + 5 years, or agreement date + 5 years when never inspected) feeds round planning; rounds assign
 * their lines to survey teams whose members see them as "my lines".
 *
 * <p>Displacement = planar distance in the CGCS2000 3-degree Gauss–Krüger zone (EPSG:4513–4533) between the
 * registered marker position (projected into the zone given by the team) and the re-surveyed x (northing) /
 * y (easting with zone prefix). Positions are stored in EPSG:4490.
 */
package cn.civgeo.boundary.inspection;
