#!/usr/bin/env bash
# bench/unlock.sh [BUILD_DIR] [RUNS]: unlock time of one key file with
# geth's standard scrypt (n 2^18, r 8, p 1: 256 MiB): powerchain next to
# Foundry's `cast wallet decrypt-keystore` on the same file, median wall
# time of RUNS runs each, then peak memory and CPU time (user + system) of
# one run each: the CPU time follows the machine's other load less than the
# wall time does. Run by hand (not a test). bench/scrypt.sh compares the
# scrypt implementations themselves.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
RUNS=${2:-5}
PC=$BUILD/powerchain
CAST=$ROOT/node_modules/.bin/cast
for tool in "$PC" "$CAST" script; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
. "$ROOT/bench/lib.sh"
WORK=$(mktemp -d /tmp/pc-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
unset POWERCHAIN_SCRYPT_N
(umask 077 && printf 'bench password\n' >"$WORK/pw")

# One key file with the standard parameters, made by powerchain.
setsid -w "$PC" --keystore "$WORK/ks" --password-file "$WORK/pw" account new --name bench >/dev/null
FILE=$(basename "$(ls "$WORK"/ks/UTC--*)")
grep -o '"kdfparams":{[^}]*}' "$WORK/ks/$FILE" | sed 's/"salt":"[0-9a-f]*"/"salt":.../'

# --reveal insists on a terminal: script(1) gives it one.
pc=(script -qec "$PC --keystore '$WORK/ks' --password-file '$WORK/pw' account export bench --reveal" /dev/null)
cast=("$CAST" wallet decrypt-keystore -k "$WORK/ks" "$FILE" --unsafe-password "bench password")
pc_ms=$(bench_median_ms "$RUNS" "${pc[@]}")
cast_ms=$(bench_median_ms "$RUNS" "${cast[@]}")
read -r pc_kib pc_cpu < <(bench_usage "${pc[@]}")
read -r cast_kib cast_cpu < <(bench_usage "${cast[@]}")
echo "unlock, standard scrypt, median of $RUNS runs:"
printf '  %-36s %7s ms  %7s ms CPU  %7s KiB max RSS\n' \
    "powerchain account export --reveal" "$pc_ms" "$pc_cpu" "$pc_kib" \
    "cast wallet decrypt-keystore" "$cast_ms" "$cast_cpu" "$cast_kib"
bench_row "unlock scrypt key file n 2^18, ms" "$pc_ms" "$cast_ms"
bench_row "  its CPU time (user + system), ms" "$pc_cpu" "$cast_cpu"
bench_row "  its peak memory, KiB" "$pc_kib" "$cast_kib"
