/* The web map's entry point (bundled by build.mjs). Leaflet first (it sets window.L, which the marker-cluster
 * plug-in extends), then the features that register their layers, panels and search providers, then the boot. */
import 'leaflet';
import 'leaflet.markercluster';
import { CivGeoBoundary } from './boundary.js';
import { CivGeoCoverage } from './coverage.js';
import './plan.js';
import { CivGeoAdjust } from './adjust.js';
import { CivGeoPlanner } from './planner.js';
import { CivGeoSites } from './sites.js';
import { CivGeoScenarios } from './scenarios.js';
import { CivGeoPrint } from './print.js';
import { CivGeoField } from './field.js';
import './geocode.js';
import './placename.js';
import './offline.js';
import './app.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoGk } from './gk.js';

// The page's scripting handle (window.civgeo: map, layers, metrics, flyTo … from app.js): the panels a browser test
// or a planner's console opens directly.
Object.assign(window.civgeo, { mapClick: CivGeoAdjust.mapClick, adjust: CivGeoAdjust, panels: CivGeoPanels, boundary: CivGeoBoundary, field: CivGeoField, coverage: CivGeoCoverage, planner: CivGeoPlanner, sites: CivGeoSites, scenarios: CivGeoScenarios, print: CivGeoPrint, gk: CivGeoGk });
