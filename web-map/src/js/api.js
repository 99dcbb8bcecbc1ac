/* HTTP calls to CivGeo: JSON in and out, the bearer token of a signed-in user, problem details as errors. */
import { CivGeoProblems } from './problems.js';
var session = null;
try { session = JSON.parse(sessionStorage.getItem('civgeo.session') || 'null'); } catch (e) { session = null; }

function headers(extra) {
  var h = extra || {};
  h['Accept-Language'] = CivGeoProblems.acceptLanguage();
  if (session && session.token) h.Authorization = 'Bearer ' + session.token;
  // the page's own view of the network, on every call: the service worker answers this request by it (from the
  // caches only when offline) instead of by a flag the page posted to it earlier, which may arrive late on a busy device
  if (typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean') h['X-CivGeo-Network'] = navigator.onLine ? 'online' : 'offline';
  return h;
}
function handle(r) {
  var ct = r.headers.get('Content-Type') || '';
  var body = ct.indexOf('json') >= 0 ? r.json() : r.text();
  return body.then(function (b) {
    if (!r.ok) {
      var err = new Error((b && b.detail) || (b && b.title) || ('HTTP ' + r.status));
      err.status = r.status; err.problem = b; throw err;
    }
    return b;
  });
}
function get(path) { return fetch(path, { headers: headers() }).then(handle); }
function send(method, path, body) {
  var isForm = body instanceof FormData;
  return fetch(path, { method: method, headers: headers(isForm ? {} : { 'Content-Type': 'application/json' }),
    body: isForm ? body : JSON.stringify(body) }).then(handle);
}
function login(username, password) {
  return send('POST', '/api/auth/login', { username: username, password: password }).then(function (s) {
    session = s; sessionStorage.setItem('civgeo.session', JSON.stringify(s)); return s;
  });
}
function logout() {
  var done = session ? send('POST', '/api/auth/logout', {}).catch(function () {}) : Promise.resolve();
  session = null; sessionStorage.removeItem('civgeo.session'); return done;
}
function hasRole(role) { return !!(session && session.roles && session.roles.indexOf(role) >= 0); }
function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
}
export const CivGeoApi = { get: get, post: function (p, b) { return send('POST', p, b); }, put: function (p, b) { return send('PUT', p, b); },
  login: login, logout: logout, session: function () { return session; }, hasRole: hasRole, headers: headers, esc: esc };
