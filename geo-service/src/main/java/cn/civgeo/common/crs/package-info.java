/**
 * Coordinate reference systems at the API edge. Storage is always EPSG:4490 (CGCS2000, lon/lat degrees).
 * CGCS2000 and WGS 84 differ by centimetres to decimetres, far below our data's accuracy, so EPSG:4326 input is
 * taken as-is. GCJ-02 and BD-09 have no EPSG code: they are converted in Java with the published formulas
 * (inverse by iteration, well under 0.5 m). Gauss–Krüger zones (EPSG:4513–4554) go through PostGIS ST_Transform.
 */
package cn.civgeo.common.crs;
