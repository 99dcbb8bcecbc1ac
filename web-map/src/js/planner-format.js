/* Pure helpers of the planner workbench (no DOM): graded classes, sorting the coverage table, percentages.
 * Unit-tested under node --test (web-map/test/planner.test.mjs). */

/** Class breaks for graded colours: n classes by quantiles of the values (distinct, ascending); [] for no values. */
function breaks(values, n) {
  var v = values.filter(function (x) { return x != null && isFinite(x); }).sort(function (a, b) { return a - b; });
  if (!v.length) return [];
  var out = [];
  for (var i = 1; i < n; i++) {
    var b = v[Math.min(v.length - 1, Math.floor(v.length * i / n))];
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  return out.filter(function (b) { return b > v[0]; });
}
/** The class (0 .. breaks.length) of a value: values below breaks[0] are 0, at or above breaks[k] are k + 1. */
function classOf(value, br) {
  var k = 0;
  while (k < br.length && value >= br[k]) k++;
  return k;
}
/** Sequential ramps (light to dark), one colour per class; 5 at most. */
var RAMPS = {
  reds: ['#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'],
  greens: ['#d7301f', '#fc8d59', '#fdcc8a', '#a1d99b', '#31a354']
};
function ramp(name, classes) {
  var r = RAMPS[name];
  if (classes >= r.length) return r.slice();
  if (classes <= 1) return [r[r.length - 1]];
  var out = [];
  for (var i = 0; i < classes; i++) out.push(r[Math.round(i * (r.length - 1) / (classes - 1))]);
  return out;
}
/** Fixed classes of an indicator by its share of the target: <50 %, 50–75 %, 75–100 %, 100–125 %, ≥125 %. */
var TARGET_BREAKS = [0.5, 0.75, 1, 1.25];
function targetClass(value, target) {
  if (value == null) return -1;
  if (!target) return value > 0 ? 4 : 0;
  return classOf(value / target, TARGET_BREAKS);
}

/** Sorts rows by key (numbers numerically, nulls last, texts by locale), asc or desc; returns a new array. */
function sortRows(rows, key, dir) {
  var sign = dir === 'desc' ? -1 : 1;
  return rows.slice().sort(function (a, b) {
    var x = a[key], y = b[key];
    if (x == null && y == null) return 0;
    if (x == null) return 1;
    if (y == null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    if (typeof x === 'boolean') return sign * ((x ? 1 : 0) - (y ? 1 : 0));
    return sign * String(x).localeCompare(String(y), 'zh-CN');
  });
}
/** A fraction 0..1 as a percentage text with one decimal ("87.5 %"); "—" for null. */
function pct(f) { return f == null ? '—' : (Math.round(f * 1000) / 10).toFixed(1) + ' %'; }
/** An integer with thousands separators. */
function int(n, lang) { return n == null ? '—' : Math.round(n).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN'); }

export const CivGeoPlannerFormat = { breaks: breaks, classOf: classOf, ramp: ramp, targetClass: targetClass, TARGET_BREAKS: TARGET_BREAKS,
  sortRows: sortRows, pct: pct, int: int };
