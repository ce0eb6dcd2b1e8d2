#!/usr/bin/env bash
# Creates .build/pyenv, a Python venv with the real, independent clients the tests use:
# `icalendar` (RFC 5545) checks the helpers' calendars; `vncdotool` is the aidant's RFB
# client in the remote-help tests and the assist benchmark.
# Idempotent: does nothing when the venv already imports them.
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=.build/pyenv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import icalendar, vncdotool" 2>/dev/null; then
  exit 0
fi
echo "setup: creating $VENV with icalendar and vncdotool"
mkdir -p .build
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "icalendar>=5,<7" "vncdotool>=1.2,<2"
