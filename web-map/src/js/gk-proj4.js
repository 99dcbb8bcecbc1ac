/* CGCS2000 3-degree Gauss–Krüger as survey teams record positions, computed by proj4: x = northing (m), y = easting
 * with the zone number prefixed (zone × 1,000,000 + 500,000 + …), as EPSG:4513–4533 define them. */
import proj4 from 'proj4';

var CGCS2000 = '+proj=longlat +ellps=GRS80 +no_defs';

/** The proj4 definition of 3-degree zone `zone` (central meridian 3 × zone), false easting with the zone prefix. */
export function zoneDefinition(zone) {
  return '+proj=tmerc +lat_0=0 +lon_0=' + (3 * zone) + ' +k=1 +x_0=' + (zone * 1e6 + 500000) + ' +y_0=0 +ellps=GRS80 +units=m +no_defs';
}

/** The 3-degree zone whose central meridian is nearest to `lon`. */
export function zoneOf(lon) { return Math.round(lon / 3); }

/** lon/lat (CGCS2000, degrees) to { zone, x: northing, y: prefixed easting } in `zone` (default: the point's own). */
export function forward(lon, lat, zone) {
  zone = zone || zoneOf(lon);
  var en = proj4(CGCS2000, zoneDefinition(zone), [lon, lat]);
  return { zone: zone, x: en[1], y: en[0] };
}

/** { x: northing, y: prefixed easting } back to [lon, lat]; the zone is read from y's prefix. */
export function inverse(x, y) {
  var zone = Math.floor(y / 1e6);
  return proj4(zoneDefinition(zone), CGCS2000, [y, x]);
}
