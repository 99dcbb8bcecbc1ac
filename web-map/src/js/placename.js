/* Place names (标准地名) for the visible box, a place name's panel, and the 大洋怪重 scan with links to the names. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
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
      var html = '<h3 id="placename-name">' + esc(n.name) + '</h3><table>' + P.row('code', n.code) + P.row('kind', n.categoryName) +
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

CivGeoLayers.extra.push(function (layers) {
  var map = layers.map;
  var lyr = layers.geoJsonLayerUrl(function () {
    if (map.getZoom() < 13) return null; // names only where they can be read
    return api.get('/api/place-names?geometry=true&includeDivisions=false&status=approved&limit=500&bbox=' + layers.bbox()).then(function (page) {
      return { features: page.items.filter(function (i) { return i.geometry; }).map(function (i) {
        return { type: 'Feature', geometry: typeof i.geometry === 'string' ? JSON.parse(i.geometry) : i.geometry,
          properties: { id: i.id, name: i.name, category: i.categoryName } };
      }) };
    }).then(function (fc) { fc.type = 'FeatureCollection'; return fc; });
  }, { name: 'place-names',
    style: { color: '#6c3483', weight: 2 },
    pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 4, color: '#6c3483', weight: 1, fillColor: '#fff', fillOpacity: 1 }); },
    onEachFeature: function (f, l) {
      l.bindTooltip(esc(f.properties.name), { permanent: map.getZoom() >= 16, direction: 'right', className: 'pn-label' });
      l.on('click', function (e) { L.DomEvent.stop(e); showPlaceName(f.properties.id); });
    } });
  return { id: 'place-names', key: 'placeNames', layer: lyr, on: false, controls: function (div) {
    if (div.querySelector('#scan-button')) return;
    var b = L.DomUtil.create('button', '', div); b.type = 'button'; b.id = 'scan-button'; b.textContent = t('namingScan');
    b.addEventListener('click', function () {
      if (!api.session()) { document.getElementById('signin').click(); return; }
      showScan();
    });
  } };
});

export const CivGeoPlaceNames = { showPlaceName: showPlaceName, showScan: showScan };
