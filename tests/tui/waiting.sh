#!/usr/bin/env bash
# What waits for the account, in the panel (issue 19 item 1): on the demo
# chain (voters A and B) a proposal B opened waits for A's vote: the
# sidebar shows "5 Voting (1)" and Tokens lists it with the page and keys
# that act on it; Enter goes there, and A's vote clears the count. The
# demo's fill of A's order counts beside Market until A leaves Tokens,
# which lists it; the mark stays in the index for the next run. With
# `notify = osc9` in the config file, a new item (B's next proposal) sends
# an OSC 9 notification, read from the pane's raw output (pipe-pane);
# `notify = bell` rings the bell. Without `notify`, nothing is sent. With
# `peg-gap`, the peg gap past it waits too.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
export POWERCHAIN_CONFIG=$TUI_DIR/powerchain.conf
RAW=$TUI_DIR/raw

# The pane's output, bytes as the program wrote them, from now on.
capture() {
    : >"$RAW"
    tmux -L "$TUI_SOCK" pipe-pane -o -t "$TUI_SESSION" "cat >>$RAW"
}
# raw_has BYTES: true when the pane's output holds them; else shows its end.
raw_has() { grep -qaF -- "$1" "$RAW" || { cat -v "$RAW" | tail -c 1500; false; }; }

# panel CONFIG-LINE: the panel as A, with that line (or none) in the config.
panel() {
    printf '%s\n' "$1" >"$POWERCHAIN_CONFIG"
    tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
}

assert_match "B proposes C = 0.1" "$(tx B 'setParameter(string,uint256)' C 100000000000000000)" \
    "Info: You are in favor of: 'setParameter_C_100000000000000000'*"

panel "notify = osc9"
tui_expect "the count beside Voting" "5 Voting (1)"
tui_expect "Tokens lists it" "vote on: Set C to 10% (was 5%)"
tui_expect "with where it is acted on" "5 Voting: y join, o oppose"
tui_expect "the demo's fill of A's buy order, never looked at" "4 Market (1)"
tui_expect "listed" "order filled: bought 1.9 ENT at 0.5 eEuro/ENT from"
capture

echo "# a new item: B proposes a voter; the panel sends OSC 9 naming it"
assert_match "B proposes voter D" "$(tx B 'addVoter(address)' "${ADDR[D]}")" \
    "Info: You are in favor of: 'Add_Voter_$(hex D)'*"
tui_expect "two waiting" "5 Voting (2)"
assert_eventually "the OSC 9 notification" raw_has $'\e]9;vote on: Add voter'

echo "# Enter on the first item goes to Voting; joining clears its count"
tui_keys Home Enter
tui_page_shown() { _tui_on_page 5; }
wait_for "Voting to show" tui_page_shown || tui_screen >&2
tui_gone "left Tokens: the fill was looked at" "4 Market ("
tui_keys Home
tui_expect "B's C proposal first" "not voted  1 of 2 in favour  Set C to 10% (was 5%)"
tui_keys y
tui_sign
tui_expect "passed" "Info: Parameter changed >> C = 0.1"
tui_expect "one left" "5 Voting (1)"
tui_keys Home y
tui_sign
tui_expect "the voter proposal passes" "Info: New voter added"
tui_gone "nothing waits: no count beside Voting" "5 Voting ("
tui_keys 1
tui_expect "Tokens says nothing waits" "Waiting for you"
tui_expect "nothing" "  nothing"
tui_quit

echo "# notify = bell: the bell rings for a new item"
panel "notify = bell"
tui_expect "nothing waits: the fill's mark was kept in the index" "  nothing"
capture
assert_match "B proposes voter U1" "$(tx B 'addVoter(address)' "${ADDR[U1]}")" \
    "Info: You are in favor of*"
tui_expect "counted" "5 Voting (1)"
assert_eventually "the bell" raw_has $'\a'
tui_quit

echo "# without notify: nothing is sent"
panel ""
tui_expect "counted" "5 Voting (1)"
capture
assert_match "B proposes removing voter D" "$(tx B 'removeVoter(address)' "${ADDR[D]}")" \
    "Info: You are in favor of*"
tui_expect "counted" "5 Voting (2)"
tui_keys 1
tui_expect "drawn after it" "Remove voter"
assert_eq "no bell, no OSC 9" "$(grep -caE $'\a|\e\\]9;' "$RAW")" 0
tui_quit

echo "# peg-gap in the config: a gap past it waits, counted beside Energy"
assert_match "unit U1 reports less energy than it holds" \
    "$(tx U1 'reportActualEnergy(uint256)' 1000)" "Info: Actual energy reported*"
panel "peg-gap = 0.000000000000000001"
tui_expect "counted beside Energy" "2 Energy (1)"
tui_expect "listed" "  peg gap "
tui_quit
assert_summary
