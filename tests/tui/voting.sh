#!/usr/bin/env bash
# The Voting page lists every voter's proposals from the history index, not
# only the account's own: on the demo chain (voters A and B) a proposal B
# started shows on A's page with its description and tally, and A joining
# it passes it. The confirmation says what the call does, since each call
# toggles the caller's side: it adds a vote in favour, turns a vote against
# or in favour, or proposes a passed change again; keys that would do the
# opposite of what they say send nothing.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
PARAMS='getParameters()(uint256,uint256,uint256,uint256,uint256)'

assert_match "B proposes C = 0.1" "$(tx B 'setParameter(string,uint256)' C 100000000000000000)" \
    "Info: You are in favor of: 'setParameter_C_100000000000000000'*"

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_keys 5
tui_expect "B's proposal on A's page" "not voted  1 of 2 in favour  Set C to 10% (was 5%)"
tui_expect "its vote string" "setParameter_C_100000000000000000"
tui_expect "the rule" "1 of 2 in favour, passes at more than half"
tui_expect "who is in favour" "in favour: ${ADDR[B]:0:6}..${ADDR[B]: -4}"
tui_expect "the demo's passed votes apart" "Passed"
tui_expect "the banker vote among them" "2 of 2 in favour  Make ${ADDR[C]:0:6}..${ADDR[C]: -4} the banker"

echo "# o without a vote sends nothing: a first call would count in favour"
tui_keys Home o
tui_expect "refused" "you have not voted on it"
echo "# y joins it: the dialog says so, and the vote passes"
tui_keys y
tui_expect "dialog wording" "what it does adds your vote in favour"
tui_sign
tui_expect "passed: its action's Info" "Info: Parameter changed >> C = 0.1"
assert_eq "C is 0.1 on chain" "$(rd A "$PARAMS" | cut -d' ' -f3)" 100000000000000000
tui_expect "listed as passed, both in favour" "2 of 2 in favour  Set C to 10% (was 5%)"
tui_expect "none open now" "Open proposals: none"

echo "# A's own open proposal: y refuses, o turns the vote against, v back in favour"
assert_match "A proposes voter D" "$(tx A 'addVoter(address)' "${ADDR[D]}")" \
    "Info: You are in favor of: 'Add_Voter_$(hex D)'*"
tui_expect "A's proposal, in favour" "in favour  1 of 2 in favour  Add voter ${ADDR[D]}"
tui_keys Home y
tui_expect "already in favour" "you are in favour already"
tui_keys o
tui_expect "dialog wording" "what it does turns your vote against"
tui_sign
tui_expect "A against" "Info: You are against: 'Add_Voter_$(hex D)'"
tui_expect "listed against" "against    0 of 2 in favour  Add voter ${ADDR[D]}"
assert_eq "D is no voter" "$(rd D 'isVoter()(bool)')" false
tui_keys o
tui_expect "already against" "you are against already"
tui_keys v
tui_expect "v turns it back" "what it does turns your vote in favour"
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"

echo "# a passed proposal: o refuses, y proposes it again"
tui_keys End
tui_expect "the passed C proposal chosen" "passed at block"
tui_expect "its full description" "Set C to 10% (was 5%)"
tui_keys o
tui_expect "nothing to oppose" "it passed: there is no vote left to oppose"
tui_keys y
tui_expect "dialog wording" "what it does proposes again a passed change"
tui_sign
tui_expect "recorded again with a suffix" "Info: You are in favor of: 'setParameter_C_100000000000000000_1'"
tui_expect "open again" "in favour  1 of 2 in favour  Set C to 10% (was 10%)"
tui_keys End y
tui_expect "the open one named" "proposed again already as setParameter_C_100000000000000000_1"
tui_keys q
assert_summary
