/* Gauss–Krüger for the page: proj4 (gk-proj4.js) in its own script, /dist/gk.js, loaded on first use. */
var loading = null;

function load() {
  if (window.CivGeoGkProj4) return Promise.resolve(window.CivGeoGkProj4);
  if (!loading) {
    loading = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = '/dist/gk.js';
      s.onload = function () { resolve(window.CivGeoGkProj4); };
      s.onerror = function () { loading = null; reject(new Error('/dist/gk.js')); };
      document.head.appendChild(s);
    });
  }
  return loading;
}

/** lon/lat to { zone, x: northing, y: prefixed easting }, as a promise. */
export const CivGeoGk = {
  forward: function (lon, lat, zone) { return load().then(function (g) { return g.forward(lon, lat, zone); }); },
  /** { x: northing, y: prefixed easting } back to [lon, lat], as a promise. */
  inverse: function (x, y) { return load().then(function (g) { return g.inverse(x, y); }); },
  load: load
};
