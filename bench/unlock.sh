#!/usr/bin/env bash
# Unlock time of one key file with geth's standard scrypt (n 2^18, r 8,
# p 1): powerchain next to Foundry's `cast wallet decrypt-keystore` on the
# same file, median of RUNS runs each. Run by hand (not a test):
#   bench/unlock.sh [BUILD_DIR] [RUNS]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
RUNS=${2:-5}
PC=$BUILD/powerchain
CAST=$ROOT/node_modules/.bin/cast
for tool in "$PC" "$CAST" script; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/pc-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
unset POWERCHAIN_SCRYPT_N
(umask 077 && printf 'bench password\n' >"$WORK/pw")

# One key file with the standard parameters, made by powerchain.
setsid -w "$PC" --keystore "$WORK/ks" --password-file "$WORK/pw" account new --name bench >/dev/null
FILE=$(basename "$(ls "$WORK"/ks/UTC--*)")
grep -o '"kdfparams":{[^}]*}' "$WORK/ks/$FILE" | sed 's/"salt":"[0-9a-f]*"/"salt":.../'

# median_ms CMD...: runs CMD RUNS times, prints the median wall time in ms.
median_ms() {
    local times=() i s e
    for i in $(seq "$RUNS"); do
        s=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
        e=$(date +%s%N)
        times+=($(((e - s) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

# --reveal insists on a terminal: script(1) gives it one.
pc_ms=$(median_ms script -qec "$PC --keystore '$WORK/ks' --password-file '$WORK/pw' account export bench --reveal" /dev/null)
cast_ms=$(median_ms "$CAST" wallet decrypt-keystore -k "$WORK/ks" "$FILE" --unsafe-password "bench password")
echo "unlock, standard scrypt, median of $RUNS runs:"
printf '  powerchain account export --reveal  %6d ms\n' "$pc_ms"
printf '  cast wallet decrypt-keystore        %6d ms\n' "$cast_ms"
