#!/usr/bin/env bash
# Issue 17 item 6, and the soak finding: the panel opens without a node.
# The demo chain is indexed, its node paused (SIGSTOP: it answers nothing)
# and the panel started with the demo keystore: the header says "offline,
# as of block #N (time)"; Accounts (the keystore), Activity, Voting's
# proposals, Market's trades, Banker's withdrawal requests and Charts (the
# index) and Network info's list are drawn, Market and Banker saying so and
# their actions that they need the node; a page that reads the node says
# so; a send says it could not be prepared.
# The node goes on (SIGCONT), the same chain: the panel connects and goes
# on from the index it read (the help's "index read whole 1 times" stays 1
# through a disconnection, a reconnection and a new block: only new blocks
# are read). The node is paused rather than restarted: anvil started again
# from its saved state sometimes gives block 0 another hash (seen: then the
# panel rightly takes it for another chain).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
NODE=$(cat "$DEVNET_DIR/node.pid")
trap 'kill -CONT "$NODE" 2>/dev/null; tui_down; devnet_down' EXIT
ARGS=(--rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$DEVNET_DIR/keystore"
      --account A)
assert_match "C, the banker, mints B 3 eEuro" \
    "$(tx C 'minteEuro(address,uint256)' "${ADDR[B]}" 3000000000000000000)" "Info:*"
assert_match "B asks to withdraw 1.5" "$(tx B 'lockeEuro(uint256)' 1500000000000000000)" "Info:*"
"$POWERCHAIN_BIN" "${ARGS[@]}" sync >/dev/null || exit 1
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
kill -STOP "$NODE"

# The help shows the count of whole reads with the timers.
TUI_ENV=POWERCHAIN_TUI_TIMERS=1 tui_start "${ARGS[@]}"
tui_expect "the header says offline, as of the index's block" "offline, as of block #$head ("
tui_expect "the account from the keystore" "A 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
tui_expect "a page that reads the node says so" "offline: this page reads the node"
tui_page 7
tui_expect "Accounts from the keystore" "U2"
tui_page 9
tui_expect "Activity from the index" "newest first ("
tui_expect "with the scenario's transactions" "Order added >> buy #0"
tui_page 5
tui_expect "Voting's proposals from the index" "Passed"
tui_page 0
tui_gone "Charts from the index" "reading the chain"
tui_page 3
tui_expect "Network info's list" "Networks"
tui_gone "nothing waits for the chain" "reading the chain"
tui_page 4
tui_expect "Market says what it shows and as of when" \
    "offline, as of block #$head ("
tui_expect "the book needs the node" "the order book and orders need the node"
tui_expect "the trades from the index" "1.9 ENT at 0.5 eEuro/ENT"
tui_keys b
tui_wait_message "offline, as of block #$head (" 30
assert_match "an order needs the node" "$(tui_message)" "*placing an order needs the node*"
assert_eq "no order form" "$(tui_screen | grep -c 'Buy ENT')" 0
tui_page 6
tui_expect "Banker says what it shows and as of when" "need the node"
tui_expect "B's withdrawal request from the index" "${ADDR[B]}"
tui_expect "its amount" "1.5 eEuro"
tui_keys m
tui_wait_message "offline, as of block #$head (" 30
assert_match "minting needs the node" "$(tui_message)" "*minting needs the node*"
assert_eq "no mint form" "$(tui_screen | grep -c 'Mint eEuro')" 0

echo "# an action that needs the node says so"
tui_page 1
tui_keys t
tui_expect "the form" "Transfer ENT"
tui_type "${ADDR[C]}"
tui_keys Tab
tui_type "0.1"
tui_keys Enter
tui_expect "why it was not sent" "not sent:"
tui_keys Escape

echo "# the node goes on: the same chain"
kill -CONT "$NODE"
tui_expect "connected" "connected to"
tui_gone "no longer offline" "offline, as of"
# The help's count of whole reads of the index.
# The help dialog wraps it: its rows joined, each row's text between the
# dialog's borders (the page beside it is not the dialog's).
whole_shown() {
    tui_screen | awk -F'│' 'NF >= 3 { print $2 }' | tr -s ' \n' ' ' |
        grep -o 'index read whole [0-9]* times'
}
whole() {
    tui_keys F1
    wait_for "the help's counters" whole_shown >/dev/null || tui_screen >&2
    whole_shown
    tui_keys Escape
}
assert_eq "the index was read whole once, offline" "$(whole)" "index read whole 1 times"
kill -STOP "$NODE"
tui_expect "disconnected" "disconnected, retrying"
kill -CONT "$NODE"
tui_expect "back" "node back: connected again"
"$CAST" rpc anvil_mine 0x1 --rpc-url "$DEVNET_RPC" >/dev/null
tui_expect "a block after the reconnection" "block #$((head + 1))"
tui_page 9
tui_expect "Activity still lists the chain's past" "Order added >> buy #0"
assert_eq "a reconnection to the same chain reads only new blocks" "$(whole)" \
    "index read whole 1 times"
tui_keys q
assert_summary
