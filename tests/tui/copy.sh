#!/usr/bin/env bash
# Copy over SSH (issue 19 item 7): Y puts what is under the cursor on the
# terminal's clipboard with OSC 52, which tmux (set-clipboard on) takes
# into a paste buffer, as it would pass it on to the terminal of a person
# connected over SSH; the message line says what was copied. On the demo
# chain as A: the newest transaction's hash on Activity, the quantity of
# the order under the cursor on Market, and A's own address on a page
# without a cursor (Tokens).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
buffer() { tmux -L "$TUI_SOCK" show-buffer 2>/dev/null; }
buffer_is() { [[ $(buffer) == "$1" ]] || { echo "tmux's buffer: '$(buffer)'"; false; }; }
# expect_copied WHAT TEXT MESSAGE: the buffer holds TEXT and the message
# line says MESSAGE.
expect_copied() {
    assert_eventually "$1 in tmux's buffer" buffer_is "$2"
    tui_wait_message "$3" 10
    assert_eq "$1: the message" "$(tui_message)" "$3"
}

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tmux -L "$TUI_SOCK" set -g set-clipboard on
tui_expect "read" "Waiting for you"

echo "# Tokens has no cursor on an address: Y copies A's own"
tui_keys Y
expect_copied "A's address" "${ADDR[A]}" "copied your address: ${ADDR[A]}"

echo "# Activity: the newest transaction's hash"
newest=$(curl -s -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["latest",false]}' \
    "$DEVNET_RPC" | jq -r '.result.transactions[0]')
tui_page 9
tui_expect "the history read" "newest first ("
tui_keys Home Y
expect_copied "the hash" "$newest" "copied the transaction's hash: $newest"
echo "# ... also with the record open"
tui_keys Down Enter
tui_expect "the detail view" "Transaction 2 of"
tui_keys Y
second=$(buffer)
assert_match "the second newest: another hash" "$second" "0x*"
[[ $second != "$newest" ]] && ASSERT_PASSED=$((ASSERT_PASSED + 1)) ||
    { ASSERT_FAILED=$((ASSERT_FAILED + 1)); echo "FAIL: the open record copied the newest hash"; }
tui_keys Escape

echo "# Market: A's buy order, 8.1 ENT left of 10"
tui_page 4
tui_expect "the book" "BUY #0          1  8.1  mine"
tui_keys Home
tui_keys Y
expect_copied "the quantity" "8.1" "copied the ENT of buy order #0: 8.1"
tui_quit
assert_summary
