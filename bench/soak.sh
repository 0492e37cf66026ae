#!/usr/bin/env bash
# bench/soak.sh [SECONDS [RESTART_EVERY [READING_EVERY]]]: a long run, by
# hand (default 7200 s: two hours). A devnet mines a block every second
# (--block-time 1, its chain kept on disk); the panel runs in tmux as the
# producer, going through its pages; `meter run` reports one reading every
# READING_EVERY seconds (default 2) as storage unit U1; every RESTART_EVERY
# seconds (default 600) the node is stopped and started again on the same
# port. Each minute the panel's and the meter's memory (RSS) and open file
# descriptors are sampled into the run's folder (samples.tsv).
#
# At the end it prints, and checks:
#   - memory at the end against the first hour's (the sample at the hour,
#     or at half the run when it is shorter): within 10 %;
#   - file descriptors at the end against after the first restart: none
#     leaked;
#   - nothing lost: every reading fed was reported mined once (distinct
#     transaction hashes), the chain holds exactly that many energyProduced
#     transactions of U1 (a fresh index of it), and the producer's ENT is
#     exactly that many times 0.0008 ENT (1 Wh at no cost, 80 %).
# Figures only, for the README; the exit status is 1 when a check fails.
# Run after building (build/); the run's folder stays for a look
# ($TMPDIR/powerchain-soak.*), its path printed first.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
duration=${1:-7200}
restart_every=${2:-600}
reading_every=${3:-2}
export PROJECT_ROOT=$root POWERCHAIN_BIN=${POWERCHAIN_BIN:-$root/build/powerchain}
. "$root/tests/lib/devnet.sh"
. "$root/devnet/scenario.sh"

dir=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-soak.XXXXXX")
echo "soak: ${duration} s, node restarted every ${restart_every} s, a reading every" \
     "${reading_every} s; files in $dir"
devnet_up --persist --block-time 1 >/dev/null || exit 1
# devnet_up's trap would remove the node's folder: keep it with the run.
trap - EXIT
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "soak: the scenario's setup failed" >&2; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
export XDG_CACHE_HOME=$dir/cache XDG_CONFIG_HOME=$dir/config
before=$(pc --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | jq -r .available)

sock=powerchain-soak-$$
meter=
feeder=
cleanup() {
    [[ -n $feeder ]] && kill "$feeder" 2>/dev/null
    [[ -n $meter ]] && kill "$meter" 2>/dev/null
    tmux -L "$sock" kill-server 2>/dev/null
    "$root/devnet/stop" --state "$DEVNET_DIR" >/dev/null 2>&1
}
trap cleanup EXIT

# The panel, as the producer B.
tmux -L "$sock" new-session -d -s panel -x 120 -y 40 \
    "LANG=C.UTF-8 LC_ALL=C.UTF-8 $POWERCHAIN_BIN --rpc $DEVNET_RPC --contract-json $DEVNET_JSON --private-key-file $DEVNET_DIR/B.key tui 2>>$dir/panel.err; echo \"exit \$?\" >>$dir/panel.err; sleep 100000"
pane=$(tmux -L "$sock" display-message -p -t panel '#{pane_pid}')
panel=
for ((i = 0; i < 600; i++)); do panel=$(pgrep -P "$pane") && break; sleep 0.1; done
[[ -n $panel ]] || { echo "soak: the panel did not start: $(cat "$dir/panel.err")" >&2; exit 1; }

# The meter, fed one reading every READING_EVERY seconds through a FIFO;
# `fed` counts what was written.
mkfifo "$dir/readings"
pc --timeout 5 --private-key-file "$DEVNET_DIR/U1.key" meter run --wait 600 \
    <"$dir/readings" >"$dir/meter.out" 2>"$dir/meter.err" &
meter=$!
(
    exec 3>"$dir/readings"
    n=0
    end=$((SECONDS + duration))
    while ((SECONDS < end)); do
        echo "produce $SCENARIO_B 1" >&3
        n=$((n + 1))
        echo "$n" >"$dir/fed.tmp" && mv "$dir/fed.tmp" "$dir/fed"
        sleep "$reading_every"
    done
) &
feeder=$!

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
printf 'seconds\tpanel_rss_kib\tpanel_fds\tmeter_rss_kib\tmeter_fds\tfed\treported\trestarts\n' \
    >"$dir/samples.tsv"
sample() {
    printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n' "$SECONDS" "$(rss "$panel")" "$(fds "$panel")" \
        "$(rss "$meter")" "$(fds "$meter")" "$(cat "$dir/fed" 2>/dev/null || echo 0)" \
        "$(grep -c ', Info: ' "$dir/meter.out")" "$restarts" >>"$dir/samples.tsv"
}

SECONDS=0
restarts=0
next_sample=0
next_restart=$restart_every
next_page=0
pages=(1 2 3 4 5 6 7 8 9 0 9)
page=0
while ((SECONDS < duration)); do
    if ((SECONDS >= next_sample)); then
        sample
        next_sample=$((next_sample + 60))
    fi
    if ((SECONDS >= next_page)); then
        # Through every page, Charts (0) and Activity (9) included.
        tmux -L "$sock" send-keys -t panel "${pages[page % ${#pages[@]}]}"
        page=$((page + 1))
        next_page=$((next_page + 20))
    fi
    if ((SECONDS >= next_restart)); then
        "$root/devnet/stop" --state "$DEVNET_DIR" >/dev/null
        sleep 5
        "$root/devnet/start" --persist --block-time 1 --port "$DEVNET_PORT" \
            --state "$DEVNET_DIR" >/dev/null 3>&- ||
            { echo "soak: the node did not start again" >&2; exit 1; }
        restarts=$((restarts + 1))
        next_restart=$((next_restart + restart_every))
    fi
    sleep 1
done
sample
wait "$feeder"
feeder=
fed=$(cat "$dir/fed")
# The meter ends once it has reported every reading (its input is closed).
wait "$meter"
meter_exit=$?
meter=
panel_alive=$(kill -0 "$panel" 2>/dev/null && echo yes || echo no)

reported=$(grep -c ', Info: ' "$dir/meter.out")
distinct=$(grep ', Info: ' "$dir/meter.out" | grep -o 'tx 0x[0-9a-f]*' | sort -u | wc -l)
# The chain's word, through an index of its own.
export XDG_CACHE_HOME=$dir/cache-check
on_chain=$(pc --json history --method energyProduced --account "$SCENARIO_U1" |
    jq '[.[] | select(.outcome == "ok" and (.from | ascii_downcase) == "'"${SCENARIO_U1,,}"'")] | length')
after=$(pc --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | jq -r .available)
gained=$(echo "$after - $before" | bc)
want=$(echo "$fed * 800000000000000" | bc)

# Memory: the sample at the hour (or half the run), against the last.
half=$((duration < 7200 ? duration / 2 : 3600))
at() { awk -F'\t' -v t="$1" -v c="$2" 'NR > 1 && $1 >= t { print $c; exit }' "$dir/samples.tsv"; }
last() { tail -n 1 "$dir/samples.tsv" | cut -f"$1"; }
panel_hour=$(at "$half" 2) panel_end=$(last 2)
meter_hour=$(at "$half" 4) meter_end=$(last 4)
panel_fd_start=$(at "$((restart_every + 60))" 3) panel_fd_end=$(last 3)
meter_fd_start=$(at "$((restart_every + 60))" 5) meter_fd_end=$(last 5)
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", b ? 100 * (a - b) / b : 0 }'; }
within() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(b && a <= b * 1.1) }'; }

failed=0
check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; failed=1; fi; }
echo
echo "ran ${SECONDS} s, $restarts node restarts, $fed readings fed"
echo "panel: RSS $panel_hour KiB at ${half} s, $panel_end KiB at the end ($(pct "$panel_end" "$panel_hour")); fds $panel_fd_start after the first restart, $panel_fd_end at the end; alive: $panel_alive"
echo "meter: RSS $meter_hour KiB at ${half} s, $meter_end KiB at the end ($(pct "$meter_end" "$meter_hour")); fds $meter_fd_start after the first restart, $meter_fd_end at the end; exit $meter_exit"
echo "readings: $reported reported mined in $distinct distinct transactions, $on_chain energyProduced of U1 on the chain, B gained $gained wei (want $want)"
check "panel memory at the end within 10% of ${half} s" "within $panel_end $panel_hour"
check "meter memory at the end within 10% of ${half} s" "within $meter_end $meter_hour"
check "panel: no file descriptor leaked" "((panel_fd_end <= panel_fd_start))"
check "meter: no file descriptor leaked" "((meter_fd_end <= meter_fd_start))"
check "the panel still runs" "[[ $panel_alive == yes ]]"
check "meter run ended well" "((meter_exit == 0))"
check "every reading reported once" "((reported == fed && distinct == fed))"
check "the chain holds every reading once" "((on_chain == fed))"
check "the producer got exactly its share of each" "[[ $gained == $want ]]"
exit "$failed"
