#!/usr/bin/env bash
# Creates .build/pyenv, a Python venv with the tools the integration tests use as independent
# implementations: `icalendar` (RFC 5545) checks the helpers' calendars; `radicale` is the real
# CalDAV server and `caldav` the helper's own calendar client in the CalDAV tests
# (Tests/KioskStoreTests/CalDAV*); `vncdotool` is the aidant's RFB client in the remote-help
# tests and the assist benchmark. Idempotent: does nothing when the venv imports them all.
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=.build/pyenv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import icalendar, radicale, caldav, vncdotool" 2>/dev/null; then
  exit 0
fi
echo "setup: creating $VENV with icalendar, radicale, caldav and vncdotool"
mkdir -p .build
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  "icalendar>=5,<7" "radicale>=3.2,<4" "caldav>=1.3,<3" "vncdotool>=1.2,<2"
