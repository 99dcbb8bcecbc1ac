/* Facilities (clustered, by kind), 15-minute service areas, uncovered areas, the indicator choropleth and the
 * division panel's indicators: the facility and coverage features' APIs. The legend entries are the start page's; the
 * drawing of the analyses and the facility panel are coverage-layers.js, the planner workbench workbench.js (chunks). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
import { CivGeoPanels } from './panels.js';
import { lazy } from './lazy.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var KIND_COLORS = { nursing_home: '#c0392b', township_centre: '#e67e22', community_station: '#f1c40f', rural_mutual_aid: '#16a085',
  funeral_home: '#34495e', public_cemetery: '#7f8c8d', commercial_cemetery: '#95a5a6', columbarium: '#8e44ad', community_service_centre: '#2980b9',
  // the §9 kinds of the five-year plans (plan.js)
  community_complex: '#d35400', regional_centre: '#e59866', elderly_canteen: '#f7dc6f',
  funeral_service_centre: '#5d6d7e', volunteer_station: '#5dade2', social_work_station: '#1abc9c', social_org_incubator: '#48c9b0',
  minor_protection_institution: '#af7ac5', minor_protection_station: '#c39bd3', children_home: '#f5b7b1',
  mental_rehab_station: '#76448a', relief_station: '#a04000', marriage_registry: '#ec407a' };
var kinds = [];
/** The planner workbench (planner.js and the sections it mounts), loaded on first use: opening the coverage panel or
 *  showing the uncovered layer, which draws the workbench's analysis. */
var CivGeoPlanner = null, uncoveredLayer = null;
var workbench = lazy(function () { return import('./workbench.js'); }, function (m) {
  CivGeoPlanner = m.CivGeoPlanner;
  CivGeoPlanner.onAnalysis(function () {
    var map = window.civgeo.map, layers = window.civgeo.layers;
    if (!uncoveredLayer) return;
    if (!map.hasLayer(uncoveredLayer)) { map.addLayer(uncoveredLayer); layers.renderLegend(); }
    uncoveredLayer.reload();
  });
});

function kindLabel(code) { var s = t('kind.' + code); return s === 'kind.' + code ? code : s; }
/** The layers' drawing and the facility panel (coverage-layers.js): a chunk loaded on first use. */
var parts = lazy(function () { return import('./coverage-layers.js'); }, function (m) { m.CivGeoCoverageLayers.kindLabel = kindLabel; });
function showFacility(id) { return parts().then(function (m) { m.CivGeoCoverageLayers.showFacility(id); }); }

/** The division panel's indicators: value, target, pass/fail. */
P.indicatorProvider = function (code) {
  return api.get('/api/indicators?division=' + encodeURIComponent(code)).then(function (r) {
    return r.indicators.map(function (i) {
      var share = i.unit === 'share'; // fractions shown as percentages
      return { id: i.code, name: i.label, value: i.value == null ? null : share ? i.value * 100 : i.value,
        target: share ? Math.round(i.target * 1000) / 10 : i.target, unit: share ? '%' : i.unit, pass: i.pass };
    });
  });
};

CivGeoLayers.extra.push(function (layers) {
  var map = layers.map;
  api.get('/api/facilities/kinds').then(function (k) { kinds = k; layers.renderLegend(); }).catch(function () {});
  var fac = layers.geoJsonLayerUrl(function (box) { return '/api/facilities/geojson?limit=1000&bbox=' + (box || layers.bbox()); }, {
    cluster: true, name: 'facilities', byBox: true,
    pointToLayer: function (f, ll) {
      return L.circleMarker(ll, { radius: 7, color: '#fff', weight: 1.5, fillColor: KIND_COLORS[f.properties.kind] || '#555', fillOpacity: 0.95 });
    },
    onEachFeature: function (f, l) {
      l.bindTooltip(esc(f.properties.name)); l.on('click', function (e) { L.DomEvent.stop(e); showFacility(f.properties.id); });
    }
  });
  /** The kinds among the facilities on the map now (a printed legend lists only those). */
  function kindsShown() {
    var seen = {};
    (fac.getLayers ? fac.getLayers() : []).forEach(function (l) { if (l.feature) seen[l.feature.properties.kind] = true; });
    return seen;
  }
  return { id: 'facilities', key: 'facilities', layer: fac, on: false, legend: function () {
    var shown = layers.printOnly ? kindsShown() : null;
    return Object.keys(KIND_COLORS).filter(function (k) { return !kinds.length || kinds.some(function (x) { return x.code === k; }); })
      .filter(function (k) { return !shown || shown[k]; })
      .map(function (k) { return '<div><span class="swatch" style="background:' + KIND_COLORS[k] + '"></span>' + esc(kindLabel(k)) + '</div>'; }).join('');
  } };
});

CivGeoLayers.extra.push(function (layers) {
  var areas = layers.geoJsonLayerUrl(function (box) { return '/api/service-areas?kind=elderly_care&bbox=' + (box || layers.bbox()); }, {
    name: 'service-areas', interactive: false, byBox: true, style: { color: '#2e9e5b', weight: 1, fillColor: '#2e9e5b', fillOpacity: 0.12 } });
  return { id: 'service-areas', key: 'serviceAreas', layer: areas, on: false, swatch: 'rgba(46,158,91,.35)' };
});

/** Uncovered communities/villages of the analysis on screen (CivGeoPlanner.analysis; else the city at the map centre,
 * elderly care): only units not covered, each its polygon, in graded classes of its uncovered elderly. Showing it
 * loads the workbench (its analysis) and the drawing. */
CivGeoLayers.extra.push(function (layers) {
  var part = null;
  var un = uncoveredLayer = layers.geoJsonLayerUrl(function () {
    return Promise.all([workbench(), parts()]).then(function (r) {
      if (!part) part = r[1].CivGeoCoverageLayers.uncovered(layers, CivGeoPlanner);
      return part.url();
    });
  }, { name: 'uncovered', style: function (f) { return part.style(f); }, onEachFeature: function (f, l) { part.popup(f, l); } });
  return { id: 'uncovered', key: 'uncovered', layer: un, on: false, swatch: 'rgba(222,45,38,.6)',
    legend: function () { return part ? part.legend(un) : ''; } };
});

/** Indicator choropleth: the children of the city (or district, zoomed in) coloured pass/fail by the picked indicator
 *  (drawn by coverage-layers.js, loaded the first time it is shown). */
CivGeoLayers.extra.push(function (layers) {
  var group = L.layerGroup(), part = null;
  group.on('add', function () {
    if (!part) parts().then(function (m) { if (!part) { part = m.CivGeoCoverageLayers.choropleth(layers, group); part.load(); } });
  });
  return { id: 'choropleth', key: 'choropleth', layer: group, on: false, legend: function () { return part ? part.legend() : ''; },
    controls: function (div) { if (part) part.controls(div); } };
});

export const CivGeoCoverage = { showFacility: showFacility, KIND_COLORS: KIND_COLORS, kindLabel: kindLabel, workbench: workbench, parts: parts };
