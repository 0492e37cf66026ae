#!/usr/bin/env bash
# Nodes that limit what one step may ask: one that refuses wide log ranges
# (as public nodes do) and one that answers them slowly. The index narrows
# its steps until the node answers well, does not go back to the failing
# width on every other step, and ends identical to one read from a node
# without limits. A node that refuses even one block is an error that says
# what to do.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'failover_down; devnet_down' EXIT
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
# Contract transactions spread over some 3000 blocks.
for i in 1 2 3; do
    "$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 0x3e8 >/dev/null
    pc --private-key-file "$DEVNET_DIR/demo-keys/A.key" --yes send transferENT "$C" 0.01 >/dev/null
    pc --private-key-file "$DEVNET_DIR/demo-keys/A.key" --yes send transferENT "$C" 1000 --force >/dev/null 2>&1
done
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")

history_cache
assert_eq "a direct sync" "$(pc sync)" "indexed $head blocks, 27 transactions; head block $head"
want=$(index_dump)

proxy_up limit-log-range 16
history_cache
assert_eq "through a node that refuses more than 16 blocks of logs" \
    "$(pcx "$PROXY_RPC" sync)" "indexed $head blocks, 27 transactions; head block $head"
assert_eq "the same index" "$(index_dump)" "$want"
refusals=$(grep -c '^refused' "$DEVNET_DIR/proxy.log")
# 256 down to 16: 5 refusals; then steps of 8, trying 16 again every 32
# steps: some 12 more over ~3000 blocks. Going back to 16 on every other
# step would be ~190.
assert_match "the node did refuse wide ranges" "$refusals" '[1-9]*'
assert_eq "but rarely once the index knows ($refusals refusals)" "$((refusals <= 24))" 1
kill "$PROXY"; wait "$PROXY" 2>/dev/null

proxy_up slow-log-range 64 2100
history_cache
start=$(date +%s)
assert_eq "through a node that answers more than 64 blocks of logs in 2.1 s" \
    "$(pcx "$PROXY_RPC" sync)" "indexed $head blocks, 27 transactions; head block $head"
assert_eq "the same index" "$(index_dump)" "$want"
slowed=$(grep -c '^slowed' "$DEVNET_DIR/proxy.log")
# Steps of 256 would be slowed 12 times; halving gives 256 and 128, then
# steps of 64 with a try at 128 every 32 steps.
assert_eq "slow answers make the steps narrower ($slowed slow answers, $(($(date +%s) - start)) s)" \
    "$((slowed >= 2 && slowed <= 5))" 1
kill "$PROXY"; wait "$PROXY" 2>/dev/null

proxy_up refuse-logs
history_cache
pcx "$PROXY_RPC" sync >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "a node that refuses every log query: a node failure" "$?" 3
assert_match "that says which block and what to do" "$(cat "$DEVNET_DIR/err")" \
    "powerchain: the node refuses to read even block 1 alone (try another node with --rpc, or a longer --timeout): node refused eth_getLogs: query returned more than 10000 results*"
assert_eq "nothing indexed" "$(index_dump)" ""

echo "refusals: $refusals, slow answers: $slowed"
assert_summary
