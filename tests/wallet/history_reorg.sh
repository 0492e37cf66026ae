#!/usr/bin/env bash
# Reorgs at the head (evm_snapshot / evm_revert, then another branch): the
# index drops the transactions of the abandoned branch and holds the new
# one's, exactly as a fresh index of the new chain does; a fork deeper than
# the kept block hashes rebuilds the index.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
history_cache
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
# Sent whatever the contract says (--force): some of these are mined with its
# Error, which the index records like any other transaction.
send_as() { local who=$1; shift; pc --private-key-file "$DEVNET_DIR/demo-keys/$who.key" --yes send "$@" --force >/dev/null; }
rpc() { "$CAST" rpc --rpc-url "$DEVNET_RPC" "$@" | tr -d '"'; }
hashes() { pc --json history | jq -r '.[].tx' | sort; }
fresh_dump() {
    local saved=$XDG_CACHE_HOME
    history_cache
    pc sync >/dev/null
    index_dump
    rm -rf "$XDG_CACHE_HOME"
    XDG_CACHE_HOME=$saved
}
pc sync >/dev/null

# 1. The new branch is longer: the stored head's hash no longer matches.
snap=$(rpc evm_snapshot)
send_as A transferENT "$C" 0.5
send_as A transferENT "$C" 0.25
pc sync >/dev/null
old=$(pc --json history | jq -r '.[-2:][].tx')
assert_eq "the branch's two transfers are indexed" "$(pc --json history | jq length)" 23
rpc evm_revert "$snap" >/dev/null
send_as B addOrder 1 1 buy
rpc anvil_mine 0x5 >/dev/null
out=$(pc sync)
assert_match "sync says it rolled back" "$out" "*(after a reorg)*"
json=$(pc --json history)
assert_eq "the abandoned transfers are gone" "$(comm -12 <(sort <<<"$old") <(hashes) | wc -l)" 0
assert_eq "the new branch's order is there" "$(jq -r '.[-1] | "\(.method) \(.from)"' <<<"$json")" \
    "addOrder 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
assert_eq "21 + 1 transactions" "$(jq length <<<"$json")" 22
assert_eq "the same as a fresh index" "$(index_dump)" "$(fresh_dump)"

# 2. The new branch is shorter: the stored head is no block at all now.
snap=$(rpc evm_snapshot)
for amount in 0.01 0.02 0.03; do send_as A transferENT "$C" "$amount"; done
pc sync >/dev/null
assert_eq "three more" "$(pc --json history | jq length)" 25
rpc evm_revert "$snap" >/dev/null
send_as C transferENT 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 0.5
assert_match "a shorter branch rolls back too" "$(pc sync)" "*(after a reorg)*"
assert_eq "the three are gone, the new one is there" \
    "$(pc --json history | jq -r '.[22:] | map("\(.method) \(.args.amnt)") | join(",")')" \
    "transferENT 500000000000000000"
assert_eq "the same as a fresh index" "$(index_dump)" "$(fresh_dump)"

# 3. A fork deeper than the kept hashes: the index is rebuilt.
snap=$(rpc evm_snapshot)
send_as A transferENT "$C" 0.04
rpc anvil_mine 0xc8 >/dev/null
pc sync >/dev/null
rpc evm_revert "$snap" >/dev/null
send_as B transferENT "$C" 0.05
rpc anvil_mine 0xd2 >/dev/null
assert_match "a deep fork rebuilds" "$(pc sync)" "*(after a reorg)*"
assert_eq "the deep fork's transfer is gone, the new one there" \
    "$(pc --json history | jq -r '.[-1] | "\(.from) \(.args.amnt)"')" \
    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8 50000000000000000"
assert_eq "the same as a fresh index" "$(index_dump)" "$(fresh_dump)"

assert_summary
