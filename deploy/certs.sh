#!/bin/sh
# The cluster's certificate authority and a certificate for each silo and gateway, for mutual TLS on Orleans'
# ports (docs/security.md, "Orleans ports: mutual TLS"). Plain POSIX sh and openssl, so that it also runs in a
# minimal container (docker-compose.yml runs it in one).
#
#   deploy/certs.sh OUT_DIR [NAME...]
#   deploy/certs.sh --renew OUT_DIR NAME...
#
# OUT_DIR/ca.crt, ca.key   the cluster CA, made on the first run and kept (ca.key never leaves this folder)
# OUT_DIR/NAME.crt, .key   NAME's certificate (CN and DNS name NAME, for both TLS server and client use), made when
#                          missing, not issued by this CA, or expiring within 30 days; --renew makes it anew
#
# Every process presents its own NAME.crt and NAME.key and trusts ca.crt only. Running the script again is safe:
# it adds what is missing and keeps what is good, so it can run at every start.
#
# Settings (environment):
#   TC_CERTS_DAYS     how long a silo's or gateway's certificate is valid (default 365)
#   TC_CERTS_CA_DAYS  how long a new CA is valid (default 3650)
set -eu

usage() {
  echo "usage: deploy/certs.sh [--renew] OUT_DIR [NAME...]   (NAME: letters, digits, '.', '_' and '-')" >&2
  exit 2
}

fail() {
  echo "error: $*" >&2
  exit 1
}

renew=false
if [ "${1:-}" = "--renew" ]; then
  renew=true
  shift
fi
[ $# -ge 1 ] || usage
out="$1"
shift
leaf_days="${TC_CERTS_DAYS:-365}"
ca_days="${TC_CERTS_CA_DAYS:-3650}"
case "$leaf_days$ca_days" in *[!0-9]*) fail "TC_CERTS_DAYS and TC_CERTS_CA_DAYS must be numbers of days" ;; esac
command -v openssl >/dev/null 2>&1 || fail "openssl is not installed (apt-get install -y openssl)"
for name in "$@"; do
  case "$name" in
    "" | ca | *[!A-Za-z0-9._-]* | .*) fail "'$name' is not a usable name: letters, digits, '.', '_' and '-', not 'ca'" ;;
  esac
done

# Private keys are owner-only from the moment they exist.
umask 077
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

new_key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# A random serial, so that certificates issued by two runs never share one.
serial() {
  echo "0x$(openssl rand -hex 16)"
}

make_ca() {
  # A random suffix tells two clusters' CAs apart in logs and error messages.
  id="$(openssl rand -hex 4)"
  cat >"$work/ca.cnf" <<EOF
[req]
distinguished_name = dn
x509_extensions = ca
prompt = no
[dn]
O = TorrentCluster
CN = TorrentCluster cluster CA $id
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
  new_key "$work/ca.key"
  openssl req -x509 -new -config "$work/ca.cnf" -key "$work/ca.key" -days "$ca_days" -sha256 -set_serial "$(serial)" \
    -out "$work/ca.crt"
  mv "$work/ca.key" "$out/ca.key"
  # The CA certificate is public: every process reads it.
  chmod 644 "$work/ca.crt"
  mv "$work/ca.crt" "$out/ca.crt"
  echo "made the cluster CA: $out/ca.crt (its key $out/ca.key stays here)"
}

# Whether NAME's certificate can stay: issued by this CA and valid for 30 more days.
certificate_is_good() {
  [ -s "$out/$1.crt" ] && [ -s "$out/$1.key" ] \
    && openssl verify -CAfile "$out/ca.crt" "$out/$1.crt" >/dev/null 2>&1 \
    && openssl x509 -in "$out/$1.crt" -noout -checkend 2592000 >/dev/null 2>&1
}

issue() {
  name="$1"
  cat >"$work/$name.ext" <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$name
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  new_key "$work/$name.key"
  openssl req -new -key "$work/$name.key" -subj "/O=TorrentCluster/CN=$name" -out "$work/$name.csr"
  openssl x509 -req -in "$work/$name.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -set_serial "$(serial)" \
    -days "$leaf_days" -sha256 -extfile "$work/$name.ext" -out "$work/$name.crt" 2>/dev/null
  chmod 644 "$work/$name.crt"
  # Key first, then certificate: a reader never sees a new certificate beside an old key.
  mv "$work/$name.key" "$out/$name.key"
  mv "$work/$name.crt" "$out/$name.crt"
  echo "issued $out/$name.crt (valid $leaf_days days)"
}

if [ ! -s "$out/ca.crt" ] || [ ! -s "$out/ca.key" ]; then
  if [ -e "$out/ca.crt" ] || [ -e "$out/ca.key" ]; then
    fail "$out holds only half a CA (ca.crt or ca.key): restore the other half or move both away"
  fi
  make_ca
fi

for name in "$@"; do
  if [ "$renew" = false ] && certificate_is_good "$name"; then
    continue
  fi
  issue "$name"
done
