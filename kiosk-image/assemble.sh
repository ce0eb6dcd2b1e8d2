#!/usr/bin/env bash
# Passerelle appliance — assembles the UEFI disk image from a root tree and its slot image.
# Licensed under the EUPL-1.2. Called by build.sh --disk.
#
#   assemble.sh ROOT_TREE ROOTFS_IMG OUTPUT.img
#
# Done by hand rather than by mkosi or systemd-repart: mkosi 14's disk formats need loop
# partition devices (absent in containers and on some build machines) and systemd-repart 252
# cannot write an image file offline. Every piece is made as a file and placed with dd.
#
# The disk (GPT):
#   1 esp              vfat  ESP_MB   systemd-boot, both slots' kernels, the boot entries
#   2 root-a           squashfs SLOT_MB  the running system (version N), read-only
#   3 root-b           squashfs SLOT_MB  empty: RAUC writes the next version here
#   4 passerelle-data  ext4  DATA_MB  /var: store, configuration, journal (grows at 1st boot)
set -euo pipefail
root=${1:?usage: assemble.sh ROOT_TREE ROOTFS_IMG OUTPUT.img}
slot=${2:?}
output=${3:?}
ESP_MB=${ESP_MB:-128}
SLOT_MB=${SLOT_MB:-368}
DATA_MB=${DATA_MB:-96}
fail() { echo "assemble: $*" >&2; exit 1; }
for tool in sfdisk mkfs.vfat mmd mcopy mkfs.ext4; do
  command -v $tool >/dev/null || fail "$tool is missing: run scripts/setup-image.sh"
done
slot_bytes=$(stat -c %s "$slot")
[ "$slot_bytes" -le $(( SLOT_MB * 1024 * 1024 )) ] \
  || fail "$slot is $(( slot_bytes / 1048576 )) MB, more than a slot ($SLOT_MB MB): raise SLOT_MB or slim the image"

work=$(mktemp -d "$(dirname "$output")/assemble.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The ESP: systemd-boot as the removable-media loader (no NVRAM entry needed), no menu.
sdboot=$root/usr/lib/systemd/boot/efi/systemd-bootx64.efi
[ -f "$sdboot" ] || fail "$sdboot is missing (package systemd-boot-efi in mkosi.default)"
kernel=$root/$(readlink "$root/vmlinuz"); initrd=$root/$(readlink "$root/initrd.img")
[ -f "$kernel" ] || kernel=$(readlink -f "$root/vmlinuz")
[ -f "$initrd" ] || initrd=$(readlink -f "$root/initrd.img")
[ -f "$kernel" ] && [ -f "$initrd" ] || fail "no kernel or initrd in $root (/vmlinuz, /initrd.img)"
version=$(cat "$root/usr/lib/passerelle/image-version")
cmdline=$(cat "$root/usr/lib/passerelle/kernel-cmdline")
cat > "$work/loader.conf" <<CONF
timeout 0
editor no
auto-entries no
auto-firmware no
console-mode keep
CONF
# The first version is known good: no boot counter (rauc-bootloader explains the names).
cat > "$work/passerelle-2-a.conf" <<CONF
title Passerelle $version (slot A)
version $version
linux /passerelle/a/vmlinuz
initrd /passerelle/a/initrd.img
options root=PARTLABEL=root-a ro rootfstype=squashfs rauc.slot=A $cmdline
CONF
esp=$work/esp.img
mkfs.vfat -C -F 32 -n ESP "$esp" $(( ESP_MB * 1024 )) >/dev/null
export MTOOLS_SKIP_CHECK=1
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/passerelle ::/passerelle/a ::/passerelle/b
mcopy -i "$esp" "$sdboot" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$esp" "$work/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$work/passerelle-2-a.conf" ::/loader/entries/passerelle-2-a.conf
mcopy -i "$esp" "$kernel" ::/passerelle/a/vmlinuz
mcopy -i "$esp" "$initrd" ::/passerelle/a/initrd.img

# The data partition starts with the base system's /var (what the packages put there).
data=$work/data.img
mkfs.ext4 -q -L passerelle-data -d "$root/var" "$data" "${DATA_MB}M" || fail "mkfs.ext4 of the data partition failed"

# The GPT, then each partition at its offset (1 MiB aligned).
mib=1048576
total_mb=$(( 1 + ESP_MB + 2 * SLOT_MB + DATA_MB + 1 ))
rm -f "$output"
truncate -s "${total_mb}M" "$output"
sfdisk -q "$output" <<TABLE
label: gpt
unit: sectors
start=2048, size=$(( ESP_MB * 2048 )), type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="esp"
size=$(( SLOT_MB * 2048 )), type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name="root-a"
size=$(( SLOT_MB * 2048 )), type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name="root-b"
size=$(( DATA_MB * 2048 )), type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="passerelle-data"
TABLE
place() { dd if="$1" of="$output" bs=1M seek="$2" conv=notrunc,sparse status=none; }
place "$esp" 1
place "$slot" $(( 1 + ESP_MB ))
# root-b stays empty (zeroes): no entry boots it until RAUC has written a version there.
place "$data" $(( 1 + ESP_MB + 2 * SLOT_MB ))
echo "assemble: $output: $(( $(stat -c %s "$output") / mib )) MB (ESP $ESP_MB, slots 2 × $SLOT_MB, data $DATA_MB), version $version"
