#!/usr/bin/env bash
# Debian's headless Chromium for the Data Docs browser test (tests/test_data_docs_browser.py).
# `make test` runs this first; it does nothing when /usr/bin/chromium is already there.
# Needs root (or sudo) and the Debian package mirror; installs no recommended extras.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
. "$(dirname "$0")/apt.sh"
apt_sudo install-chromium chromium
apt_install install-chromium chromium
"$CHROMIUM" --version
