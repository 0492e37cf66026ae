#!/usr/bin/env bash
# Voting again from the list: `v` on a listed proposal reads the method and
# its arguments back from the vote string and, after the usual confirmation
# (which says which way the call turns the account's vote), turns the
# account's vote on it around. A adds voter B (passes at once), proposes
# H = 3 hours and toggles that vote twice; B, whose last vote on it was
# against, votes again from the list and the proposal passes; a passed
# proposal called again is recorded with a `_1` suffix, which is read back
# too.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT
H3=setParameter_H_3

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "A is a voter" "voter"

echo "# A adds voter B: passes at once with one voter"
tui_keys 5 a
tui_type "${ADDR[B]}"
tui_keys Enter
tui_sign
tui_expect "voter added" "Info: New voter added >> $(hex B)"
tui_expect "listed as passed" "1 of 1 in favour  Add voter ${ADDR[B]}"

echo "# A proposes H = 3 hours (open: one of two voters)"
tui_keys p
tui_type H
tui_keys Enter
tui_type 3
tui_keys Enter
tui_sign
tui_expect "proposal open" "in favour  1 of 2 in favour  Set H to 3 h (was 2 h)"

echo "# v on it: A is against, then in favour again"
tui_keys Home v
tui_expect "confirmation names the method" "setParameter (a vote)"
tui_expect "and which way the vote turns" "what it does turns your vote against"
tui_expect "with the raw hours" "the proposal: set H to 3 h"
tui_keys y
tui_expect "A against" "You are against: '$H3'"
tui_expect "listed against" "against    0 of 2 in favour  Set H to 3 h (was 2 h)"
assert_match "B votes in favour (cast)" "$(tx B 'setParameter(string,uint256)' H 3)" \
    "Info: You are in favor of: '$H3'.*"
assert_match "B turns against (cast)" "$(tx B 'setParameter(string,uint256)' H 3)" \
    "Info: You are against: '$H3'.*"
tui_keys v
tui_expect "back in favour" "what it does turns your vote in favour"
tui_sign
tui_expect "A in favour again" "Info: You are in favor of: '$H3'"
assert_eq "H unchanged: 2 hours" "$(rd A 'getParameters()(uint256,uint256,uint256,uint256,uint256)' |
    cut -d' ' -f4)" 7200

echo "# a fraction is shown as people write it (M = 0.5), then cancelled"
tui_keys p
tui_type M
tui_keys Enter
tui_type 0.5
tui_keys Enter
tui_sign
tui_expect "M proposal listed" "Set M to 0.5 ENT/kWh (was 0.5 ENT/kWh)"
tui_keys Home Down
tui_expect "its vote string" "setParameter_M_500000000000000000"
tui_keys v
tui_expect "value as a fraction" "the proposal: set M to 0.5 ENT/kWh"
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"
tui_keys q

echo "# B votes again from its list: the proposal passes"
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file B)"
tui_keys 5
tui_expect "B's vote listed against" "against    1 of 2 in favour  Set H to 3 h (was 2 h)"
tui_keys Home v
tui_sign
tui_expect "passed on screen" "2 of 2 in favour  Set H to 3 h (was 2 h)"
assert_eq "H is 3 hours on chain" "$(rd A 'getParameters()(uint256,uint256,uint256,uint256,uint256)' |
    cut -d' ' -f4)" 10800

echo "# voting again on a passed vote records ${H3}_1; v reads the suffix back"
tui_keys End
tui_expect "the passed one chosen" "passed at block"
tui_keys v
tui_expect "proposes it again" "what it does proposes again a passed change"
tui_sign
tui_expect "recorded again" "Info: You are in favor of: '${H3}_1'"
tui_keys Home Down
tui_expect "listed with its suffix" "${H3}_1"
tui_keys v
tui_expect "turns B's vote against" "what it does turns your vote against"
tui_sign
tui_expect "toggled through the suffix" "Info: You are against: '${H3}_1'"
tui_keys q
assert_summary
