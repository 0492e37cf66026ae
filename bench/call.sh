#!/usr/bin/env bash
# bench/call.sh [RUNS]: `powerchain call getParameters` next to
# `cast call` on the same local devnet, in one run: wall time per call and
# peak memory (max RSS). Run by hand after building (build/powerchain).
# Goal: well under half of cast's wall time and memory.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-50}
export POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
devnet_up >/dev/null

measure() { # label, command...
    local label=$1; shift
    local start end rss
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1)
    printf '%-12s %8.2f ms per call   %8d KiB max RSS\n' "$label" \
        "$(echo "($end - $start) / $runs / 1000000" | bc -l)" "$rss"
}

echo "getParameters, $runs calls each, against $DEVNET_RPC"
measure powerchain "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract "$DEVNET_ADDRESS" call getParameters
measure cast "$root/node_modules/.bin/cast" call --rpc-url "$DEVNET_RPC" "$DEVNET_ADDRESS" \
    'getParameters()(uint256,uint256,uint256,uint256,uint256)'
