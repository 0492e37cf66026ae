#!/usr/bin/env bash
# Every page at the panel's minimum size, 80x24, after the demo scenario
# (devnet/scenario.sh), compared with tests/tui/golden/<page>.txt: the page
# area only (right of the sidebar, between the header and the two bottom
# lines), with what changes from run to run masked (clock times, the node's
# port, the time a session has left, a node's latency). UPDATE_GOLDEN=1
# rewrites the files.
# Then every figure of the Tokens page against what `powerchain status`
# prints for the same account.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
export LC_ALL=C.UTF-8
devnet_up || exit 1
trap 'tui_down; devnet_down' EXIT
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_all || { echo "FAIL: the demo scenario did not complete"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
# Names beside addresses come from the contacts file.
for who in A B C U1 U2; do
    var=SCENARIO_$who
    pc contacts add "$(tr '[:upper:]' '[:lower:]' <<<"$who")" "${!var}" >/dev/null
done

GOLDEN=$PROJECT_ROOT/tests/tui/golden
HEADER_ROWS=3 SIDEBAR_COLS=17

# The page area of the screen, masked.
page_area() {
    local line n=0 rows
    rows=$(($(tui_screen | wc -l) - 2))
    while IFS= read -r line; do
        n=$((n + 1))
        ((n > HEADER_ROWS && n <= rows)) || continue
        printf '%s\n' "${line:SIDEBAR_COLS}"
    done < <(tui_screen) |
        sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/YYYY-MM-DD hh:mm/g' \
            -e 's/[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/MM-DD hh:mm/g' \
            -e 's/[0-9]{2}:[0-9]{2}/hh:mm/g' \
            -e 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g' \
            -e 's/ *[0-9]+\.[0-9] ms/ LATENCY/g' \
            -e 's/[0-9]+ h( [0-9]+ min)? to go|[0-9]+ min to go/T to go/g' \
            -e 's/ +$//'
}

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$SCENARIO_DIR/A.key"
tui_resize 80 24
tui_keys 9
tui_expect "the history read" "newest first ("
# name PAGE-KEY TEXT-THAT-SAYS-IT-IS-DRAWN
pages=(
    "tokens 1 In circulation"
    "energy 2 Your consumption sessions"
    "network 3 Node and contract"
    "market 4 Recent trades"
    "voting 5 Passed"
    "banker 6 Banker"
    "accounts 7 Accounts"
    "meter 8 Smart meter"
    "activity 9 newest first"
)
# compare NAME: the page area against golden/NAME.txt (or rewrites it).
compare() {
    local name=$1 got
    sleep 0.3
    if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
        page_area >"$GOLDEN/$name.txt"
        echo "# wrote $GOLDEN/$name.txt"
    fi
    got=$(page_area)
    if [[ $got == "$(cat "$GOLDEN/$name.txt")" ]]; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $name at 80x24 differs from $GOLDEN/$name.txt:"
        diff <(cat "$GOLDEN/$name.txt") <(printf '%s\n' "$got") | sed 's/^/    /'
    fi
}
for p in "${pages[@]}"; do
    read -r name key text <<<"$p"
    tui_keys "$key"
    tui_expect "$name drawn" "$text"
    compare "$name"
done

echo "# the keys line offers role actions only to the role: A is neither banker nor unit"
keys_line() { tui_screen | tail -n 1; }
tui_keys 6
tui_expect "Banker as A" "This account is not the banker."
assert_eq "no banker's action offered" "$(keys_line | grep -cE 'm mint|x burn|u unlock')" 0
tui_keys 8
tui_expect "Meter as A" "This account is not an active storage unit."
assert_eq "no unit's report offered" "$(keys_line | grep -cE 'p produced|c consumed|a actual')" 0
assert_match "what anyone may do still offered" "$(keys_line)" "*e session energy*"

echo "# Energy: J scrolls the chosen unit's readings, K back"
tui_keys 2
tui_expect "the newest reading first" "energyConsumed(0xf39F..2266 a, 7 kWh)"
tui_keys J
tui_expect "J: the second newest on top" "owner 0x3C44..93BC c, 6 readings and sessions (2-"
assert_eq "J: the newest scrolled away" "$(page_area | grep -c 'energyConsumed(0xf39F..2266 a, 7 kWh)')" 0
tui_keys J J J J
tui_expect "J: the end reached, the oldest on top" "6 readings and sessions (6-6, J/K)"
assert_eq "J: the oldest reading shown" "$(page_area | grep -c 'energyProduced(0xf39F..2266 a, 10 kWh)')" 1
tui_keys K
tui_expect "K: one back" "6 readings and sessions (5-6, J/K)"
assert_eq "K: the session before it, its consumer first" "$(page_area | grep -c '0x3C44..93BC c: startConsumptionSession(0x90F7..b906')" 1
tui_keys K K K K
tui_expect "K: the newest back" "energyConsumed(0xf39F..2266 a, 7 kWh)"

echo "# Activity at 80x24: the newest record opened whole, a filter, the last record"
newest=$(curl -s -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["latest",false]}' \
    "$DEVNET_RPC" | jq -r '.result.transactions[0]')
tui_keys 9 Enter
tui_expect "the detail view" "Transaction 1 of 21"
tui_expect "the call with its arguments" "addOrder(1 eEuro/ENT, 10 ENT, buy)"
tui_expect "the sender with its name" "sender ${SCENARIO_A} a"
# 66 characters: whole on one line at 80 columns (the record takes the
# sidebar's columns too).
tui_expect "the hash whole" "hash   ${newest}"
tui_expect "every text on its own row" "       Trade >> 1.9 ENT at 0.5 eEuro/ENT"
tui_keys Escape
tui_expect "Esc closes it" "1 of 21  Enter opens it"
tui_keys /
tui_type "startconsumption"
tui_expect "filtered as typed" "filter: startconsumption_ (3 of 21)"
tui_keys Enter G
tui_expect "kept; G goes to the last that matches, C's session" "> #8 "
tui_keys Escape End
tui_expect "Esc clears; End reaches the deployment" "21 of 21"
tui_expect "the deployment" "constructor"
tui_keys Home
tui_expect "Home: the newest" "1 of 21"
page=$(page_area | grep -cE '^[> ] #[0-9]+ ')
tui_keys NPage
tui_expect "PgDn: a page of records ($page at 80x24)" "$((page + 1)) of 21"

echo "# Tokens at 80x24: every figure as powerchain status prints it"
tui_keys 1
tui_expect "Tokens" "In circulation"
status=$(pc --private-key-file "$SCENARIO_DIR/A.key" status)
screen=$(page_area)
# "ENT        0 ENT available, 1.2 ENT locked"
for token in ENT eEuro; do
    line=$(grep -E "^$token +[0-9.]+ $token available" <<<"$status")
    avail=$(sed -E "s/^$token +([0-9.]+ $token) available.*/\1/" <<<"$line")
    locked=$(sed -E "s/.*available, ([0-9.]+ $token) locked/\1/" <<<"$line")
    row=$(grep -E "^  $token " <<<"$screen" | head -1)
    assert_eq "$token available and locked on the page" \
        "$(grep -oE "[0-9.]+ $token" <<<"$row" | tr '\n' ' ')" "$avail $locked "
done

# Quitting frees every page's view state (a sanitizer build fails the exit
# status on a leak or a bad access).
tui_keys q
tui_ended
assert_eq "the panel's exit" "$(grep '^exit ' "$TUI_LOG")" "exit 0"

echo "# Meter as the unit U1: its owner and every reading, newest first"
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$SCENARIO_DIR/U1.key"
tui_resize 80 24
tui_keys 8
tui_expect "the unit's readings" "Readings and sessions, newest first"
tui_expect "the readings read" "energyConsumed(0xf39F..2266 a, 7 kWh)"
compare meter_unit
assert_match "the unit's reports offered to the unit" "$(keys_line)" "*p produced*"
tui_keys G
# The oldest row may show before G is read: wait for the cursor on it.
_cursor_on_first() {
    local area
    area=$(page_area)
    grep -q '^> .*energyProduced(0xf39F..2266 a, 10 kWh)' <<<"$area" || { echo "$area"; return 1; }
}
expect_within "G: the cursor on U1's first production" _cursor_on_first
assert_summary
