// Boundary problem details shown in Chinese (web-map/src/js/problems.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoProblems } from '../src/js/problems.js';
import { CivGeoI18n } from '../src/js/i18n.js';

// setLang re-labels the page: a page without elements
globalThis.document = globalThis.document || { querySelectorAll: () => [], documentElement: {}, title: '' };

test('field-work messages of the API are translated with their values, fields and rows named', () => {
  CivGeoI18n.setLang('zh');
  const err = { status: 400, problem: { detail: 'Invalid input', errors: [
    { field: 'markers[0].x', message: 'x and y look swapped: x is the northing, y the easting with zone prefix' },
    { field: 'number', row: 3, message: 'unknown marker 350203350205999Q on line 350203350205' },
    { field: 'zone', message: 'y 39612345.678 does not carry the zone prefix 40' }] } };
  assert.equal(CivGeoProblems.text(err),
    '第1项 x（北坐标）：x 与 y 似乎填反了：x 是北坐标，y 是带带号的东坐标；第3行 界桩编号：界线 350203350205 上没有界桩 350203350205999Q；带号：y 39612345.678 的带号与所填带号 40 不符');
  assert.equal(CivGeoProblems.text({ status: 409, problem: { detail: 'round 7 is completed' } }), '联检轮次 7 已结束');
  assert.equal(CivGeoProblems.text({ status: 409, problem: { detail: 'inspection round 7 is not at version 2; reload it and apply your change again' } }),
    '该记录已被他人修改（您读取的是版本 2），请重新加载后再修改');
});

test('unknown messages stay as sent; English keeps the API text', () => {
  CivGeoI18n.setLang('zh');
  assert.equal(CivGeoProblems.message('something new'), 'something new');
  CivGeoI18n.setLang('en');
  assert.equal(CivGeoProblems.message('round 7 is completed'), 'round 7 is completed');
  assert.equal(CivGeoProblems.text({ problem: { errors: [{ field: 'zone', message: 'bad' }] } }), 'zone: bad');
  CivGeoI18n.setLang('zh');
});
