/* The planner workbench, one chunk loaded on first use (coverage.js: the coverage button, the uncovered layer): the
 * coverage analysis panel (planner.js) and the sections it mounts: site suggestion, scenarios, print / PNG. */
import { CivGeoPlanner } from './planner.js';
import { CivGeoSites } from './sites.js';
import { CivGeoScenarios } from './scenarios.js';
import { CivGeoPrint } from './print.js';

export { CivGeoPlanner, CivGeoSites, CivGeoScenarios, CivGeoPrint };
