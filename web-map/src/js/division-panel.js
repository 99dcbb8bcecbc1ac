/* A division's panel (its facts, demographics, planning indicators against targets and what other modules add):
 * loaded on first use (panels.js showDivision). */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';

var t = CivGeoI18n.t, term = CivGeoI18n.term, api = CivGeoApi, esc = api.esc, P = CivGeoPanels;
var open = P.open, row = P.row, fmt = P.fmt, loading = P.loading, failed = P.failed;

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
    table.insertAdjacentHTML('beforeend', row('demographicsYear', String(r.year) + (r.source ? ' · ' + term('source', r.source) : '')));
    table.setAttribute('data-demographics-year', r.year);
  }).catch(function () { /* no demographics row: the division's own figures stay */ });
}
/** A division's facts, and its planning indicators against targets when the coverage feature provides them. */
function showDivision(code) {
  var render = function () {
    open(t('divisions'), loading(), render);
    api.get('/api/map/collections/divisions/items/' + encodeURIComponent(code)).then(function (f) {
      var p = f.properties;
      var html = '<h3 id="division-name">' + esc(p.name) + '</h3><table id="division-facts">' + row('code', p.code) + row('level', t('level' + p.level)) +
        row('kind', term('divisionKind', p.kind)) + row('population', fmt(p.population)) + row('households', fmt(p.households)) +
        row('elderly', fmt(p.elderly)) + row('area', p.areaKm2 == null ? null : Number(p.areaKm2).toFixed(1)) + '</table>' +
        '<h3>' + esc(t('indicators')) + '</h3><div id="division-indicators">' + loading() + '</div><div id="division-plan"></div>' +
        '<p><a href="/api/map/collections/divisions/export?format=geojson&level=' + p.level + '">' + esc(t('export')) + ' GeoJSON</a> · ' +
        '<a href="/api/map/collections/divisions/export?format=csv&level=' + p.level + '">CSV</a> · ' +
        '<a href="/api/map/collections/divisions/export?format=kml&level=' + p.level + '">KML</a></p>';
      open(t('divisions'), html, render);
      demographics(code);
      var box = document.getElementById('division-indicators');
      var provider = P.indicatorProvider;
      if (!provider) { box.innerHTML = '<p class="note">' + esc(t('notAvailable')) + '</p>'; return; }
      provider(code).then(function (list) {
        list = list.map(function (i) { return Object.assign({}, i, { name: term('indicator', i.id, i.name), unit: term('unit', i.unit) }); });
        box.innerHTML = indicatorTable(list) + chart(list);
      })
        .catch(function (e) { box.innerHTML = failed(e); });
      (P.divisionExtras || []).forEach(function (fn) { fn(code, document.getElementById('division-plan')); });
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
    return '<tr data-indicator="' + esc(i.id) + '"><th>' + esc(i.name) + '</th><td>' + esc(i.value == null ? '—' : (+i.value).toFixed(1) + ' ' + (i.unit || '')) +
      ' <span class="note">' + esc(t('legendTarget', { target: i.target == null ? '—' : i.target })) + '</span> ' + badge + '</td></tr>';
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

export const CivGeoDivisionPanel = { showDivision: showDivision, indicatorTable: indicatorTable, chart: chart };
