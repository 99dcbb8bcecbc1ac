#!/usr/bin/env bash
# Headless browser for the web map's end-to-end tests: Debian chromium and chromium-driver (no downloads by
# Selenium Manager; the tests point at /usr/bin/chromium and /usr/bin/chromedriver).
#   scripts/browser.sh install   install what is missing (root) or say what is missing
set -euo pipefail
PACKAGES=(chromium chromium-driver fonts-wqy-microhei)

missing() {
  local p out=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

case "${1:-install}" in
  install)
    m="$(missing)"
    [ -z "$m" ] && exit 0
    if [ "$(id -u)" -ne 0 ]; then
      echo "[browser] missing Debian packages: $m (sudo apt-get install -y $m)" >&2; exit 1
    fi
    echo "[browser] installing: $m"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $m >/dev/null ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
