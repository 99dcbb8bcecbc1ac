/* Five-year plans (规划): the plan panel (pick a plan and a view, the report table, xlsx/PDF export, screenings),
 * the plan's targets in the division panel, and a choropleth of the children coloured by the plan's targets.
 * Reads /api/plans only; loaded on first use by plan-layer.js (the plans button, a division panel, the plan layer). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoPlanFormat } from './plan-format.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, F = CivGeoPlanFormat;
var state = { plans: null, planId: null, view: 'current', indicator: null, report: null };
function plans() {
  if (state.plans) return Promise.resolve(state.plans);
  return api.get('/api/plans').then(function (list) { state.plans = list; return list; });
}
/* an indicator's or a plan's name in the UI language (a plan imported without English names keeps its Chinese) */
function name(i) { return CivGeoI18n.lang() === 'zh' ? i.nameZh || i.name : i.nameEn || i.nameZh || i.name; }
function planName(p) { return CivGeoI18n.lang() === 'zh' ? p.name : p.nameEn || p.name; }
/* a value with its unit, the unit in the UI language (张 → beds) */
function num(v, unit) { return F.num(v, CivGeoI18n.term('unit', unit)); }
function badge(ok, yes, no) {
  return '<span class="badge ' + F.badgeClass(ok) + '">' + esc(t(ok == null ? 'noData' : ok ? yes : no)) + '</span>';
}
function reportUrl(id, division, ext) {
  return '/api/plans/' + id + '/report' + (ext ? '.' + ext : '') + '?view=' + state.view + (division ? '&division=' + encodeURIComponent(division) : '');
}

/** The report as a table: one row per indicator (data-indicator = its code). */
function table(r) {
  return '<table id="plan-table" class="plan-table"><thead><tr><th>' + esc(t('indicator')) + '</th><th>' + esc(t('planBaseline')) + '</th><th>' +
    esc(t('planLatest')) + '</th><th>' + esc(t('target')) + '</th><th>' + esc(t('planProgress')) + '</th></tr></thead><tbody>' +
    r.indicators.map(function (i) {
      return '<tr data-indicator="' + esc(i.code) + '"><th>' + esc(name(i)) + (F.kindKey(i.kind) ? ' <span class="note" data-kind="' + esc(i.kind) + '">' + esc(t(F.kindKey(i.kind))) + '</span>' : '') +
        '</th><td>' + esc(num(i.baseline, i.unit)) + '</td><td>' + esc(num(i.latest, i.unit)) + '</td><td>' +
        esc(i.target == null ? (i.targetText || '—') : num(i.target, i.unit)) + '</td><td>' +
        (state.view === 'final' ? badge(i.met, 'pass', 'fail') : badge(i.onTrack, 'planOnTrack', 'planBehind')) + '</td></tr>';
    }).join('') + '</tbody></table>';
}

function showPlans() {
  var render = function () {
    P.open(t('plans'), P.loading(), render);
    plans().then(function (list) {
      if (!list.length) { P.open(t('plans'), '<p id="plan-none">' + esc(t('planNone')) + '</p>', render); return; }
      if (!state.planId || !list.some(function (p) { return p.id === state.planId; })) state.planId = list[0].id;
      var html = '<label for="plan-pick">' + esc(t('plan')) + '</label> <select id="plan-pick">' + list.map(function (p) {
        return '<option value="' + p.id + '"' + (p.id === state.planId ? ' selected' : '') + '>' + esc(planName(p)) + '</option>';
      }).join('') + '</select> <label for="plan-view">' + esc(t('planView')) + '</label> <select id="plan-view">' +
        ['current', 'midterm', 'final'].map(function (v) {
          return '<option value="' + v + '"' + (v === state.view ? ' selected' : '') + '>' + esc(t('planView_' + v)) + '</option>';
        }).join('') + '</select><div id="plan-report">' + P.loading() + '</div>';
      P.open(t('plans'), html, render);
      document.getElementById('plan-pick').addEventListener('change', function (e) { state.planId = +e.target.value; render(); });
      document.getElementById('plan-view').addEventListener('change', function (e) { state.view = e.target.value; render(); });
      var box = document.getElementById('plan-report');
      api.get(reportUrl(state.planId)).then(function (r) {
        state.report = r;
        box.innerHTML = '<p class="note" id="plan-summary">' + esc(r.divisionName + ' · ' + r.year + ' · ' +
            t('planSummary', { on: r.onTrack, off: r.offTrack, none: r.noData })) + '</p>' +
          approvalBlock(list.find(function (p) { return p.id === state.planId; })) + table(r) +
          '<p><a id="plan-xlsx" href="' + reportUrl(r.planId, null, 'xlsx') + '">' + esc(t('export')) + ' Excel</a> · ' +
          '<a id="plan-pdf" href="' + reportUrl(r.planId, null, 'pdf') + '" target="_blank" rel="noopener">PDF</a></p>' + screenings(r);
        wireApproval(list.find(function (p) { return p.id === state.planId; }), render);
        wireScreenings(r);
        if (window.civgeo && window.civgeo.layers && window.civgeo.layers.renderLegend) window.civgeo.layers.renderLegend();
      }).catch(function (e) { box.innerHTML = P.failed(e); });
    }).catch(function (e) { P.open(t('plans'), P.failed(e), render); });
  };
  render.kind = 'plan';
  render();
}

/** Where the plan stands (draft or approved, by whom) and, for an administrator, approve or reopen. */
function approvalBlock(p) {
  if (!p || !p.approval) return '';
  var a = p.approval, approved = a.status === 'approved';
  var html = '<div id="plan-approval" data-status="' + esc(a.status) + '"><p><span class="badge ' + (approved ? 'pass' : 'warn') + '">' +
    esc(t(approved ? 'planApproved' : 'planDraft')) + '</span> ' +
    (approved ? esc(t('planApprovedBy', { body: a.approvingBody, doc: a.document, date: a.approvedOn })) : '') +
    (!approved && a.reopenReason ? ' <span class="note">' + esc(t('planReopenedBecause', { reason: a.reopenReason })) + '</span>' : '') + '</p>';
  if (api.hasRole('ADMIN')) {
    html += approved
      ? '<p><label for="plan-reopen-reason">' + esc(t('planReopenReason')) + '</label> <input id="plan-reopen-reason" type="text">' +
        ' <button type="button" id="plan-reopen">' + esc(t('planReopenBtn')) + '</button></p>'
      : '<p class="note">' + esc(t('planApprovalHint')) + '</p><p><label for="plan-approving-body">' + esc(t('planApprovingBody')) +
        '</label> <input id="plan-approving-body" type="text"> <label for="plan-document">' + esc(t('planDocument')) +
        '</label> <input id="plan-document" type="text"> <label for="plan-approved-on">' + esc(t('planApprovedOn')) +
        '</label> <input id="plan-approved-on" type="date"> <button type="button" id="plan-approve">' + esc(t('planApproveBtn')) + '</button></p>';
  }
  return html + '<div id="plan-approval-error"></div></div>';
}

function wireApproval(p, render) {
  if (!p || !p.approval) return;
  var done = function () { state.plans = null; render(); };
  var fail = function (e) { document.getElementById('plan-approval-error').innerHTML = P.failed(e); };
  var approve = document.getElementById('plan-approve');
  if (approve) approve.addEventListener('click', function () {
    api.post('/api/plans/' + p.id + '/approve', { version: p.version, approvingBody: document.getElementById('plan-approving-body').value,
      document: document.getElementById('plan-document').value, approvedOn: document.getElementById('plan-approved-on').value || null }).then(done, fail);
  });
  var reopen = document.getElementById('plan-reopen');
  if (reopen) reopen.addEventListener('click', function () {
    api.post('/api/plans/' + p.id + '/reopen', { version: p.version, reason: document.getElementById('plan-reopen-reason').value }).then(done, fail);
  });
}

function screenings() {
  return '<h3>' + esc(t('planScreenings')) + '</h3><select id="plan-screening"><option value="">—</option>' +
    ['community-households', 'township-burial'].map(function (k) { return '<option value="' + k + '">' + esc(t('screen_' + k)) + '</option>'; }).join('') +
    '</select><ul id="plan-screening-list" class="chain"></ul>';
}
function wireScreenings(r) {
  var sel = document.getElementById('plan-screening'), ul = document.getElementById('plan-screening-list');
  sel.addEventListener('change', function () {
    if (!sel.value) { ul.innerHTML = ''; return; }
    ul.innerHTML = '<li>' + esc(t('loading')) + '</li>';
    api.get('/api/plans/screenings?kind=' + sel.value + '&division=' + encodeURIComponent(r.divisionCode)).then(function (s) {
      ul.setAttribute('data-count', s.count);
      ul.innerHTML = '<li class="note">' + esc(t('planFound', { n: s.count })) + '</li>' + s.items.slice(0, 50).map(function (i) {
        return '<li data-code="' + esc(i.code) + '"><button type="button" data-bbox="' + (i.bbox || []).join(',') + '">' + esc(i.name) + '</button>' +
          (i.households != null ? ' <span class="note">' + esc(i.households + ' ' + t('households')) + '</span>' : '') + '</li>';
      }).join('');
      if (s.bbox && window.civgeo) window.civgeo.map.fitBounds([[s.bbox[1], s.bbox[0]], [s.bbox[3], s.bbox[2]]]);
      ul.querySelectorAll('button[data-bbox]').forEach(function (b) {
        b.addEventListener('click', function () {
          var x = b.getAttribute('data-bbox').split(',').map(Number);
          if (x.length === 4 && window.civgeo) window.civgeo.map.fitBounds([[x[1], x[0]], [x[3], x[2]]]);
        });
      });
    }).catch(function (e) { ul.innerHTML = '<li>' + P.failed(e) + '</li>'; });
  });
}

/** The division panel: the targets of the plan chosen (or the first plan covering the division). */
function divisionTargets(code, box) {
  plans().then(function (list) {
    var plan = F.planFor(list, code, state.planId);
    if (!plan) return;
    box.innerHTML = '<h3 id="division-plan-title">' + esc(t('planTargets')) + ' · ' + esc(planName(plan)) + '</h3>' + P.loading();
    return api.get('/api/plans/' + plan.id + '/report?division=' + encodeURIComponent(code)).then(function (r) {
      box.innerHTML = '<h3 id="division-plan-title">' + esc(t('planTargets')) + ' · ' + esc(planName(plan)) + '</h3>' +
        table(r).replace('id="plan-table"', 'id="division-plan-table"');
    });
  }).catch(function (e) { box.innerHTML = P.failed(e); });
}

/** Choropleth of the report's children by the picked plan indicator against their (per-child) targets: the layer
 *  (group, registered by plan-layer.js with the start page) drawn once this chunk is loaded; { load, legend, controls }. */
function choropleth(layers, group) {
  var map = layers.map;
  function load() {
    if (!map.hasLayer(group) || !state.planId) return;
    api.get(reportUrl(state.planId)).then(function (r) {
      state.report = r;
      var ind = r.indicators.filter(function (i) { return i.code === state.indicator; })[0] || r.indicators[0];
      if (!ind || !ind.children.length) return;
      state.indicator = ind.code;
      var byCode = {}; ind.children.forEach(function (c) { byCode[c.code] = c; });
      var level = ind.children[0].code.length === 9 ? 4 : ind.children[0].code.length === 12 ? 5 : 3;
      return api.get('/api/map/collections/divisions/items?limit=1000&level=' + level + '&zoom=' + map.getZoom() + '&bbox=' + layers.bbox()).then(function (fc) {
        group.clearLayers();
        L.geoJSON(fc, { filter: function (f) { return !!byCode[f.properties.code]; }, style: function (f) {
          var c = byCode[f.properties.code];
          return { color: '#fff', weight: 1.5, fillOpacity: 0.7, fillColor: F.fillColor(c.met) };
        }, onEachFeature: function (f, l) {
          var c = byCode[f.properties.code];
          l.bindTooltip(esc(f.properties.name) + ': ' + esc(num(c.value, ind.unit)) + ' / ' + esc(num(c.target, ind.unit)));
          l.on('click', function (e) { L.DomEvent.stop(e); P.showDivision(f.properties.code); });
        } }).addTo(group);
        map.getContainer().setAttribute('data-plan-choropleth', Object.keys(byCode).length);
        layers.renderLegend();
      });
    }).catch(function (e) { console.warn('plan choropleth', e); });
  }
  map.on('moveend', load);
  group.on('add', load);
  return { load: load, legend: function () {
    if (!map.hasLayer(group) || !state.report) return '';
    return '<label for="plan-indicator-pick">' + esc(t('indicator')) + '</label><select id="plan-indicator-pick">' + state.report.indicators
      .filter(function (i) { return i.children.some(function (c) { return c.value != null; }); }).map(function (i) {
        return '<option value="' + esc(i.code) + '"' + (i.code === state.indicator ? ' selected' : '') + '>' + esc(name(i)) + '</option>';
      }).join('') + '</select><div><span class="swatch" style="background:#2e9e5b"></span>' + esc(t('pass')) +
      ' <span class="swatch" style="background:#d0433a"></span>' + esc(t('fail')) + ' <span class="swatch" style="background:#bdc3c7"></span>' + esc(t('noData')) + '</div>';
  }, controls: function (div) {
    var sel = div.querySelector('#plan-indicator-pick');
    if (sel && !sel._wired) { sel._wired = true; sel.addEventListener('change', function () { state.indicator = sel.value; load(); }); }
  } };
}

export const CivGeoPlan = { show: showPlans, state: state, divisionTargets: divisionTargets, choropleth: choropleth };
