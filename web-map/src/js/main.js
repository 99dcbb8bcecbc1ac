/* The web map's entry point (bundled by build.mjs, an ES module). The start page: Leaflet, the map, its layers and
 * legend, search, sign-in and the service worker; the panels a user opens on demand come as chunks (dynamic import(),
 * lazy.js) on first use: the planner workbench (workbench.js), plans (plan.js), adjustments (adjust.js), field work
 * and offline packages (field.js, offline.js), the boundary panels (boundary-panels.js), the marker-cluster plug-in
 * (layers.js). */
import 'leaflet';
import './network.js';
import { CivGeoBoundary } from './boundary.js';
import { CivGeoCoverage } from './coverage.js';
import './plan-layer.js';
import './geocode.js';
import './placename.js';
import './app.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoSurvey } from './survey.js';
import { CivGeoGk } from './gk.js';
import { lazy } from './lazy.js';

var civgeo = window.civgeo;

/** A button that opens a chunk's panel: wired here (the chunk's own wiring then sees _wired and stays out). */
function button(id, open) {
  var b = document.getElementById(id);
  if (b && !b._wired) { b._wired = true; b.addEventListener('click', function () { open().catch(function (e) { CivGeoPanels.open('', CivGeoPanels.failed(e)); }); }); }
}

// The planner workbench: window.civgeo.planner, .sites, .scenarios, .print are the modules once it has loaded
// (before that, objects whose load() brings it).
var workbench = CivGeoCoverage.workbench;
function onWorkbench(m) { Object.assign(civgeo, { planner: m.CivGeoPlanner, sites: m.CivGeoSites, scenarios: m.CivGeoScenarios, print: m.CivGeoPrint }); }
['planner', 'sites', 'scenarios', 'print'].forEach(function (k) { civgeo[k] = { load: function () { return workbench().then(function (m) { onWorkbench(m); return civgeo[k]; }); } }; });
civgeo.planner.show = function () { return workbench().then(function (m) { onWorkbench(m); m.CivGeoPlanner.show(); }); };
button('coverage-open', civgeo.planner.show);

// Adjustments: its map clicks (drawing, picking a seat) go first once it has loaded.
var adjust = lazy(function () { return import('./adjust.js'); }, function (m) {
  civgeo.adjust = m.CivGeoAdjust; civgeo.mapClick = m.CivGeoAdjust.mapClick;
});
civgeo.adjust = { load: adjust, show: function () { return adjust().then(function (m) { m.CivGeoAdjust.show(); }); } };
button('adjust-open', civgeo.adjust.show);

// Field work: loaded for a surveyor's session (its button, my lines, the offline packages drawn on the map).
var field = lazy(function () { return import('./field.js'); }, function (m) {
  civgeo.field = m.CivGeoField; m.CivGeoField.setBoundary(CivGeoBoundary);
  CivGeoSurvey.renderWho(); // the field module follows the session from now on: show it the current one
});
civgeo.field = { load: field, open: function (tab) { return field().then(function (m) { m.CivGeoField.open(tab); }); } };
CivGeoSurvey.onSession(function (s) { if (s && CivGeoSurvey.isSurveyor()) field(); });
if (CivGeoSurvey.isSurveyor()) field();

// The page's scripting handle (window.civgeo: map, layers, metrics, flyTo … from app.js): the panels a browser test
// or a planner's console opens directly. Members of a chunk not loaded yet return promises.
Object.assign(civgeo, { panels: CivGeoPanels, boundary: CivGeoBoundary, coverage: CivGeoCoverage, gk: CivGeoGk, lazy: lazy });
