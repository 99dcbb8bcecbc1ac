/* The marker observation form of survey-team mode (联检外业): condition, 方位物 (reference objects) intact, 描红
 * (repainted), photo (the tablet's camera), notes, and the re-surveyed position by typed Gauss–Krüger x/y/zone
 * (checked against the marker's zone, x/y swap explained), by the device's GPS (with its accuracy) or by dragging.
 * Sent through the boundary feature's inspection API (same validation and audit as any client); while offline the
 * observation goes to the outbox (offline.js) and is sent when the network is back. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoGk } from './gk.js';
import { gkProblem } from './gk-check.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoProblems } from './problems.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc;
var CONDITIONS = ['intact', 'damaged', 'missing', 'displaced'];
var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'], PHOTO_MAX_BYTES = 5 * 1024 * 1024; // civgeo.boundary.attachment-max-bytes
var dragged = null;
var hooks = { submit: null }; // offline.js installs its own submit (queue when offline)

function check(id, key) {
  return '<label class="check"><input type="checkbox" id="' + id + '"> ' + esc(t(key)) + '</label>';
}

function html(m, c) {
  var zone = m.gk ? m.gk.zone : '';
  return '<h3>' + esc(t('recordObservation')) + '</h3><p class="note" id="survey-round" data-round="' + c.openRoundId + '">' + esc(t('inRound', { name: c.openRoundName })) +
    (c.team ? ' · ' + esc(c.team) : '') + '</p><form id="survey-form" novalidate>' +
    '<div class="form-row"><label for="survey-condition">' + esc(t('condition')) + '</label><select id="survey-condition">' +
    CONDITIONS.map(function (k) { return '<option value="' + k + '"' + (k === (m.lastCondition || 'intact') ? ' selected' : '') + '>' + esc(t(k)) + '</option>'; }).join('') +
    '</select></div><div class="form-row checks">' + check('survey-refs', 'refsPresent') + check('survey-repainted', 'repainted') + '</div>' +
    '<fieldset class="positions"><legend>' + esc(t('positionBy')) + '</legend>' + ['none', 'gk', 'gps', 'drag'].map(function (p) {
      return '<label class="check"><input type="radio" name="survey-pos" value="' + p + '" id="survey-pos-' + p + '"' + (p === 'none' ? ' checked' : '') + '> ' + esc(t('pos' + p.charAt(0).toUpperCase() + p.slice(1))) + '</label>';
    }).join('') +
    '<div id="survey-gk" class="gk-inputs" hidden><label>' + esc(t('gkX')) + ' <input id="survey-x" inputmode="decimal" autocomplete="off"></label>' +
    '<label>' + esc(t('gkY')) + ' <input id="survey-y" inputmode="decimal" autocomplete="off"></label>' +
    '<label>' + esc(t('gkZone')) + ' <input id="survey-zone" inputmode="numeric" value="' + esc(zone) + '" size="3"></label>' +
    '<p id="survey-gk-error" class="error" role="alert"></p></div>' +
    '<div id="survey-gps" hidden><button type="button" id="survey-gps-go">' + esc(t('useGps')) + '</button> <output id="survey-gps-accuracy"></output></div>' +
    '<p class="note" id="survey-drag-hint" hidden>' + esc(t('dragToMove')) + '</p>' +
    '<output id="survey-position">' + m.lon.toFixed(6) + ', ' + m.lat.toFixed(6) + '</output></fieldset>' +
    '<div class="form-row"><label for="survey-photo">' + esc(t('photo')) + '</label><input id="survey-photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment"></div>' +
    '<div class="form-row"><label for="survey-note">' + esc(t('notes')) + '</label><textarea id="survey-note" rows="2"></textarea></div>' +
    '<p id="survey-result" role="status"></p><button type="submit" id="survey-save">' + esc(t('save')) + '</button></form>';
}

function val(id) { var v = document.getElementById(id).value.trim().replace(/[\s,，]/g, ''); return v === '' ? NaN : Number(v); }

/** A draggable copy of the marker; the typed or GPS position moves it too, so the map shows what will be sent. */
function wire(m, cycle, onSaved) {
  var map = window.civgeo.map, form = document.getElementById('survey-form');
  CivGeoGk.load().catch(function () { /* retried when the position is saved */ });
  if (dragged) map.removeLayer(dragged);
  dragged = L.marker([m.lat, m.lon], { draggable: true, autoPan: true, title: m.number, alt: t('dragToMove'), keyboard: true }).addTo(map);
  dragged.getElement().classList.add('survey-drag');
  var pos = { by: 'none', latlng: null, accuracy: null };
  function mode(p) {
    pos.by = p;
    document.getElementById('survey-pos-' + p).checked = true;
    document.getElementById('survey-gk').hidden = p !== 'gk';
    document.getElementById('survey-gps').hidden = p !== 'gps';
    document.getElementById('survey-drag-hint').hidden = p !== 'drag';
  }
  function show(latlng) {
    pos.latlng = latlng;
    dragged.setLatLng(latlng);
    document.getElementById('survey-position').textContent = latlng.lng.toFixed(6) + ', ' + latlng.lat.toFixed(6);
    var cond = document.getElementById('survey-condition');
    if (cond.value === 'intact') cond.value = 'displaced';
  }
  form.querySelectorAll('input[name=survey-pos]').forEach(function (r) { r.addEventListener('change', function () { mode(r.value); }); });
  dragged.on('dragend', function () { mode('drag'); show(dragged.getLatLng()); });
  function gkCheck() {
    var p = gkProblem(val('survey-x'), val('survey-y'), val('survey-zone'), m.gk ? m.gk.zone : null);
    var out = document.getElementById('survey-gk-error');
    out.textContent = p ? t(p.key, p.vars) : '';
    out.setAttribute('data-field', p ? p.field : '');
    return p;
  }
  ['survey-x', 'survey-y', 'survey-zone'].forEach(function (id) {
    document.getElementById(id).addEventListener('change', function () {
      if (gkCheck()) return;
      CivGeoGk.inverse(val('survey-x'), val('survey-y')).then(function (ll) { show(L.latLng(ll[1], ll[0])); });
    });
  });
  document.getElementById('survey-gps-go').addEventListener('click', function () {
    var out = document.getElementById('survey-gps-accuracy');
    if (!navigator.geolocation) { out.textContent = t('gpsFailed', { e: '-' }); return; }
    out.textContent = t('gpsWaiting');
    navigator.geolocation.getCurrentPosition(function (p) {
      pos.accuracy = p.coords.accuracy;
      show(L.latLng(p.coords.latitude, p.coords.longitude));
      out.textContent = t('gpsAccuracy', { m: Math.round(p.coords.accuracy * 10) / 10 });
      out.setAttribute('data-accuracy', p.coords.accuracy);
    }, function (e) { out.textContent = t('gpsFailed', { e: e.message }); }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var out = document.getElementById('survey-result'), btn = document.getElementById('survey-save');
    var file = document.getElementById('survey-photo').files[0];
    if (file && PHOTO_TYPES.indexOf(file.type) < 0) { out.className = 'error'; out.textContent = t('photoNotImage'); return; }
    if (file && file.size > PHOTO_MAX_BYTES) { out.className = 'error'; out.textContent = t('photoTooLarge', { mb: PHOTO_MAX_BYTES / 1048576 }); return; }
    if (pos.by === 'gk' && gkCheck()) { out.className = 'error'; out.textContent = document.getElementById('survey-gk-error').textContent; return; }
    var note = document.getElementById('survey-note').value.trim();
    if (pos.by === 'gps' && pos.accuracy != null) note = (note ? note + ' ' : '') + '[GPS ±' + (Math.round(pos.accuracy * 10) / 10) + ' m]';
    var rec = { markerId: m.id, number: m.number, condition: document.getElementById('survey-condition').value, note: note || null,
      referenceObjectsPresent: document.getElementById('survey-refs').checked, repainted: document.getElementById('survey-repainted').checked };
    btn.disabled = true; out.className = ''; out.textContent = t('loading');
    var position = pos.by === 'gk' ? Promise.resolve({ x: val('survey-x'), y: val('survey-y'), zone: val('survey-zone') }) :
      (pos.by === 'gps' || pos.by === 'drag') && pos.latlng ? CivGeoGk.forward(pos.latlng.lng, pos.latlng.lat, m.gk ? m.gk.zone : null) : Promise.resolve(null);
    position.then(function (g) {
      if (g) { rec.x = +(+g.x).toFixed(3); rec.y = +(+g.y).toFixed(3); rec.zone = g.zone; }
      return (hooks.submit || send)(m, rec, cycle, file);
    }).then(function (r) {
      if (r.queued) { out.textContent = t('queuedOffline'); out.setAttribute('data-queued', r.queued); return; }
      out.textContent = t('saved') + ' · ' + t(r.rec.condition) + (r.rec.displacementM != null ? ' · ' + (+r.rec.displacementM).toFixed(2) + ' m' : '') + (r.photo ? ' · ' + t('photo') + ' ✓' : '');
      out.setAttribute('data-record', r.rec.id);
      if (onSaved) onSaved(r);
    }).catch(function (err) { out.className = 'error'; out.textContent = t('errorPrefix') + CivGeoProblems.text(err); })
      .then(function () { btn.disabled = false; });
  });
}

/** Online: the record (and then its photo) into the line's inspection in the open round covering it. */
function send(m, rec, cycle, file) {
  return record(m, rec, cycle).then(function (res) {
    var photo = file ? (function () { var fd = new FormData(); fd.append('file', file); return api.post('/api/boundary/marker-records/' + res.record.id + '/photos', fd); })() : Promise.resolve(null);
    return photo.then(function (p) { return { rec: res.record, photo: p }; });
  });
}

/** A new inspection when the line has none in the round yet, else the inspection's single-record endpoint. */
function record(m, rec, cycle) {
  var body = Object.assign({}, rec); delete body.number;
  return api.get('/api/boundary/lines/' + m.lineId).then(function (line) {
    var s = api.session(), today = new Date().toISOString().slice(0, 10), round = cycle.openRoundId;
    var done = cycle.inspectionId != null ? api.post('/api/boundary/inspections/' + cycle.inspectionId + '/markers', body) :
      api.post('/api/boundary/rounds/' + round + '/inspections', {
        lineId: m.lineId, inspectedOn: today, partyLeft: line.leftName || line.leftCode, partyRight: line.rightName || line.rightCode,
        team: [cycle.team || s.displayName || s.username], markers: [body] });
    return done.then(function () { return api.get('/api/boundary/rounds/' + round + '/inspections'); }).then(function (list) {
      var i2 = list.filter(function (i) { return i.lineId === m.lineId; })[0];
      cycle.inspectionId = i2.id;
      return { inspection: i2, record: i2.markers.filter(function (r) { return r.markerId === m.id; })[0] };
    });
  });
}

export const CivGeoMarkerForm = { html: html, wire: wire, send: send, record: record, hooks: hooks };
