#!/usr/bin/env bash
# A catch-up of the history index that fails (the node refuses its logs for
# a while, or does not answer in time on a busy machine) is tried again on
# the next tick, not only when a new block comes: on a quiet chain (anvil
# mines only when sent a transaction) the pages used to say "history index
# unavailable" for good. A cause of tui_mouse's failure under load (issue 18).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT

tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
block=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
# Nine refusals: every span of the first catch-up, down to one block.
proxy_up refuse-logs-first 9 || exit 1
tui_start --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_page 9
tui_expect "the first catch-up fails, and says why" "history index unavailable:"
tui_expect "the next one, with no new block, reads the history" "addVoter(0x7099..79C8)"
tui_expect "both transactions" "newest first (2 transactions)"
assert_eq "no block was mined meanwhile" "$("$CAST" block-number --rpc-url "$DEVNET_RPC")" "$block"
tui_keys q
tui_ended
assert_eq "clean exit" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
