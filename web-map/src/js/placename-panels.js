/* A place name's panel and the 大洋怪重 scan with links to the names: loaded on first use (placename.js). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;

function center(geom) {
  if (!geom) return null;
  var g = L.geoJSON(geom), b = g.getBounds();
  return b.isValid() ? b.getCenter() : null;
}

function showPlaceName(id) {
  var render = function () {
    P.open(t('placeNames'), P.loading(), render);
    api.get('/api/place-names/' + id).then(function (n) {
      var g = typeof n.geometry === 'string' ? JSON.parse(n.geometry) : n.geometry;
      var html = '<h3 id="placename-name">' + esc(n.name) + '</h3><table>' + P.row('code', n.code) + P.row('kind', CivGeoI18n.term('placeCategory', n.categoryCode, n.categoryName)) +
        P.row('divisions', n.divisionCode) + '<tr><th>Pinyin</th><td>' + esc(n.spelling || '') + '</td></tr>' + P.row('status', n.status) +
        P.row('notes', n.meaning) + P.row('history', n.history) + '</table>';
      P.open(t('placeNames'), html, render);
      var c = center(g);
      if (c) window.civgeo.flyTo({ lat: c.lat, lon: c.lng, zoom: Math.max(window.civgeo.map.getZoom(), 15), label: n.name });
    }).catch(function (e) { P.open(t('placeNames'), P.failed(e), render); });
  };
  render.kind = 'placename';
  render();
}

/** A finding's reason in the UI language: the API's (English) reason, or composed from its check and words in Chinese. */
function reason(x) {
  var key = 'check.' + x.check;
  if (CivGeoI18n.lang() === 'en' || t(key) === key) return x.reason || '';
  return t(key, { t: (x.triggers || []).join('、'), o: (x.others || []).join('、') });
}

/** The naming check over the registry within the division at the map centre (signed-in proposers). */
function showScan() {
  var render = function () {
    P.open(t('scanResults'), P.loading(), render);
    var c = window.civgeo.map.getCenter();
    api.get('/api/divisions/at?lon=' + c.lng.toFixed(6) + '&lat=' + c.lat.toFixed(6)).then(function (r) {
      var city = (r.chain || []).filter(function (d) { return d.level === 2; })[0];
      return api.post('/api/place-names/scan' + (city ? '?division=' + city.code.slice(0, 4) : ''), {});
    }).then(function (s) {
      var html = '<p id="scan-summary">' + esc(t('scanSummary', { n: s.scanned, f: s.flaggedCount })) + '</p><table id="scan-results">' + s.flagged.slice(0, 200).map(function (f) {
        return '<tr><th><a href="#" class="pn-link" data-id="' + f.id + '">' + esc(f.name) + '</a></th><td>' + f.findings.map(function (x) {
          return '<span class="badge fail">' + esc(x.label || x.rule) + '</span> ' + esc(reason(x));
        }).join('<br>') + '</td></tr>';
      }).join('') + '</table>';
      P.open(t('scanResults'), html, render);
      document.querySelectorAll('#scan-results .pn-link').forEach(function (a) {
        a.addEventListener('click', function (e) { e.preventDefault(); showPlaceName(+a.getAttribute('data-id')); });
      });
    }).catch(function (e) { P.open(t('scanResults'), P.failed(e), render); });
  };
  render.kind = 'scan';
  render();
}

export const CivGeoPlaceNamePanels = { showPlaceName: showPlaceName, showScan: showScan };
