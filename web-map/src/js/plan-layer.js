/* The five-year plans' part of the start page: the plans button, the plan's targets in the division panel and the
 * plan choropleth's place in the legend. The panel and the drawing (plan.js) load on first use. */
import L from 'leaflet';
import { CivGeoLayers } from './layers.js';
import { CivGeoPanels } from './panels.js';
import { lazy } from './lazy.js';

var plan = null, choropleth = null, group = null, layers0 = null;
var load = lazy(function () { return import('./plan.js'); }, function (m) {
  plan = m.CivGeoPlan;
  if (group) choropleth = plan.choropleth(layers0, group);
});

(CivGeoPanels.divisionExtras = CivGeoPanels.divisionExtras || []).push(function (code, box) {
  load().then(function () { plan.divisionTargets(code, box); }).catch(function (e) { box.innerHTML = CivGeoPanels.failed(e); });
});

CivGeoLayers.extra.push(function (layers) {
  layers0 = layers; group = L.layerGroup();
  // the first time it is shown, the chunk comes (and draws it: plan.choropleth listens to the group's add)
  group.on('add', function () { if (!choropleth) load().then(function () { choropleth.load(); }); });
  return { id: 'plan-choropleth', key: 'planChoropleth', layer: group, on: false,
    legend: function () { return choropleth ? choropleth.legend() : ''; },
    controls: function (div) { if (choropleth) choropleth.controls(div); } };
});

function open() { load().then(function () { plan.state.plans = null; plan.show(); }); }
var b = document.getElementById('plan-open');
if (b && !b._wired) { b._wired = true; b.addEventListener('click', open); }

export const CivGeoPlanLayer = { load: load, open: open };
