/* Parts of the page loaded on first use (esbuild chunks, dynamic import()): lazy(importer, onLoad) -> load(), a
 * function that imports the chunk once (again after a failure) and resolves to its module; onLoad(module) runs once,
 * before the first caller sees it, and not before the panels' Chinese texts are there (CivGeoI18n.more). While a chunk loads, a small status says so (#chunk-loading, and the page's
 * data-chunk-loading attribute, which a browser test can wait on). */
import { CivGeoI18n } from './i18n.js';

var pending = 0, badge = null;

function busy(delta) {
  pending += delta;
  if (typeof document === 'undefined') return;
  if (!badge) {
    badge = document.createElement('div');
    badge.id = 'chunk-loading'; badge.className = 'chunk-loading'; badge.setAttribute('role', 'status'); badge.hidden = true;
    document.body.appendChild(badge);
  }
  badge.textContent = CivGeoI18n.t('loading');
  badge.hidden = pending <= 0;
  if (pending > 0) document.body.setAttribute('data-chunk-loading', 'true'); else document.body.removeAttribute('data-chunk-loading');
}

export function lazy(importer, onLoad) {
  var loading = null;
  return function load() {
    if (!loading) {
      busy(1);
      // the panels' Chinese texts come with the first panel (a chunk of their own), before its code runs
      loading = Promise.all([CivGeoI18n.more(), importer()]).then(function (r) {
        var m = r[1];
        busy(-1);
        if (onLoad) onLoad(m);
        return m;
      }, function (e) {
        busy(-1); loading = null;
        console.warn('chunk', e);
        throw e;
      });
    }
    return loading;
  };
}
