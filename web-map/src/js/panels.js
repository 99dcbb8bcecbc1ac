/* The side panel: reverse result of a click, a division's facts and indicators, and the panels other modules add. */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoProblems } from './problems.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc;
var panel = document.getElementById('panel'), body = document.getElementById('panel-body'), title = document.getElementById('panel-title');
var current = null; // function re-rendering the open panel (after a language switch)

function open(titleText, html, rerender) {
  title.textContent = titleText; body.innerHTML = html; panel.hidden = false; current = rerender || null;
  panel.setAttribute('data-kind', (rerender && rerender.kind) || '');
  if (window.civgeo && window.civgeo.map) window.civgeo.map.invalidateSize();
}
function close() { panel.hidden = true; current = null; if (window.civgeo && window.civgeo.map) window.civgeo.map.invalidateSize(); }
document.getElementById('panel-close').addEventListener('click', close);
CivGeoI18n.onChange(function () { if (current) current(); });

function row(k, v) { return v == null || v === '' ? '' : '<tr data-fact="' + esc(k) + '"><th>' + esc(t(k)) + '</th><td>' + esc(v) + '</td></tr>'; }
/** The division's figures from the demographics feature (latest year up to now) replace the division table's. */
function demographics(code) {
  api.get('/api/demographics/' + encodeURIComponent(code)).then(function (d) {
    var table = document.getElementById('division-facts'), r = d.row;
    if (!table || !r) return;
    [['population', r.population], ['households', r.households], ['elderly', r.age60]].forEach(function (kv) {
      if (kv[1] == null) return;
      var tr = table.querySelector('tr[data-fact="' + kv[0] + '"]');
      if (tr) tr.querySelector('td').textContent = fmt(kv[1]);
      else table.insertAdjacentHTML('beforeend', row(kv[0], fmt(kv[1])));
    });
    table.insertAdjacentHTML('beforeend', row('demographicsYear', String(r.year) + (r.source ? ' · ' + r.source : '')));
    table.setAttribute('data-demographics-year', r.year);
  }).catch(function () { /* no demographics row: the division's own figures stay */ });
}
function fmt(n) { return n == null ? null : Number(n).toLocaleString(CivGeoI18n.lang() === 'zh' ? 'zh-CN' : 'en-US'); }
function loading() { return '<p>' + esc(t('loading')) + '</p>'; }
function failed(e) { return '<p class="error" role="alert">' + esc(t('errorPrefix') + CivGeoProblems.text(e)) + '</p>'; }

/** Click on the map: the division chain there (and, when the geocoder is deployed, the nearest address). */
function showReverse(latlng) {
  var render = function () {
    open(t('reverse'), loading(), render);
    var lon = latlng.lng.toFixed(6), lat = latlng.lat.toFixed(6);
    var reverse = CivGeoPanels.reverseProvider ? CivGeoPanels.reverseProvider(lon, lat) :
      api.get('/api/divisions/at?lon=' + lon + '&lat=' + lat).then(function (r) { return { divisions: r.chain, address: null }; });
    reverse.then(function (r) {
      var html = '<p class="note">' + esc(t('coordinates')) + ' ' + lon + ', ' + lat + '</p><h3>' + esc(t('divisionChain')) + '</h3>';
      if (!r.divisions.length) html += '<p>' + esc(t('none')) + '</p>';
      html += '<ol class="chain" id="reverse-chain">' + r.divisions.map(function (d) {
        return '<li data-code="' + esc(d.code) + '">' + esc(d.name) + ' <span class="note">' + esc(d.code) + '</span>' +
          '<button type="button" class="show-division" data-code="' + esc(d.code) + '">' + esc(t('showIndicators')) + '</button></li>';
      }).join('') + '</ol>';
      html += '<h3>' + esc(t('nearestAddress')) + '</h3><p id="reverse-address">' + esc(r.address ? r.address.text + (r.address.distanceM != null ? ' (' + Math.round(r.address.distanceM) + ' m)' : '') : t('none')) + '</p>';
      open(t('reverse'), html, render);
      body.querySelectorAll('.show-division').forEach(function (b) { b.addEventListener('click', function () { showDivision(b.getAttribute('data-code')); }); });
    }).catch(function (e) { open(t('reverse'), failed(e), render); });
  };
  render.kind = 'reverse';
  render();
}

/** A division's facts, and its planning indicators against targets when the coverage feature provides them. */
function showDivision(code) {
  var render = function () {
    open(t('divisions'), loading(), render);
    api.get('/api/map/collections/divisions/items/' + encodeURIComponent(code)).then(function (f) {
      var p = f.properties;
      var html = '<h3 id="division-name">' + esc(p.name) + '</h3><table id="division-facts">' + row('code', p.code) + row('level', t('level' + p.level)) +
        row('kind', p.kind) + row('population', fmt(p.population)) + row('households', fmt(p.households)) +
        row('elderly', fmt(p.elderly)) + row('area', p.areaKm2 == null ? null : Number(p.areaKm2).toFixed(1)) + '</table>' +
        '<h3>' + esc(t('indicators')) + '</h3><div id="division-indicators">' + loading() + '</div><div id="division-plan"></div>' +
        '<p><a href="/api/map/collections/divisions/export?format=geojson&level=' + p.level + '">' + esc(t('export')) + ' GeoJSON</a> · ' +
        '<a href="/api/map/collections/divisions/export?format=csv&level=' + p.level + '">CSV</a> · ' +
        '<a href="/api/map/collections/divisions/export?format=kml&level=' + p.level + '">KML</a></p>';
      open(t('divisions'), html, render);
      demographics(code);
      var box = document.getElementById('division-indicators');
      var provider = CivGeoPanels.indicatorProvider;
      if (!provider) { box.innerHTML = '<p class="note">' + esc(t('notAvailable')) + '</p>'; return; }
      provider(code).then(function (list) { box.innerHTML = indicatorTable(list) + chart(list); })
        .catch(function (e) { box.innerHTML = failed(e); });
      (CivGeoPanels.divisionExtras || []).forEach(function (fn) { fn(code, document.getElementById('division-plan')); });
      if (window.civgeo) window.civgeo.highlight(f);
    }).catch(function (e) { open(t('divisions'), failed(e), render); });
  };
  render.kind = 'division';
  render();
}

/** list: [{id, name, value, target, unit, pass}] */
function indicatorTable(list) {
  if (!list.length) return '<p>' + esc(t('noData')) + '</p>';
  return '<table id="indicator-table">' + list.map(function (i) {
    var badge = i.pass == null ? '<span class="badge warn">' + esc(t('noData')) + '</span>' :
      '<span class="badge ' + (i.pass ? 'pass">' + esc(t('pass')) : 'fail">' + esc(t('fail'))) + '</span>';
    return '<tr data-indicator="' + esc(i.id) + '"><th>' + esc(i.name) + '</th><td>' + esc(i.value == null ? '—' : (+i.value).toFixed(1)) +
      ' ' + esc(i.unit || '') + ' <span class="note">' + esc(t('legendTarget', { target: i.target == null ? '—' : i.target })) + '</span> ' + badge + '</td></tr>';
  }).join('') + '</table>';
}

/** A small SVG bar chart: each indicator as a share of its target (100% line dashed). */
function chart(list) {
  var rows = list.filter(function (i) { return i.value != null && i.target; });
  if (!rows.length) return '';
  var w = 340, rh = 22, h = rows.length * rh + 20, max = 2;
  var svg = '<svg class="chart" viewBox="0 0 ' + w + ' ' + h + '" role="img" aria-label="' + esc(t('indicators')) + '">';
  rows.forEach(function (i, k) {
    var share = Math.min(i.value / i.target, max), bw = (w - 130) * share / max, y = k * rh + 4;
    svg += '<text x="0" y="' + (y + 13) + '" font-size="11">' + esc(i.name.length > 10 ? i.name.slice(0, 10) + '…' : i.name) + '</text>' +
      '<rect x="125" y="' + y + '" width="' + bw.toFixed(1) + '" height="14" class="' + (i.pass ? 'bar-pass' : 'bar-fail') + '"></rect>';
  });
  var x100 = 125 + (w - 130) / max;
  svg += '<line class="target" x1="' + x100 + '" x2="' + x100 + '" y1="0" y2="' + (h - 14) + '"></line><text x="' + (x100 - 12) + '" y="' + (h - 2) + '" font-size="10">100%</text></svg>';
  return svg;
}

export const CivGeoPanels = { open: open, close: close, showReverse: showReverse, showDivision: showDivision, row: row, fmt: fmt,
  loading: loading, failed: failed, indicatorTable: indicatorTable, chart: chart, reverseProvider: null, indicatorProvider: null };
