#!/usr/bin/env bash
# The node goes away while the panel is open: the panel says so and how
# old its figures are, keeps answering keys, gives a form whose send could
# not be prepared back as it was typed, and recovers by itself when a node answers again at the
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

block=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
"$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR" >/dev/null
tui_expect "disconnected shown" "disconnected, retrying"
tui_expect "how old the figures are" "as of block #$block, "
age() { tui_screen | head -n 1 | sed -n 's/.*as of block #[0-9]*, \([0-9]*\) s ago .*/\1/p'; }
age1=$(age)
counted() { local a; a=$(age); [[ -n $a ]] && ((a >= age1 + 2)); }
expect_within "the age counts the seconds (from $age1 s)" counted

echo "# a send that cannot be prepared gives the form back"
tui_keys 5 a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[C]}"
tui_keys Enter
tui_expect "why, in the form" "not sent:"
tui_expect "the form again" "Vote: add a voter"
tui_expect "with the address typed" "${ADDR[C]}"
tui_keys Escape
tui_keys 3
tui_expect "keys still work while disconnected" "Parameters"
assert_eq "panel alive" "$(tui_running && echo yes)" yes

"$PROJECT_ROOT/devnet/start" --port "$DEVNET_PORT" --state "$DEVNET_DIR" >/dev/null
tui_expect "recovered" "node back: connected again"
tui_expect "connected again" "connected"
tui_keys 9
tui_expect "fresh chain read: only the deployment in its history" "newest first (1 transaction)"
tui_keys q
assert_summary
