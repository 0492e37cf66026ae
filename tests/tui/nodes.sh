#!/usr/bin/env bash
# Network info shows every configured node's health live, as `powerchain
# nodes` does (issue 19 item 4): two nodes, the devnet and a second one on
# chain 4201, side by side (up, head, lag or "other chain", latency, chain
# id, syncing, client); then the second is stopped and its row turns
# "down" with why, while the first stays up: the worker probes them again
# by itself, with no key pressed.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up || exit 1
NODE2_DIR=
trap 'tui_down; failover_down; devnet_down' EXIT
node2_up --chain-id 4201 || exit 1
TUI_COLS=140 TUI_LINES=40
ONE=${DEVNET_RPC#http://} TWO=${NODE2_RPC#http://}

# row HOSTPORT: the nodes table's row of that node, spaces squeezed.
row() { tui_screen | grep -F -- "http://$1 " | tr -s ' '; }
row_has() { [[ $(row "$1") == *"$2"* ]] || { tui_screen; false; }; }
expect_row() { assert_eventually "$1" row_has "$2" "$3"; }

tui_start --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" --contract-json "$DEVNET_JSON"
tui_page 3
tui_expect "the table" "Nodes"
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
expect_row "the devnet: up, its head, no lag, chain 4200" "$ONE" "up #$head 0 "
expect_row "the devnet's chain id, not syncing, anvil" "$ONE" " 4200 no "
expect_row "its client" "$ONE" "anvil/"
expect_row "the second: up, on another chain" "$TWO" "up #"
expect_row "the second: other chain" "$TWO" "other chain"
expect_row "the second's chain id" "$TWO" " 4201 "

echo "# the second node stops: its row says down and why, live"
"$PROJECT_ROOT/devnet/stop" --state "$NODE2_DIR"
expect_row "the second: down" "$TWO" "down"
tui_expect "why, under it" "cannot reach"
expect_row "the devnet still up" "$ONE" "up #"

echo "# the worker probes it again: a new block shows without a key"
"$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null
expect_row "the devnet's new head" "$ONE" "up #$((head + 1)) "
tui_quit
assert_summary
