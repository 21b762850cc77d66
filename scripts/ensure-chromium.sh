#!/usr/bin/env bash
# Make sure a Chromium the browser tests can drive is present, and say which.
#
#   1. $CHROMIUM_PATH or a system Chromium, as roadmap/tools/chromium.py finds them;
#   2. otherwise install one: Debian's package when we are root on Debian
#      (CI and these dev machines), else Playwright's own build (a laptop).
# Fails with a message saying what to do when none of these works.
set -euo pipefail
venv="${1:-.venv}"

# roadmap/tools/chromium.py knows where to look (shared with the tests and the benchmark).
if found=$("$venv/bin/python" -m roadmap.tools.chromium); then
  echo "browser tests will use: $found"
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium package (about 30 s)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "browser tests will use: /usr/bin/chromium"
  exit 0
fi

if "$venv/bin/python" -m playwright install chromium; then
  echo "browser tests will use Playwright's Chromium"
  exit 0
fi

cat >&2 <<'MSG'
No Chromium found for the browser tests, and none could be installed.
Do one of these, then run the tests again:
  - Debian/Ubuntu:  sudo apt-get install chromium
  - any system:     .venv/bin/python -m playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
exit 1
