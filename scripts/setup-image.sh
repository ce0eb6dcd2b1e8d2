#!/usr/bin/env bash
# Installs the Debian 12 packages that build and test the appliance image (kiosk-image/):
# `make image`, `make bundle`, `make image-test`. Idempotent, like setup-debian.sh; kept
# apart so that `make test` does not pull in qemu and mkosi.
set -euo pipefail

PACKAGES=(
  mkosi debootstrap systemd-container          # the base OS tree (mkosi 14, Format=directory)
  squashfs-tools e2fsprogs dosfstools mtools fdisk  # slot, data and EFI partitions, the GPT
  binutils                                     # strip
  rauc openssl                                 # signed update bundles, the test CA
  qemu-system-x86 ovmf qemu-utils              # image-test: UEFI boot in a virtual machine
  imagemagick                                  # image-test: the screenshot as PNG
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup-image: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-image: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
