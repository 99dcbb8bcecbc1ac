/* The web map's entry point (bundled by build.mjs). Leaflet first (it sets window.L, which the marker-cluster
 * plug-in extends), then the features that register their layers, panels and search providers, then the boot. */
import 'leaflet';
import 'leaflet.markercluster';
import './boundary.js';
import './coverage.js';
import './plan.js';
import './geocode.js';
import './placename.js';
import './app.js';
