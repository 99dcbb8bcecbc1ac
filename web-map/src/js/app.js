/* Boot: read the map configuration, build the map, the layers, the legend, and wire clicks, search and language. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoSurvey } from './survey.js';

var api = CivGeoApi, t = CivGeoI18n.t;
var metrics = { start: performance.now(), firstRenderMs: null, tiles: [] };
window.civgeo = { metrics: metrics };
CivGeoI18n.apply();

document.getElementById('lang').addEventListener('click', function () {
  CivGeoI18n.setLang(CivGeoI18n.lang() === 'zh' ? 'en' : 'zh'); // English: its chunk first (a promise)
});

// The page served by geo-service carries the configuration (no request before the map can start).
var config0 = window.CIVGEO_MAP_CONFIG ? Promise.resolve(window.CIVGEO_MAP_CONFIG) : api.get('/api/map/config');
config0.then(function (config) {
  var map = L.map('map', { center: [config.centerLat, config.centerLon], zoom: config.zoom, zoomControl: true, preferCanvas: true,
    minZoom: 3, maxZoom: 18, keyboard: true });
  window.civgeo.map = map;
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  var own = t('offline'), ac = map.attributionControl;
  ac.addAttribution(own);
  L.control.scale({ imperial: false }).addTo(map);
  if (config.rasterUrl) {
    L.tileLayer(config.rasterUrl, { subdomains: config.rasterSubdomains || 'abc', attribution: config.rasterAttribution, maxZoom: 18, zIndex: 1 }).addTo(map);
  }
  var layers = new CivGeoLayers.Layers(map, config);
  window.civgeo.layers = layers;
  layers.metrics = metrics;
  layers.build(); // asks for the labels first, then the division tiles, then the other layers
  layers.legend();
  layers.updateStatus();

  var highlight = L.geoJSON(null, { style: { color: '#f5b301', weight: 4, fill: false }, interactive: false }).addTo(map);
  window.civgeo.highlight = function (feature) { highlight.clearLayers(); if (feature) highlight.addData(feature); };
  var pin = null;
  window.civgeo.flyTo = function (it) {
    if (it.resolve && it.lat == null) {
      return it.resolve().then(function (loc) { window.civgeo.flyTo(L.extend({}, it, loc, { resolve: null })); })
        .catch(function (e) { CivGeoPanels.open(t('reverse'), CivGeoPanels.failed(e)); });
    }
    if (pin) map.removeLayer(pin);
    pin = L.marker([it.lat, it.lon], { title: it.label, alt: it.label }).addTo(map);
    map.flyTo([it.lat, it.lon], it.zoom || 14, { duration: 0.8 });
    map.once('moveend', function () { map.getContainer().setAttribute('data-flown-to', it.label); });
    if (it.code) CivGeoPanels.showDivision(it.code);
    else if (it.open) it.open();
  };
  map.on('click', function (e) { if (window.civgeo.mapClick && window.civgeo.mapClick(e)) return; CivGeoPanels.showReverse(e.latlng); });
  map.on('mousemove', function (e) { document.getElementById('status').setAttribute('data-cursor', e.latlng.lng.toFixed(5) + ',' + e.latlng.lat.toFixed(5)); });

  // First full render: every visible division tile drawn and the labels placed.
  var tilesDone = new Promise(function (res) { layers.divisions.once('load', res); });
  // (offline, outside a downloaded package, the labels cannot load: the page is ready without them)
  Promise.all([tilesDone, layers.labelsLoaded.catch(function () { return null; })]).then(function () {
    metrics.firstRenderMs = performance.now();
    document.body.setAttribute('data-ready', 'true');
  });
  CivGeoI18n.onChange(function () { layers.renderLegend(); layers.updateStatus(); ac.removeAttribution(own); ac.addAttribution(own = t('offline')); });
  CivGeoSurvey.renderWho();
}).catch(function (e) {
  document.getElementById('map').innerHTML = '<p class="error" role="alert">' + api.esc(t('errorPrefix') + e.message) + '</p>';
});
