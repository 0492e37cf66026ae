#!/usr/bin/env bash
# bench/call.sh [RUNS]: `powerchain call getParameters` next to `cast call`
# on the same local devnet, in one run: median wall time per call and peak
# memory (max RSS), and each program's start alone (--version), which for
# powerchain is mostly the dynamic loading of libcurl's ~30 libraries. Run
# by hand after building (build/powerchain). Goal: at most 0.25x cast's time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-50}
export POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/bench/lib.sh"
devnet_up >/dev/null

pc=("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract "$DEVNET_ADDRESS" call getParameters)
cast=("$CAST" call --rpc-url "$DEVNET_RPC" "$DEVNET_ADDRESS"
      'getParameters()(uint256,uint256,uint256,uint256,uint256)')
pc_ms=$(bench_median_ms "$runs" "${pc[@]}")
cast_ms=$(bench_median_ms "$runs" "${cast[@]}")
pc_start=$(bench_median_ms "$runs" "$POWERCHAIN_BIN" --version)
cast_start=$(bench_median_ms "$runs" "$CAST" --version)
read -r pc_kib _ < <(bench_usage "${pc[@]}")
read -r cast_kib _ < <(bench_usage "${cast[@]}")

echo "getParameters against $DEVNET_RPC, median of $runs runs each:"
printf '  %-28s %8s ms %8s KiB max RSS\n' "powerchain call" "$pc_ms" "$pc_kib" \
    "cast call" "$cast_ms" "$cast_kib"
printf '  %-28s %8s ms\n' "powerchain --version" "$pc_start" "cast --version" "$cast_start"
bench_row "call getParameters, ms" "$pc_ms" "$cast_ms"
bench_row "  its peak memory, KiB" "$pc_kib" "$cast_kib"
bench_row "  start alone (--version), ms" "$pc_start" "$cast_start"
