#!/usr/bin/env bash
# Voting: who may vote, the favour*10/voters > 5 rule with 1, 2 and 3 voters,
# toggling a vote, the _N suffix of a string that passed before, removed
# voters' votes not counting, the last voter, and setParameter.
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up "$@"

favour() { echo "Info: You are in favor of: '$1'. Execute the method again to change your mind."; }
against() { echo "Info: You are against: '$1'. Execute the method again to change your mind."; }

echo "# non-voters cannot vote"
for call in "addVoter(address) ${ADDR[D]}" "removeVoter(address) ${ADDR[A]}" \
        "registerStorageUnit(address,address) ${ADDR[U1]} ${ADDR[C]}" "removeStorageUnit(address) ${ADDR[U1]}" \
        "changeBanker(address) ${ADDR[C]}" "setParameter(string,uint256) M 1" "destroy()"; do
    # shellcheck disable=SC2086 # split the signature from its arguments
    assert_eq "C: ${call%% *}" "$(tx C $call)" "Error: Only voters can do this"
done
assert_eq "C recorded no vote" "$(rd C 'getVotes()((string,bool,bool)[])')" "[]"
assert_eq "B is no voter" "$(rd B 'isVoter()(bool)')" false

echo "# 1 voter: a vote passes at once"
assert_eq "last voter" "$(tx A 'removeVoter(address)' "${ADDR[A]}")" "Error: The last voter cannot be removed"
assert_eq "A adds B" "$(tx A 'addVoter(address)' "${ADDR[B]}")" "Info: New voter added >> $(hex B)"
assert_eq "already a voter" "$(tx A 'addVoter(address)' "${ADDR[B]}")" "Error: Already a voter: $(hex B)"
assert_eq "not a voter" "$(tx A 'removeVoter(address)' "${ADDR[D]}")" "Error: Not a voter: $(hex D)"

echo "# 2 voters: one vote is 10/2 = 5, not enough; a vote toggles"
add_c="Add_Voter_$(hex C)"
assert_eq "A for C" "$(tx A 'addVoter(address)' "${ADDR[C]}")" "$(favour "$add_c")"
assert_eq "A toggles against" "$(tx A 'addVoter(address)' "${ADDR[C]}")" "$(against "$add_c")"
assert_eq "A's side" "$(rd A 'getVotes()((string,bool,bool)[])')" \
    "[(\"Add_Voter_$(hex B)\", true, true), (\"$add_c\", false, false)]"
assert_eq "B for C, A against: 1 of 2" "$(tx B 'addVoter(address)' "${ADDR[C]}")" "$(favour "$add_c")"
assert_eq "C not yet a voter" "$(rd C 'isVoter()(bool)')" false
assert_eq "A back in favour passes" "$(tx A 'addVoter(address)' "${ADDR[C]}")" "Info: New voter added >> $(hex C)"
assert_eq "C is a voter" "$(rd C 'isVoter()(bool)')" true
assert_eq "B's view" "$(rd B 'getVotes()((string,bool,bool)[])')" "[(\"$add_c\", true, true)]"

echo "# 3 voters: 1 vote is 10/3 = 3, 2 votes are 20/3 = 6 > 5"
add_d="Add_Voter_$(hex D)"
assert_eq "C for D" "$(tx C 'addVoter(address)' "${ADDR[D]}")" "$(favour "$add_d")"
assert_eq "B for D passes" "$(tx B 'addVoter(address)' "${ADDR[D]}")" "Info: New voter added >> $(hex D)"

echo "# a passed string gets _1, _2 when proposed again"
rm_d="Remove_Voter_$(hex D)"
assert_eq "A to remove D" "$(tx A 'removeVoter(address)' "${ADDR[D]}")" "$(favour "$rm_d")"
assert_eq "B to remove D" "$(tx B 'removeVoter(address)' "${ADDR[D]}")" "$(favour "$rm_d")"
assert_eq "C removes D (3 of 4)" "$(tx C 'removeVoter(address)' "${ADDR[D]}")" "Info: Voter removed >> $(hex D)"
assert_eq "D no voter" "$(rd D 'isVoter()(bool)')" false
assert_eq "C for D again" "$(tx C 'addVoter(address)' "${ADDR[D]}")" "$(favour "${add_d}_1")"
assert_eq "B for D again" "$(tx B 'addVoter(address)' "${ADDR[D]}")" "Info: New voter added >> $(hex D)"
assert_eq "C's votes" "$(rd C 'getVotes()((string,bool,bool)[])')" \
    "[(\"$add_d\", true, true), (\"$rm_d\", true, true), (\"${add_d}_1\", true, true)]"

echo "# a removed voter's vote no longer counts"
banker="changeBankerTo_$(hex D)"
assert_eq "D for banker D" "$(tx D 'changeBanker(address)' "${ADDR[D]}")" "$(favour "$banker")"
assert_eq "C for banker D" "$(tx C 'changeBanker(address)' "${ADDR[D]}")" "$(favour "$banker")"
assert_eq "A to remove D" "$(tx A 'removeVoter(address)' "${ADDR[D]}")" "$(favour "${rm_d}_1")"
assert_eq "B to remove D" "$(tx B 'removeVoter(address)' "${ADDR[D]}")" "$(favour "${rm_d}_1")"
assert_eq "C removes D" "$(tx C 'removeVoter(address)' "${ADDR[D]}")" "Info: Voter removed >> $(hex D)"
assert_eq "B for banker D: 2 of 3 pass" "$(tx B 'changeBanker(address)' "${ADDR[D]}")" \
    "Info: Banker changed >> $(hex D)"
assert_eq "banker" "$(rd A 'getBankerAddress()(address)')" "${ADDR[D]}"
banker_a="changeBankerTo_$(hex A)"
assert_eq "C for banker A" "$(tx C 'changeBanker(address)' "${ADDR[A]}")" "$(favour "$banker_a")"
assert_eq "A removes C: vote 1 of 3" "$(tx A 'removeVoter(address)' "${ADDR[C]}")" "$(favour "Remove_Voter_$(hex C)")"
assert_eq "B removes C" "$(tx B 'removeVoter(address)' "${ADDR[C]}")" "Info: Voter removed >> $(hex C)"
# Were C's vote still counted, this would be 2 of 2 and pass.
assert_eq "A for banker A: C's vote void, 1 of 2" "$(tx A 'changeBanker(address)' "${ADDR[A]}")" "$(favour "$banker_a")"
assert_eq "banker unchanged" "$(rd A 'getBankerAddress()(address)')" "${ADDR[D]}"

echo "# down to the last voter"
assert_eq "A removes B" "$(tx A 'removeVoter(address)' "${ADDR[B]}")" "$(favour "Remove_Voter_$(hex B)")"
assert_eq "B agrees" "$(tx B 'removeVoter(address)' "${ADDR[B]}")" "Info: Voter removed >> $(hex B)"
assert_eq "A cannot leave" "$(tx A 'removeVoter(address)' "${ADDR[A]}")" "Error: The last voter cannot be removed"
assert_eq "A still a voter" "$(rd A 'isVoter()(bool)')" true
assert_eq "B gone" "$(rd B 'isVoter()(bool)')" false

echo "# setParameter"
assert_eq "unknown name" "$(tx A 'setParameter(string,uint256)' X 5)" "Error: Unknown parameter: X"
assert_eq "lower case is unknown" "$(tx A 'setParameter(string,uint256)' m 5)" "Error: Unknown parameter: m"
assert_eq "fraction above 1" "$(tx A 'setParameter(string,uint256)' C 1000000000000000001)" \
    "Error: Invalid value for parameter C: must be at most 10^18 (1.0)"
assert_eq "zero hours" "$(tx A 'setParameter(string,uint256)' H 0)" "Error: Invalid value for parameter H: hours must be at least 1 and below 2^256 / 3600"
assert_eq "H in hours" "$(tx A 'setParameter(string,uint256)' H 3)" "Info: Parameter changed >> H = 3 h (10800 s)"
assert_eq "M" "$(tx A 'setParameter(string,uint256)' M 600000000000000000)" "Info: Parameter changed >> M = 0.6"
assert_eq "B" "$(tx A 'setParameter(string,uint256)' B 400000000000000000)" "Info: Parameter changed >> B = 0.4"
assert_eq "C" "$(tx A 'setParameter(string,uint256)' C 100000000000000000)" "Info: Parameter changed >> C = 0.1"
assert_eq "F" "$(tx A 'setParameter(string,uint256)' F 0)" "Info: Parameter changed >> F = 0"
assert_eq "parameters" "$(rd D 'getParameters()(uint256,uint256,uint256,uint256,uint256)')" \
    "600000000000000000 400000000000000000 100000000000000000 10800 0"
assert_match "vote string" "$(rd A 'getVotes()((string,bool,bool)[])')" '*"setParameter_H_3", true, true*'

assert_summary
