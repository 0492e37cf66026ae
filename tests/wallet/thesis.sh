#!/usr/bin/env bash
# The wallet against a deployment that behaves like the thesis's own contract
# (contracts/PowerChainThesis.sol: few events, other words, its defects):
# the same scenario is played through the command line on it and on the
# project's contract, side by side, and status, history, units, proposals,
# withdrawals and trades must give the same facts on both, except where the
# contracts really differ (the eEuro a fill below the limit leaves locked,
# the banker's refused burn of another account's withdrawal), which must be
# what each node says. Then both pass a destroy vote: the thesis's reports an
# Error after it and keeps working, and every proposal the wallet shows must
# agree with the node's getVotes.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up --demo 2>/dev/null || exit 1
devnet_up_beside THESIS --contract thesis --demo 2>/dev/null || exit 1
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC

# ours|thesis ARGS...: powerchain against one of the two, each with an index of its own.
ours() {
    XDG_CACHE_HOME=$DEVNET_DIR/cache "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password" --yes "$@"
}
thesis() {
    XDG_CACHE_HOME=$THESIS_DIR/cache "$POWERCHAIN_BIN" --rpc "$THESIS_RPC" --contract-json "$THESIS_JSON" \
        --keystore "$THESIS_DIR/keystore" --password-file "$THESIS_DIR/demo-password" --yes "$@"
}
# both WHO METHOD ARGS...: sends on both; prints "OURS_EXIT THESIS_EXIT".
both() {
    local who=$1 o t
    shift
    ours --account "$who" send "$@" >/dev/null 2>&1; o=$?
    thesis --account "$who" send "$@" >/dev/null 2>&1; t=$?
    echo "$o $t"
}
# A view as JSON with what differs by nature (times, hashes) left out.
facts() { "$@" | jq -c 'if type == "array" then map(del(.time, .tx, .text)) else . end'; }

echo "# after the chapter 6 scenario, more of each kind on both"
assert_eq "A removes its buy" "$(both A removeOrder 0 buy)" "0 0"
assert_eq "A asks to withdraw 0.5" "$(both A lockeEuro 0.5)" "0 0"
out=$(thesis --account C send burneEuro "$A" 0.2 2>&1)
assert_match "C burns 0.2 of it: the thesis's contract would refuse it, so under --yes nothing is signed" \
    "$out" "*Only banker can burn locked eEuro*"
assert_eq "C burns 0.2 of it with --force: the thesis's contract refuses (Error)" \
    "$(both C burneEuro "$A" 0.2 --force)" "0 1"
assert_eq "A sells 1 at 0.6" "$(both A addOrder 0.6 1 sell)" "0 0"
assert_eq "C buys 0.5 at 0.8: a fill at 0.6" "$(both C addOrder 0.8 0.5 buy)" "0 0"
assert_eq "C bids 0.5 for 1" "$(both C addOrder 0.5 1 buy)" "0 0"
assert_eq "A sells 0.3 at 0.5: a fill, the seller taking" "$(both A addOrder 0.5 0.3 sell)" "0 0"
assert_eq "C, the banker, asks to withdraw 0.05" "$(both C lockeEuro 0.05)" "0 0"
assert_eq "and burns its own" "$(both C burneEuro "$C" 0.05)" "0 0"
assert_eq "A votes B = 0.01" "$(both A setParameter B 0.01)" "0 0"
assert_eq "B passes it" "$(both B setParameter B 0.01)" "0 0"
assert_eq "A proposes C = 0.1" "$(both A setParameter C 0.1)" "0 0"

echo "# status: the same but for the eEuro the thesis's contract keeps locked"
# The node's URL and the deployment's name differ by construction, the
# head's age by the moment each is read, and the eEuro in circulation by the
# burn only ours made.
status() {
    "$1" --account "$2" status | grep -v '^node \|^contract \|^supply ' | sed 's/ ([0-9]* s old)$//'
}
assert_eq "the supplies differ by the 0.2 eEuro only ours burned" \
    "$(ours status | grep '^supply '; thesis status | grep '^supply ')" \
    "supply     2.143 ENT, 9.75 eEuro in circulation
supply     2.143 ENT, 9.95 eEuro in circulation"
for who in B U1 U2; do
    assert_eq "$who's status" "$(status thesis $who)" "$(status ours $who)"
done
for who in A C; do
    assert_eq "$who's status but eEuro" "$(status thesis $who | grep -v '^eEuro ')" \
        "$(status ours $who | grep -v '^eEuro ')"
done
# A: ours freed the 0.95 of figure 8 and settled 0.2 of the withdrawal; C's
# fill at 0.6 below its 0.8 leaves 0.1 locked on the thesis's.
assert_eq "A's eEuro (ours)" "$(status ours A | grep '^eEuro ')" "eEuro      9 eEuro available, 0.3 eEuro locked"
assert_eq "A's eEuro (thesis)" "$(status thesis A | grep '^eEuro ')" \
    "eEuro      8.05 eEuro available, 1.45 eEuro locked"
assert_eq "C's eEuro (ours)" "$(status ours C | grep '^eEuro ')" "eEuro      0.1 eEuro available, 0.35 eEuro locked"
assert_eq "C's eEuro (thesis)" "$(status thesis C | grep '^eEuro ')" "eEuro      0 eEuro available, 0.45 eEuro locked"
assert_eq "as the thesis's node has them" \
    "$(for who in A C; do thesis --account $who --json call balanceeEuro; done | jq -r '"\(.available) \(.locked)"')" \
    "8050000000000000000 1450000000000000000
0 450000000000000000"

echo "# units, proposals, trades: the same; withdrawals: what each settled"
for view in units proposals trades; do
    got=$(facts thesis --json "$view"); code=$?
    assert_eq "$view exits 0" "$code" 0
    assert_eq "$view" "$got" "$(facts ours --json "$view")"
done
assert_eq "units: owners from the registering votes" "$(thesis --json units | jq -r '.[].owner' | sort -u)" "$C"
assert_eq "trades: three fills" "$(thesis --json trades | jq -c 'map([.price, .quantity, .buyer, .seller])')" \
    "[[\"500000000000000000\",\"1900000000000000000\",\"$A\",\"$C\"],[\"600000000000000000\",\"500000000000000000\",\"$C\",\"$A\"],[\"500000000000000000\",\"300000000000000000\",\"$C\",\"$A\"]]"
assert_match "trades: the replayed book is the node's" "$(thesis trades)" \
    "*open orders: 1 buy, 1 sell (the node agrees)"
assert_eq "withdrawals (ours)" "$(ours --json withdrawals | jq -c 'map([.account, .amount])')" \
    "[[\"$A\",\"300000000000000000\"]]"
assert_eq "withdrawals (thesis): the banker could not settle A's" \
    "$(thesis --json withdrawals | jq -c 'map([.account, .amount])')" "[[\"$A\",\"500000000000000000\"]]"

echo "# history: the same transactions, calls and outcomes"
calls() { "$@" --json history | jq -c 'map([.block, .from, .method, .args, .outcome])'; }
got=$(calls thesis)
want=$(calls ours)
assert_eq "as many records" "$(jq length <<<"$got")" "$(jq length <<<"$want")"
assert_eq "the same but C's burn of A's withdrawal" \
    "$(jq -c 'map(select(.[2] != "burneEuro" or .[3].addr != "'"$A"'"))' <<<"$got")" \
    "$(jq -c 'map(select(.[2] != "burneEuro" or .[3].addr != "'"$A"'"))' <<<"$want")"
assert_eq "that burn: ok on ours, an Error on the thesis's" \
    "$(jq -r '.[] | select(.[2] == "burneEuro" and .[3].addr == "'"$A"'") | .[4]' <<<"$want") $(
       jq -r '.[] | select(.[2] == "burneEuro" and .[3].addr == "'"$A"'") | .[4]' <<<"$got")" "ok error"
assert_match "and its text" "$(thesis history --method burneEuro)" "*Only banker can burn locked eEuro*"

echo "# destroy: passed on both; the thesis's keeps working"
assert_eq "A votes destroy" "$(both A destroy)" "0 0"
out=$(thesis --account B send destroy 2>&1)
assert_match "B passes it on the thesis's: the simulation shows its Error, so --yes alone signs nothing" \
    "$out" "*would refuse it: Error: Only voters can do this; nothing signed*"
out=$(thesis --account B send destroy --force 2>&1); code=$?
assert_eq "B passes it on the thesis's: its Error is reported" "$code" 1
assert_match "after the Info" "$out" "*Info: Contract destroyed
Error: Only voters can do this*"
assert_eq "and on ours" "$(ours --account B send destroy >/dev/null 2>&1; echo $?)" 0
passed() { "$@" --json proposals | jq -r '.[] | select(.vote == "destroy_contract") | "\(.passed) \(.in_favour | length)"'; }
assert_eq "passed (ours)" "$(passed ours)" "true 2"
assert_eq "passed (thesis)" "$(passed thesis)" "true 2"
assert_eq "the thesis's still takes transfers" "$(thesis --account A send transferENT "$B" 0.1 >/dev/null 2>&1; echo $?)" 0
assert_eq "and ours refuses them" "$(ours --account A send transferENT "$B" 0.1 >/dev/null 2>&1; echo $?)" 1
assert_eq "a new destroy vote on the thesis's" "$(thesis --account A send destroy >/dev/null 2>&1; echo $?)" 0
assert_eq "is destroy_contract_1" \
    "$(thesis --json proposals | jq -r '.[-1] | "\(.vote) \(.passed) \(.in_favour | length)"')" "destroy_contract_1 false 1"

echo "# every proposal the wallet shows is as the node's getVotes says"
for who in A B; do
    node=$(thesis --account "$who" --json call getVotes | jq -c '.votes | map([.vote, .passed])')
    mine=$(thesis --json proposals | jq -c --arg who "$(tr 'A-F' 'a-f' <<<"${!who}")" \
        'map(select([.in_favour[], .against[]] | map(ascii_downcase) | index($who))) | map([.vote, .passed])')
    assert_eq "$who's votes" "$mine" "$node"
done

assert_summary
