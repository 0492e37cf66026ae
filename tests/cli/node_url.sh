#!/usr/bin/env bash
# A node URL's credentials, path and query (API keys) never reach the
# screen: status, errors and the panel show scheme, host and port only,
# while requests still go to the whole URL.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up || exit 1
trap 'tui_down; devnet_down' EXIT
port=${DEVNET_RPC##*:}
# Anvil answers on "/" only: the path and query are checked on the error below.
secret_url="http://alice:pa55word@127.0.0.1:$port"

out=$("$POWERCHAIN_BIN" --rpc "$secret_url" --contract-json "$DEVNET_JSON" status 2>&1)
assert_eq "status works through a URL with credentials" "$?" 0
assert_match "and names the node by scheme, host and port" "$out" "*node*http://127.0.0.1:$port*"
assert_no_secret() {
    case $2 in
        *pa55word* | *alice* | *KEY0123456789* | *T0K3N*) assert_eq "$1" "shown" "not shown" ;;
        *) assert_eq "$1" "not shown" "not shown" ;;
    esac
}
assert_no_secret "status shows no credentials, path or query" "$out"

# A node that is not there: the error names it without its secrets.
out=$("$POWERCHAIN_BIN" --rpc "http://alice:pa55word@127.0.0.1:1/v3/KEY0123456789?token=T0K3N" --timeout 2 \
    --contract-json "$DEVNET_JSON" status 2>&1)
assert_eq "an unreachable node is exit 3" "$?" 3
assert_match "its error names the node" "$out" "*http://127.0.0.1:1*"
assert_no_secret "and shows no credentials" "$out"

out=$("$POWERCHAIN_BIN" --rpc "ftp://alice:pa55word@127.0.0.1/KEY0123456789" \
    --contract-json "$DEVNET_JSON" status 2>&1)
assert_match "a wrong scheme is refused" "$out" "*must start with http:// or https://*"
assert_no_secret "without repeating the URL" "$out"

# The panel's header and first message name the node the same way.
tui_start --rpc "$secret_url" --contract-json "$DEVNET_JSON"
tui_expect "the panel names the node by scheme, host and port" "127.0.0.1:$port"
assert_no_secret "and shows no credentials" "$(tui_screen)"
tui_stop

assert_summary
