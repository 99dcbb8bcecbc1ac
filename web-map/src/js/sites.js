/* Site suggestion in the coverage panel: k, the kinds of the analysis, candidates (a grid over the uncovered
 * residential land, a list of [lon, lat] lines, or an uploaded file of parcels: POST /api/site-suggestions/parcels
 * reads it, each parcel a candidate named by its parcel); runs as a job with a progress bar; each pick on the map (numbered,
 * draggable: a drag re-evaluates the gains at once), with its community, nearest standard address, elderly and
 * households newly covered and the coverage before/after. POST /api/site-suggestions (job), /evaluate. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoFilePick } from './file-pick.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoProblems } from './problems.js';
import { CivGeoPlanner } from './planner.js';
import { CivGeoPlannerFormat } from './planner-format.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, F = CivGeoPlannerFormat;
var state = { k: 2, source: 'grid', spacing: 250, list: '', parcels: null, parcelCrs: '', parcelBlob: null, parcelFile: null, result: null, layer: null, running: false, listeners: [] };
var CRS_CHOICES = ['', 'EPSG:4490', 'EPSG:4326', 'GCJ02', 'BD09'];

/** "地块 A-12" / "Parcel A-12" for a pick taken from an uploaded parcel, else null. */
function parcelLabel(p) { return p && p.candidateName ? t('siteParcelName', { name: p.candidateName }) : null; }

function kinds() { return CivGeoPlanner.analysis.kinds; }

function formHtml() {
  return '<section id="site-section"><h3>' + esc(t('siteSuggestion')) + '</h3>' +
    '<div class="form-pair"><div class="form-row"><label for="site-k">' + esc(t('siteK')) + '</label><input id="site-k" type="number" min="1" max="50" value="' + state.k + '"></div>' +
    '<div class="form-row"><label for="site-source">' + esc(t('siteCandidates')) + '</label><select id="site-source">' +
    ['grid', 'list', 'parcels'].map(function (s) { return '<option value="' + s + '"' + (s === state.source ? ' selected' : '') + '>' + esc(t('siteSource_' + s)) + '</option>'; }).join('') +
    '</select></div></div>' +
    '<div class="form-row" id="site-grid-row"' + (state.source === 'grid' ? '' : ' hidden') + '><label for="site-spacing">' + esc(t('siteSpacing')) + '</label><input id="site-spacing" type="number" min="50" max="5000" step="50" value="' + state.spacing + '"></div>' +
    '<div class="form-row" id="site-list-row"' + (state.source === 'list' ? '' : ' hidden') + '><label for="site-list">' + esc(t('siteList')) + '</label><textarea id="site-list" rows="3" placeholder="118.0894,24.4798">' + esc(state.list) + '</textarea></div>' +
    '<div id="site-parcels-row"' + (state.source === 'parcels' ? '' : ' hidden') + '><div class="form-pair"><div class="form-row"><label for="site-parcel-file">' + esc(t('siteParcelFile')) +
    '</label>' + CivGeoFilePick.html('site-parcel-file', 'accept=".geojson,.json,.zip,.gpkg,.kml,.csv"', 'chooseFile', state.parcelFile) + '</div><div class="form-row"><label for="site-parcel-crs">' + esc(t('siteParcelCrs')) +
    '</label><select id="site-parcel-crs">' + CRS_CHOICES.map(function (c) { return '<option value="' + c + '"' + (c === state.parcelCrs ? ' selected' : '') + '>' + esc(t('siteCrs_' + (c ? c.replace(':', '') : 'auto'))) + '</option>'; }).join('') +
    '</select></div></div><p class="note" id="site-parcel-status" aria-live="polite">' + esc(state.parcels ? parcelSummary(state.parcels) : t('siteParcelHint')) + '</p>' +
    rejectedHtml(state.parcels && state.parcels.rejected) + '</div>' +
    (api.hasRole('PLANNER') || api.hasRole('ADMIN') ? '<button type="button" id="site-run" class="primary">' + esc(t('siteRun')) + '</button>' :
      '<p class="note" id="site-signin">' + esc(t('siteSignIn')) + '</p>') +
    '<div id="site-progress" hidden><progress max="100"></progress> <span class="note"></span></div><div id="site-result"></div></section>';
}

function parseList(text) {
  var out = [], bad = [];
  text.split(/\n/).forEach(function (line, i) {
    var s = line.trim(); if (!s) return;
    var m = s.split(/[\s,;]+/).map(Number);
    if (m.length === 2 && isFinite(m[0]) && isFinite(m[1])) out.push(m); else bad.push(i + 1);
  });
  return { points: out, bad: bad };
}

function parcelSummary(r) {
  return t('siteParcelsRead', { n: r.count, field: r.nameField || '—', names: r.parcels.slice(0, 3).map(function (p) { return p.name; }).join('、') + (r.count > 3 ? '…' : '') });
}

function division() { return CivGeoPlanner.analysis.division || CivGeoPlanner.state.city; }

/** The parcels left out (outside the division): how many, then each by its feature number, name and the server's
 *  reason (in the page's language), the first five. */
function rejectedHtml(list) {
  if (!list || !list.length) return '';
  return '<div id="site-parcel-rejected" data-rejected="' + list.length + '"><p class="note">' + esc(t('siteParcelsRejected', { n: list.length })) + '</p><ul>' +
    list.slice(0, 5).map(function (r) { return '<li>' + esc(t('siteParcelRejected', { feature: r.feature, name: r.name, reason: r.reason })) + '</li>'; }).join('') +
    (list.length > 5 ? '<li>…</li>' : '') + '</ul></div>';
}

function showRejected(list) {
  var old = document.getElementById('site-parcel-rejected'), status = document.getElementById('site-parcel-status');
  if (old) old.remove();
  if (status) status.insertAdjacentHTML('afterend', rejectedHtml(list));
}

/** Reads the chosen parcel file on the server (nothing stored) for the division of the analysis: its parcels inside
 *  the division become the candidates, the others are listed with the reason. */
function readParcels() {
  var input = document.getElementById('site-parcel-file'), status = document.getElementById('site-parcel-status');
  state.parcelCrs = document.getElementById('site-parcel-crs').value;
  if (input.files && input.files[0]) { state.parcelBlob = input.files[0]; state.parcelFile = input.files[0].name; }
  state.parcels = null;
  showRejected(null);
  if (!state.parcelBlob) { status.textContent = t('siteParcelHint'); return Promise.resolve(null); }
  var form = new FormData();
  form.append('file', state.parcelBlob, state.parcelFile);
  status.textContent = t('siteParcelReading');
  status.classList.remove('error');
  var q = ['division=' + encodeURIComponent(division())].concat(state.parcelCrs ? ['crs=' + encodeURIComponent(state.parcelCrs)] : []);
  return api.post('/api/site-suggestions/parcels?' + q.join('&'), form).then(function (r) {
    state.parcels = r; state.parcelLang = CivGeoI18n.lang();
    status.textContent = parcelSummary(r);
    status.setAttribute('data-parcels', r.count);
    showRejected(r.rejected);
    return r;
  }).catch(function (e) {
    status.textContent = t('errorPrefix') + CivGeoProblems.text(e);
    status.classList.add('error');
    status.removeAttribute('data-parcels');
    showRejected(e.problem && e.problem.rejected);
  });
}

/** Mounts the section into the coverage panel (called by planner.js after each render). */
function mount(box) {
  box.insertAdjacentHTML('beforeend', formHtml());
  var src = document.getElementById('site-source');
  src.addEventListener('change', function () {
    state.source = src.value;
    document.getElementById('site-grid-row').hidden = state.source !== 'grid';
    document.getElementById('site-list-row').hidden = state.source !== 'list';
    document.getElementById('site-parcels-row').hidden = state.source !== 'parcels';
  });
  CivGeoFilePick.wire(document.getElementById('site-parcel-file'));
  document.getElementById('site-parcel-file').addEventListener('change', readParcels);
  document.getElementById('site-parcel-crs').addEventListener('change', readParcels);
  var run = document.getElementById('site-run');
  if (run) run.addEventListener('click', suggest);
  // the rejected parcels' reasons come from the server in the page's language: asked again after a switch
  if (state.parcels && state.parcels.rejected && state.parcels.rejected.length && state.parcelLang !== CivGeoI18n.lang()) readParcels();
  if (state.result) renderResult();
}

function suggest() {
  state.k = +document.getElementById('site-k').value || 2;
  state.spacing = +document.getElementById('site-spacing').value || 250;
  state.list = document.getElementById('site-list').value;
  var body = { division: division(), kinds: kinds(), k: state.k };
  var out = document.getElementById('site-result');
  if (state.source === 'list') {
    var parsed = parseList(state.list);
    if (parsed.bad.length || !parsed.points.length) { out.innerHTML = '<p class="error" role="alert">' + esc(t('siteListBad', { lines: parsed.bad.join(', ') || '—' })) + '</p>'; return; }
    body.candidates = parsed.points;
  } else if (state.source === 'parcels') {
    // read for another division (the analysis changed since): read again for this one, then run
    if (state.parcels && state.parcels.division !== division()) { readParcels().then(function (r) { if (r) suggest(); }); return; }
    if (!state.parcels || !state.parcels.count) { out.innerHTML = '<p class="error" role="alert">' + esc(t('siteParcelsNone')) + '</p>'; return; }
    body.candidates = state.parcels.parcels.map(function (p) { return [p.lon, p.lat]; });
    body.candidateNames = state.parcels.parcels.map(function (p) { return p.name; });
  } else body.gridSpacingM = state.spacing;
  var bar = document.getElementById('site-progress');
  bar.hidden = false; bar.querySelector('progress').removeAttribute('value'); bar.querySelector('span').textContent = t('siteQueued');
  out.innerHTML = '';
  state.running = true;
  var started = performance.now();
  api.post('/api/site-suggestions', body).then(function (job) { return poll(job.id, bar); }).then(function (job) {
    state.running = false; bar.hidden = true;
    if (job.status !== 'SUCCEEDED') throw new Error((job.error && (job.error.detail || job.error.message)) || job.status);
    state.result = job.result;
    document.getElementById('site-result').setAttribute('data-ms', Math.round(performance.now() - started));
    renderResult();
    drawPicks();
  }).catch(function (e) { state.running = false; bar.hidden = true; var o = document.getElementById('site-result'); if (o) o.innerHTML = P.failed(e); });
}

function poll(id, bar) {
  return new Promise(function (resolve, reject) {
    function tick() {
      api.get('/api/jobs/' + id).then(function (job) {
        var pr = bar.querySelector('progress');
        if (job.percent != null) pr.value = job.percent;
        bar.querySelector('span').textContent = (job.percent != null ? job.percent.toFixed(0) + ' % · ' : '') + t('jobStatus_' + job.status);
        if (job.status === 'SUCCEEDED' || job.status === 'FAILED' || job.status === 'CANCELLED') resolve(job);
        else setTimeout(tick, 400);
      }).catch(reject);
    }
    tick();
  });
}

function renderResult() {
  var r = state.result, out = document.getElementById('site-result');
  if (!r || !out) return;
  var lang = CivGeoI18n.lang(), last = r.picks[r.picks.length - 1];
  var named = r.picks.some(function (p) { return p.candidateName; });
  var after = last ? last.coveredElderlyShare : r.coveredShareBefore, afterHh = last ? last.coveredHouseholdShare : r.coveredHouseholdShareBefore;
  out.innerHTML = '<p id="site-summary" class="summary">' + esc(t('siteBeforeAfter', { before: F.pct(r.coveredShareBefore), after: F.pct(after),
    hbefore: F.pct(r.coveredHouseholdShareBefore), hafter: F.pct(afterHh) })) + '</p>' +
    '<p class="note">' + esc(t('siteDrag')) + '</p>' +
    (r.picks.length ? '<table id="site-picks" class="data-table"><thead><tr><th>#</th>' + (named ? '<th>' + esc(t('siteParcel')) + '</th>' : '') + '<th>' + esc(t('covUnit')) + '</th><th>' + esc(t('nearestAddress')) + '</th><th>' +
      esc(t('siteGainElderly')) + '</th><th>' + esc(t('siteGainHouseholds')) + '</th></tr></thead><tbody>' + r.picks.map(function (p) {
        return '<tr data-rank="' + p.rank + '"><td>' + p.rank + '</td>' + (named ? '<td class="pick-parcel">' + esc(parcelLabel(p) || '—') + '</td>' : '') + '<td class="pick-unit">' + esc(p.divisionName || '—') + '</td><td class="pick-address">' + esc(p.nearestAddress || '—') +
          (p.nearestAddressM != null ? ' <span class="note">' + esc(t('metres', { m: F.int(p.nearestAddressM, lang) })) + '</span>' : '') + '</td><td class="num pick-gain">' + F.int(p.gainElderly, lang) +
          '</td><td class="num">' + F.int(p.gainHouseholds, lang) + '</td></tr>';
      }).join('') + '</tbody></table>' : '<p>' + esc(t('siteNothing')) + '</p>');
  out.querySelectorAll('#site-picks tbody tr').forEach(function (tr) {
    tr.addEventListener('click', function () { var p = r.picks[+tr.getAttribute('data-rank') - 1]; window.civgeo.map.setView([p.lat, p.lon], 15); });
  });
  state.listeners.forEach(function (fn) { fn(r); });
}

function icon(rank) { return L.divIcon({ className: 'site-pick', html: '<span>' + rank + '</span>', iconSize: [28, 28], iconAnchor: [14, 14] }); }

function drawPicks() {
  var map = window.civgeo.map, r = state.result;
  if (state.layer) map.removeLayer(state.layer);
  state.layer = L.layerGroup().addTo(map);
  r.picks.forEach(function (p, i) {
    if (p.serviceArea) L.geoJSON(p.serviceArea, { interactive: false, style: { color: '#1d5fa8', weight: 2, dashArray: '5 3', fillColor: '#1d5fa8', fillOpacity: 0.12 } }).addTo(state.layer);
    var m = L.marker([p.lat, p.lon], { icon: icon(p.rank), draggable: true, title: (parcelLabel(p) ? parcelLabel(p) + ' · ' : '') + (p.divisionName || '') + ' #' + p.rank, keyboard: true }).addTo(state.layer);
    m.on('dragend', function () { var ll = m.getLatLng(); r.picks[i].lon = +ll.lng.toFixed(6); r.picks[i].lat = +ll.lat.toFixed(6); r.picks[i].candidateName = null; reevaluate(); });
  });
  map.getContainer().setAttribute('data-site-picks', r.picks.length);
  if (r.picks.length) map.fitBounds(L.latLngBounds(r.picks.map(function (p) { return [p.lat, p.lon]; })).pad(0.6), { maxZoom: 14, animate: false });
}

/** A pick moved: the gains of every pick in its order, at once. */
function reevaluate() {
  var r = state.result;
  var body = { division: r.division, kinds: r.kinds, sites: r.picks.map(function (p) { return [p.lon, p.lat]; }) };
  // a pick still on its parcel keeps the parcel's name; a dragged one is a site of its own
  if (r.picks.some(function (p) { return p.candidateName; })) body.siteNames = r.picks.map(function (p) { return p.candidateName || null; });
  return api.post('/api/site-suggestions/evaluate', body).then(function (e) {
    state.result = Object.assign({}, e, { candidates: r.candidates, candidateSource: r.candidateSource });
    renderResult(); drawPicks();
    window.civgeo.map.getContainer().setAttribute('data-site-evaluated', String(Date.now()));
  }).catch(function (err) { var o = document.getElementById('site-result'); if (o) o.insertAdjacentHTML('afterbegin', P.failed(err)); });
}

CivGeoPlanner.sections.push(mount);

export const CivGeoSites = { mount: mount, state: state, reevaluate: reevaluate, parseList: parseList, parcelLabel: parcelLabel, onResult: function (fn) { state.listeners.push(fn); } };
