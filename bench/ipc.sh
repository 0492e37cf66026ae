#!/usr/bin/env bash
# bench/ipc.sh [RUNS]: `powerchain call getParameters` and `status` over
# anvil's http port and over its IPC socket, on one local devnet: wall time
# per command and peak memory (max RSS). Run by hand after building
# (build/powerchain). Goal: the socket no slower than http.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-50}
export POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
sockdir=$(mktemp -d "${TMPDIR:-/tmp}/pc-bench-ipc.XXXXXX")
devnet_up --ipc "$sockdir/anvil.ipc" >/dev/null
trap 'rm -rf "$sockdir"; devnet_down' EXIT

measure() { # label, command...
    local label=$1; shift
    local start end rss
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1)
    printf '%-18s %8.2f ms per run   %8d KiB max RSS\n' "$label" \
        "$(echo "($end - $start) / $runs / 1000000" | bc -l)" "$rss"
}

echo "$runs runs each, against $DEVNET_RPC and $sockdir/anvil.ipc"
for node in "$DEVNET_RPC" "$sockdir/anvil.ipc"; do
    kind=http
    [[ $node == /* ]] && kind=ipc
    measure "call ($kind)" "$POWERCHAIN_BIN" --rpc "$node" --contract "$DEVNET_ADDRESS" call getParameters
    measure "status ($kind)" "$POWERCHAIN_BIN" --rpc "$node" --contract-json "$DEVNET_JSON" status
done
