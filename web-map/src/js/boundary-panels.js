/* The boundary panels, loaded on first use (boundary.js opens them): a line (markers, inspections, outputs,
 * management facts) and a marker (photos, Gauss–Krüger, and for a SURVEYOR in an open round the observation form). */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoField } from './field.js';
import { CivGeoMarkerForm } from './marker-form.js';
import './offline.js'; // the marker form's offline submit (its outbox)
import { CivGeoSurvey } from './survey.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var CONDITIONS = ['intact', 'damaged', 'missing', 'displaced'];
/** The map's line and marker layers, reloaded after an observation is saved, and the condition colours (set by boundary.js). */
var layers = { markers: null, lines: null, colors: {} };

function condBadge(c) { return '<span class="badge" style="background:' + (layers.colors[c || 'unknown']) + '">' + esc(t(c || 'unknown')) + '</span>'; }

function showLine(id) {
  var render = function () {
    P.open(t('boundaryLines'), P.loading(), render);
    Promise.all([api.get('/api/boundary/lines/' + id), api.get('/api/boundary/lines/' + id + '/markers'),
      api.get('/api/map/collections/line-inspections/items?limit=100&q=' + id).catch(function () { return { features: [] }; })]).then(function (r) {
      var l = r[0], ms = r[1], hist = r[2].features.map(function (f) { return f.properties; });
      var html = '<h3 id="line-name">' + esc(l.name) + '</h3><table>' + P.row('code', l.code) + P.row('level', t('level' + l.level)) +
        P.row('divisions', (l.leftName || l.leftCode) + ' | ' + (l.rightName || l.rightCode)) + P.row('status', l.status) +
        '<tr><th>km</th><td>' + (+l.lengthKm).toFixed(2) + '</td></tr></table>' +
        '<h3>' + esc(t('markers')) + ' (' + ms.length + ')</h3><table id="line-markers">' + ms.map(function (m) {
          return '<tr data-marker="' + m.id + '"><th><a href="#" class="marker-link" data-id="' + m.id + '">' + esc(m.number) + '</a></th><td>' +
            condBadge(m.lastCondition) + ' <span class="note">' + esc(m.lastInspectedOn || '') + '</span></td></tr>';
        }).join('') + '</table><h3>' + esc(t('inspections')) + '</h3><table id="line-inspections">' + (hist.length ? hist.map(function (h) {
          return '<tr><th>' + esc(h.inspectedOn) + '</th><td>' + esc(h.roundName || '') + ' · ' + esc((h.team || []).join('、')) + ' · ' +
            CONDITIONS.map(function (c) { return h[c] ? esc(t(c)) + ' ' + h[c] : ''; }).filter(Boolean).join('，') + '</td></tr>';
        }).join('') : '<tr><td>' + esc(t('none')) + '</td></tr>') + '</table>';
      html += '<h3>' + esc(t('outputs')) + '</h3><p id="line-outputs" class="links">' +
        [['register.pdf', 'registerPdf'], ['coordinates.pdf', 'coordinatesPdf'], ['package.zip', 'packageZip'], ['package.gpkg', 'packageGpkg'], ['package.dxf', 'packageDxf']]
          .map(function (o) { return '<a href="/api/boundary/lines/' + id + '/' + o[0] + '" target="_blank" rel="noopener">' + esc(t(o[1])) + '</a>'; }).join(' · ') + '</p>' +
        '<h3>' + esc(t('management')) + '</h3><table id="line-management"></table><p id="line-documents" class="links"></p>';
      P.open(t('boundaryLines'), html, render);
      management(id);
      document.querySelectorAll('#line-markers .marker-link').forEach(function (a) {
        a.addEventListener('click', function (e) { e.preventDefault(); showMarker(+a.getAttribute('data-id')); });
      });
    }).catch(function (e) { P.open(t('boundaryLines'), P.failed(e), render); });
  };
  render.kind = 'line';
  render();
}

/** 平安边界, custodian and re-demarcation facts of the line (boundary management). */
function management(id) {
  var none = function () { return null; };
  Promise.all([api.get('/api/boundary/lines/' + id + '/peace-border').catch(none), api.get('/api/boundary/custodians?lineId=' + id).catch(function () { return []; }),
    api.get('/api/boundary/redemarcation-tasks?status=open&lineId=' + id).catch(function () { return []; }),
    api.get('/api/boundary/lines/' + id + '/documents').catch(function () { return []; })]).then(function (r) {
    var docs = document.getElementById('line-documents');
    if (docs) docs.innerHTML = r[3].map(function (d) { return '<a href="' + esc(d.url) + '" target="_blank" rel="noopener">' + esc(t('doc_' + d.kind)) + '：' + esc(d.filename) + '</a>'; }).join(' · ');
    var table = document.getElementById('line-management');
    if (!table) return;
    var pb = r[0], cust = r[1].filter(function (c) { return c.lineId === id; })[0], task = r[2][0];
    table.innerHTML = P.row('peaceBorder', pb ? t('peace_' + pb.status) + (pb.signedOn ? ' · ' + pb.signedOn : '') + (pb.parties.length ? ' · ' + pb.parties.join('、') : '') : t('none')) +
      P.row('custodian', cust ? cust.unit + ' · ' + cust.person + (cust.contact ? ' · ' + cust.contact : '') + ' · ' + t('patrolDue', { d: cust.patrolDueOn }) : t('none')) +
      (task ? P.row('redemarcation', t('redemarcationOpen', { on: task.openedOn }) + ' · ' + ['agreementDone', 'markersDone', 'descriptionDone'].map(function (k) { return (task[k] ? '✓' : '✗') + t(k); }).join(' ')) : '');
  });
}

function showMarker(id) {
  var render = function () {
    P.open(t('boundaryMarkers'), P.loading(), render);
    Promise.all([api.get('/api/boundary/markers/' + id), api.get('/api/boundary/markers/' + id + '/photos').catch(function () { return []; })]).then(function (r) {
      // the open round covering the marker's line, asked before the form is shown (no round: no form to fill)
      var cycle = CivGeoSurvey.isSurveyor() ? api.get('/api/boundary/lines/' + r[0].lineId + '/cycle') : Promise.resolve(null);
      return cycle.then(function (c) { return [r[0], r[1], c]; });
    }).then(function (r) {
      var m = r[0], photos = r[1], cycle = r[2];
      var html = '<h3 id="marker-number">' + esc(m.number) + '</h3><table>' + P.row('condition', t(m.lastCondition || 'unknown')) +
        P.row('history', m.lastInspectedOn) + P.row('coordinates', m.lon.toFixed(6) + ', ' + m.lat.toFixed(6)) +
        (m.gk ? P.row('gkPosition', 'GK ' + m.gk.zone + ': x ' + m.gk.x.toFixed(3) + ' y ' + m.gk.y.toFixed(3)) : '') + P.row('notes', m.note) + '</table>' +
        '<p><a href="#" id="marker-line" data-line="' + m.lineId + '">' + esc(m.lineCode) + '</a></p>' +
        (photos.length ? '<p class="thumbs" id="marker-photos">' + photos.map(function (p) {
          return '<a href="/api/boundary/attachments/' + p.id + '" target="_blank" rel="noopener" title="' + esc(p.filename) + '"><img class="thumb" loading="lazy" src="/api/boundary/attachments/' + p.id + '/thumbnail" alt="' + esc(t('photo') + ' ' + p.filename) + '"></a>';
        }).join('') + '</p>' : '');
      var canRecord = cycle && cycle.openRoundId != null;
      if (cycle && !canRecord) html += noRound(cycle);
      if (canRecord) html += CivGeoMarkerForm.html(m, cycle);
      P.open(t('boundaryMarkers'), html, render);
      document.getElementById('marker-line').addEventListener('click', function (e) { e.preventDefault(); showLine(m.lineId); });
      var plan = document.getElementById('survey-plan-round');
      if (plan) plan.addEventListener('click', function () { CivGeoField.open('plan'); });
      if (canRecord) CivGeoMarkerForm.wire(m, cycle, function () {
        if (layers.markers && layers.markers.reload) layers.markers.reload();
        if (layers.lines && layers.lines.reload) layers.lines.reload();
      });
    }).catch(function (e) { P.open(t('boundaryMarkers'), P.failed(e), render); });
  };
  render.kind = 'marker';
  render();
}

/** The line has no open round: say so before anything is typed; an ADMIN can plan one from here. */
function noRound(c) {
  return '<p id="survey-no-round" class="notice" role="status">' + esc(t('noOpenRound')) + ' · ' + esc(t('cycle_' + c.status)) +
    (c.dueOn ? ' (' + esc(t('cycleDue')) + ' ' + esc(c.dueOn) + ')' : '') + '</p>' +
    (api.hasRole('ADMIN') ? '<p><button type="button" id="survey-plan-round">' + esc(t('planRound')) + '</button></p>' : '');
}

export const CivGeoBoundaryPanels = { showLine: showLine, showMarker: showMarker, layers: layers };
CivGeoField.setBoundary(CivGeoBoundaryPanels);
