// Every UI text exists in Chinese and English (web-map/src/js/i18n.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivGeoI18n } from '../src/js/i18n.js';
import { en } from '../src/js/i18n-en.js';

const { zh } = CivGeoI18n.texts;

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
