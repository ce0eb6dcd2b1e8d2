#!/usr/bin/env bash
# Passerelle appliance — packs the slot image that build.sh made into a signed RAUC bundle.
# Licensed under the EUPL-1.2. `make bundle` runs build.sh then this.
#
#   kiosk-image/bundle.sh [--out DIR] [--name NAME]    → DIR/NAME (default passerelle-VERSION.raucb)
#
# Signed with PASSERELLE_KEYS/signing.{key,cert}.pem (default kiosk-image/keys, the test CA
# that build.sh makes); a kiosk accepts it only if that certificate chains to the CA in its
# /etc/rauc/keyring.pem.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/.." && pwd)/.build/image
name=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift ;;
    --name) name=$2; shift ;;
    *) echo "bundle.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
keys=${PASSERELLE_KEYS:-$here/keys}
fail() { echo "bundle: $*" >&2; exit 1; }
command -v rauc >/dev/null || fail "rauc is missing: run scripts/setup-image.sh"
command -v mksquashfs >/dev/null || fail "mksquashfs is missing (squashfs-tools): run scripts/setup-image.sh"
[ -f "$out/rootfs.img" ] || fail "$out/rootfs.img is missing: run kiosk-image/build.sh first"
for f in signing.key.pem signing.cert.pem ca.cert.pem; do
  [ -f "$keys/$f" ] || fail "$keys/$f is missing (kiosk-image/make-test-keys.sh makes a test set)"
done
version=$(cat "$out/rootfs.version")
name=${name:-passerelle-$version.raucb}

work=$(mktemp -d "$out/bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
ln "$out/rootfs.img" "$work/rootfs.img" 2>/dev/null || cp "$out/rootfs.img" "$work/rootfs.img"
cat > "$work/manifest.raucm" <<MANIFEST
[update]
compatible=passerelle-kiosk-x86_64
version=$version
description=Passerelle kiosk $version

[bundle]
format=verity

[image.rootfs]
filename=rootfs.img
MANIFEST
rm -f "$out/$name"
rauc bundle --cert="$keys/signing.cert.pem" --key="$keys/signing.key.pem" --keyring="$keys/ca.cert.pem" \
  "$work" "$out/$name" > "$work.log" 2>&1 || { cat "$work.log" >&2; fail "rauc bundle failed"; }
rm -f "$work.log"
rauc info --keyring="$keys/ca.cert.pem" "$out/$name" > /dev/null 2>&1 || fail "$out/$name does not verify against $keys/ca.cert.pem"
echo "bundle: $out/$name ($(( $(stat -c %s "$out/$name") / 1048576 )) MB, version $version, signed by $(openssl x509 -noout -subject -in "$keys/signing.cert.pem" | sed 's/^subject=//')"
