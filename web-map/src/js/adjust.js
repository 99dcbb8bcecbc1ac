/* Division adjustments (区划调整, #19): list proposals, draft one (merge composed from existing units, or a new unit
 * drawn on the map by clicking its corners), pick the proposed seat (驻地) on the map, read the impact report, approve
 * as ADMIN. Reads and writes /api/adjustments only. Map clicks go to this panel while it draws or picks. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoProblems } from './problems.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var state = { kind: 'merge', seat: null, drawing: false, picking: false, vertices: [], shape: null, seatMarker: null, impactId: null, form: {} };

function map() { return window.civgeo && window.civgeo.map; }
function num(v, d) { return v == null ? '—' : Number(v).toLocaleString(CivGeoI18n.lang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d || 0 }); }
/** A problem said once: the summary, then the field errors it does not already say (CivGeoProblems.parts). */
function problem(e) {
  var pp = CivGeoProblems.parts(e);
  var list = pp.items.map(function (x) { return '<li data-field="' + esc(x.field) + '">' + esc(x.text) + '</li>'; }).join('');
  return '<div id="adj-error" class="error" role="alert"><p class="adj-error-summary">' + esc(t('errorPrefix') + pp.summary) + '</p>' +
    (list ? '<ul>' + list + '</ul>' : '') + '</div>';
}

/** Map clicks while drawing (a corner) or picking the seat; true = handled, no reverse lookup. */
function mapClick(e) {
  if (state.picking) {
    state.picking = false;
    state.seat = [e.latlng.lng, e.latlng.lat];
    if (state.seatMarker) state.seatMarker.remove();
    state.seatMarker = L.circleMarker(e.latlng, { radius: 7, color: '#c0392b', fillOpacity: 0.9 }).addTo(map());
    var s = document.getElementById('adj-seat');
    if (s) s.textContent = state.seat[0].toFixed(5) + ', ' + state.seat[1].toFixed(5);
    return true;
  }
  if (state.drawing) {
    state.vertices.push(e.latlng);
    if (state.shape) state.shape.remove();
    state.shape = L.polygon(state.vertices, { color: '#8e44ad', weight: 2, dashArray: '4 3' }).addTo(map());
    var n = document.getElementById('adj-vertices');
    if (n) n.textContent = t('adjVertices', { n: state.vertices.length });
    return true;
  }
  return false;
}

function remember() {
  ['adj-title', 'adj-survivor', 'adj-absorbed', 'adj-newname', 'adj-parent', 'adj-name'].forEach(function (id) {
    var el = document.getElementById(id); if (el) state.form[id] = el.value;
  });
}
function field(id, label) {
  return '<label for="' + id + '">' + esc(t(label)) + '</label><input id="' + id + '" type="text" value="' + esc(state.form[id] || '') + '">';
}

function form() {
  var k = state.kind;
  return '<form id="adj-form" class="adj-form"><h3>' + esc(t('adjNew')) + '</h3>' + field('adj-title', 'adjTitle') +
    '<label for="adj-kind">' + esc(t('adjKind')) + '</label><select id="adj-kind">' + ['merge', 'establish'].map(function (x) {
      return '<option value="' + x + '"' + (x === k ? ' selected' : '') + '>' + esc(t('adjKind_' + x)) + '</option>';
    }).join('') + '</select>' +
    (k === 'merge' ? field('adj-survivor', 'adjSurvivor') + field('adj-absorbed', 'adjAbsorbed') + field('adj-newname', 'adjNewName')
      : field('adj-parent', 'adjParent') + field('adj-name', 'adjName') + '<p><button type="button" id="adj-draw">' + esc(t(state.drawing ? 'adjDrawDone' : 'adjDraw')) +
        '</button> <span id="adj-vertices" class="note">' + esc(t('adjVertices', { n: state.vertices.length })) + '</span></p>') +
    '<p><button type="button" id="adj-seat-pick">' + esc(t('adjSeatPick')) + '</button> <span id="adj-seat" class="note">' +
    esc(state.seat ? state.seat[0].toFixed(5) + ', ' + state.seat[1].toFixed(5) : t('adjNoSeat')) + '</span></p>' +
    '<button type="submit" id="adj-submit">' + esc(t('adjSubmit')) + '</button><div id="adj-form-result"></div></form>';
}

function body() {
  remember();
  var title = (document.getElementById('adj-title') || {}).value || '';
  var step;
  if (state.kind === 'merge') {
    var s = state.form['adj-survivor'] || '', a = (state.form['adj-absorbed'] || '').split(/[,，\s]+/).filter(Boolean);
    step = { kind: 'merge', survivor: s.trim(), absorbed: a };
    if (state.form['adj-newname']) step.name = state.form['adj-newname'].trim();
  } else {
    var ring = state.vertices.map(function (v) { return [v.lng, v.lat]; });
    if (ring.length) ring.push(ring[0]);
    step = { kind: 'establish', parentCode: (state.form['adj-parent'] || '').trim(), name: (state.form['adj-name'] || '').trim() };
    if (ring.length >= 4) step.geometry = { type: 'Polygon', coordinates: [ring] };
  }
  var b = { title: title, steps: [step] };
  var key = state.kind === 'merge' ? step.survivor : step.name;
  if (state.seat && key) { b.seats = {}; b.seats[key] = state.seat; }
  return b;
}

function statusLabel(s) { return t('adjStatus_' + s); }
function statusClass(s) { return s === 'approved' ? 'pass' : s === 'draft' ? 'warn' : 'fail'; }

function list(items) {
  if (!items.length) return '<p id="adj-none" class="note">' + esc(t('adjNone')) + '</p>';
  return '<ul id="adj-list" class="chain">' + items.map(function (p) {
    return '<li data-id="' + p.id + '"><button type="button" class="adj-open" data-id="' + p.id + '">' + esc(p.title) + '</button> <span class="badge ' + statusClass(p.status) + '" data-status="' +
      esc(p.status) + '">' + esc(statusLabel(p.status)) + '</span></li>';
  }).join('') + '</ul>';
}

function unitRows(units, role) {
  return units.map(function (u) {
    return '<tr data-code="' + esc(u.code) + '" data-role="' + esc(role) + '"><th>' + esc(u.name) + '<br><span class="note">' + esc(u.code) + '</span></th><td>' +
      esc(num(u.areaKm2, 2)) + '</td><td data-fact="population">' + esc(num(u.population)) + '</td><td>' + esc(num(u.households)) + '</td><td>' +
      esc(num(u.elderly)) + '</td><td>' + esc(num(u.communities)) + '</td><td>' + esc(u.farthestCommunityM == null ? '—' : num(u.farthestCommunityM / 1000, 1)) + '</td></tr>';
  }).join('');
}

function impactHtml(p, r) {
  var head = '<tr><th>' + esc(t('adjUnit')) + '</th><th>' + esc(t('area')) + '</th><th>' + esc(t('population')) + '</th><th>' + esc(t('households')) +
    '</th><th>' + esc(t('elderly')) + '</th><th>' + esc(t('adjCommunities')) + '</th><th>' + esc(t('adjFarthestKm')) + '</th></tr>';
  var checks = [];
  r.results.forEach(function (u) { (u.checks || []).forEach(function (c) {
    checks.push('<li data-rule="' + esc(c.rule) + '">' + esc(t('adjRule_' + c.rule)) + ' ' + esc(c.required) + ': <span class="badge ' +
      (c.pass == null ? 'warn' : c.pass ? 'pass' : 'fail') + '">' +
      esc(t(c.pass == null ? 'noData' : c.pass ? 'pass' : 'fail')) + '</span> ' + esc(c.actual || '') + '</li>');
  }); });
  var html = '<div id="adj-impact" data-id="' + p.id + '"><h3>' + esc(t('adjImpact')) + ' · ' + esc(p.title) + ' <span class="badge ' + statusClass(p.status) + '">' + esc(statusLabel(p.status)) + '</span></h3>' +
    '<table class="plan-table" id="adj-units"><thead>' + head + '</thead><tbody><tr><td colspan="7" class="note">' + esc(t('adjBefore')) + '</td></tr>' +
    unitRows(r.predecessors, 'before') + '<tr><td colspan="7" class="note">' + esc(t('adjAfter')) + '</td></tr>' + unitRows(r.results, 'after') + '</tbody></table>' +
    (checks.length ? '<h4>' + esc(t('adjChecks')) + '</h4><ul id="adj-checks">' + checks.join('') + '</ul>' : '') +
    '<ul id="adj-counts" class="chain">' +
    '<li data-count="facilities">' + esc(t('adjFacilities', { n: r.facilities.length })) + '</li>' +
    '<li data-count="lines">' + esc(t('adjLines', { n: r.boundaryLines.length, m: r.markers.length })) + '</li>' +
    '<li data-count="addresses">' + esc(t('adjAddresses', { n: r.addresses.length })) + '</li>' +
    '<li data-count="apiClients">' + esc(!r.apiClients.logged ? t('adjApiNotLogged') : (r.apiClients.clients || []).length
      ? t('adjApiClients', { n: r.apiClients.clients.length, names: r.apiClients.clients.map(clientName).join(CivGeoI18n.lang() === 'zh' ? '、' : ', ') }) : t('adjApiNone')) + '</li></ul>' +
    '<div id="adj-evaluation">' + (r.coverage && r.coverage.computed ? evaluationHtml(r) : '<button type="button" id="adj-evaluate">' + esc(t('adjEvaluate')) + '</button>') + '</div>' +
    '<h4>' + esc(t('adjDuplicates')) + '</h4><ul id="adj-duplicates">' + (r.duplicateNames.length ? r.duplicateNames.map(function (d) {
      return '<li data-source="' + esc(d.source) + '">' + esc(t(d.source === 'division' ? 'adjDupDivision' : 'adjDupPlace', { name: d.name, other: d.clashesWithDivision })) + '</li>';
    }).join('') : '<li>' + esc(t('none')) + '</li>') + '</ul>' +
    '<p><a id="adj-xlsx" href="/api/adjustments/proposals/' + p.id + '/impact.xlsx">' + esc(t('export')) + ' Excel</a> · <a id="adj-print" target="_blank" rel="noopener" href="/api/adjustments/proposals/' +
    p.id + '/impact.html">' + esc(t('adjPrint')) + '</a></p>';
  if (p.status === 'draft' && api.hasRole('ADMIN')) {
    html += '<h4>' + esc(t('adjApprove')) + '</h4><label for="adj-doc">' + esc(t('adjDocument')) + '</label><input id="adj-doc" type="text"> <button type="button" id="adj-approve" data-version="' +
      p.version + '">' + esc(t('adjApproveButton')) + '</button><div id="adj-approve-result"></div>';
  }
  return html + '</div>';
}

/** An API caller's name; callers without a key are counted together as "anonymous". */
function clientName(c) { return c === 'anonymous' ? t('adjAnonymous') : c; }
function share(v) { return v == null ? '—' : num(v * 100, 1) + '%'; }

/** Plan indicators of each resulting unit (before → after, changed or not) and the elderly-care coverage of both sides. */
function evaluationHtml(r) {
  var rows = [];
  r.results.forEach(function (u) {
    if (!(u.indicators || []).length) return;
    rows.push('<tr><td colspan="4" class="note">' + esc(u.name + ' ' + u.code) + '</td></tr>');
    u.indicators.forEach(function (i) {
      var ch = i.changed == null ? 'adjUnknown' : i.changed ? 'adjChanged' : 'adjUnchanged';
      rows.push('<tr data-code="' + esc(u.code) + '" data-indicator="' + esc(i.code) + '" data-changed="' + esc(String(i.changed)) + '"><th>' +
        esc(t('adjInd_' + i.code)) + '<br><span class="note">' + esc(t('adjTarget') + ' ' + num(i.target, 4)) + '</span></th><td data-v="before">' +
        esc(num(i.before, 4)) + '</td><td data-v="after">' + esc(num(i.after, 4)) + '</td><td><span class="badge ' + (i.changed ? 'warn' : 'pass') + '">' +
        esc(t(ch)) + '</span></td></tr>');
    });
  });
  var c = r.coverage, covRow = function (u, side) {
    return '<tr data-side="' + side + '" data-code="' + esc(u.code || '') + '"><th>' + esc(u.code ? u.name : t('adjTotal')) + (u.code ? '<br><span class="note">' + esc(u.code) + '</span>' : '') +
      '</th><td>' + esc(num(u.coveredHouseholds) + ' / ' + num(u.households)) + '</td><td data-v="householdShare">' + esc(share(u.householdShare)) + '</td><td>' +
      esc(num(u.coveredElderly) + ' / ' + num(u.elderly)) + '</td><td>' + esc(share(u.elderlyShare)) + '</td></tr>';
  };
  var side = function (list, total, key) {
    return '<tr><td colspan="5" class="note">' + esc(t(key)) + '</td></tr>' + list.map(function (u) { return covRow(u, key === 'adjBefore' ? 'before' : 'after'); }).join('') +
      (total && list.length > 1 ? covRow(total, key === 'adjBefore' ? 'before' : 'after') : '');
  };
  return '<h4>' + esc(t('adjIndicators')) + '</h4><table class="plan-table" id="adj-indicators"><thead><tr><th>' + esc(t('adjIndicator')) +
    '</th><th>' + esc(t('adjBefore')) + '</th><th>' + esc(t('adjAfter')) + '</th><th></th></tr></thead><tbody>' + rows.join('') + '</tbody></table>' +
    '<h4>' + esc(t('adjCoverage')) + '</h4><table class="plan-table" id="adj-coverage"><thead><tr><th>' + esc(t('adjUnit')) + '</th><th>' + esc(t('adjCovHouseholds')) + '</th><th>' +
    esc(t('adjCovHouseholdShare')) + '</th><th>' + esc(t('adjCovElderly')) + '</th><th>' + esc(t('adjCovElderlyShare')) + '</th></tr></thead><tbody>' +
    side(c.before, c.beforeTotal, 'adjBefore') + side(c.after, c.afterTotal, 'adjAfter') + '</tbody></table><p class="note">' + esc(t('adjCovNote', { minutes: num(c.minutes) })) + '</p>';
}

/** A task's subject in the UI's language, from its stored detail (the server's subject is English). */
function taskText(k) {
  // an object since session 24; a JSON string from older servers
  var d = k.detail && typeof k.detail === 'object' ? k.detail : {};
  if (typeof k.detail === 'string') { try { d = JSON.parse(k.detail); } catch (e) { d = {}; } }
  if (k.kind === 'rename_duplicate') return t(d.source === 'division' ? 'adjDupDivision' : 'adjDupPlace', { name: d.name, other: d.clashesWithDivision });
  if (k.kind === 'address_recoding') return t('adjAddresses', { n: (d.addresses || []).length });
  return (d.code || '') + ' ' + (d.name || '');
}

function showImpact(id) {
  var box = document.getElementById('adj-detail');
  box.innerHTML = P.loading();
  api.get('/api/adjustments/proposals/' + id).then(function (p) {
    return api.get('/api/adjustments/proposals/' + id + '/impact?indicators=false').then(function (r) {
      box.innerHTML = impactHtml(p, r);
      box.scrollIntoView();
      var ev = document.getElementById('adj-evaluate');
      if (ev) ev.addEventListener('click', function () {
        var out = document.getElementById('adj-evaluation');
        out.innerHTML = P.loading();
        api.get('/api/adjustments/proposals/' + id + '/impact').then(function (full) { out.innerHTML = evaluationHtml(full); })
          .catch(function (e) { out.innerHTML = problem(e); });
      });
      var ap = document.getElementById('adj-approve');
      if (ap) ap.addEventListener('click', function () {
        var out = document.getElementById('adj-approve-result');
        out.innerHTML = P.loading();
        api.post('/api/adjustments/proposals/' + id + '/approve', { version: +ap.getAttribute('data-version'), approvalDocument: document.getElementById('adj-doc').value })
          .then(function (res) {
            out.innerHTML = '<p id="adj-approved">' + esc(t('adjApproved', { n: res.eventIds.length })) + '</p><ul id="adj-tasks">' + res.tasks.map(function (k) {
              return '<li data-kind="' + esc(k.kind) + '">' + esc(t('adjTask_' + k.kind)) + ' · ' + esc(taskText(k)) + '</li>';
            }).join('') + '</ul>';
            out.scrollIntoView();
            refreshList();
          }).catch(function (e) { out.innerHTML = problem(e); });
      });
    });
  }).catch(function (e) { box.innerHTML = problem(e); });
}

function refreshList() {
  var box = document.getElementById('adj-proposals');
  if (!box) return;
  api.get('/api/adjustments/proposals?limit=5').then(function (page) {
    box.innerHTML = list(page.items);
    box.querySelectorAll('button.adj-open').forEach(function (b) { b.addEventListener('click', function () { showImpact(+b.getAttribute('data-id')); }); });
  }).catch(function (e) { box.innerHTML = problem(e); });
}

function show() {
  var render = function () {
    if (!api.session()) { P.open(t('adjPanel'), '<p id="adj-signin" class="note">' + esc(t('adjSignIn')) + '</p>', render); return; }
    P.open(t('adjPanel'), '<div id="adj-proposals">' + P.loading() + '</div>' + form() + '<div id="adj-detail"></div>', render);
    refreshList();
    document.getElementById('adj-kind').addEventListener('change', function (e) {
      remember(); state.kind = e.target.value; state.drawing = false;
      if (state.shape && state.kind !== 'establish') { state.shape.remove(); state.shape = null; state.vertices = []; }
      render();
    });
    var draw = document.getElementById('adj-draw');
    if (draw) draw.addEventListener('click', function () {
      remember();
      if (!state.drawing) { state.vertices = []; if (state.shape) { state.shape.remove(); state.shape = null; } }
      state.drawing = !state.drawing; render();
    });
    document.getElementById('adj-seat-pick').addEventListener('click', function () { remember(); state.drawing = false; state.picking = true; });
    document.getElementById('adj-form').addEventListener('submit', function (e) {
      e.preventDefault();
      state.drawing = false;
      var out = document.getElementById('adj-form-result');
      out.innerHTML = P.loading();
      api.post('/api/adjustments/proposals', body()).then(function (p) {
        out.innerHTML = '<p id="adj-created" data-id="' + p.id + '">' + esc(t('adjCreated', { id: p.id })) + '</p>';
        refreshList();
        showImpact(p.id);
      }).catch(function (err) { out.innerHTML = problem(err); out.scrollIntoView(); });
    });
  };
  render.kind = 'adjust';
  render();
}

function wire() {
  var b = document.getElementById('adjust-open');
  if (b && !b._wired) { b._wired = true; b.addEventListener('click', show); }
}
document.addEventListener('DOMContentLoaded', wire);
if (document.readyState !== 'loading') wire();

export const CivGeoAdjust = { show: show, mapClick: mapClick, state: state };
