# shellcheck shell=bash
# bench/lib.sh: helpers for the benchmarks that compare with cast (source it).
#
#   bench_median_ms RUNS CMD...   runs CMD RUNS times (output discarded),
#                                 prints the median wall time in ms (0.01)
#   bench_usage CMD...            runs CMD once, prints its peak RSS in KiB
#                                 and its CPU time (user + system) in ms
#   bench_scenario_up             (after sourcing tests/lib/devnet.sh and
#                                 devnet/scenario.sh) a devnet, stopped at
#                                 exit, with the chapter-6 scenario's keys
#                                 written and its set-up played
#   bench_row FIGURE PC CAST [NOTE]
#                                 one line of bench/run's table (FIGURE names
#                                 its unit): appended to the file $BENCH_ROWS
#                                 names, when it is set
#
# The timings are medians of wall times taken in this shell
# ($EPOCHREALTIME: no process of its own), so each includes starting the
# command, as a person typing it waits for. The machine's other load moves
# single runs a lot; the median does not follow one slow run.

command -v /usr/bin/time >/dev/null ||
    { echo "bench: /usr/bin/time is missing (Debian package \"time\", in scripts/setup)" >&2; exit 1; }

bench_median_ms() {
    local runs=$1 i s e times=()
    shift
    for ((i = 0; i < runs; i++)); do
        s=$EPOCHREALTIME
        "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
        e=$EPOCHREALTIME
        times+=("$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", (e - s) * 1000 }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_usage() {
    local out
    out=$(mktemp)
    /usr/bin/time -f '%M %U %S' -o "$out" "$@" >/dev/null 2>&1 ||
        { rm -f "$out"; echo "bench: failed: $*" >&2; exit 1; }
    awk '{ printf "%d %d\n", $1, ($2 + $3) * 1000 }' "$out"
    rm -f "$out"
}

bench_row() {
    [[ -n ${BENCH_ROWS:-} ]] || return 0
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >>"$BENCH_ROWS"
}

bench_scenario_up() {
    devnet_up >/dev/null || { echo "bench: the devnet did not start" >&2; exit 1; }
    SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
    scenario_keys
    scenario_setup || { echo "bench: the scenario's set-up failed" >&2; exit 1; }
}
