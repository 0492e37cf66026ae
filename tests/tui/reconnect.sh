#!/usr/bin/env bash
# The node goes away while the panel is open: the panel says so, keeps
# answering keys, and recovers by itself when a node answers again at the
# same address (a fresh devnet on the same port: same deployer, same
# contract address).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "connected" "connected"
tui_keys 9
tui_expect "event before" "New voter added"
tui_expect "history before" "newest first (2 transactions)"

"$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR" >/dev/null
tui_expect "disconnected shown" "disconnected, retrying"
tui_keys 3
tui_expect "keys still work while disconnected" "Parameters"
assert_eq "panel alive" "$(tui_running && echo yes)" yes

"$PROJECT_ROOT/devnet/start" --port "$DEVNET_PORT" --state "$DEVNET_DIR" >/dev/null
tui_expect "recovered" "node back: connected again" 30
tui_expect "connected again" "connected"
tui_keys 9
tui_expect "fresh chain read: only the deployment in its history" "newest first (1 transaction)"
tui_keys q
assert_summary
