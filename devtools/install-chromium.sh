#!/usr/bin/env bash
# Debian's headless Chromium for the Data Docs browser test (tests/test_data_docs_browser.py).
# `make test` runs this first; it does nothing when /usr/bin/chromium is already there.
# Needs root (or sudo) and the Debian package mirror; installs no recommended extras.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-chromium: need root or sudo to apt-get install chromium" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-chromium: apt-get install chromium (once per machine)" >&2
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM" --version
