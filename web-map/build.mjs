// Bundles the web map with esbuild: src/js/main.js -> dist/app.js, an ES module (Leaflet included) whose panels opened
// on demand (planner workbench, adjustments, field work, plans, boundary panels, marker clusters …) are split into
// chunks (dist/<name>-<hash>.js) loaded by dynamic import() on first use; src/css/main.css -> dist/app.css (Leaflet's
// images beside it under images/); src/js/gk-bundle.js -> dist/gk.js (proj4 for Gauss–Krüger, loaded by the page on
// first use). Run by Maven (web-map/pom.xml, exec-maven-plugin) into target/classes/META-INF/resources/dist, served by
// geo-service (cn.civgeo.map.MapAssets) as /map-assets/app-<hash>.js, the chunks under their own hashed names, and one
// style sheet, gzip, cached for a year. dist/assets.json names the chunks: `startup` (imported by the entry, so loaded
// with it: the page preloads them) and `lazy` (loaded on first use; the service worker and a field package keep
// them all for offline work). `node build.mjs [outdir]`; prints the sizes, the start page's (entry JS + its startup
// chunks + CSS, gzipped) among them, which test/bundle-size.test.mjs keeps under ENTRY_BUDGET_KB.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The start page's budget: entry JS, the chunks it imports and the style sheet, gzipped (#12: 102 kB before splitting,
 *  72.9 kB before the panels' Chinese texts became a chunk of their own, 66.4 kB after). */
export const ENTRY_BUDGET_KB = 70;

const here = dirname(fileURLToPath(import.meta.url));
const gz = (b) => gzipSync(b, { level: 9 }).length;

/** Builds into outdir; resolves to the figures ({ entryKb, files: [{ file, kind, bytes, gzip }] }). */
export async function build(outdir) {
  const common = { bundle: true, minify: true, target: ['es2020'], logLevel: 'warning', legalComments: 'eof', absWorkingDir: here };
  rmSync(outdir, { recursive: true, force: true });
  const js = await esbuild.build({ ...common, entryPoints: { app: 'src/js/main.js' }, format: 'esm', splitting: true, outdir,
    entryNames: '[name]', chunkNames: '[name]-[hash]', metafile: true });
  await esbuild.build({ ...common, entryPoints: { gk: 'src/js/gk-bundle.js' }, format: 'iife', outdir });
  // the service worker sits at the site root (its scope is the folder it is served from): META-INF/resources/sw.js
  await esbuild.build({ ...common, entryPoints: { sw: 'src/js/sw.js' }, format: 'iife', outdir: `${outdir}/..` });
  await esbuild.build({ ...common, entryPoints: { app: 'src/css/main.css' }, outdir, loader: { '.png': 'file' }, assetNames: 'images/[name]' });
  // Leaflet's default marker icons are named in its script (marker-icon-2x.png, marker-shadow.png), not its CSS.
  cpSync(resolve(here, 'node_modules/leaflet/dist/images'), `${outdir}/images`, { recursive: true });

  // which chunks load with the entry (its static imports, transitively) and which on demand
  const outputs = js.metafile.outputs, base = (p) => p.slice(p.lastIndexOf('/') + 1);
  const entry = Object.keys(outputs).find((p) => base(p) === 'app.js');
  const startup = new Set();
  (function walk(p) {
    for (const i of outputs[p].imports) if (i.kind === 'import-statement' && !startup.has(i.path)) { startup.add(i.path); walk(i.path); }
  })(entry);
  const chunks = Object.keys(outputs).filter((p) => p.endsWith('.js') && p !== entry);
  const manifest = { entry: 'app.js', css: 'app.css', startup: [...startup].map(base).sort(),
    lazy: chunks.filter((p) => !startup.has(p)).map(base).sort() };
  writeFileSync(`${outdir}/assets.json`, JSON.stringify(manifest, null, 1) + '\n');

  const files = [];
  const add = (file, kind) => { const b = readFileSync(`${outdir}/${file}`); files.push({ file, kind, bytes: b.length, gzip: gz(b) }); };
  add('app.js', 'entry'); manifest.startup.forEach((f) => add(f, 'startup')); add('app.css', 'entry');
  manifest.lazy.forEach((f) => add(f, 'lazy')); add('gk.js', 'lazy');
  const entryKb = files.filter((f) => f.kind !== 'lazy').reduce((s, f) => s + f.gzip, 0) / 1024;
  return { entryKb, files, manifest, metafile: js.metafile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] || resolve(here, 'target/classes/META-INF/resources/dist'));
  const r = await build(outdir);
  for (const f of r.files) {
    console.log(`[web-map] ${outdir}/${f.file} (${f.kind}): ${(f.bytes / 1024).toFixed(1)} kB, ${(f.gzip / 1024).toFixed(1)} kB gzipped`);
  }
  console.log(`[web-map] start page (entry JS + startup chunks + CSS): ${r.entryKb.toFixed(1)} kB gzipped (budget ${ENTRY_BUDGET_KB} kB)`);
}
