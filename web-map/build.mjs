// Bundles the web map with esbuild: src/js/main.js -> dist/app.js (one minified IIFE script, Leaflet included) and
// src/css/main.css -> dist/app.css (Leaflet's images beside it under images/), src/js/gk-bundle.js -> dist/gk.js
// (proj4 for Gauss–Krüger, loaded by the page on first use). Run by Maven (web-map/pom.xml,
// exec-maven-plugin) into target/classes/META-INF/resources/dist, served by geo-service as one gzip script and one
// style sheet (cn.civgeo.map.MapAssets). `node build.mjs [outdir]`; prints the sizes.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { cpSync, readFileSync } from 'node:fs';

const outdir = process.argv[2] || 'target/classes/META-INF/resources/dist';
const common = { bundle: true, minify: true, target: ['es2020'], logLevel: 'warning', legalComments: 'eof' };
await esbuild.build({ ...common, entryPoints: { app: 'src/js/main.js' }, format: 'iife', outdir });
await esbuild.build({ ...common, entryPoints: { gk: 'src/js/gk-bundle.js' }, format: 'iife', outdir });
// the service worker sits at the site root (its scope is the folder it is served from): META-INF/resources/sw.js
await esbuild.build({ ...common, entryPoints: { sw: 'src/js/sw.js' }, format: 'iife', outdir: `${outdir}/..` });
await esbuild.build({ ...common, entryPoints: { app: 'src/css/main.css' }, outdir, loader: { '.png': 'file' }, assetNames: 'images/[name]' });
// Leaflet's default marker icons are named in its script (marker-icon-2x.png, marker-shadow.png), not its CSS.
cpSync('node_modules/leaflet/dist/images', `${outdir}/images`, { recursive: true });
for (const f of ['app.js', 'app.css', 'gk.js']) {
  const b = readFileSync(`${outdir}/${f}`);
  console.log(`[web-map] ${outdir}/${f}: ${(b.length / 1024).toFixed(1)} kB, ${(gzipSync(b, { level: 9 }).length / 1024).toFixed(1)} kB gzipped`);
}
