#!/usr/bin/env bash
# The panel over the node's Unix socket (anvil --ipc): the header names the
# socket, the pages read through it, and a vote is sent through it.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
sock=$TUI_DIR/anvil.ipc
contract_up --ipc "$sock" || exit 1
trap 'tui_down; devnet_down' EXIT

tui_start --rpc "$sock" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "header names the socket" "node $sock"
tui_expect "connected" "connected"
tui_keys 3
tui_expect "parameters read" "lifetime of a consumption session"

echo "# a vote sent through the socket"
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")
tui_keys 5
tui_keys a
tui_type "${ADDR[C]}"
tui_keys Enter
tui_sign
# A is the only voter: the vote passes at once.
tui_expect "vote passed" "Info: New voter added >> $(hex C)"
assert_eq "A's nonce moved by one" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")" \
    $((nonce + 1))
tui_keys q
assert_summary
