#!/usr/bin/env bash
# Checks every systemd unit in systemd/ the way the appliance will load it:
#   - `systemd-analyze verify` must print nothing at all (it only warns, exit code 0, on an
#     unknown key or a bad value, so any output fails the check);
#   - `systemd-analyze security --offline=yes` must rate every service MAX_EXPOSURE or lower.
# The units are verified inside a scratch root holding systemd's own units, the units of
# systemd/ and the programs they start (the real built ones: BIN_DIR), so a wrong path in an
# ExecStart= fails here and not on a kiosk.
# Usage: scripts/check-units.sh [BIN_DIR]   (default .build/debug; `make check-units`)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN_DIR=${1:-.build/debug}
MAX_EXPOSURE=${MAX_EXPOSURE:-2.5}

for tool in systemd-analyze systemd-sysusers systemd-tmpfiles; do
  command -v "$tool" >/dev/null || { echo "check-units: $tool is missing (package systemd)" >&2; exit 1; }
done
for program in passerelle passerellectl; do
  [ -x "$BIN_DIR/$program" ] || { echo "check-units: $BIN_DIR/$program is not built: run swift build first (make test does)" >&2; exit 1; }
done

root=$(mktemp -d /tmp/passerelle-units.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system" "$root/usr/bin" "$root/bin" "$root/usr/lib/passerelle"
cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
cp /bin/kill /bin/chown /bin/chmod "$root/bin/"
for program in passerelle passerellectl; do
  ln "$BIN_DIR/$program" "$root/usr/bin/$program" 2>/dev/null || cp "$BIN_DIR/$program" "$root/usr/bin/$program"
done
# Helper programs the image installs under /usr/lib/passerelle (kiosk-image/).
if [ -d kiosk-image/rootfs/usr/lib/passerelle ]; then
  cp kiosk-image/rootfs/usr/lib/passerelle/* "$root/usr/lib/passerelle/"
fi
cp systemd/*.service systemd/*.timer "$root/etc/systemd/system/"

units=()
for file in systemd/*.service systemd/*.timer; do units+=("$(basename "$file")"); done

failed=0
out=$(systemd-analyze verify --root="$root" "${units[@]}" 2>&1) || failed=1
if [ -n "$out" ] || [ $failed -ne 0 ]; then
  echo "$out" | sed "s|$root||g" >&2
  echo "check-units: systemd-analyze verify is not clean for systemd/ (above)" >&2
  exit 1
fi
echo "check-units: systemd-analyze verify: ${#units[@]} units clean"

# sysusers.d and tmpfiles.d must parse too: applied to the scratch root, not to this machine.
mkdir -p "$root/etc"
: > "$root/etc/passwd"; : > "$root/etc/group"
mkdir -p "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d"
for f in systemd/*.sysusers; do cp "$f" "$root/usr/lib/sysusers.d/$(basename "$f" .sysusers).conf"; done
for f in systemd/*.tmpfiles; do cp "$f" "$root/usr/lib/tmpfiles.d/$(basename "$f" .tmpfiles).conf"; done
out=$(systemd-sysusers --root="$root" 2>&1) || { echo "$out" >&2; echo "check-units: systemd/*.sysusers: systemd-sysusers failed" >&2; exit 1; }
# It says what it creates ("Creating user …"); anything else is a complaint.
if echo "$out" | grep -qv '^Creating '; then echo "$out" >&2; echo "check-units: systemd/*.sysusers: systemd-sysusers warned" >&2; exit 1; fi
grep -q '^passerelle:' "$root/etc/passwd" || { echo "check-units: systemd/passerelle.sysusers made no passerelle user" >&2; exit 1; }
out=$(systemd-tmpfiles --root="$root" --create 2>&1) || { echo "$out" >&2; echo "check-units: systemd/*.tmpfiles: systemd-tmpfiles failed" >&2; exit 1; }
[ -z "$out" ] || { echo "$out" >&2; echo "check-units: systemd/*.tmpfiles: systemd-tmpfiles warned" >&2; exit 1; }
gid=$(awk -F: '$1 == "passerelle" { print $3 }' "$root/etc/group")
[ "$(stat -c '%a %u %g' "$root/etc/passerelle")" = "750 0 $gid" ] \
  || { echo "check-units: systemd/passerelle.tmpfiles: /etc/passerelle is not 0750 root:passerelle" >&2; exit 1; }
echo "check-units: sysusers.d and tmpfiles.d files apply cleanly"

for file in systemd/*.service; do
  line=$(systemd-analyze security --offline=yes --root="$root" "$(basename "$file")" 2>&1 | grep "Overall exposure level" || true)
  level=$(echo "$line" | sed -n 's/.*: \([0-9][0-9]*\.[0-9]\).*/\1/p')
  if [ -z "$level" ]; then
    echo "check-units: $file: systemd-analyze security printed no exposure level" >&2
    exit 1
  fi
  if awk -v l="$level" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(l > m) }'; then
    echo "check-units: $file: exposure $level is above $MAX_EXPOSURE (systemd-analyze security --offline=yes $file lists what is missing)" >&2
    exit 1
  fi
  echo "check-units: $file: exposure $level (at most $MAX_EXPOSURE)"
done
