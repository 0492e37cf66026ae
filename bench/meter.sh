#!/usr/bin/env bash
# bench/meter.sh [READINGS]: readings per second of `powerchain meter run`
# (the same reading repeated, then every reading a different amount: each
# distinct reading costs the node a gas estimate) next to a loop of
# `cast send` doing the same readings, against one automining devnet, in one
# run. Run by hand after building (build/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-300}
export PROJECT_ROOT=$root POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/devnet/scenario.sh"
devnet_up >/dev/null
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup

rate() { echo "scale=1; $1 * 1000000000 / ($3 - $2)" | bc; }

for ((i = 0; i < n; i++)); do echo "produce $SCENARIO_A 1"; done >"$DEVNET_DIR/readings"
start=$(date +%s%N)
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$DEVNET_DIR/U1.key" meter run <"$DEVNET_DIR/readings" >/dev/null 2>&1
end=$(date +%s%N)
echo "powerchain meter run: $n readings, $(rate "$n" "$start" "$end") readings/s"

for ((i = 0; i < n; i++)); do echo "produce $SCENARIO_A $((i + 1))"; done >"$DEVNET_DIR/varied"
start=$(date +%s%N)
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$DEVNET_DIR/U1.key" meter run <"$DEVNET_DIR/varied" >/dev/null 2>&1
end=$(date +%s%N)
echo "powerchain meter run, every amount different: $n readings, $(rate "$n" "$start" "$end") readings/s"

start=$(date +%s%N)
for ((i = 0; i < n; i++)); do
    "$root/node_modules/.bin/cast" send --rpc-url "$DEVNET_RPC" --private-key "$(cat "$DEVNET_DIR/U1.key")" \
        "$DEVNET_ADDRESS" 'energyProduced(address,uint256)' "$SCENARIO_A" 1 >/dev/null
done
end=$(date +%s%N)
echo "cast send loop:       $n readings, $(rate "$n" "$start" "$end") readings/s"
