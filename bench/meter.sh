#!/usr/bin/env bash
# bench/meter.sh [READINGS]: readings per second of `powerchain meter run`
# (the same reading repeated; then every reading a different amount: each
# group of readings gets its gas from one simulation of the group, so the
# two should not differ, but the second run meets a longer chain, which
# anvil handles more slowly) next to a loop of `cast send` doing the same
# readings, against one
# automining devnet, in one run, with the share of each run's wall time
# that the node (anvil) spent on the CPU answering and mining, and the share
# the client itself used. Run by hand after building (build/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-300}
export PROJECT_ROOT=$root POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/devnet/scenario.sh"
. "$root/bench/lib.sh"
bench_scenario_up

anvil_pid=$(cat "$DEVNET_DIR/node.pid")
tick_ms=$((1000 / $(getconf CLK_TCK)))
node_cpu_ms() { awk -v t="$tick_ms" '{ print ($14 + $15) * t }' "/proc/$anvil_pid/stat"; }
# measure CMD...: prints the wall time, anvil's CPU time and the command's
# own CPU time (its children included), in ms.
measure() {
    local start end node0 node1 out
    out=$(mktemp)
    node0=$(node_cpu_ms)
    start=$EPOCHREALTIME
    /usr/bin/time -f '%U %S' -o "$out" "$@" >/dev/null 2>&1 ||
        { rm -f "$out"; echo "bench: failed: $*" >&2; return 1; }
    end=$EPOCHREALTIME
    node1=$(node_cpu_ms)
    awk -v s="$start" -v e="$end" -v node=$((node1 - node0)) \
        '{ printf "%.0f %d %.0f\n", (e - s) * 1000, node, ($1 + $2) * 1000 }' "$out"
    rm -f "$out"
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
per_s() { awk -v n="$n" -v ms="$1" 'BEGIN { printf "%.1f", n * 1000 / ms }'; }
per_reading() { awk -v n="$n" -v ms="$1" 'BEGIN { printf "%.2f", ms / n }'; }

for ((i = 0; i < n; i++)); do echo "produce $SCENARIO_A 1"; done >"$DEVNET_DIR/readings"
# shellcheck disable=SC2016 # the arguments are expanded by sh -c
read -r pc_wall pc_node pc_own < <(measure sh -c \
    '"$0" --rpc "$1" --contract-json "$2" --private-key-file "$3" meter run <"$4"' \
    "$POWERCHAIN_BIN" "$DEVNET_RPC" "$DEVNET_JSON" "$DEVNET_DIR/U1.key" "$DEVNET_DIR/readings")
[[ -n ${pc_wall:-} ]] || exit 1

for ((i = 0; i < n; i++)); do echo "produce $SCENARIO_A $((i + 1))"; done >"$DEVNET_DIR/varied"
# shellcheck disable=SC2016 # the arguments are expanded by sh -c
read -r varied_wall varied_node varied_own < <(measure sh -c \
    '"$0" --rpc "$1" --contract-json "$2" --private-key-file "$3" meter run <"$4"' \
    "$POWERCHAIN_BIN" "$DEVNET_RPC" "$DEVNET_JSON" "$DEVNET_DIR/U1.key" "$DEVNET_DIR/varied")
[[ -n ${varied_wall:-} ]] || exit 1

cat >"$DEVNET_DIR/cast-loop" <<'LOOP'
for ((i = 0; i < $1; i++)); do
    "$CAST" send --rpc-url "$2" --private-key "$(cat "$3")" "$4" \
        'energyProduced(address,uint256)' "$5" 1 >/dev/null
done
LOOP
read -r cast_wall cast_node cast_own < <(measure bash "$DEVNET_DIR/cast-loop" "$n" \
    "$DEVNET_RPC" "$DEVNET_DIR/U1.key" "$DEVNET_ADDRESS" "$SCENARIO_A")
[[ -n ${cast_wall:-} ]] || exit 1

echo "$n readings each; node = anvil's CPU time, own = the client's CPU time, as shares of the wall time:"
printf '  %-22s %7s readings/s  %6s ms  node %4s  own %4s\n' \
    "powerchain meter run" "$(per_s "$pc_wall")" "$pc_wall" "$(pct "$pc_node" "$pc_wall")" \
    "$(pct "$pc_own" "$pc_wall")" \
    "  every amount different" "$(per_s "$varied_wall")" "$varied_wall" \
    "$(pct "$varied_node" "$varied_wall")" "$(pct "$varied_own" "$varied_wall")" \
    "cast send loop" "$(per_s "$cast_wall")" "$cast_wall" "$(pct "$cast_node" "$cast_wall")" \
    "$(pct "$cast_own" "$cast_wall")"
bench_row "meter: one reading, ms" "$(per_reading "$pc_wall")" "$(per_reading "$cast_wall")" \
    "$(per_s "$pc_wall") against $(per_s "$cast_wall") readings/s"
bench_row "  the node's share of that time" "$(pct "$pc_node" "$pc_wall")" \
    "$(pct "$cast_node" "$cast_wall")" "anvil's CPU time / wall time"
bench_row "  the client's own share" "$(pct "$pc_own" "$pc_wall")" "$(pct "$cast_own" "$cast_wall")" \
    "its CPU time / wall time"
bench_row "meter: one reading of a new amount, ms" "$(per_reading "$varied_wall")" \
    "$(per_reading "$cast_wall")" "$(per_s "$varied_wall") readings/s, each its own simulated gas"
