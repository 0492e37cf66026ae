#!/usr/bin/env bash
# Failover of a send: the first --rpc node takes the transaction and dies
# before the receipt; the receipt is then found through the second node,
# and the transaction was sent exactly once.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266

proxy_up

nonce_before=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$A")
out=$("$POWERCHAIN_BIN" --rpc "$PROXY_RPC" --rpc "$DEVNET_RPC" --timeout 30 \
    --contract-json "$DEVNET_JSON" --private-key-file "$DEVNET_DIR/a.key" --yes send clearOldSessions 2>&1)
code=$?
proxy_wait
assert_eq "send completes through the second node" "$code" 0
assert_match "outcome found" "$out" "*transaction 0x*sent*mined in block*"
assert_eq "sent exactly once" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$A")" $((nonce_before + 1))
assert_eq "the first node died after the send" "$PROXY_END" gone

assert_summary
