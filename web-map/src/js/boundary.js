/* Boundary lines and markers coloured by last inspection condition, disputes, the line and marker panels, and
 * survey-team mode: a SURVEYOR records a marker observation (condition, photo, position moved by dragging) through
 * the boundary feature's inspection API (same validation and audit as any other client). The panels are in
 * boundary-panels.js, loaded on first use; the layers, legend and search stay with the start page. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
import { CivGeoPanels } from './panels.js';
import { lazy } from './lazy.js';
import { CivGeoSearch } from './search.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, COLORS = CivGeoLayers.CONDITION_COLORS;
var LINE_WIDTH = { 1: 5, 2: 4, 3: 3, 4: 2 };
var CONDITIONS = ['intact', 'damaged', 'missing', 'displaced'];
var markersLayer = null, linesLayer = null;

function legend() {
  return CONDITIONS.concat(['unknown']).map(function (c) { return '<div><span class="swatch" style="background:' + COLORS[c] + '"></span>' + esc(t(c)) + '</div>'; }).join('');
}

/** The line and marker panels: their chunk (boundary-panels.js) loads on the first one opened. */
var panels = lazy(function () { return import('./boundary-panels.js'); }, function (m) {
  m.CivGeoBoundaryPanels.layers.markers = markersLayer; m.CivGeoBoundaryPanels.layers.lines = linesLayer; m.CivGeoBoundaryPanels.layers.colors = COLORS;
});
function showLine(id) { return panels().then(function (m) { m.CivGeoBoundaryPanels.showLine(id); }); }
function showMarker(id) { return panels().then(function (m) { m.CivGeoBoundaryPanels.showMarker(id); }); }

CivGeoLayers.extra.push(function (layers) {
  var lines = linesLayer = layers.geoJsonLayer('boundary-lines', {
    // lines up to the division level on show: county lines over districts, township lines once townships show
    style: function (f) { var p = f.properties; return { color: COLORS[p.condition || 'unknown'], weight: LINE_WIDTH[p.level] || 2, dashArray: p.status === 'needs_resurvey' ? '8 6' : null, opacity: 0.9 }; },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.name)); l.on('click', function (e) { L.DomEvent.stop(e); showLine(f.properties.id); }); }
  }, function () { return '&level=' + Math.min(4, layers.levelForZoom(layers.map.getZoom())); });
  return { id: 'boundary-lines', key: 'boundaryLines', layer: lines, on: false, legend: legend };
});
CivGeoLayers.extra.push(function (layers) {
  markersLayer = layers.geoJsonLayer('boundary-markers', {
    minZoom: 11,
    pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 6, color: '#222', weight: 1, fillColor: COLORS[f.properties.condition || 'unknown'], fillOpacity: 1 }); },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.number)); l.on('click', function (e) { L.DomEvent.stop(e); showMarker(f.properties.id); }); }
  });
  return { id: 'boundary-markers', key: 'boundaryMarkers', layer: markersLayer, on: false };
});
CivGeoLayers.extra.push(function (layers) {
  var d = layers.geoJsonLayer('disputes', {
    style: { color: '#b03a2e', weight: 2, dashArray: '4 4', fillColor: '#f39c12', fillOpacity: 0.35 },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.name) + ' · ' + esc(f.properties.status)); }
  });
  return { id: 'disputes', key: 'disputes', layer: d, on: false, swatch: 'rgba(243,156,18,.6)' };
});

/** Search box: line codes, line names (思明区—湖里区线) and marker numbers open the line or marker on the map. */
CivGeoSearch.first.push(function (q) {
  // codes and marker numbers (letters and digits), or a line's name (two names joined by a dash, or ending in 线);
  // plain place words (集美) are left to the geocoder, so that a district is not pushed down by the lines named after it
  if (q.length < 2 || !(/^[0-9A-Za-z]+$/.test(q) || /[-‐‑‒–—―－~～线]/.test(q))) return Promise.resolve([]);
  return api.get('/api/boundary/search?limit=5&q=' + encodeURIComponent(q)).then(function (hits) {
    return hits.map(function (h) {
      var map = window.civgeo && window.civgeo.map, b = h.bbox;
      var zoom = h.kind === 'marker' ? 17 : map ? Math.min(16, map.getBoundsZoom(L.latLngBounds([b[1], b[0]], [b[3], b[2]]))) : 13;
      return { label: h.kind === 'marker' ? h.code : h.name, sub: t(h.kind === 'marker' ? 'boundaryMarkers' : 'boundaryLines') + ' ' + (h.kind === 'marker' ? h.name : h.code),
        lon: h.lon, lat: h.lat, zoom: zoom, open: function () { if (h.kind === 'marker') showMarker(h.id); else showLine(h.id); } };
    });
  });
});

/** showLine(id), showMarker(id): open the panel (a promise: its chunk may load first). */
export const CivGeoBoundary = { showLine: showLine, showMarker: showMarker, panels: panels };
