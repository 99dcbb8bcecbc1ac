// The start page's size (#12): esbuild builds the web map (build.mjs) into a scratch folder; the entry script, the
// chunks it imports and the style sheet, gzipped, stay under ENTRY_BUDGET_KB, and the panels opened on demand are
// not among them. node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ENTRY_BUDGET_KB } from '../build.mjs';

const dir = mkdtempSync(join(tmpdir(), 'civgeo-web-'));
const built = await build(dir);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** The source files bundled into the start page's scripts (entry and startup chunks). */
function startupInputs() {
  const names = new Set(['app.js', ...built.manifest.startup]);
  return Object.entries(built.metafile.outputs).filter(([p]) => names.has(p.slice(p.lastIndexOf('/') + 1)))
    .flatMap(([, o]) => Object.keys(o.inputs));
}

test(`the start page (entry JS + its chunks + CSS) is under ${ENTRY_BUDGET_KB} kB gzipped`, () => {
  console.log(`start page: ${built.entryKb.toFixed(1)} kB gzipped`);
  assert.ok(built.entryKb > 20, 'measured something (Leaflet alone is about 42 kB)');
  assert.ok(built.entryKb < ENTRY_BUDGET_KB, `${built.entryKb.toFixed(1)} kB gzipped, budget ${ENTRY_BUDGET_KB} kB`);
});

test('the map, its layers, legend, search and sign-in start with the page; the panels opened on demand do not', () => {
  const inputs = startupInputs();
  for (const f of ['leaflet-src.js', 'src/js/app.js', 'src/js/layers.js', 'src/js/mvt.js', 'src/js/search.js', 'src/js/survey.js',
    'src/js/panels.js', 'src/js/i18n.js', 'src/js/network.js']) {
    assert.ok(inputs.some((i) => i.endsWith(f)), `${f} with the start page`);
  }
  for (const f of ['src/js/planner.js', 'src/js/sites.js', 'src/js/scenarios.js', 'src/js/print.js', 'html-to-image', 'src/js/adjust.js',
    'src/js/field.js', 'src/js/offline.js', 'src/js/marker-form.js', 'idb', 'leaflet.markercluster', 'src/js/plan.js',
    'src/js/boundary-panels.js', 'src/js/coverage-layers.js', 'src/js/division-panel.js', 'src/js/i18n-en.js', 'proj4']) {
    assert.ok(!inputs.some((i) => i.includes(f)), `${f} loads on first use, not with the start page`);
  }
});

test("the start page carries the Chinese texts its own modules name, the panels' texts come with the panels", async () => {
  const { CivGeoI18n } = await import('../src/js/i18n.js');
  const { zhMore } = await import('../src/js/i18n-zh-more.js');
  const start = CivGeoI18n.texts.zh;
  assert.ok(startupInputs().includes('src/js/i18n.js') && !startupInputs().some((i) => i.includes('i18n-zh-more')), 'the panels\' texts are a lazy chunk');
  // every text a start-page module (or the page's HTML) names by a literal key, or builds as t('level' + n) / t('kind.' + code)
  const here = new URL('..', import.meta.url);
  const text = startupInputs().filter((i) => i.startsWith('src/js/') && i !== 'src/js/i18n.js')
    .map((i) => readFileSync(new URL(i, here), 'utf8')).join('\n') + readFileSync(new URL('src/main/resources/index.html', here), 'utf8');
  const named = (k) => text.includes(`'${k}'`) || text.includes(`"${k}"`);
  const inPanels = Object.keys(zhMore).filter((k) => named(k) || k.startsWith('level') || k.startsWith('kind.'));
  assert.deepEqual(inPanels, [], 'texts the start page names that only come with the panels: move them to i18n.js');
  // and the keys the start page builds exist there
  for (const k of ['level1', 'level5', 'levelAuto', 'signIn', 'layers', 'loading', 'errorPrefix']) assert.ok(start[k], k);
  assert.ok(Object.keys(start).filter((k) => k.startsWith('kind.')).length >= 10, 'facility kinds for the legend');
});

test('assets.json names every chunk once, and each chunk the entry imports is a startup chunk', () => {
  const { startup, lazy } = built.manifest;
  assert.ok(lazy.length >= 8, lazy.join(' '));
  assert.deepEqual([...new Set([...startup, ...lazy])].sort(), [...startup, ...lazy].sort());
  const entry = readFileSync(join(dir, 'app.js'), 'utf8');
  const imported = [...entry.matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const loaded = [...entry.matchAll(/import\("\.\/([^"]+\.js)"\)/g)].map((m) => m[1]);
  assert.ok(imported.length && loaded.length, 'the entry imports chunks and loads others on demand');
  for (const f of imported) assert.ok(startup.includes(f), f);
  for (const f of loaded) assert.ok(lazy.includes(f), f);
  for (const f of [...startup, ...lazy]) assert.match(f, /-[A-Z0-9]{8}\.js$/, `${f}: named by its content`);
});
