/* The side panel: reverse result of a click, a division's facts and indicators (division-panel.js, on first use), and
 * the panels other modules add. */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoProblems } from './problems.js';
import { lazy } from './lazy.js';

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

/** A division's facts and indicators (division-panel.js, a chunk loaded on the first one shown); a promise. */
var divisionPanel = lazy(function () { return import('./division-panel.js'); });
function showDivision(code) { return divisionPanel().then(function (m) { m.CivGeoDivisionPanel.showDivision(code); }); }

export const CivGeoPanels = { open: open, close: close, showReverse: showReverse, showDivision: showDivision, row: row, fmt: fmt,
  loading: loading, failed: failed, reverseProvider: null, indicatorProvider: null };
