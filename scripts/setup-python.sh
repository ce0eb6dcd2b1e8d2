#!/usr/bin/env bash
# Creates .build/pyenv, a Python venv with the `icalendar` parser that the ICS tests use to
# check the helpers' calendars with a real, independent implementation of RFC 5545.
# Idempotent: does nothing when the venv already imports icalendar.
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=.build/pyenv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import icalendar" 2>/dev/null; then
  exit 0
fi
echo "setup: creating $VENV with icalendar"
mkdir -p .build
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "icalendar>=5,<7"
