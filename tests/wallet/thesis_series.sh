#!/usr/bin/env bash
# The charts' series on a deployment that behaves like the thesis's own
# contract, after the voters set the burning cost's cap B to 0.01 (which
# that contract ignores: it caps with M) and a loss opens the gap: the last
# point of every series, replayed from the history index, against the live
# figure the node gives through cast.
#
# A known contradiction (issue 17 item 10): the series are replayed with the
# project's contract's rules, so the burning cost, ENT in circulation, A's
# ENT and U2's energy are not the node's. meson runs this as should_fail:
#   exit 1   only those series differ (the known failure, listed);
#   exit 0   every series is the node's: the charts are fixed, drop should_fail;
#   exit 99  anything else (another series differs, or the test could not
#            run), which meson counts as an error even here.
#   thesis_series.sh SERIES_TAIL
set -uo pipefail
TAIL=$1
. "$PROJECT_ROOT/tests/contract/common.sh"
devnet_up --contract thesis --demo >/dev/null 2>&1 || exit 99
trap 'devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache
E17=00000000000000000

setup() {
    local out
    out="$(tx A 'setParameter(string,uint256)' B 10000000000000000)$(tx B 'setParameter(string,uint256)' B 10000000000000000)"
    [[ $out == *"Parameter B set to"* ]] || return 1
    [[ -z $(tx U2 'reportActualEnergy(uint256)' 1000) ]] || return 1 # 1143 Wh lost
    [[ $(rd A 'getEnergyCosts()(uint256,uint256)') == "57150000000000000 57150000000000000" ]] || return 1
    [[ $(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" "5$E17") == Info:* ]] || return 1
    [[ -z $(tx U2 'energyConsumed(address,uint256)' "${ADDR[A]}" 300) ]] || return 1
}
setup || { echo "the scenario did not play"; exit 99; }
got=$("$TAIL" "$DEVNET_RPC" "$DEVNET_JSON" "${ADDR[A]}") || { echo "series_tail failed"; exit 99; }
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$got"; }
sum() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }

read -r ent_a ent_l <<<"$(rd A 'balanceENT()(uint256,uint256)')"
read -r eur_a eur_l <<<"$(rd A 'balanceeEuro()(uint256,uint256)')"
read -r mint burn <<<"$(rd A 'getEnergyCosts()(uint256,uint256)')"
known=() other=()
check() { # NAME REPLAYED NODE KNOWN(0|1)
    [[ $2 == "$3" ]] && return
    echo "differs: $1: the charts say $2, the node $3"
    if (($4)); then known+=("$1"); else other+=("$1"); fi
}
check "burn cost" "$(field burn_cost)" "$burn" 1
check "ENT in circulation" "$(field ent)" "$(rd A 'getTotalENT()(uint256)')" 1
check "A's ENT" "$(field my_ent)" "$(sum "$ent_a" "$ent_l")" 1
check "U2's energy" "$(field "unit_${ADDR[U2]}")" "$(rd A 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U2]}")" 1
check "mint cost" "$(field mint_cost)" "$mint" 0
check "stored energy" "$(field wh)" "$(rd A 'getTotalEnergy()(uint256)')" 0
check "eEuro in circulation" "$(field eeuro)" "$(rd A 'getTotalEeuro()(uint256)')" 0
check "A's eEuro" "$(field my_eeuro)" "$(sum "$eur_a" "$eur_l")" 0
check "U1's energy" "$(field "unit_${ADDR[U1]}")" "$(rd A 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 0
check "fills" "$(field fill_count) $(field price)" "1 5$E17" 0

if ((${#other[@]})); then
    echo "unexpected: ${other[*]}"
    exit 99
fi
if ((${#known[@]})); then
    echo "known contradiction (issue 17 item 10): ${known[*]}"
    exit 1
fi
echo "every series is the node's: the known contradiction is gone; drop should_fail"
exit 0
