/* The geocoder behind the search box (GET /api/suggest, then GET /api/geocode for the pick's location) and behind
 * map clicks (GET /api/reverse: division chain and nearest standard address). */
import { CivGeoApi } from './api.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoSearch } from './search.js';

var api = CivGeoApi, S = CivGeoSearch;
var KIND_ZOOM = { address: 17, place: 16, placeName: 16, place_name: 16 };

function locate(s) {
  if (s.kind === 'division' && s.code) {
    return api.get('/api/map/collections/division-labels/items/' + encodeURIComponent(s.code)).then(function (f) {
      return { lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], zoom: S.ZOOM_FOR_LEVEL[s.level] || 13 };
    });
  }
  return api.get('/api/geocode?limit=1&q=' + encodeURIComponent(s.address || s.name)).then(function (r) {
    var c = r.candidates && r.candidates[0];
    if (!c || !c.location) throw new Error('no location');
    return { lon: c.location.coordinates[0], lat: c.location.coordinates[1], zoom: KIND_ZOOM[s.kind] || 15 };
  });
}

function suggest(q) {
  return api.get('/api/suggest?limit=8&q=' + encodeURIComponent(q)).then(function (list) {
    return list.map(function (s) {
      return { label: s.name, sub: s.address && s.address !== s.name ? s.address : (s.code || ''), kind: s.kind,
        code: s.kind === 'division' ? s.code : null, resolve: function () { return locate(s); } };
    });
  });
}
S.providers.length = 0;
S.providers.push(suggest);

CivGeoPanels.reverseProvider = function (lon, lat) {
  return api.get('/api/reverse?limit=3&radius=1000&lon=' + lon + '&lat=' + lat).then(function (r) {
    var a = r.nearestAddress;
    return { divisions: r.divisions, address: a ? { text: a.address || a.name, distanceM: a.distanceM } : null, placeNames: r.placeNames || [] };
  });
};
