#!/usr/bin/env bash
# Installs the Debian 12 packages Passerelle needs to build, run and test.
# Idempotent: it asks apt only for what is missing. Run as root, or with sudo available.
set -euo pipefail

PACKAGES=(
  pkg-config
  systemd                                         # systemd-analyze: make check-units
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev   # rendering, text (HarfBuzz), PNG
  libsqlite3-dev                                  # the local store (GRDB)
  libespeak-ng-dev espeak-ng-data                 # speech
  libqrencode-dev zbar-tools                      # the ticket's QR code (zbarimg reads it back in tests)
  fonts-noto-core                                 # Noto Sans and Noto Sans Arabic
  fonts-material-design-icons-iconfont            # pictograms
  xvfb xauth xdotool                              # a real window without a screen (bench, tests)
  python3-venv                                    # scripts/setup-python.sh: icalendar for the ICS tests
  libcurl4-openssl-dev                            # release builds link Foundation statically; its URLSession needs curl
  libvncserver-dev                                # remote help: the kiosk's screen over RFB
  socat                                           # remote help: the TLS tunnel to an aidant's viewer
  novnc chromium                                  # remote help's test of noVNC in a real browser
)

"$(dirname "$0")/apt-install-missing.sh" setup "${PACKAGES[@]}"
