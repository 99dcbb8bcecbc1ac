/* Place names (标准地名) for the visible box, a place name's panel, and the 大洋怪重 scan with links to the names
 * (the panels: placename-panels.js, loaded on first use). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
import { lazy } from './lazy.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc;

/** The panels (placename-panels.js): a chunk loaded on the first one opened. */
var panels = lazy(function () { return import('./placename-panels.js'); });
function showPlaceName(id) { return panels().then(function (m) { m.CivGeoPlaceNamePanels.showPlaceName(id); }); }
function showScan() { return panels().then(function (m) { m.CivGeoPlaceNamePanels.showScan(); }); }

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
