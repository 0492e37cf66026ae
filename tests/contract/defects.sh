#!/usr/bin/env bash
# The defects PROTOCOL.md lists for the thesis's contract, each checked fixed:
# the burn cost capped with B, a buy's savings unlocked, destroy() retiring
# the deployment, and Error events (never Panic reverts) for hostile inputs.
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up "$@"

E18=000000000000000000
MAX=115792089237316195423570985008687907853269984665640564039457584007913129639935

tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx A 'changeBanker(address)' "${ADDR[D]}" >/dev/null

echo "# burn cost capped with B, mint cost with M"
assert_eq "B = 0.02" "$(tx A 'setParameter(string,uint256)' B 20000000000000000)" "Info: Parameter changed >> B = 0.02"
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null # A 8, C 2
tx U1 'reportActualEnergy(uint256)' 9000 >/dev/null                  # gap 1 ENT: R = 0.05
assert_eq "costs (R, B)" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "50000000000000000 20000000000000000"
assert_eq "M = 0.03" "$(tx A 'setParameter(string,uint256)' M 30000000000000000)" "Info: Parameter changed >> M = 0.03"
assert_eq "costs (M, B)" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "30000000000000000 20000000000000000"
assert_eq "session priced at B" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 1020000000000000000)" \
    "Info: Consumption session started >> 1000 Wh for 1.02 ENT with $(hex U1)"
assert_eq "burn at B" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[A]}" 1000)" \
    "Info: Energy consumed >> 1000 Wh by $(hex A): 1.02 ENT burned"
assert_eq "mint at M" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[B]}" 1000)" \
    "Info: Energy produced >> 1000 Wh by $(hex B): 0.97 ENT minted, 0.194 ENT to the unit's owner"

echo "# a buy matched below its limit gets the difference back, and the rest on removal"
tx D 'minteEuro(address,uint256)' "${ADDR[B]}" "10$E18" >/dev/null
tx A 'addOrder(uint256,uint256,bool)' 200000000000000000 "1$E18" false >/dev/null # sell #0: 1 at 0.2
assert_eq "B buys 4 at 1" "$(tx B 'addOrder(uint256,uint256,bool)' "1$E18" "4$E18" true)" \
    "Info: Order added >> buy #0: 4 ENT at 1 eEuro/ENT
Info: Trade >> 1 ENT at 0.2 eEuro/ENT (buy #0, sell #0)"
assert_eq "0.8 saved is free, 3 stay locked" "$(rd B 'balanceeEuro()(uint256,uint256)')" "6800000000000000000 3$E18"
assert_eq "B removes the rest" "$(tx B 'removeOrder(uint256,bool)' 0 true)" "Info: Order removed >> buy #0"
assert_eq "B paid 0.2 in all" "$(rd B 'balanceeEuro()(uint256,uint256)')" "9800000000000000000 0"

echo "# hostile inputs report Error events, no Panic"
assert_eq "produce 2^256-1 Wh" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" $MAX)" "Error: Energy amount too large"
assert_eq "consume 2^256-1 Wh" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[A]}" $MAX)" "Error: Energy amount too large"
assert_eq "report 2^256-1 Wh" "$(tx U1 'reportActualEnergy(uint256)' $MAX)" "Error: Energy amount too large"
assert_eq "session for 2^256-1" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" $MAX)" "Error: Not enough ENT tokens"
assert_eq "order price*quantity overflows" "$(tx B 'addOrder(uint256,uint256,bool)' $MAX 2 true)" "Error: Order too large"
assert_eq "sell 2^256-1" "$(tx B 'addOrder(uint256,uint256,bool)' 1 $MAX false)" "Error: Not enough ENT tokens"
assert_eq "H overflows" "$(tx A 'setParameter(string,uint256)' H $MAX)" "Error: Invalid value for parameter H: hours must be at least 1 and below 2^256 / 3600"
assert_eq "mint 2^256-1" "$(tx D 'minteEuro(address,uint256)' "${ADDR[C]}" $MAX)" "Error: Amount too large"
assert_eq "burn unlocked" "$(tx D 'burneEuro(address,uint256)' "${ADDR[B]}" 1)" "Error: Not enough locked eEuro tokens"
assert_eq "transfer too much" "$(tx B 'transfereEuro(address,uint256)' "${ADDR[C]}" $MAX)" "Error: Not enough eEuro tokens"
assert_eq "transfer to 0x0" "$(tx A 'transferENT(address,uint256)' 0x0000000000000000000000000000000000000000 1)" "Error: Invalid address"
assert_eq "lock too much" "$(tx B 'lockeEuro(uint256)' $MAX)" "Error: Not enough eEuro tokens"
assert_eq "not the banker" "$(tx A 'minteEuro(address,uint256)' "${ADDR[A]}" 1)" "Error: Only the banker can do this"

echo "# withdrawal: lock, the banker unlocks part and burns part"
assert_eq "B locks 2" "$(tx B 'lockeEuro(uint256)' "2$E18")" "Info: eEuro locked for withdrawal >> 2"
assert_eq "unlock 0.5" "$(tx D 'unlockeEuro(address,uint256)' "${ADDR[B]}" 500000000000000000)" "Info: eEuro unlocked >> 0.5 for $(hex B)"
assert_eq "burn 1.5" "$(tx D 'burneEuro(address,uint256)' "${ADDR[B]}" 1500000000000000000)" "Info: eEuro burned >> 1.5 from $(hex B)"
assert_eq "B eEuro" "$(rd B 'balanceeEuro()(uint256,uint256)')" "8300000000000000000 0"
assert_eq "total eEuro" "$(rd D 'getTotalEeuro()(uint256)')" "8500000000000000000"
# Order-locked eEuro is not the banker's to burn.
tx B 'addOrder(uint256,uint256,bool)' 100000000000000000 "1$E18" true >/dev/null
assert_eq "order lock is not burnable" "$(tx D 'burneEuro(address,uint256)' "${ADDR[B]}" 1)" "Error: Not enough locked eEuro tokens"

echo "# destroy() retires the deployment; reads keep working"
tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
assert_eq "A votes destroy" "$(tx A 'destroy()')" \
    "Info: You are in favor of: 'destroy_contract'. Execute the method again to change your mind."
assert_eq "B passes destroy" "$(tx B 'destroy()')" "Info: Contract destroyed"
before="$(rd A 'balanceENT()(uint256,uint256)') $(rd D 'getTotalENT()(uint256)') $(rd D 'getTotalEnergy()(uint256)')"
for call in "addVoter(address) ${ADDR[C]}" "removeVoter(address) ${ADDR[B]}" "destroy()" \
        "registerStorageUnit(address,address) ${ADDR[U2]} ${ADDR[C]}" "removeStorageUnit(address) ${ADDR[U1]}" \
        "changeBanker(address) ${ADDR[C]}" "setParameter(string,uint256) M 1" \
        "transferENT(address,uint256) ${ADDR[C]} 1" "transfereEuro(address,uint256) ${ADDR[C]} 1" \
        "lockeEuro(uint256) 1" "addOrder(uint256,uint256,bool) 1 1 false" "removeOrder(uint256,bool) 1 true" \
        "startConsumptionSession(address,uint256) ${ADDR[U1]} 1000000000000000000" "clearOldSessions()"; do
    # shellcheck disable=SC2086 # split the signature from its arguments
    assert_eq "A: ${call%% *}" "$(tx A $call)" "Error: Contract destroyed"
done
for call in "energyProduced(address,uint256) ${ADDR[A]} 1000" "energyConsumed(address,uint256) ${ADDR[A]} 1" \
        "reportActualEnergy(uint256) 1"; do
    # shellcheck disable=SC2086
    assert_eq "U1: ${call%% *}" "$(tx U1 $call)" "Error: Contract destroyed"
done
for call in "minteEuro(address,uint256) ${ADDR[A]} 1" "burneEuro(address,uint256) ${ADDR[B]} 1" \
        "unlockeEuro(address,uint256) ${ADDR[B]} 1"; do
    # shellcheck disable=SC2086
    assert_eq "banker: ${call%% *}" "$(tx D $call)" "Error: Contract destroyed"
done
assert_eq "books unchanged" "$(rd A 'balanceENT()(uint256,uint256)') $(rd D 'getTotalENT()(uint256)') $(rd D 'getTotalEnergy()(uint256)')" "$before"
assert_eq "reads: voter" "$(rd B 'isVoter()(bool)')" true
assert_eq "reads: banker" "$(rd A 'getBankerAddress()(address)')" "${ADDR[D]}"
assert_eq "reads: B's order" "$(rd A 'getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])')" \
    "[(1, ${ADDR[B]}, 100000000000000000, 1000000000000000000, true)] []"
assert_match "reads: votes" "$(rd B 'getVotes()((string,bool,bool)[])')" '*("destroy_contract", true, true)*'

assert_summary
