#!/usr/bin/env bash
# bench/tui-scale.sh [BUILD_DIR]: the panel over a busy deployment: 2,000
# open orders, 200 storage units, 500 votes (499 proposals left open) and
# about 20,000 transactions to the contract in all, the rest meter readings.
# Through the real binary in tmux, at 200x50 and at 80x24, it prints each
# page's draw time (goal <= 5 ms), one refresh on a new block that brings a
# transaction (snapshot + index step + derivation of the past; goal <= 50 ms)
# and the peak memory (VmHWM; goal <= 32 MiB). The figures come from the
# panel's own counters in the help dialog (`?`). Run by hand after building;
# not part of the test suites.
set -uo pipefail
. "$(dirname "$0")/panel_devnet.sh" "${1:-}"

UNITS=200 ORDERS=2000 VOTES=500 RECORDS=20000
READINGS=$((RECORDS - 1 - UNITS - ORDERS - VOTES)) # 1: the contract's creation
E15=000000000000000

# Transactions go out as JSON-RPC batches of eth_sendTransaction from anvil's
# unlocked accounts, with explicit nonces and gas, into the pool of a node
# that mines on demand (a batch's calls may arrive in any order): one
# process per transaction would take most of an hour. Calldata is ABI-encoded here, as
# every argument is a static word.
word() { printf '%064x' "$1"; }
addr_word() { local a=${1,,}; printf '%064s' "${a#0x}" | tr ' ' 0; }
sel() { "$CAST" sig "$1"; }
SEL_REGISTER=$(sel 'registerStorageUnit(address,address)')
SEL_PRODUCED=$(sel 'energyProduced(address,uint256)')
SEL_ORDER=$(sel 'addOrder(uint256,uint256,bool)')
SEL_VOTER=$(sel 'addVoter(address)')
nonce_of() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$1"; }

# send_all WHO: sends the calldata lines on stdin as WHO, 500 per batch, and
# fails unless every one was mined.
send_all() {
    local from=${ADDR[$1]} nonce first i=0 batch=() data answer
    nonce=$(nonce_of "$from") first=$nonce
    flush() {
        ((${#batch[@]})) || return 0
        answer=$(printf '%s\n' "${batch[@]}" | jq -s -c . |
            curl -sf -H 'Content-Type: application/json' --data-binary @- "$DEVNET_RPC") ||
            { echo "the node refused a batch" >&2; return 1; }
        if jq -e 'map(select(.error)) | length > 0' <<<"$answer" >/dev/null; then
            jq -r 'map(select(.error))[0].error.message' <<<"$answer" >&2
            return 1
        fi
        batch=()
    }
    while read -r data; do
        batch+=("$(printf '{"jsonrpc":"2.0","id":%d,"method":"eth_sendTransaction","params":[{"from":"%s","to":"%s","data":"%s","gas":"0x7a120","nonce":"0x%x"}]}' \
            "$i" "$from" "$DEVNET_ADDRESS" "$data" "$nonce")")
        nonce=$((nonce + 1)) i=$((i + 1))
        if ((${#batch[@]} == 500)); then flush || return 1; fi
    done
    flush || return 1
    for ((i = 0; i < 2000; i++)); do
        (($(nonce_of "$from") == nonce)) && return 0
        "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null
    done
    echo "only $(($(nonce_of "$from") - first)) of $((nonce - first)) were mined" >&2
    return 1
}

build_chain() {
    local i
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_setAutomine false >/dev/null
    echo "building the chain: $UNITS units, $READINGS readings, $ORDERS orders, $VOTES votes" >&2
    # A, the only voter yet, registers each unit with one vote; U1 is the first.
    for ((i = 0; i < UNITS; i++)); do
        local unit=${ADDR[U1]}
        ((i)) && unit=$(printf '0x%040x' $((0x5c000000 + i)))
        echo "$SEL_REGISTER$(addr_word "$unit")$(addr_word "${ADDR[C]}")"
    done | send_all A || return 1
    for ((i = 0; i < READINGS; i++)); do
        echo "$SEL_PRODUCED$(addr_word "${ADDR[A]}")$(word 1)"
    done | send_all U1 || return 1
    # Sells only, each at its own price: nothing matches, all stay open.
    for ((i = 1; i <= ORDERS; i++)); do
        echo "$SEL_ORDER$(word $((i * 1000000000000000)))$(word 1$E15)$(word 0)"
    done | send_all A || return 1
    # B joins (1 of 1 in favour); then each further proposal has 1 of 2.
    {
        echo "$SEL_VOTER$(addr_word "${ADDR[B]}")"
        for ((i = 1; i < VOTES; i++)); do
            echo "$SEL_VOTER$(printf '%064x' $((0xb0000000 + i)))"
        done
    } | send_all A || return 1
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_setAutomine true >/dev/null
}

start=$(date +%s)
build_chain || exit 1
echo "chain built in $(($(date +%s) - start)) s" >&2

pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
pc sync >/dev/null || exit 1
history=$(pc --json history)
records=$(jq length <<<"$history")
echo "chain: $("$CAST" block-number --rpc-url "$DEVNET_RPC") blocks, $records transactions to the contract" >&2
# The contract says no with an Error event: every call must have done its part.
failed=$(jq '[.[] | select(.outcome != "ok")] | length' <<<"$history")
((failed == 0)) || { echo "$failed transactions did not go through" >&2; exit 1; }

rows=() # "figure|measured|goal"
TITLES=(Tokens Energy "Network info" Market Voting Banker Accounts Meter Activity Charts)
ms_sum() { echo "$@" | tr ' ' '\n' | paste -sd+ | bc; }

# measure COLS LINES: one panel at that size; its figures go to rows.
measure() {
    local size="$1x$2" pid i line best= worst= worst_line= total page title max
    TUI_ENV=POWERCHAIN_TUI_TIMERS=1 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
    tui_resize "$1" "$2"
    tui_keys '?'
    tui_wait "$records txs" 120 || { echo "$size: the past never came"; tui_screen; return 1; }
    tui_keys Escape
    pid=$(pgrep -n -f -- "--rpc $DEVNET_RPC") # the panel started just above
    # Each page for a second: about ten draws, the first one included.
    for page in 1 2 3 4 5 6 7 8 9; do
        tui_keys "$page"
        sleep 1
    done
    # Three new blocks that each bring one reading (the snapshot's part is
    # mostly the node's answer, which varies with the machine's load), on
    # Tokens: the charts' series are replayed only while Charts is shown.
    tui_keys 1 '?'
    for i in 1 2 3; do
        echo "$SEL_PRODUCED$(addr_word "${ADDR[A]}")$(word 1)" | send_all U1 || return 1
        records=$((records + 1))
        tui_wait "$records txs" 30 || { echo "$size: no refresh after a new block"; return 1; }
        line=$(tui_screen | grep -oE 'snapshot [0-9.]+ \+ index [0-9.]+ \+ past [0-9.]+')
        total=$(ms_sum $(grep -oE '[0-9.]+' <<<"$line"))
        if [[ -z $worst ]] || (($(echo "$total > $worst" | bc))); then
            worst=$total worst_line=$line
        fi
        if [[ -z $best ]] || (($(echo "$total < $best" | bc))); then best=$total; fi
    done
    rows+=("$size refresh on a new block, best of 3|$best ms|<= 50 ms")
    rows+=("$size refresh on a new block, worst of 3|$worst ms ($worst_line)|<= 50 ms")
    rows+=("$size peak memory (VmHWM), Charts not opened|$(awk '/VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$pid/status")|<= 32 MiB")
    # One more on the Charts page, which replays the series as well (over
    # the new transaction: opening the page replayed all of them).
    tui_keys Escape 0
    sleep 2
    tui_keys '?'
    echo "$SEL_PRODUCED$(addr_word "${ADDR[A]}")$(word 1)" | send_all U1 || return 1
    records=$((records + 1))
    tui_wait "$records txs" 30 || { echo "$size: no refresh after a new block"; return 1; }
    line=$(tui_screen | grep -oE 'snapshot [0-9.]+ \+ index [0-9.]+ \+ past [0-9.]+')
    rows+=("$size refresh with the Charts page shown|$(ms_sum $(grep -oE '[0-9.]+' <<<"$line")) ms ($line)|<= 50 ms")
    local help
    help=$(tui_screen)
    for page in 1 2 3 4 5 6 7 8 9 10; do
        # The help lists each page's draw as "N last/max", never split.
        max=$(grep -oE "(^|[^0-9])$page [0-9.]+/[0-9.]+" <<<"$help" | tail -1 | cut -d/ -f2)
        rows+=("$size draw $page ${TITLES[page - 1]} (largest)|${max:-?} ms|<= 5 ms")
    done
    rows+=("$size peak memory (VmHWM), after the Charts page|$(awk '/VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$pid/status")|<= 32 MiB")
    tui_keys Escape q
}

measure 200 50 || exit 1
measure 80 24 || exit 1
printf '%-52s %-52s %s\n' figure measured goal
for r in "${rows[@]}"; do
    IFS='|' read -r f m g <<<"$r"
    printf '%-52s %-52s %s\n' "$f" "$m" "$g"
done
