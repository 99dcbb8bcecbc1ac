/* A file input with a translated button and the chosen file's name: the browser draws its own "Choose File / No file
 * chosen" in the browser's language, not the page's. The input stays in the page (visually hidden, still focusable,
 * its <label> and accept/capture kept, so a tablet opens its camera); a second <label> styled as a button opens it
 * and a span beside it shows the chosen file's name or "未选择文件" (CSS: .file-pick in app.css). */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';

var t = CivGeoI18n.t, esc = CivGeoApi.esc;

/** The markup: id the input's id, attrs its other attributes (accept, capture), button the button's text key, name
 *  the file name to show (a file read before the panel was drawn again), else "no file chosen". */
function html(id, attrs, button, name) {
  return '<span class="file-pick"><input id="' + id + '" type="file" ' + attrs + ' aria-describedby="' + id + '-name">' +
    '<label for="' + id + '" id="' + id + '-button" class="file-button">' + esc(t(button)) + '</label>' +
    '<span id="' + id + '-name" class="file-name">' + esc(name || t('noFileChosen')) + '</span></span>';
}

/** Shows the chosen file's name beside the button on each change (nothing chosen: "no file chosen"). */
function wire(input) {
  input.addEventListener('change', function () {
    var f = input.files && input.files[0];
    document.getElementById(input.id + '-name').textContent = f ? f.name : t('noFileChosen');
  });
}

export const CivGeoFilePick = { html: html, wire: wire };
