/* Boundary lines and markers coloured by last inspection condition, disputes, the line and marker panels, and
 * survey-team mode: a SURVEYOR records a marker observation (condition, photo, position moved by dragging) through
 * the boundary feature's inspection API (same validation and audit as any other client). */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoGk } from './gk.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoLayers } from './layers.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoSurvey } from './survey.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, COLORS = CivGeoLayers.CONDITION_COLORS;
var LINE_WIDTH = { 1: 5, 2: 4, 3: 3, 4: 2 };
var CONDITIONS = ['intact', 'damaged', 'missing', 'displaced'];
var markersLayer = null, linesLayer = null, dragged = null;

function condBadge(c) { return '<span class="badge" style="background:' + (COLORS[c || 'unknown']) + '">' + esc(t(c || 'unknown')) + '</span>'; }
function legend() {
  return CONDITIONS.concat(['unknown']).map(function (c) { return '<div><span class="swatch" style="background:' + COLORS[c] + '"></span>' + esc(t(c)) + '</div>'; }).join('');
}

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
      P.open(t('boundaryLines'), html, render);
      document.querySelectorAll('#line-markers .marker-link').forEach(function (a) {
        a.addEventListener('click', function (e) { e.preventDefault(); showMarker(+a.getAttribute('data-id')); });
      });
    }).catch(function (e) { P.open(t('boundaryLines'), P.failed(e), render); });
  };
  render.kind = 'line';
  render();
}

function showMarker(id) {
  var render = function () {
    P.open(t('boundaryMarkers'), P.loading(), render);
    Promise.all([api.get('/api/boundary/markers/' + id), api.get('/api/boundary/markers/' + id + '/photos').catch(function () { return []; })]).then(function (r) {
      var m = r[0], photos = r[1];
      var html = '<h3 id="marker-number">' + esc(m.number) + '</h3><table>' + P.row('condition', t(m.lastCondition || 'unknown')) +
        P.row('history', m.lastInspectedOn) + P.row('coordinates', m.lon.toFixed(6) + ', ' + m.lat.toFixed(6)) +
        (m.gk ? P.row('code', 'GK ' + m.gk.zone + ': x ' + m.gk.x.toFixed(3) + ' y ' + m.gk.y.toFixed(3)) : '') + P.row('notes', m.note) + '</table>' +
        '<p><a href="#" id="marker-line" data-line="' + m.lineId + '">' + esc(m.lineCode) + '</a></p>' +
        (photos.length ? '<p>' + photos.map(function (p) { return '<a href="/api/boundary/attachments/' + p.id + '" target="_blank">' + esc(p.filename) + '</a>'; }).join(' · ') + '</p>' : '');
      if (CivGeoSurvey.isSurveyor()) html += surveyForm(m);
      P.open(t('boundaryMarkers'), html, render);
      document.getElementById('marker-line').addEventListener('click', function (e) { e.preventDefault(); showLine(m.lineId); });
      if (CivGeoSurvey.isSurveyor()) wireSurvey(m);
    }).catch(function (e) { P.open(t('boundaryMarkers'), P.failed(e), render); });
  };
  render.kind = 'marker';
  render();
}

function surveyForm(m) {
  return '<h3>' + esc(t('recordObservation')) + '</h3><form id="survey-form">' +
    '<div class="form-row"><label for="survey-condition">' + esc(t('condition')) + '</label><select id="survey-condition">' +
    CONDITIONS.map(function (c) { return '<option value="' + c + '"' + (c === (m.lastCondition || 'intact') ? ' selected' : '') + '>' + esc(t(c)) + '</option>'; }).join('') +
    '</select></div><div class="form-row"><label for="survey-photo">' + esc(t('photo')) + '</label><input id="survey-photo" type="file" accept="image/jpeg,image/png,image/webp"></div>' +
    '<div class="form-row"><label>' + esc(t('dragToMove')) + '</label><output id="survey-position">' + m.lon.toFixed(6) + ', ' + m.lat.toFixed(6) + '</output></div>' +
    '<div class="form-row"><label for="survey-note">' + esc(t('notes')) + '</label><textarea id="survey-note" rows="2"></textarea></div>' +
    '<p id="survey-result" role="status"></p><button type="submit" id="survey-save">' + esc(t('save')) + '</button></form>';
}

/** A draggable copy of the marker: its end position is the re-surveyed position (sent as Gauss–Krüger x/y/zone). */
function wireSurvey(m) {
  var map = window.civgeo.map;
  CivGeoGk.load().catch(function () { /* retried when the position is saved */ });
  if (dragged) map.removeLayer(dragged);
  dragged = L.marker([m.lat, m.lon], { draggable: true, autoPan: true, title: m.number, alt: t('dragToMove'), keyboard: true }).addTo(map);
  dragged.getElement().classList.add('survey-drag');
  var moved = null;
  dragged.on('dragend', function () {
    moved = dragged.getLatLng();
    document.getElementById('survey-position').textContent = moved.lng.toFixed(6) + ', ' + moved.lat.toFixed(6);
    if (document.getElementById('survey-condition').value === 'intact') document.getElementById('survey-condition').value = 'displaced';
  });
  document.getElementById('survey-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var out = document.getElementById('survey-result'), btn = document.getElementById('survey-save');
    btn.disabled = true; out.className = ''; out.textContent = t('loading');
    var rec = { markerId: m.id, condition: document.getElementById('survey-condition').value, note: document.getElementById('survey-note').value || null };
    var position = moved ? CivGeoGk.forward(moved.lng, moved.lat, m.gk ? m.gk.zone : null) : Promise.resolve(null);
    position.then(function (g) {
      if (g) { rec.x = +g.x.toFixed(3); rec.y = +g.y.toFixed(3); rec.zone = g.zone; }
      return record(m, rec);
    }).then(function (res) {
      var file = document.getElementById('survey-photo').files[0];
      var photo = file ? (function () { var fd = new FormData(); fd.append('file', file); return api.post('/api/boundary/marker-records/' + res.record.id + '/photos', fd); })() : Promise.resolve(null);
      return photo.then(function (p) { return { rec: res.record, photo: p }; });
    }).then(function (r) {
      out.textContent = t('saved') + ' · ' + t(r.rec.condition) + (r.rec.displacementM != null ? ' · ' + (+r.rec.displacementM).toFixed(2) + ' m' : '') + (r.photo ? ' · ' + t('photo') + ' ✓' : '');
      out.setAttribute('data-record', r.rec.id);
      if (markersLayer && markersLayer.reload) markersLayer.reload();
      if (linesLayer && linesLayer.reload) linesLayer.reload();
    }).catch(function (err) { out.className = 'error'; out.textContent = t('errorPrefix') + err.message; })
      .then(function () { btn.disabled = false; });
  });
}

/** One marker record into the line's inspection in an open round covering it: a new inspection when the line has
 *  none there yet, else the inspection's single-record endpoint (add or replace this marker's record). */
function record(m, rec) {
  return api.get('/api/boundary/lines/' + m.lineId).then(function (line) {
    return api.get('/api/boundary/rounds?limit=100&level=' + line.level).then(function (page) {
      var open = (page.items || []).filter(function (r) { return r.status !== 'completed'; })
        .sort(function (a, b) { return (b.status === 'in_progress') - (a.status === 'in_progress') || b.id - a.id; });
      return Promise.all(open.map(function (r) { return api.get('/api/boundary/rounds/' + r.id); })).then(function (details) {
        var d = details.filter(function (x) { return x.lineIds.indexOf(m.lineId) >= 0; })[0];
        if (!d) throw new Error(CivGeoI18n.lang() === 'zh' ? '该界线没有进行中的联检轮次' : 'no open inspection round covers this line');
        return d.round;
      });
    }).then(function (round) {
      return api.get('/api/boundary/rounds/' + round.id + '/inspections').then(function (list) {
        var insp = list.filter(function (i) { return i.lineId === m.lineId; })[0];
        var s = api.session(), today = new Date().toISOString().slice(0, 10);
        var done = insp ? api.post('/api/boundary/inspections/' + insp.id + '/markers', rec) : api.post('/api/boundary/rounds/' + round.id + '/inspections', {
          lineId: m.lineId, inspectedOn: today, partyLeft: line.leftName || line.leftCode, partyRight: line.rightName || line.rightCode,
          team: [s.displayName || s.username], markers: [rec] });
        return done.then(function () { return api.get('/api/boundary/rounds/' + round.id + '/inspections'); }).then(function (list2) {
          var i2 = list2.filter(function (i) { return i.lineId === m.lineId; })[0];
          return { inspection: i2, record: i2.markers.filter(function (r) { return r.markerId === m.id; })[0] };
        });
      });
    });
  });
}

CivGeoLayers.extra.push(function (layers) {
  var lines = linesLayer = layers.geoJsonLayer('boundary-lines', {
    // lines up to the division level on show: county lines over districts, township lines once townships show
    style: function (f) { var p = f.properties; return { color: COLORS[p.condition || 'unknown'], weight: LINE_WIDTH[p.level] || 2, dashArray: p.status === 'needs_resurvey' ? '8 6' : null, opacity: 0.9 }; },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.name)); l.on('click', function (e) { L.DomEvent.stop(e); showLine(f.properties.id); }); }
  }, function () { return '&level=' + Math.min(4, layers.levelForZoom(layers.map.getZoom())); });
  return { id: 'boundary-lines', key: 'boundaryLines', layer: lines, on: true, legend: legend };
});
CivGeoLayers.extra.push(function (layers) {
  markersLayer = layers.geoJsonLayer('boundary-markers', {
    minZoom: 11,
    pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 6, color: '#222', weight: 1, fillColor: COLORS[f.properties.condition || 'unknown'], fillOpacity: 1 }); },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.number)); l.on('click', function (e) { L.DomEvent.stop(e); showMarker(f.properties.id); }); }
  });
  return { id: 'boundary-markers', key: 'boundaryMarkers', layer: markersLayer, on: true };
});
CivGeoLayers.extra.push(function (layers) {
  var d = layers.geoJsonLayer('disputes', {
    style: { color: '#b03a2e', weight: 2, dashArray: '4 4', fillColor: '#f39c12', fillOpacity: 0.35 },
    onEachFeature: function (f, l) { l.bindTooltip(esc(f.properties.name) + ' · ' + esc(f.properties.status)); }
  });
  return { id: 'disputes', key: 'disputes', layer: d, on: true, swatch: 'rgba(243,156,18,.6)' };
});

export const CivGeoBoundary = { showLine: showLine, showMarker: showMarker };
