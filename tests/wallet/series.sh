#!/usr/bin/env bash
# The charts' series end where the node is: after the thesis's chapter 6
# scenario and more (transfers, a trade, a session that expires, a passed
# parameter vote, a report that opens the gap, production and consumption
# at a cost, a withdrawal), the last point of every series replayed from
# the history index equals the live figure the node gives through cast.
#   series.sh SERIES_TAIL   (the helper built from series_tail.c)
set -uo pipefail
TAIL=$1
. "$PROJECT_ROOT/tests/contract/common.sh"
contract_up --demo || exit 1
trap 'devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache

E17=00000000000000000
E18=000000000000000000
# quiet WHO CALL...: sends, and counts a failure unless the call did what it says.
quiet() {
    local out
    out=$(tx "$@")
    assert_match "$2 by $1" "$out" "Info*"
}
quiet A 'transferENT(address,uint256)' "${ADDR[B]}" "1$E17"
quiet C 'transfereEuro(address,uint256)' "${ADDR[B]}" "5$E17"   # of the 0.95 C sold for
quiet A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" "1$E18"
advance 7300
quiet B 'clearOldSessions()'
quiet A 'setParameter(string,uint256)' C "1$E17"
quiet B 'setParameter(string,uint256)' C "1$E17"
quiet U2 'reportActualEnergy(uint256)' 1500               # 643 Wh short: the gap opens
quiet U1 'energyProduced(address,uint256)' "${ADDR[B]}" 3000
quiet A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "1$E18"
quiet U1 'energyConsumed(address,uint256)' "${ADDR[A]}" 500
quiet B 'addOrder(uint256,uint256,bool)' "8$E17" "1$E18" false  # meets A's open buy
quiet A 'lockeEuro(uint256)' "2$E17"                   # the 0.2 the fill below 1 freed
quiet C 'burneEuro(address,uint256)' "${ADDR[A]}" "1$E17"

sum() { echo "$1 + $2" | tr ' ' '\n' | paste -sd ' ' | BC_LINE_LENGTH=0 bc; }
for who in A B C; do
    if ! got=$("$TAIL" "$DEVNET_RPC" "$DEVNET_JSON" "${ADDR[$who]}"); then
        echo "FAIL: series_tail for $who"; ASSERT_FAILED=$((ASSERT_FAILED + 1)); continue
    fi
    field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$got"; }
    read -r ent_a ent_l <<<"$(rd "$who" 'balanceENT()(uint256,uint256)')"
    read -r eur_a eur_l <<<"$(rd "$who" 'balanceeEuro()(uint256,uint256)')"
    assert_eq "$who's ENT" "$(field my_ent)" "$(sum "$ent_a" "$ent_l")"
    assert_eq "$who's eEuro" "$(field my_eeuro)" "$(sum "$eur_a" "$eur_l")"
done
assert_eq "ENT in circulation" "$(field ent)" "$(rd A 'getTotalENT()(uint256)')"
assert_eq "stored energy" "$(field wh)" "$(rd A 'getTotalEnergy()(uint256)')"
assert_eq "costs" "$(field mint_cost) $(field burn_cost)" "$(rd A 'getEnergyCosts()(uint256,uint256)')"
assert_match "the costs are not 0 (the cost path was replayed)" "$(field mint_cost)" "[1-9]*"
assert_eq "eEuro in circulation" "$(field eeuro)" "$(rd A 'getTotalEeuro()(uint256)')"
for u in U1 U2; do
    assert_eq "$u's energy" "$(field "unit_${ADDR[$u]}")" \
        "$(rd A 'getStorageUnitEnergy(address)(uint256)' "${ADDR[$u]}")"
done
assert_eq "fills: chapter 6's and B's sell" "$(field fill_count)" 2
assert_eq "the last price" "$(field price)" "8$E17"
assert_summary
