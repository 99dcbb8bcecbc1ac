/* CGCS2000 3-degree Gauss–Krüger forward projection (transverse Mercator, k0 = 1), as survey teams record positions:
 * x = northing (m), y = easting with the zone number prefixed (zone × 1,000,000 + 500,000 + …). Snyder's series;
 * millimetre-level within a 3-degree zone. */
(function (global) {
  'use strict';
  var a = 6378137, f = 1 / 298.257222101, e2 = f * (2 - f), ep2 = e2 / (1 - e2);
  function forward(lon, lat, zone) {
    zone = zone || Math.round(lon / 3);
    var phi = lat * Math.PI / 180, lam = (lon - 3 * zone) * Math.PI / 180;
    var s = Math.sin(phi), c = Math.cos(phi), t = Math.tan(phi);
    var N = a / Math.sqrt(1 - e2 * s * s), T = t * t, C = ep2 * c * c, A = lam * c;
    var e4 = e2 * e2, e6 = e4 * e2;
    var M = a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * Math.sin(2 * phi) +
      (15 * e4 / 256 + 45 * e6 / 1024) * Math.sin(4 * phi) - (35 * e6 / 3072) * Math.sin(6 * phi));
    var x = M + N * t * (A * A / 2 + (5 - T + 9 * C + 4 * C * C) * Math.pow(A, 4) / 24 + (61 - 58 * T + T * T + 600 * C - 330 * ep2) * Math.pow(A, 6) / 720);
    var y = N * (A + (1 - T + C) * Math.pow(A, 3) / 6 + (5 - 18 * T + T * T + 72 * C - 58 * ep2) * Math.pow(A, 5) / 120) + 500000 + zone * 1e6;
    return { zone: zone, x: x, y: y };
  }
  global.CivGeoGk = { forward: forward };
})(window);
