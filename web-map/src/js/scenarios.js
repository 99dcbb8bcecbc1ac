/* Scenarios in the coverage panel: save the suggested sites as a named scenario (proposed new facilities, kept apart
 * from the registry), compare its coverage with today side by side, promote it to planned facilities.
 * /api/scenarios (POST, GET /{id}/compare, POST /{id}/promote). */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoPlanner } from './planner.js';
import { CivGeoPlannerFormat } from './planner-format.js';
import { CivGeoSites } from './sites.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, F = CivGeoPlannerFormat;
var state = { scenario: null, comparison: null };

function proposedKind(kinds) {
  var k = (kinds || []).filter(function (x) { return x !== 'elderly_care'; })[0];
  return k || 'community_station';
}

function sectionHtml() {
  return '<section id="scenario-section"><h3>' + esc(t('scenario')) + '</h3>' +
    '<div class="form-row"><label for="scenario-name">' + esc(t('scenarioName')) + '</label><input id="scenario-name" maxlength="200" value="' +
    esc(state.scenario ? state.scenario.name : t('scenarioDefaultName')) + '"></div>' +
    '<button type="button" id="scenario-save" class="primary">' + esc(t('scenarioSave')) + '</button> ' +
    '<button type="button" id="scenario-promote"' + (state.scenario && state.scenario.status === 'draft' ? '' : ' disabled') + '>' + esc(t('scenarioPromote')) + '</button>' +
    '<div id="scenario-result"></div></section>';
}

function mount(box) {
  var holder = document.createElement('div');
  holder.id = 'scenario-holder';
  box.appendChild(holder);
  render();
}

function render() {
  var holder = document.getElementById('scenario-holder');
  if (!holder) return;
  var r = CivGeoSites.state.result;
  if (!r || !r.picks.length || !(api.hasRole('PLANNER') || api.hasRole('ADMIN'))) { holder.innerHTML = ''; return; }
  holder.innerHTML = sectionHtml();
  document.getElementById('scenario-save').addEventListener('click', save);
  document.getElementById('scenario-promote').addEventListener('click', promote);
  if (state.comparison) showComparison();
}

function save() {
  var r = CivGeoSites.state.result, kind = proposedKind(r.kinds);
  var body = { name: document.getElementById('scenario-name').value, division: r.division, kinds: r.kinds,
    changes: r.picks.map(function (p) {
      return { action: 'new', kind: kind, name: t('scenarioSiteName', { n: p.rank }) + (p.divisionName ? ' · ' + p.divisionName : ''), lon: p.lon, lat: p.lat, beds: 20 };
    }) };
  var out = document.getElementById('scenario-result');
  out.innerHTML = P.loading();
  var done = state.scenario && state.scenario.status === 'draft'
    ? api.put('/api/scenarios/' + state.scenario.id, Object.assign(body, { version: state.scenario.version }))
    : api.post('/api/scenarios', body);
  done.then(function (s) {
    state.scenario = s;
    return api.get('/api/scenarios/' + s.id + '/compare');
  }).then(function (c) { state.comparison = c; render(); })
    .catch(function (e) { out.innerHTML = P.failed(e); });
}

function showComparison() {
  var c = state.comparison, a = c.today, b = c.scenario, lang = CivGeoI18n.lang(), out = document.getElementById('scenario-result');
  function row(key, x, y, fmt) {
    return '<tr data-figure="' + key + '"><th>' + esc(t(key)) + '</th><td class="num">' + fmt(x) + '</td><td class="num">' + fmt(y) + '</td></tr>';
  }
  var n = function (v) { return F.int(v, lang); };
  out.innerHTML = '<p class="note" id="scenario-saved">' + esc(t('scenarioSaved', { name: state.scenario.name, v: state.scenario.version })) +
    (state.scenario.status === 'promoted' ? ' · ' + esc(t('scenarioPromoted', { n: state.scenario.promotedFacilityIds.length })) : '') + '</p>' +
    '<table id="scenario-compare" class="data-table"><thead><tr><th></th><th>' + esc(t('scenarioToday')) + '</th><th>' + esc(t('scenarioWith')) + '</th></tr></thead><tbody>' +
    row('scenarioFacilities', c.facilitiesToday, c.facilitiesScenario, n) +
    row('scenarioCoveredUnits', a.coveredUnits, b.coveredUnits, n) +
    row('scenarioHouseholdShare', a.householdShare, b.householdShare, F.pct) +
    row('scenarioElderlyShare', a.elderlyShare, b.elderlyShare, F.pct) +
    row('scenarioCoveredElderly', a.coveredElderly, b.coveredElderly, n) + '</tbody></table>' +
    '<p id="scenario-gained"><strong>' + esc(t('scenarioNewlyCovered', { n: c.newlyCovered.length })) + '</strong> ' +
    esc(c.newlyCovered.map(function (r) { return r.name; }).join('、')) + '</p>';
}

function promote() {
  if (!state.scenario) return;
  var out = document.getElementById('scenario-result');
  api.post('/api/scenarios/' + state.scenario.id + '/promote', { version: state.scenario.version }).then(function (s) {
    state.scenario = s; render();
    document.getElementById('map').setAttribute('data-scenario-promoted', String(s.promotedFacilityIds.length));
  }).catch(function (e) { out.insertAdjacentHTML('afterbegin', P.failed(e)); });
}

CivGeoPlanner.sections.push(mount);
CivGeoSites.onResult(function () { render(); });

export const CivGeoScenarios = { state: state, save: save, promote: promote };
