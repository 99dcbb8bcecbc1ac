/* Entry of the separately loaded Gauss–Krüger bundle (dist/gk.js): proj4 is about a third of the page's script, and
 * only the survey form needs it, so it is fetched on first use (gk.js). */
import { forward, inverse, zoneOf } from './gk-proj4.js';

window.CivGeoGkProj4 = { forward: forward, inverse: inverse, zoneOf: zoneOf };
