/* Field work (联检外业): an ADMIN plans a round from the lines due in the five-year cycle (level and area) and
 * assigns them to survey teams; a surveyor sees "my lines" (assigned in open rounds) with markers and progress.
 * Reads /api/boundary/cycle, /rounds, /rounds/{id}/assignments and /my-lines only. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoOffline } from './offline.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoProblems } from './problems.js';
import { CivGeoSurvey } from './survey.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var button = document.getElementById('field-open');
var state = { level: 3, within: '', plan: null };
var boundary = null; // CivGeoBoundary, set by boundary.js (avoids an import cycle)

function cycleBadge(s) { return '<span class="badge cycle-' + esc(s) + '">' + esc(t('cycle_' + s)) + '</span>'; }
function err2(e) { return '<p class="error" role="alert">' + esc(CivGeoProblems.text(e)) + '</p>'; }
function err(e) { return '<p class="error" role="alert">' + esc(t('errorPrefix') + CivGeoProblems.text(e)) + '</p>'; }

function open(tab) {
  var render = function () {
    var admin = api.hasRole('ADMIN');
    var tabs = '<div class="tabs" role="tablist"><button type="button" role="tab" id="field-tab-mine" aria-selected="' + (tab !== 'plan') + '">' + esc(t('myLines')) + '</button>' +
      (admin ? '<button type="button" role="tab" id="field-tab-plan" aria-selected="' + (tab === 'plan') + '">' + esc(t('planRound')) + '</button>' : '') +
      '<button type="button" role="tab" id="field-tab-manage" aria-selected="' + (tab === 'manage') + '">' + esc(t('management')) + '</button></div>';
    P.open(t('fieldWork'), tabs + '<div id="field-body">' + P.loading() + '</div>', render);
    document.getElementById('field-tab-mine').addEventListener('click', function () { open('mine'); });
    if (admin) document.getElementById('field-tab-plan').addEventListener('click', function () { open('plan'); });
    document.getElementById('field-tab-manage').addEventListener('click', function () { open('manage'); });
    if (tab === 'plan' && admin) planner(); else if (tab === 'manage') manage(); else mine();
  };
  render.kind = 'field';
  render();
}

// ---- my lines

var lastSync = null; // the last sync's counts, shown until the next
var thumbUrls = []; // object URLs of the queued photos' thumbnails
function mb(bytes) { return (bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 1); }

/** Network state, storage used, the outbox (queued observations, conflicts) and the sync button. */
function offlineBox() {
  var box = document.getElementById('offline-box');
  if (!box) return;
  Promise.all([CivGeoOffline.outbox(), CivGeoOffline.storage()]).then(function (r) {
    var items = r[0], est = r[1], queued = items.filter(function (i) { return i.state !== 'conflict'; }), conflicts = items.filter(function (i) { return i.state === 'conflict'; });
    box.innerHTML = '<p id="net-state" class="note">' + esc(t(CivGeoOffline.online() ? 'netOnline' : 'netOffline')) +
      (est ? ' · <span id="storage-used">' + esc(t('storageUsed', { used: mb(est.usage || 0), quota: Math.round((est.quota || 0) / 1048576) })) + '</span>' : '') + '</p>' +
      '<p id="outbox-summary">' + esc(t('outboxSummary', { n: queued.length, c: conflicts.length })) + ' <button type="button" id="outbox-sync"' +
      (CivGeoOffline.online() && (queued.length || conflicts.length) ? '' : ' disabled') + '>' + esc(t('syncNow')) + '</button></p>' +
      '<ul id="outbox" class="outbox">' + items.map(function (i) {
        var srv = i.server;
        return '<li class="' + esc(i.state) + '" data-id="' + i.id + '" data-marker="' + i.markerId + '">' +
          (i.photo ? '<img class="thumb" data-id="' + i.id + '" alt="' + esc(t('photo') + ' ' + (i.photoName || '')) + '">' : '') + '<b>' + esc(i.number) + '</b> ' + esc(t(i.rec.condition)) +
          (i.rec.x != null ? ' · x ' + esc(i.rec.x) + ' y ' + esc(i.rec.y) : '') + ' <span class="note">' + esc(i.queuedAt.slice(0, 16).replace('T', ' ')) + '</span>' +
          (i.state === 'conflict' ? '<div class="conflict-text">' + esc(t('conflictText', { theirs: srv ? t(srv.condition) + (srv.note ? '（' + srv.note + '）' : '') : (i.error || '') })) +
            ' <button type="button" class="keep-mine" data-id="' + i.id + '">' + esc(t('keepMine')) + '</button> <button type="button" class="keep-theirs" data-id="' + i.id + '">' + esc(t('keepTheirs')) + '</button></div>' : '') +
          (i.error && i.state !== 'conflict' ? '<div class="error">' + esc(i.error) + '</div>' : '') + '</li>';
      }).join('') + '</ul><p id="sync-result" role="status"' + (lastSync ? ' data-sent="' + lastSync.sent + '">' +
        esc(t('syncResult', { sent: lastSync.sent, c: lastSync.conflicts, f: lastSync.failed })) : '>') + '</p>';
    var btn = document.getElementById('outbox-sync');
    btn.addEventListener('click', function () {
      btn.disabled = true;
      CivGeoOffline.sync().then(function (res) { lastSync = res; return refreshProgress().then(offlineBox); });
    });
    // the queued photos as thumbnails, from the outbox itself (object URLs, let go when the box is drawn again)
    thumbUrls.forEach(function (u) { URL.revokeObjectURL(u); });
    thumbUrls = [];
    box.querySelectorAll('img.thumb[data-id]').forEach(function (img) {
      var item = items.filter(function (x) { return x.id === +img.getAttribute('data-id'); })[0];
      if (item && item.photo) { var u = URL.createObjectURL(item.photo); thumbUrls.push(u); img.src = u; }
    });
    box.querySelectorAll('.keep-mine, .keep-theirs').forEach(function (b) {
      b.addEventListener('click', function () { CivGeoOffline.resolve(+b.getAttribute('data-id'), b.classList.contains('keep-mine') ? 'mine' : 'theirs').then(refreshProgress); });
    });
  });
}
CivGeoOffline.onChange(function () { offlineBox(); packagesInList(); queuedInList(); });

/** Each listed line: downloaded (size, drop) or a download button. */
function packagesInList() {
  var list = document.getElementById('my-lines');
  if (!list) return;
  CivGeoOffline.packages().then(function (pkgs) {
    list.querySelectorAll('li[data-line]').forEach(function (li) {
      var id = +li.getAttribute('data-line'), p = pkgs.filter(function (x) { return x.lineId === id; })[0];
      var box = li.querySelector('.pkg');
      box.innerHTML = p ? '<span class="pkg-done" data-bytes="' + p.bytes + '">' + esc(t('downloaded', { mb: mb(p.bytes), files: p.files })) + '</span> <button type="button" class="pkg-drop">' + esc(t('dropPackage')) + '</button>'
        : '<button type="button" class="pkg-download"' + (CivGeoOffline.online() ? '' : ' disabled') + '>' + esc(t('downloadPackage')) + '</button>';
    });
  });
}

function markerState(m) { return m.recordedCondition ? '✓ ' + esc(t(m.recordedCondition)) : '<span class="note">' + esc(t('notRecorded')) + '</span>'; }

/** Progress of each listed line (markers inspected / due) and its markers' states, from the server's answer now. */
function progressInList(lines) {
  var list = document.getElementById('my-lines');
  if (!list) return;
  lines.forEach(function (l) {
    var li = list.querySelector('li[data-line="' + l.lineId + '"][data-round="' + l.roundId + '"]');
    if (!li) return;
    var bar = li.querySelector('.progress');
    bar.setAttribute('aria-valuemax', l.markerCount);
    bar.setAttribute('aria-valuenow', l.recordedCount);
    bar.querySelector('span').style.width = (l.markerCount ? Math.round(100 * l.recordedCount / l.markerCount) : 0) + '%';
    li.querySelector('.progress-text').textContent = t('progressOf', { done: l.recordedCount, total: l.markerCount });
    l.markers.forEach(function (m) {
      var td = li.querySelector('tr[data-marker="' + m.id + '"] td');
      if (td) td.innerHTML = markerState(m);
    });
  });
  list.setAttribute('data-progress-at', String(Date.now()));
}

/** Observations waiting in the outbox, per line and marker (they count once they are synced). */
function queuedInList() {
  var list = document.getElementById('my-lines');
  if (!list) return;
  CivGeoOffline.outbox().then(function (items) {
    list.querySelectorAll('li[data-line]').forEach(function (li) {
      var id = +li.getAttribute('data-line'), mine = items.filter(function (x) { return x.lineId === id && x.state !== 'conflict'; });
      var q = li.querySelector('.progress-queued');
      if (!q) { li.querySelector('.progress-text').insertAdjacentHTML('afterend', '<div class="note progress-queued"></div>'); q = li.querySelector('.progress-queued'); }
      q.textContent = mine.length ? t('progressQueued', { n: mine.length }) : '';
      li.querySelectorAll('tr[data-marker]').forEach(function (tr) {
        tr.classList.toggle('queued', mine.some(function (x) { return x.markerId === +tr.getAttribute('data-marker'); }));
      });
    });
  });
}

/** After a sync: the lines' progress as the server counts it now (the list itself stays, with its packages). */
function refreshProgress() {
  if (!document.getElementById('my-lines')) return Promise.resolve();
  return api.get('/api/boundary/my-lines').then(progressInList).catch(function () { /* the old figures stay */ });
}

function mine() {
  var body = document.getElementById('field-body');
  api.get('/api/boundary/my-lines').then(function (lines) {
    if (!lines.length) { body.innerHTML = '<div id="offline-box"></div><p id="my-lines-none">' + esc(t('myLinesNone')) + '</p>'; offlineBox(); return; }
    body.innerHTML = '<div id="offline-box"></div><ul id="my-lines" class="my-lines">' + lines.map(function (l, i) {
      var pct = l.markerCount ? Math.round(100 * l.recordedCount / l.markerCount) : 0;
      return '<li data-line="' + l.lineId + '" data-round="' + l.roundId + '"><div><a href="#" class="my-line" data-i="' + i + '">' + esc(l.name) + '</a> ' +
        '<span class="note">' + esc(l.code) + '</span></div><div class="note">' + esc(l.roundName) + ' · ' + esc(l.team) + ' · <a href="/api/boundary/rounds/' + l.roundId + '/report.pdf" target="_blank" rel="noopener">' + esc(t('roundReportPdf')) + '</a></div>' +
        '<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="' + l.markerCount + '" aria-valuenow="' + l.recordedCount + '">' +
        '<span style="width:' + pct + '%"></span></div><div class="note progress-text">' + esc(t('progressOf', { done: l.recordedCount, total: l.markerCount })) + '</div>' +
        '<table class="my-markers">' + l.markers.map(function (m) {
          return '<tr data-marker="' + m.id + '"><th><a href="#" class="my-marker" data-id="' + m.id + '">' + esc(m.number) + '</a></th><td>' + markerState(m) + '</td></tr>';
        }).join('') + '</table><div class="pkg" data-i="' + i + '"></div></li>';
    }).join('') + '</ul>';
    offlineBox();
    packagesInList();
    queuedInList();
    body.addEventListener('click', function (e) {
      var dl = e.target.closest('.pkg-download'), dr = e.target.closest('.pkg-drop');
      if (!dl && !dr) return;
      var box = e.target.closest('.pkg'), l = lines[+box.getAttribute('data-i')];
      if (dl) {
        dl.disabled = true;
        CivGeoOffline.download(l, function (n, total) { dl.textContent = t('downloading', { n: n, total: total }); })
          .catch(function (err) { box.innerHTML = err2(err); });
      } else {
        CivGeoOffline.drop(l.lineId).catch(function (err) { box.insertAdjacentHTML('beforeend', err2(err)); });
      }
    });
    body.querySelectorAll('.my-line').forEach(function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        var l = lines[+a.getAttribute('data-i')], b = l.bbox;
        window.civgeo.map.fitBounds(L.latLngBounds([b[1], b[0]], [b[3], b[2]]), { padding: [20, 20], maxZoom: 16 });
        if (boundary) boundary.showLine(l.lineId);
      });
    });
    body.querySelectorAll('.my-marker').forEach(function (a) {
      a.addEventListener('click', function (e) { e.preventDefault(); if (boundary) boundary.showMarker(+a.getAttribute('data-id')); });
    });
  }).catch(function (e) { body.innerHTML = err(e); });
}

// ---- boundary management: 平安边界 creation rate, overdue patrols, open re-demarcation tasks

function pct(r) { return (Math.round(r * 1000) / 10) + '%'; }

function manage() {
  var body = document.getElementById('field-body');
  body.innerHTML = '<form id="manage-form" class="plan-form"><div class="form-row"><label for="manage-within">' + esc(t('planArea')) + '</label>' +
    '<input id="manage-within" inputmode="numeric" pattern="[0-9]{2,12}" value="' + esc(state.within) + '" placeholder="350200"></div>' +
    '<button type="submit" id="manage-load">' + esc(t('show')) + '</button></form><div id="manage-out"></div>';
  document.getElementById('manage-form').addEventListener('submit', function (e) {
    e.preventDefault();
    state.within = document.getElementById('manage-within').value.trim();
    var q = state.within ? 'within=' + encodeURIComponent(state.within) : '', out = document.getElementById('manage-out');
    out.innerHTML = P.loading();
    Promise.all([api.get('/api/boundary/peace-border/rates?' + q), api.get('/api/boundary/patrols/overdue?' + q),
      api.get('/api/boundary/redemarcation-tasks?status=open')]).then(function (r) {
      var rates = r[0], overdue = r[1], tasks = r[2];
      out.innerHTML = '<h3>' + esc(t('peaceRate')) + '</h3><table id="peace-rates">' + rates.byLevel.map(function (x) {
        return '<tr data-level="' + x.level + '"><th>' + esc(t('level' + x.level)) + '</th><td>' + esc(t('peaceRateRow', { signed: x.signed, lines: x.lines, rate: pct(x.rate) })) + '</td></tr>';
      }).join('') + '</table><table id="peace-rates-division" class="due-lines">' + rates.byDivision.map(function (x) {
        return '<tr data-division="' + esc(x.division) + '"><th>' + esc(x.divisionName || x.division) + '</th><td>' + esc(t('level' + x.level)) + '</td><td>' + esc(pct(x.rate)) + '</td></tr>';
      }).join('') + '</table><h3>' + esc(t('patrolsOverdue')) + ' (' + overdue.length + ')</h3><table id="patrols-overdue">' + (overdue.length ? overdue.map(function (o) {
        var c = o.custodian;
        return '<tr><th>' + esc(c.markerNumber || c.lineCode) + '</th><td>' + esc(c.unit + ' · ' + c.person) + ' · ' + esc(t('daysOverdue', { d: o.daysOverdue })) + '</td></tr>';
      }).join('') : '<tr><td>' + esc(t('none')) + '</td></tr>') + '</table><h3>' + esc(t('redemarcation')) + ' (' + tasks.length + ')</h3><table id="redemarcation-open">' +
        (tasks.length ? tasks.map(function (x) {
          return '<tr><th>' + esc(x.lineName) + '</th><td>' + esc(t('redemarcationOpen', { on: x.openedOn })) + ' · ' + ['agreementDone', 'markersDone', 'descriptionDone'].map(function (k) { return (x[k] ? '✓' : '✗') + esc(t(k)); }).join(' ') + '</td></tr>';
        }).join('') : '<tr><td>' + esc(t('none')) + '</td></tr>') + '</table>';
    }).catch(function (e2) { out.innerHTML = err(e2); });
  });
}

// ---- planning a round (ADMIN)

function planner() {
  var body = document.getElementById('field-body'), year = new Date().getFullYear();
  body.innerHTML = '<form id="plan-form" class="plan-form">' +
    '<div class="form-row"><label for="plan-level">' + esc(t('level')) + '</label><select id="plan-level">' + [1, 2, 3, 4].map(function (l) {
      return '<option value="' + l + '"' + (l === state.level ? ' selected' : '') + '>' + esc(t('level' + l)) + '</option>';
    }).join('') + '</select></div>' +
    '<div class="form-row"><label for="plan-within">' + esc(t('planArea')) + '</label><input id="plan-within" inputmode="numeric" pattern="[0-9]{2,12}" value="' + esc(state.within) + '" placeholder="350200"></div>' +
    '<button type="submit" id="plan-load">' + esc(t('listDueLines')) + '</button></form><div id="plan-lines"></div>';
  document.getElementById('plan-form').addEventListener('submit', function (e) {
    e.preventDefault();
    state.level = +document.getElementById('plan-level').value;
    state.within = document.getElementById('plan-within').value.trim();
    var out = document.getElementById('plan-lines');
    out.innerHTML = P.loading();
    api.get('/api/boundary/cycle?status=needed&limit=1000&level=' + state.level + (state.within ? '&within=' + encodeURIComponent(state.within) : ''))
      .then(function (ans) { dueLines(ans, year); })
      .catch(function (e2) { out.innerHTML = err(e2); });
  });
}

function dueLines(ans, year) {
  var out = document.getElementById('plan-lines'), s = ans.summary;
  var html = '<p id="cycle-summary" class="note">' + esc(t('cycleSummary', { lines: s.lines, due: s.due, overdue: s.overdue, never: s.never, current: s.current })) + '</p>';
  if (!ans.items.length) { out.innerHTML = html + '<p>' + esc(t('noDueLines')) + '</p>'; return; }
  html += '<table id="due-lines" class="due-lines"><thead><tr><th></th><th>' + esc(t('boundaryLines')) + '</th><th>' + esc(t('cycleLast')) + '</th><th>' + esc(t('cycleDue')) + '</th><th>' + esc(t('team')) + '</th></tr></thead><tbody>' +
    ans.items.map(function (c) {
      var taken = c.openRoundId != null;
      return '<tr data-line="' + c.lineId + '"><td><input type="checkbox" class="due-pick" aria-label="' + esc(c.name) + '"' + (taken ? ' disabled' : ' checked') + '></td>' +
        '<td>' + esc(c.name) + '<div class="note">' + esc(c.code) + '</div>' + (taken ? '<div class="note">' + esc(t('inRound', { name: c.openRoundName })) + '</div>' : '') + '</td>' +
        '<td>' + esc(c.lastInspectedOn || t('none')) + '</td><td>' + esc(c.dueOn || '') + ' ' + cycleBadge(c.status) + '</td>' +
        '<td><input class="due-team" aria-label="' + esc(t('team')) + '" value="' + esc(taken ? (c.team || '') : t('teamDefault')) + '"' + (taken ? ' disabled' : '') + '>' +
        '<input class="due-members" aria-label="' + esc(t('members')) + '" placeholder="' + esc(t('members')) + '" value="' + esc(taken ? (c.members || []).join(',') : '') + '"' + (taken ? ' disabled' : '') + '></td></tr>';
    }).join('') + '</tbody></table>' +
    '<form id="round-form" class="plan-form"><div class="form-row"><label for="round-number">' + esc(t('roundNumber')) + '</label><input id="round-number" type="number" min="1" value="' + (Math.max(1, Math.floor((year - 2003) / 5) + 1)) + '" required></div>' +
    '<div class="form-row"><label for="round-from">' + esc(t('roundYears')) + '</label><input id="round-from" type="number" min="1990" max="2100" value="' + year + '" required> – <input id="round-to" type="number" min="1990" max="2100" value="' + (year + 1) + '" aria-label="' + esc(t('roundYears')) + '" required></div>' +
    '<p id="round-result" role="status"></p><button type="submit" id="round-create">' + esc(t('createRound')) + '</button></form>';
  out.innerHTML = html;
  document.getElementById('round-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var res = document.getElementById('round-result'), btn = document.getElementById('round-create');
    var rows = Array.prototype.filter.call(out.querySelectorAll('#due-lines tbody tr'), function (tr) { return tr.querySelector('.due-pick').checked; });
    if (!rows.length) { res.className = 'error'; res.textContent = t('pickLines'); return; }
    var lineIds = rows.map(function (tr) { return +tr.getAttribute('data-line'); });
    var assignments = rows.map(function (tr) {
      var members = tr.querySelector('.due-members').value.split(/[,，、\s]+/).filter(Boolean);
      return { lineId: +tr.getAttribute('data-line'), team: tr.querySelector('.due-team').value.trim(), members: members };
    }).filter(function (a) { return a.team; });
    btn.disabled = true; res.className = ''; res.textContent = t('loading');
    api.post('/api/boundary/rounds', { number: +document.getElementById('round-number').value, level: state.level,
      yearFrom: +document.getElementById('round-from').value, yearTo: +document.getElementById('round-to').value,
      name: null, within: null, lineIds: lineIds }).then(function (round) {
      if (!assignments.length) return { round: round, assigned: [] };
      return api.put('/api/boundary/rounds/' + round.id + '/assignments', { version: round.version, assignments: assignments })
        .then(function (a) { return { round: round, assigned: a }; });
    }).then(function (r) {
      res.textContent = t('roundCreated', { name: r.round.name, lines: lineIds.length, teams: r.assigned.length });
      res.setAttribute('data-round', r.round.id);
    }).catch(function (e2) { res.className = 'error'; res.textContent = t('errorPrefix') + CivGeoProblems.text(e2); })
      .then(function () { btn.disabled = false; });
  });
}

/** Offline, the map's boundary layers (asked by view box) cannot load: the downloaded lines and markers are drawn instead. */
var offlineLayer = null, fitted = false;
function drawPackages() {
  var map = window.civgeo && window.civgeo.map;
  if (!map) return;
  if (CivGeoOffline.online()) { if (offlineLayer) { map.removeLayer(offlineLayer); offlineLayer = null; } return; }
  CivGeoOffline.packages().then(function (pkgs) {
    return Promise.all(pkgs.map(function (p) { return api.get('/api/boundary/lines/' + p.lineId + '/package.geojson').catch(function () { return null; }); }));
  }).then(function (fcs) {
    if (offlineLayer) map.removeLayer(offlineLayer);
    offlineLayer = L.geoJSON(null, {
      style: { color: '#c0392b', weight: 4, opacity: 0.9 },
      pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 7, color: '#222', weight: 1, fillColor: '#f5b301', fillOpacity: 1 }); },
      onEachFeature: function (f, l) {
        if (f.properties.kind !== 'marker') return;
        l.bindTooltip(esc(f.properties.number));
        l.on('click', function (e) { L.DomEvent.stop(e); if (boundary && f.properties.id) boundary.showMarker(f.properties.id); });
      }
    });
    fcs.forEach(function (fc) { if (fc && fc.features) offlineLayer.addData(fc); });
    offlineLayer.addTo(map);
    map.getContainer().setAttribute('data-offline-features', offlineLayer.getLayers().length);
    // the first time offline: show the downloaded lines, at a zoom their base tiles were downloaded for
    if (!fitted && offlineLayer.getLayers().length) {
      fitted = true;
      map.fitBounds(offlineLayer.getBounds(), { padding: [30, 30], maxZoom: 15, animate: false });
      if (map.getZoom() < 12) map.setZoom(12, { animate: false });
    }
  });
}
CivGeoOffline.onChange(drawPackages);

function renderButton(s) { if (button) button.hidden = !(s && CivGeoSurvey.isSurveyor()); drawPackages(); }
if (button) button.addEventListener('click', function () { open('mine'); });
CivGeoSurvey.onSession(renderButton);

export const CivGeoField = { open: open, setBoundary: function (b) { boundary = b; } };
