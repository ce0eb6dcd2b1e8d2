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

"$(dirname "$0")/apt-install-missing.sh" setup-image "${PACKAGES[@]}"
