/* Sign-in (bearer token from POST /api/auth/login) and survey-team mode. */
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';

var t = CivGeoI18n.t, api = CivGeoApi;
var dialog = document.getElementById('login-dialog'), form = document.getElementById('login-form');
var btn = document.getElementById('signin'), who = document.getElementById('who'), err = document.getElementById('login-error');
var listeners = [];

function isSurveyor() { return api.hasRole('SURVEYOR') || api.hasRole('ADMIN'); }
function renderWho() {
  var s = api.session();
  who.textContent = s ? t('signedInAs', { name: s.displayName || s.username, roles: (s.roles || []).join(', ') }) + (isSurveyor() ? ' · ' + t('surveyMode') : '') : '';
  btn.textContent = s ? t('signOut') : t('signIn');
  btn.setAttribute('data-i18n', s ? 'signOut' : 'signIn');
  document.body.classList.toggle('survey-mode', !!s && isSurveyor());
  listeners.forEach(function (fn) { fn(s); });
}
btn.addEventListener('click', function () {
  if (api.session()) { api.logout().then(renderWho); return; }
  err.textContent = ''; dialog.showModal(); document.getElementById('login-user').focus();
});
document.getElementById('login-cancel').addEventListener('click', function () { dialog.close(); });
form.addEventListener('submit', function (e) {
  e.preventDefault();
  api.login(document.getElementById('login-user').value, document.getElementById('login-pass').value)
    .then(function () { dialog.close(); renderWho(); })
    .catch(function () { err.textContent = t('loginFailed'); });
});
CivGeoI18n.onChange(renderWho);

export const CivGeoSurvey = { isSurveyor: isSurveyor, renderWho: renderWho, onSession: function (fn) { listeners.push(fn); } };
