/* The planner workbench: the coverage analysis panel (division, facility kinds, minutes, walking speed -> a sortable
 * table of the communities/villages with households, elderly, covered share and nearest facility by walking; a row
 * zooms there) and the analysis the uncovered layer draws (coverage.js reads CivGeoPlanner.analysis).
 * Reads /api/coverage/table and /api/coverage/uncovered (the planner coverage model, answered from memory). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoPlannerFormat } from './planner-format.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, F = CivGeoPlannerFormat;
var ELDERLY_KINDS = ['community_station', 'nursing_home', 'township_centre', 'rural_mutual_aid', 'community_complex', 'regional_centre', 'elderly_canteen'];
/** The analysis on screen (also what the uncovered layer shows): division null = the city at the map centre. */
var analysis = { division: null, kinds: ['elderly_care'], minutes: 15, speedMps: 0.9 };
var sections = []; // other modules' parts of the panel (site suggestion, scenarios): mount(box)
var state = { divisions: null, city: null, table: null, sort: null, dir: 'desc', onlyUncovered: false, selected: null, listeners: [] };

function kindName(code) { return t('kind.' + code); }
function query(a) {
  var kinds = a.kinds && a.kinds.length ? a.kinds : ['elderly_care'];
  return 'division=' + encodeURIComponent(a.division || state.city || '') + kinds.map(function (k) { return '&kind=' + encodeURIComponent(k); }).join('') +
    '&minutes=' + a.minutes + '&speedMps=' + a.speedMps;
}
function uncoveredUrl(division) { return '/api/coverage/uncovered?' + query(L.extend({}, analysis, { division: division || analysis.division || state.city })); }

/** The city at the map centre and its districts (the division picker's options). */
function divisions() {
  if (state.divisions) return Promise.resolve(state.divisions);
  var c = window.civgeo.map.getCenter();
  return api.get('/api/divisions/at?lon=' + c.lng.toFixed(6) + '&lat=' + c.lat.toFixed(6)).then(function (r) {
    var city = (r.chain || []).filter(function (d) { return d.level === 2; })[0] || (r.chain || [])[0];
    if (!city) return [];
    state.city = city.code;
    return api.get('/api/divisions/' + city.code + '/children').then(function (kids) {
      var list = [{ code: city.code, name: city.name }].concat((kids.items || kids).filter(function (d) { return !d.status || d.status === 'active'; })
        .map(function (d) { return { code: d.code, name: d.name }; }));
      state.divisions = list;
      return list;
    });
  });
}

function form(list) {
  var kindBoxes = ELDERLY_KINDS.map(function (k) {
    var on = analysis.kinds.indexOf(k) >= 0 || analysis.kinds.indexOf('elderly_care') >= 0 && k !== 'elderly_canteen';
    return '<label class="check"><input type="checkbox" name="cov-kind" value="' + k + '"' + (on ? ' checked' : '') + '> ' + esc(kindName(k)) + '</label>';
  }).join('');
  return '<form id="cov-form" class="planner-form">' +
    '<div class="form-row"><label for="cov-division">' + esc(t('covDivision')) + '</label><select id="cov-division">' + list.map(function (d) {
      return '<option value="' + esc(d.code) + '"' + (d.code === (analysis.division || state.city) ? ' selected' : '') + '>' + esc(d.name) + '</option>';
    }).join('') + '</select></div>' +
    '<fieldset id="cov-kinds"><legend>' + esc(t('covKinds')) + '</legend>' + kindBoxes + '</fieldset>' +
    '<div class="form-pair"><div class="form-row"><label for="cov-minutes">' + esc(t('covMinutes')) + '</label><input id="cov-minutes" type="number" min="1" max="60" step="1" value="' + analysis.minutes + '"></div>' +
    '<div class="form-row"><label for="cov-speed">' + esc(t('covSpeed')) + '</label><input id="cov-speed" type="number" min="0.3" max="2.5" step="0.1" value="' + analysis.speedMps + '"></div></div>' +
    '<button type="submit" id="cov-run" class="primary">' + esc(t('covRun')) + '</button></form>' +
    '<div id="cov-result"></div><div id="cov-sections"></div>';
}

function readForm() {
  var kinds = Array.prototype.map.call(document.querySelectorAll('input[name=cov-kind]:checked'), function (i) { return i.value; });
  analysis.division = document.getElementById('cov-division').value;
  analysis.kinds = kinds.length ? kinds : ['elderly_care'];
  analysis.minutes = +document.getElementById('cov-minutes').value || 15;
  analysis.speedMps = +document.getElementById('cov-speed').value || 0.9;
}

var COLUMNS = [['name', 'covUnit'], ['townshipName', 'covTownship'], ['households', 'households'], ['elderly', 'elderly'],
  ['coveredAreaShare', 'covCoveredShare'], ['covered', 'covStatus'], ['nearestFacilityM', 'covNearest']];

function tableHtml(r) {
  var rows = state.onlyUncovered ? r.rows.filter(function (x) { return !x.covered; }) : r.rows;
  if (state.sort) rows = F.sortRows(rows, state.sort, state.dir);
  var tot = r.total, lang = CivGeoI18n.lang();
  var head = '<p id="cov-summary" class="summary">' + esc(r.name) + ' · ' + esc(t('covSummary', { hh: F.int(tot.coveredHouseholds, lang) + ' / ' + F.int(tot.households, lang),
    hhs: F.pct(tot.householdShare), el: F.int(tot.coveredElderly, lang) + ' / ' + F.int(tot.elderly, lang), els: F.pct(tot.elderlyShare), n: tot.units - tot.coveredUnits })) + '</p>' +
    '<p class="note">' + esc(t('covClickRow')) + ' · ' + esc(t('covBuilt', { t: new Date(r.computedAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN') })) + '</p>' +
    '<label class="check"><input type="checkbox" id="cov-only-uncovered"' + (state.onlyUncovered ? ' checked' : '') + '> ' + esc(t('covOnlyUncovered')) + '</label>';
  if (!rows.length) return head + '<p id="cov-empty">' + esc(t('covNone')) + '</p>';
  return head + '<div class="table-scroll"><table id="cov-table" class="data-table"><thead><tr>' + COLUMNS.map(function (c) {
    var sorted = state.sort === c[0];
    return '<th scope="col" data-sort="' + c[0] + '" aria-sort="' + (sorted ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none') + '"><button type="button" class="sort">' +
      esc(t(c[1])) + (sorted ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '') + '</button></th>';
  }).join('') + '</tr></thead><tbody>' + rows.map(function (x) {
    return '<tr data-code="' + esc(x.code) + '" class="' + (x.covered ? 'covered' : 'uncovered') + (state.selected === x.code ? ' selected' : '') + '" tabindex="0">' +
      '<td>' + esc(x.name) + '</td><td>' + esc(x.townshipName || '') + '</td><td class="num">' + F.int(x.households, lang) + '</td><td class="num">' + F.int(x.elderly, lang) +
      '</td><td class="num">' + F.pct(x.coveredAreaShare) + '</td><td><span class="badge ' + (x.covered ? 'pass' : 'fail') + '">' + esc(t(x.covered ? 'covYes' : 'covNo')) + '</span></td>' +
      '<td>' + (x.nearestFacilityName ? esc(x.nearestFacilityName) + ' <span class="note">' + esc(t('metres', { m: F.int(x.nearestFacilityM, lang) })) +
        (x.nearestBy === 'straight-line' ? ' · ' + esc(t('covOffNetwork')) : '') + '</span>' : '—') + '</td></tr>';
  }).join('') + '</tbody></table></div>';
}

function wireTable(box) {
  box.querySelectorAll('th[data-sort] button').forEach(function (b) {
    b.addEventListener('click', function () {
      var key = b.parentNode.getAttribute('data-sort');
      if (state.sort === key) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
      else { state.sort = key; state.dir = typeof (state.table.rows[0] || {})[key] === 'number' ? 'desc' : 'asc'; }
      renderTable();
    });
  });
  var only = box.querySelector('#cov-only-uncovered');
  if (only) only.addEventListener('change', function () { state.onlyUncovered = only.checked; renderTable(); });
  box.querySelectorAll('#cov-table tbody tr').forEach(function (tr) {
    var go = function () { zoomTo(tr.getAttribute('data-code')); };
    tr.addEventListener('click', go);
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
  });
}

function renderTable() {
  var box = document.getElementById('cov-result');
  if (!box || !state.table) return;
  box.innerHTML = tableHtml(state.table);
  wireTable(box);
}

/** Zooms to a unit of the table and outlines it. */
function zoomTo(code) {
  var row = state.table && state.table.rows.filter(function (r) { return r.code === code; })[0];
  if (!row) return;
  state.selected = code;
  document.querySelectorAll('#cov-table tr.selected').forEach(function (tr) { tr.classList.remove('selected'); });
  var tr = document.querySelector('#cov-table tr[data-code="' + code + '"]');
  if (tr) { tr.classList.add('selected'); if (tr.scrollIntoView) tr.scrollIntoView({ block: 'nearest' }); }
  var b = row.bbox, map = window.civgeo.map;
  map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: 16, animate: false });
  map.getContainer().setAttribute('data-zoomed-to', code);
  api.get('/api/map/collections/divisions/items/' + encodeURIComponent(code)).then(function (f) { window.civgeo.highlight(f); }).catch(function () {});
}

function run() {
  var box = document.getElementById('cov-result');
  box.innerHTML = P.loading();
  box.setAttribute('aria-busy', 'true');
  var started = performance.now();
  return api.get('/api/coverage/table?' + query(analysis)).then(function (r) {
    state.table = r;
    box.removeAttribute('aria-busy');
    box.setAttribute('data-ms', Math.round(performance.now() - started));
    renderTable();
    state.listeners.forEach(function (fn) { fn(analysis); });
  }).catch(function (e) { box.removeAttribute('aria-busy'); box.innerHTML = P.failed(e); });
}

function show() {
  var render = function () {
    P.open(t('coverageAnalysis'), P.loading(), render);
    divisions().then(function (list) {
      P.open(t('coverageAnalysis'), form(list), render);
      document.getElementById('cov-form').addEventListener('submit', function (e) { e.preventDefault(); readForm(); run(); });
      if (state.table) renderTable();
      var more = document.getElementById('cov-sections');
      sections.forEach(function (mount) { mount(more); });
    }).catch(function (e) { P.open(t('coverageAnalysis'), P.failed(e), render); });
  };
  render.kind = 'coverage';
  render();
}

function wire() {
  var b = document.getElementById('coverage-open');
  if (b && !b._wired) { b._wired = true; b.addEventListener('click', show); }
}
if (document.readyState !== 'loading') wire(); else document.addEventListener('DOMContentLoaded', wire);

export const CivGeoPlanner = { sections: sections, show: show, run: run, zoomTo: zoomTo, analysis: analysis, state: state, uncoveredUrl: uncoveredUrl,
  onAnalysis: function (fn) { state.listeners.push(fn); }, kindName: kindName, divisions: divisions };
