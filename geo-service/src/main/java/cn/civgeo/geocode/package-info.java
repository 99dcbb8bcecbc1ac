/**
 * Geocoding for other systems: Chinese address parsing, forward, reverse, batch and suggest.
 * <p>
 * Coordinates are stored and computed in CGCS2000 (EPSG:4490, lon/lat degrees); requests and answers may use
 * EPSG:4326, GCJ-02, BD-09 or a CGCS2000 Gauss–Krüger zone through {@link cn.civgeo.common.crs.Crs}. Distances
 * are metres on the ellipsoid (a local spherical approximation below a few kilometres), directions are bearings
 * in degrees clockwise from north with the Chinese eight-point name (东北 …).
 * <p>
 * The parser ({@code parse}) is pure Java over a {@link cn.civgeo.geocode.parse.Gazetteer}. The service keeps the
 * whole national division registry (~665,000 units) in memory as a gazetteer and the division geometry in a JTS
 * STRtree, rebuilt in the background when divisions change. Confidence is a calibrated probability that the
 * answer is right at its match level (see scripts/bench/geocode-accuracy.sh).
 */
package cn.civgeo.geocode;
