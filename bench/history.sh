#!/usr/bin/env bash
# bench/history.sh [N]: the history index over a devnet holding N contract
# transactions (about 90% meter readings through `powerchain meter run`, 5%
# market orders, 5% votes) spread over N+2000 blocks: the first sync's time
# and rate, the time to sync one new block, the database's size and the
# sync's peak memory, next to `cast logs` over the same range. Run by hand
# after building (build/); not part of the test suites. Default N: 20000.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-20000}
export PROJECT_ROOT=$root POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/devnet/scenario.sh"
. "$root/bench/lib.sh"
bench_scenario_up
cast=$root/node_modules/.bin/cast
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
ms() { echo "scale=1; ($2 - $1) / 1000000" | bc; }

. "$root/bench/chain.sh"
bench_chain "$n"
head=$("$cast" block-number --rpc-url "$DEVNET_RPC")

XDG_CACHE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-bench.XXXXXX")
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"; devnet_down' EXIT
start=$(date +%s%N)
if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$DEVNET_DIR/time" "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" \
        --contract-json "$DEVNET_JSON" sync >"$DEVNET_DIR/sync"
    peak="$(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DEVNET_DIR/time") / 1024)) MiB"
else
    pc sync >"$DEVNET_DIR/sync"
    peak="(no /usr/bin/time)"
fi
end=$(date +%s%N)
txs=$(pc --json history | jq length)
first_ms=$(ms "$start" "$end")
echo "chain:             $head blocks, $txs transactions to the contract"
echo "first sync:        $first_ms ms ($(cat "$DEVNET_DIR/sync"))"
echo "rate:              $(echo "scale=0; $head * 1000 / $first_ms" | bc) blocks/s," \
     "$(echo "scale=0; $txs * 1000 / $first_ms" | bc) transactions/s"
echo "peak memory:       $peak (goal <= 32 MiB)"
db=$(echo "$XDG_CACHE_HOME"/powerchain/history-*.sqlite)
pc sync >/dev/null # a sync that finds nothing checkpoints nothing; size after settling
echo "database:          $(du -cb "$db"* | tail -1 | cut -f1) bytes ($(du -b "$db" | cut -f1) in the main file)"

# One new block: the whole command, process start and database open included.
best=
for ((i = 0; i < 5; i++)); do
    as U1 meter produce "$SCENARIO_A" 1
    start=$(date +%s%N)
    pc sync >/dev/null
    end=$(date +%s%N)
    t=$(ms "$start" "$end")
    echo "one new block:     $t ms"
    if [[ -z $best ]] || (($(echo "$t < $best" | bc))); then best=$t; fi
done
echo "one new block:     best $best ms (goal <= 20 ms)"

start=$(date +%s%N)
logs=$("$cast" logs --rpc-url "$DEVNET_RPC" --from-block 0 --to-block "$head" \
    --address "$DEVNET_ADDRESS" --json | jq length)
end=$(date +%s%N)
echo "cast logs:         $(ms "$start" "$end") ms for $logs logs over the same blocks" \
     "(logs only: no silent transactions, no reverts, no calldata)"
