#!/usr/bin/env bash
# bench/watch.sh [TRADES]: how soon `powerchain watch --json` writes a
# trade's line after the node has the block that holds it, on the demo
# devnet: B sells 0.1 ENT TRADES times (default 9) into A's open buy, and
# this shell looks at the node's head and at the watcher's output every
# 50 ms. Goal: every line within 2 s (the watcher asks twice a second).
# Figures only; run by hand after building (build/powerchain).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
trades=${1:-9}
export POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
devnet_up --demo >/dev/null || exit 1
watcher=
trap '[[ -n $watcher ]] && kill "$watcher" 2>/dev/null; devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
K=(--rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$DEVNET_DIR/keystore"
   --password-file "$DEVNET_DIR/demo-password")
as() { local who=$1; shift; "$POWERCHAIN_BIN" "${K[@]}" --account "$who" --yes "$@" >/dev/null; }
head_now() { "$CAST" block-number --rpc-url "$DEVNET_RPC"; }
out=$DEVNET_DIR/watch.json

as A send transferENT 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 1 || exit 1
"$POWERCHAIN_BIN" "${K[@]}" --json watch --events trade >"$out" 2>"$DEVNET_DIR/watch.err" &
watcher=$!
sleep 2 # the watcher's first look at the head
delays=()
for ((k = 1; k <= trades; k++)); do
    before=$(head_now)
    as B send addOrder 0.9 0.1 sell &
    sender=$!
    t_block= t_line= deadline=$((SECONDS + 120))
    while ((SECONDS < deadline)); do
        now=$EPOCHREALTIME
        [[ -z $t_block ]] && (($(head_now) > before)) && t_block=$now
        if (($(grep -c '"event":"trade"' "$out") >= k)); then
            t_line=$EPOCHREALTIME
            t_block=${t_block:-$now} # both in one look: the line came at once
            break
        fi
        sleep 0.05
    done
    wait "$sender"
    [[ -n $t_line ]] || { echo "bench: trade $k's line never came" >&2; exit 1; }
    delays+=("$(awk -v a="$t_block" -v b="$t_line" 'BEGIN { printf "%.2f", b - a }')")
done
printf '%s\n' "${delays[@]}" | sort -n | awk -v n="$trades" '
    { v[NR] = $1 }
    END { printf "%d trades: a trade'"'"'s line came %.2f s (median) and at most %.2f s after its block (goal: 2 s)\n",
          n, (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, v[n] }'
