/* Pure helpers of the plan panel (plan.js): value formatting, on-track badges and colours, which plan covers a
 * division. No DOM, no globals read: loaded by the page before plan.js and by node --test (web-map/test/). */
/** A value with its unit: whole numbers without decimals, else one decimal; '%' glued on; null → '—'. */
function num(v, unit) {
  if (v == null || !isFinite(v)) return '—';
  var s = Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : (+v).toFixed(1);
  return unit === '%' ? s + '%' : s + (unit ? ' ' + unit : '');
}
/** Badge class of an on-track (or met) verdict: true → pass, false → fail, null/undefined → warn (no data). */
function badgeClass(ok) { return ok == null ? 'warn' : ok ? 'pass' : 'fail'; }
/** Fill colour of a child in the plan choropleth by whether it meets its (per-child) target. */
function fillColor(met) { return met == null ? '#bdc3c7' : met ? '#2e9e5b' : '#d0433a'; }
/** i18n key of an indicator's kind (约束性 binding / 预期性 expected); null when the plan does not say. */
function kindKey(kind) { return kind === 'binding' ? 'planBinding' : kind === 'expected' ? 'planExpected' : null; }
/** The code prefix a division's descendants share: 35 for 350000, 3502 for 350200, else the code itself. */
function prefix(c) {
  return c.length === 6 && c.slice(2) === '0000' ? c.slice(0, 2) : c.length === 6 && c.slice(4) === '00' ? c.slice(0, 4) : c;
}
/** The plan to show for a division: the chosen one if it covers the division, else the first that does; null if none. */
function planFor(list, code, chosenId) {
  var fits = (list || []).filter(function (p) { return code === p.divisionCode || code.indexOf(prefix(p.divisionCode)) === 0; });
  return fits.filter(function (p) { return p.id === chosenId; })[0] || fits[0] || null;
}
export const CivGeoPlanFormat = { num: num, badgeClass: badgeClass, fillColor: fillColor, kindKey: kindKey, prefix: prefix, planFor: planFor };
