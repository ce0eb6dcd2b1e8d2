#!/usr/bin/env bash
# Passerelle appliance — builds the root file system of one system version and, with
# --disk, the whole UEFI disk image. `make image` runs `build.sh --disk`; `make bundle` runs
# build.sh then bundle.sh. Licensed under the EUPL-1.2.
#
#   kiosk-image/build.sh [--disk] [--version V] [--broken] [--out DIR]
#
# Steps (each says what it does; a failure names the step):
#   1. the base OS with mkosi (Debian 12, packages, kernel, initrd) into OUT/base, rebuilt
#      only when mkosi.default or mkosi.finalize changed;
#   2. the kiosk: the release build (`make release`) stripped, the Assets, the units, the
#      appliance's files (rootfs/), the signing CA's certificate, the version; users, enabled
#      and masked units applied offline;
#   3. the slot image OUT/rootfs.img, squashfs (what a RAUC bundle carries);
#   4. with --disk: OUT/passerelle.img (assemble.sh).
# --broken makes a deliberately bad version (the kiosk refuses to start) for image-test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=$repo/.build/image
disk=no; broken=no
version=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo 0)
while [ $# -gt 0 ]; do
  case "$1" in
    --disk) disk=yes ;;
    --broken) broken=yes ;;
    --version) version=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
keys=${PASSERELLE_KEYS:-$here/keys}
step() { echo "image: $*"; }
fail() { echo "image: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "must run as root (mkosi, file ownership in the image)"
for tool in mkosi mksquashfs mkfs.ext4 systemctl systemd-sysusers strip; do
  command -v $tool >/dev/null || fail "$tool is missing: run scripts/setup-image.sh"
done
mkdir -p "$out"

# 1. The base OS, cached by the hash of its recipe.
recipe=$(cat "$here/mkosi.default" "$here/mkosi.finalize" | sha256sum | cut -c1-16)
if [ "$(cat "$out/base.recipe" 2>/dev/null)" != "$recipe" ] || [ ! -d "$out/base" ]; then
  step "1/4 base OS with mkosi (Debian 12; a few minutes the first time)"
  rm -rf "$out/mkosi" "$out/base" "$out/base.recipe"
  mkdir -p "$out/mkosi-cache"
  (cd "$here" && mkosi --output-dir="$out/mkosi" --cache="$out/mkosi-cache" --force build) > "$out/mkosi.log" 2>&1 \
    || { tail -30 "$out/mkosi.log" >&2; fail "1/4 mkosi failed (whole log: $out/mkosi.log)"; }
  base=$(find "$out/mkosi" -mindepth 1 -maxdepth 2 -type d -name image | head -1)
  [ -x "$base/usr/lib/systemd/systemd" ] || fail "1/4 mkosi made no OS tree in $out/mkosi"
  mv "$base" "$out/base"
  echo "$recipe" > "$out/base.recipe"
else
  step "1/4 base OS: up to date ($out/base)"
fi

# 2. The kiosk and the appliance's files, on a fresh copy of the base.
step "2/4 kiosk $version into the root file system"
for program in passerelle passerellectl; do
  [ -x "$repo/.build/release/$program" ] || fail "2/4 .build/release/$program is missing: run make release"
done
[ -f "$keys/ca.cert.pem" ] || "$here/make-test-keys.sh" "$keys"
root=$out/root
rm -rf "$root"
cp -a "$out/base" "$root"
install -m 0755 -D -s "$repo/.build/release/passerelle" "$root/usr/bin/passerelle"
install -m 0755 -D -s "$repo/.build/release/passerellectl" "$root/usr/bin/passerellectl"
mkdir -p "$root/usr/share/passerelle" "$root/usr/share/doc/passerelle"
cp -r "$repo/Assets" "$root/usr/share/passerelle/Assets"
cp "$repo/Assets/passerelle.conf" "$root/usr/share/passerelle/passerelle.conf"
cp "$repo/README.md" "$repo/docs/agenda.md" "$repo/docs/store.md" "$root/usr/share/doc/passerelle/"
cp "$here/README.md" "$root/usr/share/doc/passerelle/kiosk-image.md"
cp "$repo"/systemd/*.service "$repo"/systemd/*.timer "$root/usr/lib/systemd/system/"
install -m 0644 -D "$repo/systemd/passerelle.sysusers" "$root/usr/lib/sysusers.d/passerelle.conf"
# (systemd/passerelle.tmpfiles is for plain installs; the image's /etc/passerelle is a link
# to the data partition, set up by rootfs/usr/lib/tmpfiles.d/passerelle-image.conf.)
cp -a "$here/rootfs/." "$root/"
ln -sfn /var/lib/passerelle-config "$root/etc/passerelle"
# The ESP's mount point: the root is read-only, so it must exist in the image.
mkdir -p "$root/efi"
mkdir -p "$root/usr/lib/systemd/system/passerelle.service.d"
cat > "$root/usr/lib/systemd/system/passerelle.service.d/appliance.conf" <<'CONF'
# The appliance: content packs from /etc/passerelle/content (the shipped ones unless the
# admin replaced the link there with a folder of their own).
[Service]
ExecStart=
ExecStart=/usr/bin/passerelle --fullscreen --config /etc/passerelle/passerelle.conf --data-dir /var/lib/passerelle --content /etc/passerelle/content
CONF
if [ "$broken" = yes ]; then
  # A realistic mistake: a test-only variable left in the unit. The kiosk refuses to run
  # with it under systemd (docs/architecture.md, "Time") and exits at once, every time.
  cat > "$root/usr/lib/systemd/system/passerelle.service.d/broken.conf" <<'CONF'
[Service]
Environment=PASSERELLE_NOW=2026-01-01T00:00:00+01:00
CONF
fi
install -m 0644 -D "$keys/ca.cert.pem" "$root/etc/rauc/keyring.pem"
echo "$version" > "$root/usr/lib/passerelle/image-version"
printf 'IMAGE_ID=passerelle\nIMAGE_VERSION=%s\n' "$version" >> "$root/usr/lib/os-release"
ln -sfn /usr/share/zoneinfo/Europe/Paris "$root/etc/localtime"
echo Europe/Paris > "$root/etc/timezone"
# Empty: each machine makes its own at first boot.
: > "$root/etc/machine-id"
systemd-sysusers --root="$root" >/dev/null
# (Not passerelle-reminders.timer: it needs a gateway set in a drop-in, which the read-only
# system cannot take yet; unset, it would fail every 5 minutes. kiosk-image/README.md.)
# Wired network by DHCP for time sync and reminders; names through resolved (the root is
# read-only, so /etc/resolv.conf points into /run).
ln -sfn /run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"
systemctl --root="$root" enable passerelle.service passerelle-health.service passerelle-agenda.service \
  passerelle-machine-id.service passerelle-vm-console.service passerelle-backup.timer passerelle-purge.timer \
  systemd-timesyncd.service systemd-networkd.service systemd-resolved.service >/dev/null 2>&1 \
  || fail "2/4 systemctl enable failed in $root"
# No login prompt anywhere (logind's NAutoVTs=0 covers Alt+F2…), and no automatic blessing of
# boot entries: RAUC's mark-good does it, only after the kiosk proved itself.
systemctl --root="$root" mask getty@.service serial-getty@.service autovt@.service console-getty.service \
  systemd-bless-boot.service >/dev/null 2>&1 || fail "2/4 systemctl mask failed in $root"

# 3. The slot image: the tree as a read-only, compressed squashfs. Read-only: nothing a
# kiosk does can damage its system; compressed: two slots and the data fit in 1 GB.
step "3/4 slot image (squashfs)"
rm -f "$out/rootfs.img"
mksquashfs "$root" "$out/rootfs.img" -comp zstd -Xcompression-level 15 -noappend -quiet -no-progress \
  -e "$root/var/cache/apt" > "$out/mksquashfs.log" 2>&1 || { cat "$out/mksquashfs.log" >&2; fail "3/4 mksquashfs $root failed"; }
echo "$version" > "$out/rootfs.version"
step "3/4 $out/rootfs.img: $(( $(stat -c %s "$out/rootfs.img") / 1048576 )) MB, version $version"

if [ "$disk" = yes ]; then
  step "4/4 disk image"
  "$here/assemble.sh" "$root" "$out/rootfs.img" "$out/passerelle.img"
fi
