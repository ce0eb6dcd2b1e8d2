#!/usr/bin/env bash
# Passerelle appliance — makes a TEST certificate authority and a signing key for bundles,
# in DIR (default kiosk-image/keys, git-ignored). Licensed under the EUPL-1.2.
# For real kiosks, make the CA once on an offline machine and keep it there (README.md,
# "The signing key"); point PASSERELLE_KEYS at the folder with ca.cert.pem, signing.*.pem.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")" && pwd)/keys}
mkdir -p "$dir"
chmod 700 "$dir"
cd "$dir"
[ -f ca.cert.pem ] && { echo "keys: $dir already has a CA; remove it to make a new one" >&2; exit 0; }
umask 077
echo "keys: making a TEST CA and signing key in $dir (not for real kiosks)"
openssl req -x509 -newkey rsa:3072 -nodes -keyout ca.key.pem -out ca.cert.pem -days 3650 \
  -subj "/O=Passerelle test/CN=Passerelle TEST update CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:3072 -nodes -keyout signing.key.pem -out signing.csr.pem \
  -subj "/O=Passerelle test/CN=Passerelle TEST bundle signing" 2>/dev/null
# No extendedKeyUsage: RAUC checks the signer for the S/MIME purpose by default, which a
# codeSigning-only certificate fails ("unsuitable certificate purpose").
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n' > signing.ext
openssl x509 -req -in signing.csr.pem -CA ca.cert.pem -CAkey ca.key.pem -CAcreateserial \
  -out signing.cert.pem -days 1825 -extfile signing.ext 2>/dev/null
rm -f signing.csr.pem signing.ext
echo "keys: CA $dir/ca.cert.pem, signing key $dir/signing.key.pem"
