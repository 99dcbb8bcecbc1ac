/* Problem details (application/problem+json) as the user reads them. The server answers in the language the page
 * asks for (api.js sends Accept-Language; the texts live in one place on the server, messages/problems.tsv):
 * this module only puts each bad field's name (the server's `label`, else the API name) and row before its message. */
import { CivGeoI18n } from './i18n.js';

var OWN = { zh: { offline: '离线：该内容不在已下载的外业包中', denied: '无权执行此操作' },
  en: { offline: 'offline: not in a downloaded field package', denied: 'Not allowed for your role' } };

function own(key) { return (OWN[CivGeoI18n.lang()] || OWN.en)[key]; }
/** Texts the page makes itself (the offline worker's answer); the server's texts pass through unchanged. */
function message(text) {
  if (text === OWN.en.offline) return own('offline');
  return text;
}
/** The field's name as the server labelled it, or its API name. */
function field(name, label) { return label || name; }
/** The text of an error from CivGeoApi (err.problem is the problem detail): each bad field and row named. */
function text(err) {
  var p = err && err.problem, zh = CivGeoI18n.lang() === 'zh';
  if (p && p.errors && p.errors.length) {
    return p.errors.map(function (e) {
      return (e.row != null ? (zh ? '第' + e.row + '行 ' : 'row ' + e.row + ' ') : '') +
        (e.field ? field(e.field, e.label) + (zh ? '：' : ': ') : '') + message(e.message);
    }).join(zh ? '；' : '; ');
  }
  if (err && err.status === 403 && !(p && p.detail)) return own('denied');
  return message((p && p.detail) || (err && err.message) || String(err));
}
/**
 * A problem as a summary and a list, each thing said once: the summary is the server's detail; the list holds the bad
 * fields and rows (as in {@link text}) except those whose message the summary already says (a single error is often
 * both the detail and errors[0]).
 */
function parts(err) {
  var p = err && err.problem, zh = CivGeoI18n.lang() === 'zh';
  var summary = message((p && p.detail) || (err && err.status === 403 ? own('denied') : (err && err.message) || String(err)));
  var items = ((p && p.errors) || []).filter(function (e) { return !e.message || summary.indexOf(message(e.message)) < 0; }).map(function (e) {
    return { field: e.field || '', text: (e.row != null ? (zh ? '第' + e.row + '行 ' : 'row ' + e.row + ' ') : '') +
      (e.field ? field(e.field, e.label) + (zh ? '：' : ': ') : '') + message(e.message) };
  });
  return { summary: summary, items: items };
}
/** The Accept-Language header of the page's requests: the UI language first. */
function acceptLanguage() { return CivGeoI18n.lang() === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh;q=0.5'; }
export const CivGeoProblems = { text: text, parts: parts, message: message, field: field, acceptLanguage: acceptLanguage };
