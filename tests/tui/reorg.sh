#!/usr/bin/env bash
# A reorg at the same height that another process indexed first: while the
# panel is stopped, the chain goes back one block and mines another
# transaction in its place, and `powerchain sync` rolls the shared index
# back and indexes the new block. The panel, reading the index again, drops
# the orphaned transaction and shows the new one, although the index's head
# is the same block number as before (issue 18, finding 5).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT
rpc() { "$CAST" rpc --rpc-url "$DEVNET_RPC" "$@" | tr -d '"'; }

tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
snap=$(rpc evm_snapshot)
# The branch that will be abandoned: A's vote for C.
tx A 'addVoter(address)' "${ADDR[C]}" >/dev/null
height=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_keys 9
tui_expect "the vote for C" "addVoter(0x3C44..93BC)"

panel=$(tui_pid)
kill -STOP "$panel"
rpc evm_revert "$snap" >/dev/null
# In its place, at the same height: A's vote for D.
tx A 'addVoter(address)' "${ADDR[D]}" >/dev/null
assert_eq "the new branch is as high as the old one" \
    "$("$CAST" block-number --rpc-url "$DEVNET_RPC")" "$height"
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" sync 2>&1)
assert_eq "another process indexes the reorg" "$out" \
    "indexed 1 blocks, 1 transactions (after a reorg); head block $height"
kill -CONT "$panel"

# The same block number: only a refresh makes the panel read again.
tui_keys r
tui_expect "the new branch's vote for D" "addVoter(0x9965..A4dc)"
assert_eq "the orphaned vote for C is gone" "$(tui_screen | grep -c '0x3C44..93BC')" 0
tui_expect "as many transactions as before" "newest first (3 transactions)"
tui_keys q
assert_summary
