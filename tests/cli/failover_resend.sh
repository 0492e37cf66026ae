#!/usr/bin/env bash
# Failover when the dead node took transactions and never passed them on:
# the second node is a chain of its own, started and deployed the same way
# (same contract address, same state), that hears nothing of what the first
# node is sent. `send` and `meter run` must find that it lacks their signed
# transactions, give it the same bytes (same hashes, so nothing can be mined
# twice), and report the outcomes from it. A node that drops a transaction
# from its pool (a restart, an eviction) is given it again the same way.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
(umask 077 && echo 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d >"$DEVNET_DIR/b.key")
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8

node2_up || exit 1

# through_proxy KEY ARGS...: powerchain signing with KEY (a or b), the dying
# proxy first and the second node next; sets OUT and CODE once the proxy is gone.
through_proxy() {
    local key=$1
    shift
    proxy_up
    OUT=$("$POWERCHAIN_BIN" --rpc "$PROXY_RPC" --rpc "$NODE2_RPC" --timeout 30 \
        --contract-json "$DEVNET_JSON" --private-key-file "$DEVNET_DIR/$key.key" --yes "$@" 2>&1)
    CODE=$?
    proxy_wait
}

echo "# send: the first node mines it and dies; the second node never heard of it"
nonce_before=$("$CAST" nonce --rpc-url "$NODE2_RPC" "$A")
through_proxy a send --wait 30 registerStorageUnit "$B" "$A"
assert_eq "send completes through the second node" "$CODE" 0
assert_match "the second node was given the transaction" "$OUT" \
    "*$NODE2_RPC had not seen the transaction: sent it the same signed transaction*"
assert_match "outcome found on the second node" "$OUT" "*mined in block*Info: *"
hash=$(sed -n 's/^transaction \(0x[0-9a-f]*\) sent$/\1/p' <<<"$OUT")
assert_match "hash printed" "$hash" "0x????????????????????????????????????????????????????????????????"
assert_eq "same transaction on the first node" \
    "$("$CAST" receipt --rpc-url "$DEVNET_RPC" "$hash" status 2>&1)" true
assert_eq "and on the second node" "$("$CAST" receipt --rpc-url "$NODE2_RPC" "$hash" status 2>&1)" true
assert_eq "one nonce used on the second node" "$("$CAST" nonce --rpc-url "$NODE2_RPC" "$A")" \
    $((nonce_before + 1))

echo "# a second node where the nonce is already taken: the loss is reported, not waited out"
"$CAST" send --rpc-url "$NODE2_RPC" --private-key "$(cat "$DEVNET_DIR/a.key")" "$A" \
    --value 1 >/dev/null
through_proxy a send --wait 30 clearOldSessions
assert_eq "refused on the second node: failure" "$CODE" 1
assert_match "says why" "$OUT" \
    "*was lost with the node that took it, and the next node refuses it:*nonce*"

echo "# meter run: readings pipelined to a node that dies after the first"
echo "# (B is a storage unit on both nodes since the first send)"
unit_nonce=$("$CAST" nonce --rpc-url "$NODE2_RPC" "$B")
through_proxy b meter run --wait 30 < <(printf 'produce %s 1000\nproduce %s 2000\nproduce %s 500\n' "$A" "$A" "$A")
assert_eq "meter run completes" "$CODE" 0
assert_match "first reading given to the second node" "$OUT" \
    "*line 1: $NODE2_RPC had not seen the reading: sent it the same signed transaction*"
assert_match "all three mined" "$OUT" "*3 readings: 3 mined without error*"
assert_eq "three nonces used on the second node" "$("$CAST" nonce --rpc-url "$NODE2_RPC" "$B")" \
    $((unit_nonce + 3))
assert_eq "3500 Wh stored on the second node" "$("$POWERCHAIN_BIN" --rpc "$NODE2_RPC" \
    --contract-json "$DEVNET_JSON" call getStorageUnitEnergy "$B")" "wh  3.5 kWh"

echo "# a node that drops a pending transaction from its pool is given it again"
rpc() { "$CAST" rpc --rpc-url "$DEVNET_RPC" "$@" >/dev/null; }
rpc evm_setAutomine false
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes \
    --private-key-file "$DEVNET_DIR/a.key" send clearOldSessions --wait 60 \
    >"$DEVNET_DIR/dropped" 2>&1 &
sender=$!
hash=
for ((i = 0; i < 600; i++)); do
    hash=$(sed -n 's/^transaction \(0x[0-9a-f]*\) sent$/\1/p' "$DEVNET_DIR/dropped")
    [[ -n $hash ]] && break
    sleep 0.1
done
assert_match "sent, and pending" "$hash" "0x*"
rpc anvil_dropTransaction "$hash"
assert_eq "the node has forgotten it" "$("$CAST" tx --rpc-url "$DEVNET_RPC" "$hash" 2>/dev/null)" ""
rpc evm_setAutomine true
wait "$sender"; code=$?
assert_eq "the send completes" "$code" 0
assert_match "the node was given it again" "$(cat "$DEVNET_DIR/dropped")" \
    "*had not seen the transaction: sent it the same signed transaction*mined in block*"
assert_eq "mined, under its own hash" "$("$CAST" receipt --rpc-url "$DEVNET_RPC" "$hash" status)" true

echo "# meter run fed for hours: what a restarted node lost is given again while readings go on"
# (Sends that go on behind the lost nonce are no progress: the stall is the
# oldest reading's, not the run's.)
rpc evm_setAutomine false
mkfifo "$DEVNET_DIR/feed"
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --timeout 30 \
    --private-key-file "$DEVNET_DIR/b.key" meter run --wait 60 <"$DEVNET_DIR/feed" \
    >"$DEVNET_DIR/trickle" 2>&1 &
meter=$!
exec 7>"$DEVNET_DIR/feed"
unit_nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$B")
printf 'produce %s 1\n' "$A" "$A" "$A" >&7
pending() { "$CAST" rpc --rpc-url "$DEVNET_RPC" txpool_status | jq -r '.pending' | xargs printf '%d\n'; }
three_pending() { local n; n=$(pending); echo "pending: $n"; ((n == 3)); }
expect_within "three readings pending" three_pending
rpc anvil_dropAllTransactions
assert_eq "the node lost them" "$(pending)" 0
rpc evm_setAutomine true
# A reading every half second, as long as the lost three are not mined
# (WAIT_SECONDS at most): before the fix they waited for the input's end.
# (wait_for runs the check in a subshell: the count of readings fed is kept
# in a file.)
echo 3 >"$DEVNET_DIR/fed"
mined_meanwhile() {
    printf 'produce %s 1\n' "$A" >&7
    echo $(($(cat "$DEVNET_DIR/fed") + 1)) >"$DEVNET_DIR/fed"
    sleep 0.5
    local n
    n=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$B")
    echo "nonce $n, $unit_nonce before, $(cat "$DEVNET_DIR/fed") readings fed"
    ((n >= unit_nonce + 3))
}
expect_within "the three lost readings mined while readings still come" mined_meanwhile
exec 7>&-
fed=$(cat "$DEVNET_DIR/fed")
wait "$meter"; code=$?
assert_eq "the run ends well" "$code" 0
assert_match "every reading mined once" "$(cat "$DEVNET_DIR/trickle")" "*$fed readings: $fed mined without error*"
assert_eq "one nonce a reading" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$B")" $((unit_nonce + fed))

assert_summary
