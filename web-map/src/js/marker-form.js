/* The marker observation form of survey-team mode (联检外业): condition, 方位物 (reference objects) intact, 描红
 * (repainted), photo (the tablet's camera), notes, and the re-surveyed position by typed Gauss–Krüger x/y/zone
 * (checked against the marker's zone, x/y swap explained), by the device's GPS (with its accuracy) or by dragging.
 * Sent through the boundary feature's inspection API (same validation and audit as any client); while offline the
 * observation goes to the outbox (offline.js) and is sent when the network is back. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoFilePick } from './file-pick.js';
import { CivGeoGk } from './gk.js';
import { gkProblem } from './gk-check.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoProblems } from './problems.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc;
var CONDITIONS = ['intact', 'damaged', 'missing', 'displaced'];
var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'], PHOTO_MAX_BYTES = 5 * 1024 * 1024; // civgeo.boundary.attachment-max-bytes
var dragged = null;
var PIN_PANE = 'surveyPinPane'; // CSS: .leaflet-surveyPin-pane (no transitions)
var unwire = function () {}; // takes the last form's pin and map listeners away
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
    '<div id="survey-drag-hint" hidden><p class="note">' + esc(t('dragToMove')) + '</p>' +
    '<p><button type="button" id="survey-pin-centre">' + esc(t('pinToCentre')) + '</button> ' +
    '<span class="nudge" role="group" aria-label="' + esc(t('pinNudge')) + '">' + [['n', '↑'], ['w', '←'], ['e', '→'], ['s', '↓']].map(function (d) {
      return '<button type="button" class="survey-nudge" data-dir="' + d[0] + '" aria-label="' + esc(t('nudge_' + d[0])) + '" title="' + esc(t('nudge_' + d[0])) + '">' + d[1] + '</button>';
    }).join('') + '</span></p></div>' +
    '<output id="survey-position">' + m.lon.toFixed(6) + ', ' + m.lat.toFixed(6) + '</output>' +
    '<div class="form-row" id="survey-accuracy-row" hidden><label for="survey-accuracy">' + esc(t('accuracyM')) + '</label>' +
    '<input id="survey-accuracy" inputmode="decimal" autocomplete="off" size="6" aria-describedby="survey-accuracy-error"><p id="survey-accuracy-error" class="error" role="alert"></p></div></fieldset>' +
    '<div class="form-row"><label for="survey-photo">' + esc(t('photo')) + '</label>' +
    CivGeoFilePick.html('survey-photo', 'accept="image/jpeg,image/png,image/webp" capture="environment"', 'choosePhoto') + '</div>' +
    '<div class="form-row"><label for="survey-note">' + esc(t('notes')) + '</label><textarea id="survey-note" rows="2"></textarea></div>' +
    '<p id="survey-result" role="status"></p><button type="submit" id="survey-save">' + esc(t('save')) + '</button></form>';
}

function val(id) { var v = document.getElementById(id).value.trim().replace(/[\s,，]/g, ''); return v === '' ? NaN : Number(v); }

/** A draggable copy of the marker; the typed or GPS position moves it too, so the map shows what will be sent. */
function wire(m, cycle, onSaved) {
  var map = window.civgeo.map, form = document.getElementById('survey-form');
  CivGeoGk.load().catch(function () { /* retried when the position is saved */ });
  unwire();
  // the pin has a pane of its own, above every other marker (facilities, clusters), and never slides: the facility
  // clusters' zoom animation puts a 0.3 s transform transition on every marker of the map (class leaflet-cluster-anim
  // on the map pane, longer on a busy tablet), and a pin still sliding is not where a finger (or a test) presses it
  if (!map.getPane(PIN_PANE)) map.createPane(PIN_PANE).style.zIndex = 640;
  dragged = L.marker([m.lat, m.lon], { draggable: true, autoPan: true, title: m.number, alt: t('dragToMove'), keyboard: true,
    pane: PIN_PANE, shadowPane: PIN_PANE }).addTo(map);
  var pin = dragged.getElement();
  pin.classList.add('survey-drag');
  var pos = { by: 'none', latlng: null, accuracy: null }, moves = 0;
  function mode(p) {
    pos.by = p;
    document.getElementById('survey-pos-' + p).checked = true;
    document.getElementById('survey-gk').hidden = p !== 'gk';
    document.getElementById('survey-gps').hidden = p !== 'gps';
    document.getElementById('survey-drag-hint').hidden = p !== 'drag';
    document.body.classList.toggle('pin-aim', p === 'drag');
    var acc = document.getElementById('survey-accuracy');
    document.getElementById('survey-accuracy-row').hidden = p === 'none';
    // the device's figure belongs to its fix: it goes when the position comes from elsewhere
    if (p !== 'gps' && acc.getAttribute('data-from') === 'gps') { acc.value = ''; acc.removeAttribute('data-from'); }
  }
  function show(latlng) {
    pos.latlng = latlng;
    dragged.setLatLng(latlng);
    document.getElementById('survey-position').textContent = latlng.lng.toFixed(6) + ', ' + latlng.lat.toFixed(6);
    var cond = document.getElementById('survey-condition');
    if (cond.value === 'intact') cond.value = 'displaced';
    form.setAttribute('data-pin-moves', ++moves);
  }
  /** The pin moved on the map (dragged, nudged, or put at the map's centre): that is the position to send. */
  function place(latlng) { mode('drag'); show(latlng); }
  form.querySelectorAll('input[name=survey-pos]').forEach(function (r) { r.addEventListener('change', function () { mode(r.value); }); });
  dragged.on('dragend', function () { place(dragged.getLatLng()); });
  // the page's own state, for anyone (a test, an assistive tool) waiting to act on the pin: 'ready' once the map stands
  // still with the pin drawn, 'moving' while the map pans or zooms, 'dragging' while the pin is held
  function pinState(s) { form.setAttribute('data-pin', s); }
  var onMoveStart = function () { pinState('moving'); }, onMoveEnd = function () { if (dragged) pinState('ready'); };
  map.on('movestart zoomstart', onMoveStart).on('moveend zoomend', onMoveEnd);
  dragged.on('dragstart', function () { pinState('dragging'); }).on('dragend', function () { pinState('ready'); });
  unwire = function () {
    map.off('movestart zoomstart', onMoveStart).off('moveend zoomend', onMoveEnd);
    if (dragged) map.removeLayer(dragged);
    dragged = null;
    document.body.classList.remove('pin-aim');
    unwire = function () {};
  };
  pinState(map._animatingZoom || (map._panAnim && map._panAnim._inProgress) ? 'moving' : 'ready');
  // without dragging: the arrow keys on the focused pin, or the nudge buttons, move it by 0.5 m (Shift: 5 m); the
  // "to the map's centre" button puts it under the cross-hair (pan the map instead of holding a small pin on a tablet)
  function nudge(dir, metres) {
    var ll = dragged.getLatLng(), dLat = metres / 110574, dLon = metres / (111320 * Math.cos(ll.lat * Math.PI / 180));
    place(L.latLng(ll.lat + (dir === 'n' ? dLat : dir === 's' ? -dLat : 0), ll.lng + (dir === 'e' ? dLon : dir === 'w' ? -dLon : 0)));
  }
  var KEYS = { ArrowUp: 'n', ArrowDown: 's', ArrowLeft: 'w', ArrowRight: 'e' };
  L.DomEvent.on(pin, 'keydown', function (e) {
    if (!KEYS[e.key]) return;
    L.DomEvent.stop(e);
    nudge(KEYS[e.key], e.shiftKey ? 5 : 0.5);
  });
  form.querySelectorAll('.survey-nudge').forEach(function (b) {
    b.addEventListener('click', function (e) { nudge(b.getAttribute('data-dir'), e.shiftKey ? 5 : 0.5); });
  });
  document.getElementById('survey-pin-centre').addEventListener('click', function () { place(map.getCenter()); });
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
      var acc = document.getElementById('survey-accuracy');
      acc.value = String(Math.round(p.coords.accuracy * 10) / 10);
      acc.setAttribute('data-from', 'gps');
      out.textContent = t('gpsAccuracy', { m: Math.round(p.coords.accuracy * 10) / 10 });
      out.setAttribute('data-accuracy', p.coords.accuracy);
    }, function (e) { out.textContent = t('gpsFailed', { e: e.message }); }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  });

  /** The position's accuracy in metres (GPS: the device's own figure; typed or moved: as entered), null when none
   *  is given or no position is sent, false when the figure is not a number in (0, 1000]. */
  function accuracyCheck() {
    var box = document.getElementById('survey-accuracy'), errOut = document.getElementById('survey-accuracy-error');
    errOut.textContent = '';
    if (pos.by === 'none' || box.value.trim() === '') return null;
    var v = val('survey-accuracy');
    if (!isFinite(v) || v <= 0 || v > 1000) { errOut.textContent = t('accuracyBad'); return false; }
    return v;
  }
  document.getElementById('survey-accuracy').addEventListener('change', accuracyCheck);
  CivGeoFilePick.wire(document.getElementById('survey-photo'));

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var out = document.getElementById('survey-result'), btn = document.getElementById('survey-save');
    var file = document.getElementById('survey-photo').files[0];
    if (file && PHOTO_TYPES.indexOf(file.type) < 0) { out.className = 'error'; out.textContent = t('photoNotImage'); return; }
    if (file && file.size > PHOTO_MAX_BYTES) { out.className = 'error'; out.textContent = t('photoTooLarge', { mb: PHOTO_MAX_BYTES / 1048576 }); return; }
    if (pos.by === 'gk' && gkCheck()) { out.className = 'error'; out.textContent = document.getElementById('survey-gk-error').textContent; return; }
    var acc = accuracyCheck();
    if (acc === false) { out.className = 'error'; out.textContent = document.getElementById('survey-accuracy-error').textContent; return; }
    var note = document.getElementById('survey-note').value.trim();
    var rec = { markerId: m.id, number: m.number, condition: document.getElementById('survey-condition').value, note: note || null,
      referenceObjectsPresent: document.getElementById('survey-refs').checked, repainted: document.getElementById('survey-repainted').checked };
    if (acc != null) rec.accuracyM = acc;
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
