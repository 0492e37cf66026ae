#!/usr/bin/env bash
# A meter keeps reporting while its node restarts: readings are streamed to
# `meter run`, the node stops in the middle (its chain kept on disk) and
# comes back; every reading is mined exactly once, none lost.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up --persist || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }

mkfifo "$DEVNET_DIR/readings"
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --timeout 30 \
    --private-key-file "$DEVNET_DIR/U1.key" meter run --wait 60 \
    <"$DEVNET_DIR/readings" >"$DEVNET_DIR/out" 2>"$DEVNET_DIR/err" &
meter=$!
exec 3>"$DEVNET_DIR/readings"
feed() { for ((i = 0; i < $1; i++)); do echo "produce $SCENARIO_B 1" >&3; sleep 0.05; done; }
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$SCENARIO_U1"; }
# The meter reports a reading when it has read the next (or the end), so
# the chain says what it has sent: U1's nonce.
mined() { (($(nonce) >= start + $1)); }
start=$(nonce)

feed 20
# The node stops once the first 20 are mined: line 21 is the first the
# meter reads while it is away.
wait_for "the first 20 readings to be mined" mined 20
"$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR"
feed 20
wait_for "the meter to find the node away" grep -q 'line 21: cannot reach node at' "$DEVNET_DIR/err"
# 3>&-: the node must not hold the readings open after the feed ends.
"$PROJECT_ROOT/devnet/start" --persist --port "$DEVNET_PORT" --state "$DEVNET_DIR" >/dev/null 3>&-
feed 20
exec 3>&-
wait "$meter"; code=$?

assert_eq "meter run exit" "$code" 0
# A reading read while the node is away waits for its gas estimate.
assert_match "the node was away and readings waited for it" "$(cat "$DEVNET_DIR/err")" \
    "*line 21: cannot reach node at*asking for the gas again every second*"
assert_eq "every reading mined with Info" "$(grep -c ', Info: ' "$DEVNET_DIR/out")" 60
assert_eq "no reading sent twice" "$(grep -o 'tx 0x[0-9a-f]*' "$DEVNET_DIR/out" | sort -u | wc -l)" 60
assert_eq "in input order" "$(grep -o '^line [0-9]*' "$DEVNET_DIR/out" | cut -d' ' -f2 | sort -n -c && echo sorted)" sorted
# 60 Wh at no cost: 0.06 ENT minted, 80 % to B.
assert_eq "B's ENT counts every reading once" \
    "$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | grep -o '"available":"[0-9]*"')" \
    '"available":"48000000000000000"'

assert_summary
