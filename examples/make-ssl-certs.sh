#!/usr/bin/env bash
# Makes the certificates the ssl and ssl_client_cert examples read, as the Proton C++ examples'
# ssl-certs/ folder holds them: self-signed, CN=test_server (key password tserverpw) and
# CN=test_client (key password tclientpw), private keys encrypted PKCS#8 (OpenSSL's default cipher,
# which the examples read with Bouncy Castle, in the examples jar). Needs openssl.
# Usage: examples/make-ssl-certs.sh [DIR]   (default: ./ssl-certs)
set -euo pipefail
dir=${1:-ssl-certs}
mkdir -p "$dir"
for who in tserver:test_server tclient:test_client; do
    name=${who%%:*} cn=${who#*:}
    openssl req -x509 -newkey rsa:2048 -days 365 -subj "/CN=$cn/O=jproton" \
        -keyout "$dir/$name-private-key.pem" -out "$dir/$name-certificate.pem" -passout "pass:${name}pw" 2>/dev/null
done
echo "certificates in $dir/"
