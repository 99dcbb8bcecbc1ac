// Problem details as the page shows them (web-map/src/js/problems.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoProblems } from '../src/js/problems.js';
import { CivGeoI18n } from '../src/js/i18n.js';

// setLang re-labels the page: a page without elements
globalThis.document = globalThis.document || { querySelectorAll: () => [], documentElement: {}, title: '' };

test('each bad field is named by the label the server gave, with its row, in the page language', async () => {
  await CivGeoI18n.setLang('zh');
  // The shape the server answers to Accept-Language zh (ProblemLanguageIT checks that side).
  const err = { status: 400, problem: { detail: '3 项有误', errors: [
    { field: 'markers[0].x', label: '第1项 x（北坐标）', message: 'x 与 y 似乎填反了' },
    { field: 'number', label: '界桩编号', row: 3, message: '界线 350203350205 上没有界桩 Q' },
    { field: 'someNewField', message: '必填' }] } };
  assert.equal(CivGeoProblems.text(err), '第1项 x（北坐标）：x 与 y 似乎填反了；第3行 界桩编号：界线 350203350205 上没有界桩 Q；someNewField：必填');
  assert.equal(CivGeoProblems.text({ status: 409, problem: { detail: '联检轮次 7 已结束' } }), '联检轮次 7 已结束');
});

test('the page asks for its language and translates only its own texts', async () => {
  await CivGeoI18n.setLang('zh');
  assert.match(CivGeoProblems.acceptLanguage(), /^zh-CN/);
  assert.equal(CivGeoProblems.text({ status: 503, problem: { detail: 'offline: not in a downloaded field package' } }),
    '离线：该内容不在已下载的外业包中');
  assert.equal(CivGeoProblems.text({ status: 403 }), '无权执行此操作');
  await CivGeoI18n.setLang('en');
  assert.match(CivGeoProblems.acceptLanguage(), /^en/);
  assert.equal(CivGeoProblems.text({ problem: { errors: [{ field: 'zone', message: 'bad' }] } }), 'zone: bad');
  assert.equal(CivGeoProblems.text({ status: 403 }), 'Not allowed for your role');
  await CivGeoI18n.setLang('zh');
});

test('a single error that the summary already says is shown once; others are listed under it', async () => {
  await CivGeoI18n.setLang('zh');
  const once = CivGeoProblems.parts({ status: 400, problem: { detail: 'steps[0] (establish)：几何重叠：9901 与相邻单位重叠 12 m²',
    errors: [{ field: 'steps[0]', label: '第1步', message: '几何重叠：9901 与相邻单位重叠 12 m²' }] } });
  assert.equal(once.summary, 'steps[0] (establish)：几何重叠：9901 与相邻单位重叠 12 m²');
  assert.deepEqual(once.items, []);
  const two = CivGeoProblems.parts({ status: 400, problem: { detail: '2 项有误', errors: [
    { field: 'title', label: '方案名称', message: '必填' }, { field: 'steps', row: 2, message: '至少一步' }] } });
  assert.equal(two.summary, '2 项有误');
  assert.deepEqual(two.items.map((i) => i.text), ['方案名称：必填', '第2行 steps：至少一步']);
  assert.equal(CivGeoProblems.parts({ status: 403 }).summary, '无权执行此操作');
});
