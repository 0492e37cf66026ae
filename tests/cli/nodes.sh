#!/usr/bin/env bash
# powerchain nodes: every node of the network side by side. Two devnets
# (the second on chain 4201, later on chain 4200 with a genesis of its
# own) and a fork of the first that stays behind it: the reference chain,
# the lag, "other chain", a stopped node, none answering, and the exit
# codes (0 all up and agreeing, 1 one down or on another chain, 3 none).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
FORK=
trap '[[ -n $FORK ]] && kill "$FORK" 2>/dev/null; failover_down; devnet_down' EXIT
node2_up --chain-id 4201 || exit 1
unset POWERCHAIN_RPC
export POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
pc() { "$POWERCHAIN_BIN" "$@"; }
DOWN=http://127.0.0.1:9

echo "# one node"
out=$(pc --rpc "$DEVNET_RPC" nodes)
assert_eq "one node: exit 0" "$?" 0
assert_match "a header and the node's row" "$out" \
    "NODE*STATE*CLIENT*CHAIN*GENESIS*HEAD*LAG*LATENCY*PEERS*SYNCING*$DEVNET_RPC*up*anvil/*4200*0x*"
json=$(pc --json --rpc "$DEVNET_RPC" nodes)
assert_eq "--json keys" "$(jq -c '.[0] | keys_unsorted' <<<"$json")" \
    '["node","up","client","chain_id","genesis","head","lag","latency_ms","peers","syncing","error"]'
assert_eq "--json: up, chain id, lag" "$(jq -c '.[0] | [.up, .chain_id, .lag, .syncing]' <<<"$json")" \
    '[true,"4200",0,false]'
genesis=$("$CAST" block 0 --field hash --rpc-url "$DEVNET_RPC")
assert_eq "--json: the genesis hash" "$(jq -r '.[0].genesis' <<<"$json")" "$genesis"
assert_eq "--json: the head" "$(jq -r '.[0].head' <<<"$json")" \
    "$("$CAST" block-number --rpc-url "$DEVNET_RPC")"
assert_match "--json: a latency" "$(jq -r '.[0].latency_ms | type' <<<"$json")" number
assert_eq "--json: anvil has no peer count" "$(jq -r '.[0].peers' <<<"$json")" null

echo "# a fork of the first node, left behind it"
port=$(devnet_free_port)
"$PROJECT_ROOT/node_modules/.bin/anvil" --host 127.0.0.1 --port "$port" --fork-url "$DEVNET_RPC" \
    >"$DEVNET_DIR/fork.log" 2>&1 &
FORK=$!
FORK_RPC=http://127.0.0.1:$port
for ((i = 0; i < 100; i++)); do
    "$CAST" block-number --rpc-url "$FORK_RPC" >/dev/null 2>&1 && break
    sleep 0.1
done
"$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 0x5 >/dev/null
json=$(pc --json --rpc "$DEVNET_RPC" --rpc "$FORK_RPC" nodes)
assert_eq "a lagging node on the same chain: exit 0" "$?" 0
assert_eq "the fork lags 5 blocks" "$(jq -c 'map(.lag)' <<<"$json")" '[0,5]'
assert_eq "same genesis" "$(jq -r '.[1].genesis' <<<"$json")" "$genesis"

echo "# a node on another chain"
out=$(pc --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" nodes)
assert_eq "another chain: exit 1" "$?" 1
assert_match "says other chain" "$out" "*$NODE2_RPC*up*4201*other chain*"
json=$(pc --json --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" --rpc "$FORK_RPC" nodes)
assert_eq "the majority's chain is the reference" "$(jq -c 'map(.lag)' <<<"$json")" '[0,null,5]'
json=$(pc --json --chain-id 4201 --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" nodes)
assert_eq "--chain-id names the reference" "$?" 1
assert_eq "then the first is on another chain" "$(jq -c 'map(.lag)' <<<"$json")" '[null,0]'

echo "# another chain with the same chain id (its own genesis)"
failover_down
node2_up || exit 1
json=$(pc --json --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" nodes)
assert_eq "same chain id, other genesis: exit 1" "$?" 1
assert_eq "both say 4200" "$(jq -c 'map(.chain_id)' <<<"$json")" '["4200","4200"]'
assert_eq "the second is on another chain" "$(jq -c 'map(.lag)' <<<"$json")" '[0,null]'

echo "# a stopped node"
"$PROJECT_ROOT/devnet/stop" --state "$NODE2_DIR"
out=$(pc --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" nodes)
assert_eq "one down: exit 1" "$?" 1
assert_match "says down and why" "$out" "*$NODE2_RPC*down*cannot reach node*"
json=$(pc --json --rpc "$DEVNET_RPC" --rpc "$NODE2_RPC" nodes)
assert_eq "--json: down" "$(jq -c '.[1] | [.up, .head, .error != null]' <<<"$json")" \
    '[false,null,true]'

echo "# none answers"
pc --rpc "$NODE2_RPC" --rpc "$DOWN" nodes >"$DEVNET_DIR/out" 2>&1
assert_eq "none up: exit 3" "$?" 3
assert_eq "two rows, both down" "$(grep -c ' down ' "$DEVNET_DIR/out")" 2

echo "# node URLs without credentials"
out=$(pc --rpc "http://alice:s3cret@127.0.0.1:${DEVNET_PORT}/rpc?key=abc" nodes)
[[ $out == *s3cret* || $out == *alice* || $out == *key=abc* ]] && leaked=yes || leaked=no
assert_eq "no credential shown" "$leaked" no

assert_summary
