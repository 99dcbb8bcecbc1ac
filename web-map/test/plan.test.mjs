// Unit tests of the plan panel's pure helpers (web-map/src/js/plan-format.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoPlanFormat as F } from '../src/js/plan-format.js';

test('num formats whole numbers, one decimal, percent and units; no value is a dash', () => {
  assert.equal(F.num(40, '张/千人'), '40 张/千人');
  assert.equal(F.num(55.56, '%'), '55.6%');
  assert.equal(F.num(70, '%'), '70%');
  assert.equal(F.num(26.04, 'm²'), '26.0 m²');
  assert.equal(F.num(12.0000000001, ''), '12');
  assert.equal(F.num(0, '%'), '0%');
  assert.equal(F.num(null, '%'), '—');
  assert.equal(F.num(undefined), '—');
  assert.equal(F.num(NaN, '%'), '—');
});

test('on-track badge classes and choropleth colours follow the verdict, with no data apart', () => {
  assert.equal(F.badgeClass(true), 'pass');
  assert.equal(F.badgeClass(false), 'fail');
  assert.equal(F.badgeClass(null), 'warn');
  assert.equal(F.badgeClass(undefined), 'warn');
  assert.equal(F.fillColor(true), '#2e9e5b');
  assert.equal(F.fillColor(false), '#d0433a');
  assert.equal(F.fillColor(null), '#bdc3c7');
  assert.notEqual(F.fillColor(true), F.fillColor(false));
});

test('kind labels: binding 约束性, expected 预期性, nothing otherwise', () => {
  assert.equal(F.kindKey('binding'), 'planBinding');
  assert.equal(F.kindKey('expected'), 'planExpected');
  assert.equal(F.kindKey(null), null);
  assert.equal(F.kindKey('other'), null);
});

test('the plan for a division: the chosen one when it covers the division, else the first covering, else none', () => {
  assert.equal(F.prefix('350000'), '35');
  assert.equal(F.prefix('350200'), '3502');
  assert.equal(F.prefix('350203'), '350203');
  const plans = [{ id: 1, divisionCode: '510300' }, { id: 2, divisionCode: '350200' }, { id: 3, divisionCode: '350000' }];
  assert.equal(F.planFor(plans, '350203001', null).id, 2);
  assert.equal(F.planFor(plans, '350203001', 3).id, 3);
  assert.equal(F.planFor(plans, '350203001', 1).id, 2); // plan 1 (Zigong) does not cover Xiamen
  assert.equal(F.planFor(plans, '350200', 2).id, 2);
  assert.equal(F.planFor(plans, '420100', 2), null);
  assert.equal(F.planFor([], '350200', null), null);
  assert.equal(F.planFor(null, '350200', null), null);
});
