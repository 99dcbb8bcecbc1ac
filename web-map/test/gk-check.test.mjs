// Typed Gauss–Krüger positions (web-map/src/js/gk-check.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gkProblem } from '../src/js/gk-check.js';
import { CivGeoI18n } from '../src/js/i18n.js';
import { en } from '../src/js/i18n-en.js';

// a marker in Xiamen, zone 39: x 2 708 123.456 (northing), y 39 612 345.678 (easting with prefix)
const X = 2708123.456, Y = 39612345.678;

test('a position in the marker zone fits', () => {
  assert.equal(gkProblem(X, Y, 39, 39), null);
});
test('x and y swapped is detected and named on x', () => {
  assert.deepEqual(gkProblem(Y, X, 39, 39), { field: 'x', key: 'gkSwapped', vars: { x: Y, y: X } });
});
test('a zone other than the marker point is refused on zone', () => {
  assert.equal(gkProblem(X, 40612345.678, 40, 39).key, 'gkZoneNotPoint');
  assert.equal(gkProblem(X, 40612345.678, 40, 39).field, 'zone');
});
test('y without the prefix of the zone, outside the zone, x not a northing, missing values', () => {
  assert.equal(gkProblem(X, 38612345.678, 39, 39).key, 'gkNoPrefix');
  assert.equal(gkProblem(X, 39050000, 39, 39).key, 'gkOutsideZone');
  assert.equal(gkProblem(-5, Y, 39, 39).key, 'gkNotNorthing');
  assert.equal(gkProblem(NaN, Y, 39, 39).field, 'x');
  assert.equal(gkProblem(X, Y, 12, null).key, 'gkBadZone');
});
test('every key has its texts in both languages', async () => {
  await CivGeoI18n.more();
  for (const k of ['gkNeedX', 'gkNeedY', 'gkBadZone', 'gkZoneNotPoint', 'gkSwapped', 'gkNoPrefix', 'gkOutsideZone', 'gkNotNorthing']) {
    assert.ok(CivGeoI18n.texts.zh[k] && en[k], k);
  }
});
