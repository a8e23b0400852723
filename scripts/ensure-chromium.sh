#!/usr/bin/env bash
# The end-to-end tests need a Chromium. Offline, Playwright cannot download its own, so Debian's stands in:
# installed here when missing and we may (root with apt-get). Elsewhere, Playwright's own download is tried.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $chromium; installing Debian's chromium package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium at $chromium; trying Playwright's own browser download..." >&2
if npx playwright install chromium; then
  exit 0
fi
echo "Chromium is required for the end-to-end tests: install it (e.g. 'sudo apt-get install -y chromium')" >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
exit 1
