// The planner workbench's pure helpers: node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoPlannerFormat as F } from '../src/js/planner-format.js';

test('quantile breaks split the values into classes', () => {
  const br = F.breaks([10, 20, 30, 40, 50, 60, 70, 80], 4);
  assert.deepEqual(br, [30, 50, 70]);
  assert.equal(F.classOf(10, br), 0);
  assert.equal(F.classOf(30, br), 1);
  assert.equal(F.classOf(69, br), 2);
  assert.equal(F.classOf(80, br), 3);
  assert.deepEqual(F.breaks([5, 5, 5], 4), []);
  assert.deepEqual(F.breaks([], 4), []);
  assert.deepEqual(F.breaks([null, 3], 3), []);
});

test('a ramp has one colour per class', () => {
  assert.equal(F.ramp('reds', 3).length, 3);
  assert.equal(F.ramp('reds', 1)[0], '#a50f15');
  assert.deepEqual(F.ramp('reds', 5), ['#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15']);
});

test('target classes grade the value against the target', () => {
  assert.equal(F.targetClass(null, 1), -1);
  assert.equal(F.targetClass(0.3, 1), 0);
  assert.equal(F.targetClass(0.8, 1), 2);
  assert.equal(F.targetClass(1, 1), 3);
  assert.equal(F.targetClass(60, 40), 4);
});

test('rows sort by numbers, texts and with nulls last', () => {
  const rows = [{ n: 'b', v: 2 }, { n: 'a', v: null }, { n: 'c', v: 10 }];
  assert.deepEqual(F.sortRows(rows, 'v', 'asc').map((r) => r.n), ['b', 'c', 'a']);
  assert.deepEqual(F.sortRows(rows, 'v', 'desc').map((r) => r.n), ['c', 'b', 'a']);
  assert.deepEqual(F.sortRows(rows, 'n', 'asc').map((r) => r.n), ['a', 'b', 'c']);
});

test('percentages carry the unit', () => {
  assert.equal(F.pct(0.5), '50.0 %');
  assert.equal(F.pct(0.8756), '87.6 %');
  assert.equal(F.pct(null), '—');
});
