#!/usr/bin/env bash
# Issue 17 item 7: the history index is tied to its chain's genesis. The
# devnet is stopped and a new chain started with the same chain id and the
# same deployment (so the same contract address) but another genesis: every
# command that reads the index refuses, naming the new genesis and saying
# how to go on; `sync --reset` indexes the new chain beside the old index,
# which then shows none of the old chain's transactions. A node far behind
# the index (more than the reorg window) is refused the same way.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
export XDG_CACHE_HOME=$DEVNET_DIR/cache POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
unset POWERCHAIN_RPC POWERCHAIN_ACCOUNT
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
A_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
C=0x90f79bf6eb2c4f870365e785982e1f87e6fb81f5

# The old chain holds a transfer the new one will not.
"$CAST" send --private-key "$A_KEY" --rpc-url "$DEVNET_RPC" "$DEVNET_ADDRESS" \
    'transferENT(address,uint256)' "$C" 123000000000000000 >/dev/null
pc sync >/dev/null
assert_match "the old chain's transfer is indexed" "$(pc --json history | jq -r '.[-1].method')" \
    "transferENT"
old_index=$(ls "$XDG_CACHE_HOME/powerchain"/*.sqlite)

devnet_replace || exit 1
new_prefix=${DEVNET_GENESIS:0:18}
for cmd in history units proposals trades withdrawals statement sync; do
    args=("$cmd")
    [[ $cmd == statement ]] && args+=("$C")
    out=$(pc "${args[@]}" 2>&1)
    rc=$?
    assert_eq "$cmd refuses another chain (exit 3)" "$rc" 3
    assert_match "$cmd names the node's genesis" "$out" \
        "*node serves another chain than the one indexed: genesis $new_prefix*"
    assert_match "$cmd says how to go on" "$out" "*powerchain sync --reset*"
done
out=$(pc history 2>&1)
assert_match "nothing of the old chain is printed" "$out" "!(*transferENT*)"

out=$(pc sync --reset 2>&1)
assert_eq "sync --reset indexes the node's chain" "$?" 0
assert_match "sync --reset says what it did" "$out" "indexed * blocks*"
assert_eq "the old index stays beside the new one" \
    "$(ls "$XDG_CACHE_HOME/powerchain"/*.sqlite | grep -c . ; [[ -f $old_index ]] && echo kept)" \
    "2
kept"
assert_eq "the new chain's history has no transfer" \
    "$(pc --json history | jq '[.[] | select(.method == "transferENT")] | length')" 0
assert_eq "history works again" "$(pc history >/dev/null 2>&1; echo $?)" 0

# The same chain far behind the index: 200 blocks indexed, then the node
# goes back to a snapshot taken before them (no reorg is that deep).
snap=$("$CAST" rpc evm_snapshot --rpc-url "$DEVNET_RPC" | tr -d '"')
"$CAST" rpc anvil_mine 0xc8 --rpc-url "$DEVNET_RPC" >/dev/null
pc sync >/dev/null
"$CAST" rpc evm_revert "$snap" --rpc-url "$DEVNET_RPC" >/dev/null
out=$(pc units 2>&1)
assert_eq "a node far behind the index is refused (exit 3)" "$?" 3
assert_match "and the refusal says why" "$out" \
    "*node serves another chain than the one indexed: its newest block #* is * blocks behind*sync --reset*"
out=$(pc sync --reset 2>&1)
assert_eq "sync --reset reads it afresh" "$?" 0
assert_eq "units read again" "$(pc units >/dev/null 2>&1; echo $?)" 0

assert_summary
