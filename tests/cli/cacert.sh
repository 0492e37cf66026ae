#!/usr/bin/env bash
# An https node whose certificate comes from a private CA: refused with a
# message about TLS trust without --cacert, read with --cacert CA (and with
# the config's cacert, per network), refused with another CA.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
tls=$(mktemp -d "${TMPDIR:-/tmp}/pc-tls.XXXXXX")
proxy_pid=
trap '[[ -n $proxy_pid ]] && kill "$proxy_pid" 2>/dev/null; rm -rf "$tls"; devnet_down' EXIT

# new_ca NAME: a self-signed CA in $tls/NAME.pem (key NAME.key).
new_ca() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=powerchain test $1" -keyout "$tls/$1.key" -out "$tls/$1.pem" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign \
        2>"$tls/openssl.err" || { cat "$tls/openssl.err" >&2; exit 1; }
}
new_ca ca
new_ca other
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1 \
    -keyout "$tls/node.key" -out "$tls/node.csr" 2>"$tls/openssl.err" &&
    printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$tls/ext" &&
    openssl x509 -req -in "$tls/node.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
        -CAcreateserial -days 2 -extfile "$tls/ext" -out "$tls/node.pem" 2>"$tls/openssl.err" ||
    { cat "$tls/openssl.err" >&2; exit 1; }

node "$PROJECT_ROOT/tests/lib/tls-proxy.js" "$tls/node.pem" "$tls/node.key" "$DEVNET_RPC" \
    >"$tls/proxy.out" 2>&1 &
proxy_pid=$!
wait_for "tls-proxy.js to listen" grep '^listening [0-9]' "$tls/proxy.out" ||
    { echo "tls-proxy.js did not start: $(cat "$tls/proxy.out")" >&2; exit 1; }
port=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$tls/proxy.out")
https_rpc=https://127.0.0.1:$port

pc() { "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --timeout 60 "$@"; }

over_http=$(pc --rpc "$DEVNET_RPC" call getTotalENT 2>&1)
assert_match "the read over http works" "$over_http" "*ENT*"

out=$(pc --rpc "$https_rpc" call getTotalENT 2>&1)
assert_eq "without --cacert: node failure" "$?" 3
assert_match "without --cacert: says the certificate is not trusted" "$out" \
    "*cannot reach node at $https_rpc: its TLS certificate is not trusted*--cacert FILE*"

out=$(pc --rpc "$https_rpc" --cacert "$tls/ca.pem" call getTotalENT 2>&1)
assert_eq "with --cacert of its CA: the read works" "$out" "$over_http"
out=$(pc --rpc "$https_rpc" --cacert "$tls/ca.pem" status 2>&1)
assert_match "status names the https node" "$out" "*node*$https_rpc*"

out=$(pc --rpc "$https_rpc" --cacert "$tls/other.pem" call getTotalENT 2>&1)
assert_eq "with another CA: node failure" "$?" 3
assert_match "with another CA: not trusted" "$out" "*its TLS certificate is not trusted*"

out=$(pc --rpc "$https_rpc" --cacert "$tls/none.pem" call getTotalENT 2>&1)
assert_eq "a --cacert that is not there: bad input" "$?" 2
assert_match "names the file" "$out" "*CA file $tls/none.pem (--cacert, or cacert in the config): No such file*"

# The config's cacert, in a named network and outside sections.
(umask 077 && printf '[network tls]\nrpc = %s\ncacert = %s\n' "$https_rpc" "$tls/ca.pem" >"$tls/config")
out=$(POWERCHAIN_CONFIG=$tls/config pc --network tls call getTotalENT 2>&1)
assert_eq "cacert of a named network" "$out" "$over_http"
(umask 077 && printf 'cacert = %s\n' "$tls/other.pem" >"$tls/config")
out=$(POWERCHAIN_CONFIG=$tls/config pc --rpc "$https_rpc" call getTotalENT 2>&1)
assert_match "cacert outside sections is used" "$out" "*its TLS certificate is not trusted*"
out=$(POWERCHAIN_CONFIG=$tls/config pc --rpc "$https_rpc" --cacert "$tls/ca.pem" call getTotalENT 2>&1)
assert_eq "--cacert wins over the config" "$out" "$over_http"

assert_summary
