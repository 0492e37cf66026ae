#!/usr/bin/env bash
# Esc while a transaction is being prepared (the worker is busy with a slow
# snapshot first, so the job waits behind it): the person need not wait
# for the node; the worker, which holds its own copy of the call, is told
# to forget the job, nothing is sent, and a second transaction goes through
# at once.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT
# Snapshots (eth_call) and gas estimates come 3 s late: long enough to act
# while one is awaited.
proxy_up slow-method eth_call,eth_estimateGas 3000
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}"; }

before=$(nonce)
tui_start --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "connected" "connected"
tui_keys 5
tui_expect "voting page" "Open proposals"
# A snapshot in flight: the prepare waits behind it.
tui_keys r a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[B]}"
tui_keys Enter
tui_expect "preparing" "asking the node for nonce, gas and fee"
tui_keys Escape
tui_expect "cancelled at once" "cancelled; nothing was sent"

echo "# a second transaction while the first's answer is awaited"
tui_keys a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[C]}"
tui_keys Enter
tui_expect "preparing" "asking the node for nonce, gas and fee"
tui_sign
tui_expect "outcome" "Info: New voter added >> $(hex C)"
assert_eq "the cancelled one was not sent: B is no voter" "$(rd B 'isVoter()(bool)')" false
assert_eq "C is a voter" "$(rd C 'isVoter()(bool)')" true
assert_eq "one nonce used" "$(nonce)" $((before + 1))
tui_keys q
tui_ended
assert_eq "clean exit" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
