#!/usr/bin/env bash
# Debian's redis-server, the Celery broker of the CeleryExecutor stack (devtools/stack.py:
# `make stack` and tests/test_celery_stack.py). `make test` and `make stack` run this first;
# it does nothing when redis-server is already on PATH. Needs root (or sudo) and the Debian
# package mirror. Only the binary is used: the Debian service the package starts is stopped
# and disabled, and the stack starts its own server on 127.0.0.1 on a free port.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
. "$(dirname "$0")/apt.sh"
apt_sudo install-redis redis-server
# policy-rc.d 101: the package's post-install does not start Debian's own server on :6379.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=""
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY" && CREATED_POLICY=1
fi
trap '[ -n "$CREATED_POLICY" ] && $SUDO rm -f "$POLICY"' EXIT
apt_install install-redis redis-server
redis-server --version
