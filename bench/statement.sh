#!/usr/bin/env bash
# bench/statement.sh [N]: `powerchain statement` on a devnet holding N
# contract transactions (bench/chain.sh: meter readings, sell orders,
# votes; default 20000), with the history index already synced, as a
# person asking for a statement would find it. For A (the producer of
# half the readings, and the seller) and C (the owner of both units: a
# change on nearly every reading), the median wall time of 5 runs of the
# whole command (goal: under 1 s), its peak memory, the number of rows,
# how many blocks' state the node was asked for and how many rows it said,
# and whether the statement agreed with the chain. Run by hand after
# building (build/); not part of the test suites.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-20000}
export PROJECT_ROOT=$root POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/devnet/scenario.sh"
. "$root/bench/lib.sh"
bench_scenario_up
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
. "$root/bench/chain.sh"
bench_chain "$n"

XDG_CACHE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-bench.XXXXXX")
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"; devnet_down' EXIT
pc sync >/dev/null
echo "chain: $("$CAST" block-number --rpc-url "$DEVNET_RPC") blocks," \
     "$(pc --json history | jq length) transactions to the contract"
for who in A C; do
    address=SCENARIO_$who
    json=$(pc --json statement "${!address}")
    rows=$(jq '.rows | length' <<<"$json")
    node=$(jq '[.rows[] | select(.source == "node")] | length' <<<"$json")
    replay=$(jq '[.rows[] | select(.source == "replay")] | length' <<<"$json")
    # One run whose failure shows, before the timed ones (which hide their output).
    if ! pc statement "${!address}" >/dev/null 2>"$DEVNET_DIR/statement.err"; then
        echo "statement $who failed:" >&2
        cat "$DEVNET_DIR/statement.err" >&2
        pgrep -f "anvil.*$DEVNET_PORT" >/dev/null || echo "(the node is gone)" >&2
        exit 1
    fi
    ms=$(bench_median_ms 5 pc statement "${!address}")
    # /usr/bin/time runs programs, not shell functions.
    read -r kib cpu < <(bench_usage "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" \
        --contract-json "$DEVNET_JSON" statement "${!address}")
    echo "statement $who: $ms ms (median of 5; goal < 1000 ms), $((kib / 1024)) MiB peak," \
         "$cpu ms CPU; $rows rows ($node from the node's state, $replay replayed);" \
         "agrees: $(jq .agrees <<<"$json")"
done
