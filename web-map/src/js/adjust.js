/* Division adjustments (区划调整, #19): list proposals, draft one — merge composed from existing units, a new unit
 * drawn on the map by clicking its corners, a county converted to a city or district (撤县设市/区), a unit split into
 * parts drawn on the map or composed from its children picked on the map — edit a drawn polygon's corners (drag,
 * insert on an edge, delete), pick the proposed seat (驻地) on the map (each part of a split its own), read the impact report, edit a draft's polygon
 * and save it (versioned), approve as ADMIN. Reads and writes /api/adjustments (and /api/divisions/at to pick units).
 * Map clicks go to this panel while it draws or picks. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoProblems } from './problems.js';
import { VertexEditor } from './vertex-edit.js';
import { toPolygon, fromGeometry } from './ring-edit.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var KINDS = ['merge', 'establish', 'convert', 'split'];
function newPart() { return { vertices: [], units: [], seat: null }; }
/* drawing / editing: null, 'establish' or a split part's index; pickUnits: the part whose units a map click adds;
 * picking: the seat a map click sets, null, 'one' (the one seat of a merge, establish or convert) or a split part's index;
 * seatMarkers: the seats' markers on the map by the same keys */
var state = { kind: 'merge', seat: null, drawing: null, editing: null, editor: null, picking: null, pickUnits: -1, vertices: [], shape: null,
  others: null, seatMarkers: {}, impactId: null, form: {}, parts: [newPart(), newPart()], draft: null };

function map() { return window.civgeo && window.civgeo.map; }
function num(v, d) { return v == null ? '—' : Number(v).toLocaleString(CivGeoI18n.lang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d || 0 }); }
/** A problem said once: the summary, then the field errors it does not already say (CivGeoProblems.parts). */
function problem(e) {
  var pp = CivGeoProblems.parts(e);
  var list = pp.items.map(function (x) { return '<li data-field="' + esc(x.field) + '">' + esc(x.text) + '</li>'; }).join('');
  return '<div id="adj-error" class="error" role="alert"><p class="adj-error-summary">' + esc(t('errorPrefix') + pp.summary) + '</p>' +
    (list ? '<ul>' + list + '</ul>' : '') + '</div>';
}

/** The corners of a drawing target ('establish' or a part's index). */
function ringOf(target) { return target === 'establish' ? state.vertices : state.parts[target] ? state.parts[target].vertices : []; }
function setRing(target, r) { if (target === 'establish') state.vertices = r; else if (state.parts[target]) state.parts[target].vertices = r; }
function countText(target) { return t('adjVertices', { n: ringOf(target).length }); }
function countId(target) { return target === 'establish' ? 'adj-vertices' : 'adj-part-vertices-' + target; }
function showCount(target) { var n = document.getElementById(countId(target)); if (n) n.textContent = countText(target); }

/** Closes the corner editor (the drawn polygons stay as outlines). */
function stopEditing() {
  if (state.editor) { state.editor.remove(); state.editor = null; }
  state.editing = null;
}
/** The polygons not being drawn or edited, as outlines; the drawing one dashed. */
function outlines() {
  if (state.others) state.others.remove();
  if (state.shape) { state.shape.remove(); state.shape = null; }
  if (!map()) return;
  state.others = L.layerGroup().addTo(map());
  var targets = state.kind === 'establish' ? ['establish'] : state.kind === 'split' ? state.parts.map(function (p, i) { return i; }) : [];
  targets.forEach(function (k) {
    var r = ringOf(k);
    if (!r.length || k === state.editing) return;
    var poly = L.polygon(r, { color: k === state.drawing ? '#8e44ad' : '#7f8c8d', weight: 2, dashArray: '4 3', interactive: false }).addTo(state.others);
    if (k === state.drawing) state.shape = poly;
  });
}
/** Opens the corner editor on a target's polygon (three corners at least). */
function editRing(target) {
  stopEditing();
  if (ringOf(target).length < 3 || !map()) return;
  state.editing = target;
  outlines();
  state.editor = VertexEditor(map(), ringOf(target), { onChange: function (r) { setRing(target, r); showCount(target); editTools(); } });
}
function editTools() {
  var b = document.getElementById('adj-vertex-delete');
  if (b) b.disabled = !state.editor || state.editor.selected() < 0;
}

/** Adds the child of the split source under a map click to the picking part's units. */
function pickUnitAt(latlng) {
  var i = state.pickUnits, src = (state.form['adj-split-code'] || '').trim(), note = document.getElementById('adj-pick-note');
  api.get('/api/divisions/at?lon=' + latlng.lng.toFixed(6) + '&lat=' + latlng.lat.toFixed(6)).then(function (r) {
    var chain = r.chain || [], k = chain.findIndex(function (d) { return d.code === src; }), unit = k >= 0 ? chain[k + 1] : null;
    if (!unit) { if (note) note.textContent = t('adjPickOutside', { code: src }); return; }
    var part = state.parts[i];
    if (!part) return;
    state.parts.forEach(function (p) { p.units = p.units.filter(function (c) { return c !== unit.code; }); });
    part.units.push(unit.code);
    state.parts.forEach(function (p, j) { var el = document.getElementById('adj-part-units-' + j); if (el) { el.value = p.units.join(','); state.form[el.id] = el.value; } });
    if (note) note.textContent = t('adjPicked', { name: unit.name, code: unit.code, n: i + 1 });
  }).catch(function (e) { if (note) note.textContent = CivGeoProblems.parts(e).summary; });
}

/** Map clicks while drawing (a corner), picking the seat or picking a part's units; true = handled, no reverse lookup. */
function mapClick(e) {
  if (state.picking != null) {
    var k = state.picking, seat = [e.latlng.lng, e.latlng.lat];
    state.picking = null;
    if (k === 'one') state.seat = seat; else if (state.parts[k]) state.parts[k].seat = seat; else return true;
    removeSeatMarker(k);
    var mk = L.circleMarker(e.latlng, { radius: 7, color: '#c0392b', fillOpacity: 0.9 });
    if (k !== 'one') mk.bindTooltip(t('adjPartSeat', { n: k + 1 }), { permanent: true, direction: 'right', className: 'adj-seat-label' });
    state.seatMarkers[k] = mk.addTo(map());
    var s = document.getElementById(k === 'one' ? 'adj-seat' : 'adj-part-seat-' + k);
    if (s) s.textContent = seatText(seat);
    var btn = document.getElementById(k === 'one' ? 'adj-seat-pick' : 'adj-part-seat-pick-' + k);
    if (btn) btn.removeAttribute('aria-pressed');
    return true;
  }
  if (state.pickUnits >= 0) { pickUnitAt(e.latlng); return true; }
  if (state.drawing != null) {
    ringOf(state.drawing).push(e.latlng);
    outlines();
    showCount(state.drawing);
    return true;
  }
  return false;
}

function seatText(s) { return s ? s[0].toFixed(5) + ', ' + s[1].toFixed(5) : t('adjNoSeat'); }
function removeSeatMarker(k) { if (state.seatMarkers[k]) { state.seatMarkers[k].remove(); delete state.seatMarkers[k]; } }
/** After a draft is saved: the drafting layers (drawn polygons, corner editor, seat markers) leave the map and the drawn
 * corners and seats are forgotten (the saved draft's own polygons are edited from its report). */
function clearDrafting() {
  stopEditing();
  state.drawing = null; state.pickUnits = -1; state.picking = null;
  state.vertices = []; state.seat = null;
  state.parts.forEach(function (p) { p.vertices = []; p.seat = null; });
  Object.keys(state.seatMarkers).forEach(removeSeatMarker);
  if (state.others) { state.others.remove(); state.others = null; }
  if (state.shape) { state.shape.remove(); state.shape = null; }
}
function seatButton(k) {
  var part = k !== 'one', s = part ? state.parts[k].seat : state.seat;
  return '<p><button type="button" ' + (part ? 'class="adj-part-seat-pick" id="adj-part-seat-pick-' + k + '" data-part="' + k + '"' : 'id="adj-seat-pick"') +
    (state.picking === k ? ' aria-pressed="true"' : '') + '>' + esc(t(part ? 'adjPartSeatPick' : 'adjSeatPick')) + '</button> <span id="' +
    (part ? 'adj-part-seat-' + k : 'adj-seat') + '" class="note">' + esc(seatText(s)) + '</span></p>';
}

function remember() {
  document.querySelectorAll('#adj-form input[type=text], #adj-form select').forEach(function (el) { if (el.id) state.form[el.id] = el.value; });
  state.parts.forEach(function (p, i) {
    var el = document.getElementById('adj-part-units-' + i);
    if (el) p.units = el.value.split(/[,，\s]+/).filter(Boolean);
  });
  var keep = document.getElementById('adj-split-keep');
  if (keep) state.form.keep = keep.checked;
}
function field(id, label) {
  return '<label for="' + id + '">' + esc(t(label)) + '</label><input id="' + id + '" type="text" value="' + esc(state.form[id] || '') + '">';
}
function drawButton(target, id) {
  return '<p><button type="button" id="' + id + '" data-target="' + target + '">' + esc(t(state.drawing === target ? 'adjDrawDone' : 'adjDraw')) +
    '</button> <span id="' + countId(target) + '" class="note">' + esc(countText(target)) + '</span></p>';
}

function partHtml(p, i) {
  return '<fieldset class="adj-part" data-part="' + i + '"><legend>' + esc(t('adjPart', { n: i + 1 })) + '</legend>' +
    field('adj-part-name-' + i, 'adjPartName') + field('adj-part-code-' + i, 'adjPartCode') +
    '<label for="adj-part-units-' + i + '">' + esc(t('adjPartUnits')) + '</label><input id="adj-part-units-' + i + '" type="text" value="' + esc(p.units.join(',')) + '">' +
    '<p><button type="button" class="adj-part-pick" id="adj-part-pick-' + i + '" data-part="' + i + '">' + esc(t(state.pickUnits === i ? 'adjPickDone' : 'adjPickUnits')) + '</button></p>' +
    drawButton(i, 'adj-part-draw-' + i) + seatButton(i) + '</fieldset>';
}

function kindFields(k) {
  if (k === 'merge') return field('adj-survivor', 'adjSurvivor') + field('adj-absorbed', 'adjAbsorbed') + field('adj-newname', 'adjNewName');
  if (k === 'establish') return field('adj-parent', 'adjParent') + field('adj-name', 'adjName') + drawButton('establish', 'adj-draw');
  if (k === 'convert') {
    var ck = state.form['adj-convert-kind'] || 'city';
    return field('adj-convert-code', 'adjConvertCode') + '<label for="adj-convert-kind">' + esc(t('adjConvertKind')) + '</label><select id="adj-convert-kind">' +
      ['city', 'district'].map(function (x) { return '<option value="' + x + '"' + (x === ck ? ' selected' : '') + '>' + esc(t('adjConvertKind_' + x)) + '</option>'; }).join('') +
      '</select>' + field('adj-convert-newcode', 'adjConvertNewCode') + field('adj-convert-name', 'adjConvertName');
  }
  return field('adj-split-code', 'adjSplitSource') + '<label class="check"><input id="adj-split-keep" type="checkbox"' + (state.form.keep ? ' checked' : '') + '> ' +
    esc(t('adjSplitKeep')) + '</label>' + state.parts.map(partHtml).join('') +
    '<p><button type="button" id="adj-part-add">' + esc(t('adjPartAdd')) + '</button>' +
    (state.parts.length > 2 ? ' <button type="button" id="adj-part-remove">' + esc(t('adjPartRemove')) + '</button>' : '') +
    '</p><p id="adj-pick-note" class="note" aria-live="polite"></p>';
}

function form() {
  var k = state.kind;
  return '<form id="adj-form" class="adj-form"><h3>' + esc(t('adjNew')) + '</h3>' + field('adj-title', 'adjTitle') +
    '<label for="adj-kind">' + esc(t('adjKind')) + '</label><select id="adj-kind">' + KINDS.map(function (x) {
      return '<option value="' + x + '"' + (x === k ? ' selected' : '') + '>' + esc(t('adjKind_' + x)) + '</option>';
    }).join('') + '</select>' + kindFields(k) +
    '<p id="adj-edit-tools"' + (state.editor ? '' : ' hidden') + '><span class="note">' + esc(t('adjEditHint')) + '</span> <button type="button" id="adj-vertex-delete" disabled>' +
    esc(t('adjVertexDelete')) + '</button></p>' +
    (k === 'split' ? '' : seatButton('one')) +
    '<button type="submit" id="adj-submit">' + esc(t('adjSubmit')) + '</button><div id="adj-form-result"></div></form>';
}

function val(id) { return (state.form[id] || '').trim(); }

/** The proposal body of the form; throws an Error with the UI's text when the form cannot make one. */
function body() {
  remember();
  var title = (document.getElementById('adj-title') || {}).value || '';
  var step, key, seats = null;
  if (state.kind === 'merge') {
    step = { kind: 'merge', survivor: val('adj-survivor'), absorbed: val('adj-absorbed').split(/[,，\s]+/).filter(Boolean) };
    if (val('adj-newname')) step.name = val('adj-newname');
    key = step.survivor;
  } else if (state.kind === 'establish') {
    step = { kind: 'establish', parentCode: val('adj-parent'), name: val('adj-name') };
    var g = toPolygon(state.vertices);
    if (g) step.geometry = g;
    key = step.name;
  } else if (state.kind === 'convert') {
    var name = val('adj-convert-name'), suffix = val('adj-convert-kind') === 'district' ? '区' : '市';
    if (name && !name.endsWith(suffix)) throw new Error(t('adjConvertSuffix', { suffix: suffix }));
    step = { kind: 'convert', code: val('adj-convert-code'), newCode: val('adj-convert-newcode'), name: name };
    key = step.newCode;
  } else {
    var assign = {};
    step = { kind: 'split', code: val('adj-split-code'), targets: state.parts.map(function (p, i) {
      var tg = { name: val('adj-part-name-' + i) };
      if (val('adj-part-code-' + i)) tg.code = val('adj-part-code-' + i);
      var g2 = toPolygon(p.vertices);
      if (g2) tg.geometry = g2; else if (p.units.length) tg.composeFrom = p.units.slice();
      p.units.forEach(function (c) { assign[c] = tg.code || tg.name; });
      if (p.seat && (tg.code || tg.name)) { seats = seats || {}; seats[tg.code || tg.name] = p.seat; }
      return tg;
    }) };
    if (document.getElementById('adj-split-keep') && document.getElementById('adj-split-keep').checked) step.keepSource = true;
    if (Object.keys(assign).length) step.childAssignments = assign;
  }
  var b = { title: title, steps: [step] };
  // a split: each part's own seat keyed by its code or name; otherwise the one seat keyed by the resulting unit
  if (state.kind !== 'split' && state.seat && key) { seats = {}; seats[key] = state.seat; }
  if (seats) b.seats = seats;
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
      esc(num(u.elderly)) + '</td><td>' + esc(num(u.communities)) + '</td><td data-fact="farthest"' +
      (u.farthestCommunityM == null ? '' : ' data-m="' + u.farthestCommunityM + '" title="' + esc(u.farthestCommunity || '') + '"') + '>' + esc(u.farthestCommunityM == null ? '—' : num(u.farthestCommunityM / 1000, 1)) + '</td></tr>';
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
  var geoms = editable(p);
  if (p.status === 'draft' && geoms.length) {
    html += '<h4>' + esc(t('adjDraftGeometry')) + '</h4><div id="adj-draft-edit" data-version="' + p.version + '"><label for="adj-geom-which">' + esc(t('adjGeomWhich')) +
      '</label><select id="adj-geom-which">' + geoms.map(function (g, i) { return '<option value="' + i + '">' + esc(g.label) + '</option>'; }).join('') +
      '</select><p><button type="button" id="adj-geom-edit">' + esc(t('adjGeomEdit')) + '</button> <button type="button" id="adj-draft-vertex-delete" disabled>' +
      esc(t('adjVertexDelete')) + '</button> <button type="button" id="adj-geom-save" disabled>' + esc(t('adjDraftSave')) + '</button> <span id="adj-draft-vertices" class="note"></span></p>' +
      '<div id="adj-geom-result"></div></div>';
  }
  if (p.status === 'draft' && api.hasRole('ADMIN')) {
    html += '<h4>' + esc(t('adjApprove')) + '</h4><label for="adj-doc">' + esc(t('adjDocument')) + '</label><input id="adj-doc" type="text"> <button type="button" id="adj-approve" data-version="' +
      p.version + '">' + esc(t('adjApproveButton')) + '</button><div id="adj-approve-result"></div>';
  }
  return html + '</div>';
}

/** The polygons of a draft's steps that the corner editor can change: {label, step, get(), set(g)}. */
function editable(p) {
  var out = [], steps = (p.body && p.body.steps) || [];
  steps.forEach(function (st, i) {
    var lead = t('adjStep', { n: i + 1 }) + ' ' + t('adjKind_' + st.kind).replace(/\s*[（(].*$/, '') + ' · ';
    if (st.geometry && fromGeometry(st.geometry)) out.push({ label: lead + (st.name || st.code || ''), step: i, get: function () { return st.geometry; }, set: function (g) { st.geometry = g; } });
    (st.targets || []).forEach(function (tg) {
      if (tg.geometry && fromGeometry(tg.geometry)) out.push({ label: lead + (tg.name || tg.code || ''), step: i, get: function () { return tg.geometry; }, set: function (g) { tg.geometry = g; } });
    });
    Object.keys(st.geometries || {}).forEach(function (code) {
      if (fromGeometry(st.geometries[code])) out.push({ label: lead + code, step: i, get: function () { return st.geometries[code]; }, set: function (g) { st.geometries[code] = g; } });
    });
  });
  return out;
}

/** Corner editing of a loaded draft's polygon, saved as the draft's next version (PUT, 409 when another saved first). */
function wireDraftEdit(p) {
  var box = document.getElementById('adj-draft-edit');
  if (!box) return;
  var geoms = editable(p), ed = null, current = null, out = document.getElementById('adj-geom-result');
  var save = document.getElementById('adj-geom-save'), del = document.getElementById('adj-draft-vertex-delete'), n = document.getElementById('adj-draft-vertices');
  function tools() { del.disabled = !ed || ed.selected() < 0; save.disabled = !ed; if (ed) n.textContent = t('adjVertices', { n: ed.ring().length }); }
  document.getElementById('adj-geom-edit').addEventListener('click', function () {
    stopEditing(); state.drawing = null; state.pickUnits = -1;
    if (ed) ed.remove();
    current = geoms[+document.getElementById('adj-geom-which').value];
    var ring = fromGeometry(current.get());
    ed = VertexEditor(map(), ring, { color: '#d35400', onChange: tools });
    state.draft = ed;
    map().fitBounds(L.latLngBounds(ring), { padding: [40, 40], animate: false });
    tools();
  });
  del.addEventListener('click', function () { if (ed && !ed.deleteSelected()) out.innerHTML = problem(new Error(t('adjVertexMin'))); tools(); });
  save.addEventListener('click', function () {
    if (!ed) return;
    current.set(toPolygon(ed.ring()));
    var b = p.body || {};
    out.innerHTML = P.loading();
    api.put('/api/adjustments/proposals/' + p.id, { title: p.title, note: p.note, steps: b.steps, seats: b.seats, entered: b.entered, standard: b.standard,
      version: +box.getAttribute('data-version') }).then(function (saved) {
      ed.remove(); ed = null; state.draft = null;
      showImpact(saved.id, t('adjDraftSaved', { v: saved.version }));
      refreshList();
    }).catch(function (e) { out.innerHTML = problem(e); out.scrollIntoView(); });
  });
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

function showImpact(id, said) {
  var box = document.getElementById('adj-detail');
  if (state.draft) { state.draft.remove(); state.draft = null; }
  box.innerHTML = P.loading();
  api.get('/api/adjustments/proposals/' + id).then(function (p) {
    return api.get('/api/adjustments/proposals/' + id + '/impact?indicators=false').then(function (r) {
      box.innerHTML = (said ? '<p id="adj-saved" class="note" data-version="' + p.version + '">' + esc(said) + '</p>' : '') + impactHtml(p, r);
      box.scrollIntoView();
      wireDraftEdit(p);
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
    outlines();
    document.getElementById('adj-kind').addEventListener('change', function (e) {
      remember(); state.kind = e.target.value; state.drawing = null; state.pickUnits = -1; state.picking = null; stopEditing();
      render();
    });
    var ck = document.getElementById('adj-convert-kind');
    if (ck) ck.addEventListener('change', remember);
    // draw (the first click starts a fresh polygon, the second finishes it and opens the corner editor)
    document.querySelectorAll('#adj-draw, [id^=adj-part-draw-]').forEach(function (btn) {
      btn.addEventListener('click', function () {
        remember();
        var target = btn.getAttribute('data-target') === 'establish' ? 'establish' : +btn.getAttribute('data-target');
        state.pickUnits = -1; state.picking = null;
        if (state.drawing === target) { state.drawing = null; render(); editRing(target); editToolsShow(); return; }
        stopEditing(); setRing(target, []); state.drawing = target; render();
      });
    });
    document.querySelectorAll('.adj-part-pick').forEach(function (btn) {
      btn.addEventListener('click', function () {
        remember();
        var i = +btn.getAttribute('data-part');
        state.drawing = null; stopEditing(); state.picking = null;
        state.pickUnits = state.pickUnits === i ? -1 : i;
        render();
      });
    });
    var add = document.getElementById('adj-part-add');
    if (add) add.addEventListener('click', function () { remember(); state.parts.push(newPart()); render(); });
    var rm = document.getElementById('adj-part-remove');
    if (rm) rm.addEventListener('click', function () {
      remember(); var i = state.parts.length - 1;
      ['name', 'code', 'units'].forEach(function (f) { delete state.form['adj-part-' + f + '-' + i]; });
      if (state.editing === i || state.drawing === i) { stopEditing(); state.drawing = null; }
      if (state.picking === i) state.picking = null;
      removeSeatMarker(i);
      state.parts.pop(); render();
    });
    var del = document.getElementById('adj-vertex-delete');
    if (del) del.addEventListener('click', function () {
      if (!state.editor) return;
      if (!state.editor.deleteSelected()) document.getElementById('adj-form-result').innerHTML = problem(new Error(t('adjVertexMin')));
      editTools();
    });
    editTools();
    document.querySelectorAll('#adj-seat-pick, .adj-part-seat-pick').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var k = btn.id === 'adj-seat-pick' ? 'one' : +btn.getAttribute('data-part');
        remember();
        if (state.drawing != null || state.pickUnits >= 0) { state.drawing = null; state.pickUnits = -1; state.picking = k; render(); return; }
        state.picking = k;
        document.querySelectorAll('#adj-seat-pick, .adj-part-seat-pick').forEach(function (o) { o.removeAttribute('aria-pressed'); });
        btn.setAttribute('aria-pressed', 'true');
      });
    });
    document.getElementById('adj-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var out = document.getElementById('adj-form-result'), b;
      try { b = body(); } catch (err) { out.innerHTML = problem(err); out.scrollIntoView(); return; }
      state.drawing = null; state.pickUnits = -1;
      out.innerHTML = P.loading();
      api.post('/api/adjustments/proposals', b).then(function (p) {
        out.innerHTML = '<p id="adj-created" data-id="' + p.id + '">' + esc(t('adjCreated', { id: p.id })) + '</p>';
        clearDrafting();
        // the part blocks show the forgotten corners and seats
        document.querySelectorAll('[id^=adj-part-vertices-], #adj-vertices').forEach(function (n) {
          n.textContent = t('adjVertices', { n: 0 });
        });
        document.querySelectorAll('[id^=adj-part-seat-], #adj-seat').forEach(function (n) { if (n.tagName === 'SPAN') n.textContent = t('adjNoSeat'); });
        document.querySelectorAll('[id^=adj-part-draw-], #adj-draw').forEach(function (n) { n.textContent = t('adjDraw'); });
        editToolsShow();
        refreshList();
        showImpact(p.id);
      }).catch(function (err) { out.innerHTML = problem(err); out.scrollIntoView(); });
    });
  };
  render.kind = 'adjust';
  render();
}
function editToolsShow() { var p = document.getElementById('adj-edit-tools'); if (p) p.hidden = !state.editor; editTools(); }

function wire() {
  var b = document.getElementById('adjust-open');
  if (b && !b._wired) { b._wired = true; b.addEventListener('click', show); }
}
document.addEventListener('DOMContentLoaded', wire);
if (document.readyState !== 'loading') wire();

export const CivGeoAdjust = { show: show, mapClick: mapClick, state: state };
