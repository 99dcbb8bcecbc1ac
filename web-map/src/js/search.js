/* Type-ahead search (ARIA combobox). Providers return [{label, sub, lon, lat, zoom, code?}]; picking flies there. */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';

var api = CivGeoApi, esc = api.esc;
var ZOOM_FOR_LEVEL = { 1: 7, 2: 9, 3: 11, 4: 13, 5: 15 };
var input = document.getElementById('search'), list = document.getElementById('search-results');
var items = [], active = -1, timer = null, seq = 0;

/** Fallback provider: division names (and pinyin initials) from the map's own label layer. */
function divisions(q) {
  return api.get('/api/map/collections/division-labels/items?limit=8&q=' + encodeURIComponent(q)).then(function (fc) {
    return fc.features.map(function (f) {
      return { label: f.properties.name, sub: f.properties.kind + ' ' + f.properties.code, lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1], zoom: ZOOM_FOR_LEVEL[f.properties.level] || 13, code: f.properties.code };
    });
  });
}
var providers = [divisions];
// providers asked before the replaceable ones above (boundary lines and markers: codes and numbers rank first)
var first = [];

function render() {
  list.innerHTML = items.map(function (it, i) {
    return '<li role="option" id="search-opt-' + i + '" aria-selected="' + (i === active) + '" data-i="' + i + '">' + esc(it.label) +
      '<span class="sub">' + esc(it.sub || '') + '</span></li>';
  }).join('') || '<li role="option" aria-disabled="true">' + esc(CivGeoI18n.t('noResults')) + '</li>';
  list.hidden = false; input.setAttribute('aria-expanded', 'true');
  if (active >= 0) input.setAttribute('aria-activedescendant', 'search-opt-' + active); else input.removeAttribute('aria-activedescendant');
}
function hide() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
function pick(i) {
  var it = items[i]; if (!it) return;
  input.value = it.label; hide();
  window.civgeo.flyTo(it);
}
function query() {
  var q = input.value.trim(), s = ++seq;
  if (!q) { hide(); return; }
  Promise.all(first.concat(providers).map(function (p) { return p(q).catch(function () { return []; }); })).then(function (res) {
    if (s !== seq) return;
    items = [].concat.apply([], res).slice(0, 10); active = items.length ? 0 : -1; render();
  });
}
input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(query, 150); });
input.addEventListener('keydown', function (e) {
  if (e.key === 'ArrowDown') { active = Math.min(active + 1, items.length - 1); render(); e.preventDefault(); }
  else if (e.key === 'ArrowUp') { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
  else if (e.key === 'Enter') { if (active >= 0) pick(active); e.preventDefault(); }
  else if (e.key === 'Escape') hide();
});
list.addEventListener('mousedown', function (e) { var li = e.target.closest('li[data-i]'); if (li) { pick(+li.getAttribute('data-i')); e.preventDefault(); } });
input.addEventListener('blur', function () { setTimeout(hide, 150); });

export const CivGeoSearch = { providers: providers, first: first, divisions: divisions, ZOOM_FOR_LEVEL: ZOOM_FOR_LEVEL };
