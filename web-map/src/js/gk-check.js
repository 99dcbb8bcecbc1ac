/* Checks of a typed Gauss–Krüger position before it is sent (the server checks again, GaussKruger.problem): the same
 * rules as the service, plus the zone of the marker's own position, each explained to the surveyor. Pure functions
 * (node --test). x = northing in metres, y = easting with the zone prefix (zone × 1,000,000 + 500,000 ± …). */

/** The zone prefix of an easting written with it (39 612 345.678 → 39); -1 when it has none. */
export function zoneOfEasting(y) { return y >= 1e7 && y < 1e8 ? Math.floor(y / 1e6) : -1; }

/**
 * null when (x, y, zone) fits, else { field, key, vars } naming the field and an i18n key: the zone must be the
 * marker's (pointZone), x/y swapped is detected, y must carry the zone prefix and lie within the zone, x must be a
 * northing in China (0–6,000 km).
 */
export function gkProblem(x, y, zone, pointZone) {
  if (!isFinite(x)) return { field: 'x', key: 'gkNeedX' };
  if (!isFinite(y)) return { field: 'y', key: 'gkNeedY' };
  if (!(zone >= 25 && zone <= 45)) return { field: 'zone', key: 'gkBadZone', vars: { zone: zone } };
  if (pointZone && zone !== pointZone) return { field: 'zone', key: 'gkZoneNotPoint', vars: { zone: zone, point: pointZone } };
  var prefix = zoneOfEasting(y);
  if (prefix < 0 && zoneOfEasting(x) === zone) return { field: 'x', key: 'gkSwapped', vars: { x: x, y: y } };
  if (prefix !== zone) return { field: 'y', key: 'gkNoPrefix', vars: { y: y, zone: zone } };
  var e = y - zone * 1e6;
  if (e < 100000 || e > 900000) return { field: 'y', key: 'gkOutsideZone', vars: { y: y, zone: zone } };
  if (x < 0 || x > 6000000) return { field: 'x', key: 'gkNotNorthing', vars: { x: x } };
  return null;
}
