/* Printable thematic map (专题图): a print layout over the live map — title, the legend (expanded), Leaflet's scale
 * bar, a north arrow, the date and the data source — sized for A4 or A3 landscape by a print style sheet; the
 * browser's print dialog saves it as PDF (window.print), and "download PNG" saves the same layout as a picture for a
 * report (html-to-image, MIT: the map's DOM — vector-tile canvases, SVG overlays, legend — drawn onto a canvas in the
 * browser, at 2× (A4) or 3× (A3) the screen's pixels, the zoom buttons and the legend's check boxes left out).
 * No server-side rendering: what prints is what the planner sees. */
import { toPng } from 'html-to-image';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPlanner } from './planner.js';

var t = CivGeoI18n.t, esc = CivGeoApi.esc;
var state = { on: false, paper: 'A4' };

function title() {
  var a = CivGeoPlanner.analysis, tab = CivGeoPlanner.state.table;
  var kinds = (a.kinds || []).map(function (k) { return k === 'elderly_care' ? t('serviceAreas') : CivGeoPlanner.kindName(k); }).join('、');
  return t('printTitle', { area: tab ? tab.name : '', kinds: kinds, minutes: a.minutes });
}

function enter(paper) {
  state.on = true; state.paper = paper || state.paper;
  var map = window.civgeo.map, box = document.getElementById('print-frame');
  if (!box) {
    box = document.createElement('div'); box.id = 'print-frame';
    document.getElementById('map').appendChild(box);
  }
  var tab = CivGeoPlanner.state.table, lang = CivGeoI18n.lang();
  box.innerHTML = '<h1 id="print-title">' + esc(title()) + '</h1>' +
    '<div id="print-north" aria-label="' + esc(t('north')) + '"><svg viewBox="0 0 40 60" width="34" height="52"><polygon points="20,2 34,46 20,36 6,46" fill="#111"/>' +
    '<text x="20" y="58" text-anchor="middle" font-size="12" font-weight="700">N</text></svg></div>' +
    '<div id="print-footer">' + esc(t('printDate', { date: new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN') })) + ' · ' +
    esc(t('printSource')) + '</div>';
  document.body.classList.add('print-mode', 'paper-' + state.paper);
  document.body.classList.remove(state.paper === 'A4' ? 'paper-A3' : 'paper-A4');
  var style = document.getElementById('print-page-style');
  if (!style) { style = document.createElement('style'); style.id = 'print-page-style'; document.head.appendChild(style); }
  style.textContent = '@page { size: ' + state.paper + ' landscape; margin: 8mm; }';
  // the legend lists what the map shows: the layers on it (the choropleth with its classes), not every symbol
  if (window.civgeo.layers) { window.civgeo.layers.collapsed = false; window.civgeo.layers.printOnly = true; window.civgeo.layers.renderLegend(); }
  map.invalidateSize();
  document.getElementById('map').setAttribute('data-print', state.paper);
}

function leave() {
  state.on = false;
  document.body.classList.remove('print-mode', 'paper-A4', 'paper-A3');
  var box = document.getElementById('print-frame'); if (box) box.remove();
  if (window.civgeo.layers) { window.civgeo.layers.printOnly = false; window.civgeo.layers.renderLegend(); }
  window.civgeo.map.invalidateSize();
  document.getElementById('map').removeAttribute('data-print');
}

/** Elements of the live map that do not belong in the picture (as @media print hides them). */
function printable(node) {
  if (!node.classList) return true;
  if (node.classList.contains('leaflet-control-zoom') || node.classList.contains('legend-toggle') || node.classList.contains('leaflet-control-attribution')) return false;
  var tag = node.tagName;
  return !((tag === 'INPUT' || tag === 'SELECT') && node.closest && node.closest('.legend'));
}

/** The print layout as a PNG: resolves to its data URL (also kept as state.png) after offering it as a download. */
function png(paper) {
  if (!state.on || (paper && paper !== state.paper)) enter(paper);
  var el = document.getElementById('map'), button = document.getElementById('print-png');
  el.setAttribute('data-png', 'drawing');
  if (button) button.disabled = true;
  return new Promise(function (ok) { setTimeout(ok, 400); }) // the layout settles (invalidateSize, tiles of the new size)
    .then(function () { return toPng(el, { pixelRatio: state.paper === 'A3' ? 3 : 2, backgroundColor: '#ffffff', filter: printable, cacheBust: false }); })
    .then(function (url) {
      state.png = url;
      var a = document.createElement('a');
      a.href = url; a.download = t('printFile', { title: title(), paper: state.paper }).replace(/[\\/:*?"<>|\s]+/g, '_') + '.png';
      document.body.appendChild(a); a.click(); a.remove();
      el.setAttribute('data-png', 'done');
      return url;
    }).catch(function (e) {
      el.setAttribute('data-png', 'failed');
      var s = document.getElementById('print-status'); if (s) s.textContent = t('printPngFailed') + ' ' + (e && e.message ? e.message : '');
      throw e;
    }).finally(function () { if (button) button.disabled = false; });
}

/** The print controls of the coverage panel. */
function mount(box) {
  box.insertAdjacentHTML('beforeend', '<section id="print-section"><h3>' + esc(t('printMap')) + '</h3>' +
    '<label for="print-paper">' + esc(t('printPaper')) + '</label> <select id="print-paper"><option value="A4">A4</option><option value="A3">A3</option></select> ' +
    '<button type="button" id="print-preview">' + esc(t('printPreview')) + '</button> <button type="button" id="print-go" class="primary">' + esc(t('printGo')) + '</button> ' +
    '<button type="button" id="print-png">' + esc(t('printPng')) + '</button> ' +
    '<button type="button" id="print-leave">' + esc(t('printLeave')) + '</button> <span id="print-status" role="status"></span></section>');
  document.getElementById('print-png').addEventListener('click', function () { png(document.getElementById('print-paper').value).catch(function () {}); });
  document.getElementById('print-preview').addEventListener('click', function () { enter(document.getElementById('print-paper').value); });
  document.getElementById('print-go').addEventListener('click', function () { enter(document.getElementById('print-paper').value); setTimeout(function () { window.print(); }, 300); });
  document.getElementById('print-leave').addEventListener('click', leave);
}

CivGeoPlanner.sections.push(mount);

export const CivGeoPrint = { enter: enter, leave: leave, png: png, state: state };
