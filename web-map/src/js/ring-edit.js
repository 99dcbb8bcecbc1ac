/* Vertex editing of a polygon's outer ring (issue #19), pure: a ring is an open list of points ({lat, lng} or
 * [lng, lat]; never repeats its first point). Used by vertex-edit.js on the map and by node --test. */

/** The midpoint of each edge i → i+1 (the last edge closes the ring); a click there inserts a vertex at index i+1. */
export function midpoints(ring) {
  if (ring.length < 2) return [];
  return ring.map(function (p, i) {
    var q = ring[(i + 1) % ring.length];
    return { lat: (p.lat + q.lat) / 2, lng: (p.lng + q.lng) / 2 };
  });
}

/** A copy with point p inserted after vertex i (on edge i → i+1). */
export function insertAfter(ring, i, p) {
  var out = ring.slice();
  out.splice(i + 1, 0, p);
  return out;
}

/** A copy without vertex i; a polygon keeps at least three corners, so a triangle answers null. */
export function removeAt(ring, i) {
  if (ring.length <= 3 || i < 0 || i >= ring.length) return null;
  var out = ring.slice();
  out.splice(i, 1);
  return out;
}

/** GeoJSON Polygon of a ring of {lat, lng} (closed, lon/lat order); null under three corners. */
export function toPolygon(ring) {
  if (ring.length < 3) return null;
  var c = ring.map(function (p) { return [p.lng, p.lat]; });
  c.push(c[0].slice());
  return { type: 'Polygon', coordinates: [c] };
}

/** The outer ring of a GeoJSON Polygon or a MultiPolygon's first polygon, as {lat, lng} without the closing point. */
export function fromGeometry(g) {
  if (!g) return null;
  var rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' && g.coordinates.length ? g.coordinates[0] : null;
  if (!rings || !rings.length) return null;
  var c = rings[0].map(function (x) { return { lat: x[1], lng: x[0] }; });
  if (c.length > 1 && c[0].lat === c[c.length - 1].lat && c[0].lng === c[c.length - 1].lng) c.pop();
  return c;
}
