#!/usr/bin/env bash
# Energy: only active units report, session rules, expiry and
# clearOldSessions, actual-energy reports and the cost R, unit removal.
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up "$@"

E18=000000000000000000

# A is the only voter, so each vote passes at once.
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx A 'registerStorageUnit(address,address)' "${ADDR[U2]}" "${ADDR[C]}" >/dev/null

echo "# only active storage units report"
for who in A C; do
    assert_eq "$who produces" "$(tx $who 'energyProduced(address,uint256)' "${ADDR[A]}" 1000)" \
        "Error: Only active storage units can do this"
    assert_eq "$who consumes" "$(tx $who 'energyConsumed(address,uint256)' "${ADDR[A]}" 1000)" \
        "Error: Only active storage units can do this"
    assert_eq "$who reports" "$(tx $who 'reportActualEnergy(uint256)' 1000)" \
        "Error: Only active storage units can do this"
done
assert_eq "nothing minted" "$(rd D 'getTotalENT()(uint256)')" 0
assert_eq "register twice" "$(tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[D]}")" \
    "Error: Storage unit already registered: $(hex U1)"
assert_eq "zero Wh" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 0)" "Error: Energy must be greater than zero"

echo "# sessions"
tx U1 'energyProduced(address,uint256)' "${ADDR[B]}" 10000 >/dev/null # B 8 ENT, C 2 ENT
tx U2 'energyProduced(address,uint256)' "${ADDR[B]}" 1000 >/dev/null  # B 0.8, C 0.2
assert_eq "B ENT" "$(rd B 'balanceENT()(uint256,uint256)')" "8800000000000000000 0"
assert_eq "more ENT than held" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 8800000000000000001)" \
    "Error: Not enough ENT tokens"
assert_eq "not a unit" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[D]}" "1$E18")" \
    "Error: Not an active storage unit: $(hex D)"
assert_eq "zero ENT" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 0)" "Error: Amount must be greater than zero"
assert_eq "below 1 Wh" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 999999999999999)" \
    "Error: Amount too small for 1 Wh"
assert_eq "more Wh than U2 holds" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" 1001000000000000000)" \
    "Error: Not enough energy in the storage unit"
assert_eq "B opens with U1" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "3$E18")" \
    "Info: Consumption session started >> 3000 Wh for 3 ENT with $(hex U1)"
assert_eq "one per pair" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "1$E18")" \
    "Error: A consumption session with this storage unit is already open"
assert_eq "B opens with U2" "$(tx B 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" "1$E18")" \
    "Info: Consumption session started >> 1000 Wh for 1 ENT with $(hex U2)"
assert_eq "C with U1 too" "$(tx C 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "1$E18")" \
    "Info: Consumption session started >> 1000 Wh for 1 ENT with $(hex U1)"
assert_eq "no session with A" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[A]}" 1)" \
    "Error: No open consumption session with $(hex A)"
assert_eq "U2 has no session with C" "$(tx U2 'energyConsumed(address,uint256)' "${ADDR[C]}" 1)" \
    "Error: No open consumption session with $(hex C)"
assert_eq "exact use closes" "$(tx U2 'energyConsumed(address,uint256)' "${ADDR[B]}" 1000)" \
    "Info: Energy consumed >> 1000 Wh by $(hex B): 1 ENT burned"
assert_match "B's sessions" "$(rd B 'getConsumptionSessions()((string,uint256,uint256,address)[])')" \
    "[(\"$(hex U1)_$(hex B)\", 3000, [0-9]*, ${ADDR[U1]})]"
assert_eq "U1 books" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 6000
assert_eq "B ENT" "$(rd B 'balanceENT()(uint256,uint256)')" "4800000000000000000 3$E18"

echo "# expiry after H seconds; clearOldSessions returns ENT and Wh"
advance 3600
assert_eq "nothing to clear yet" "$(tx D 'clearOldSessions()')" "Info: Old sessions cleared >> 0"
assert_eq "session still open" "$(rd B 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 3000
advance 3601
assert_eq "expired: not listed" "$(rd B 'getConsumptionSessions()((string,uint256,uint256,address)[])')" "[]"
assert_eq "expired: no energy" "$(rd B 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 0
assert_eq "expired: cannot consume" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[B]}" 10)" \
    "Error: No open consumption session with $(hex B)"
assert_eq "still locked until cleared" "$(rd B 'balanceENT()(uint256,uint256)')" "4800000000000000000 3$E18"
assert_eq "C reopens over its expired session" "$(tx C 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "2$E18")" \
    "Info: Consumption session started >> 2000 Wh for 2 ENT with $(hex U1)"
assert_eq "C's ENT: old session returned, new one locked" "$(rd C 'balanceENT()(uint256,uint256)')" "200000000000000000 2$E18"
assert_eq "clear" "$(tx D 'clearOldSessions()')" "Info: Old sessions cleared >> 1"
assert_eq "B's ENT back" "$(rd B 'balanceENT()(uint256,uint256)')" "7800000000000000000 0"
assert_eq "U1's Wh back" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 8000
assert_eq "C's new session kept" "$(rd C 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 2000
assert_eq "total energy unchanged" "$(rd D 'getTotalEnergy()(uint256)')" 10000

echo "# actual energy: a loss sets R = gap * C, a surplus costs nothing"
assert_eq "U1 reports 1 kWh lost" "$(tx U1 'reportActualEnergy(uint256)' 9000)" "Info: Actual energy reported >> 9000 Wh"
assert_eq "U1 available (2000 in the session)" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 7000
assert_eq "total energy" "$(rd D 'getTotalEnergy()(uint256)')" 9000
assert_eq "costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "50000000000000000 50000000000000000"
assert_eq "U1 reports a further loss" "$(tx U1 'reportActualEnergy(uint256)' 8000)" "Info: Actual energy reported >> 8000 Wh"
assert_eq "gap 2: costs re-set" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "100000000000000000 100000000000000000"
assert_eq "U1 finds 1 kWh back" "$(tx U1 'reportActualEnergy(uint256)' 9000)" "Info: Actual energy reported >> 9000 Wh"
assert_eq "gap shrinks: costs stay" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "100000000000000000 100000000000000000"
# The gap is 1 ENT at R = 0.1: 10 kWh close it exactly; 12 kWh mint 11 ENT.
assert_eq "production closes the gap" "$(tx U2 'energyProduced(address,uint256)' "${ADDR[D]}" 12000)" \
    "Info: Energy produced >> 12000 Wh by $(hex D): 11 ENT minted, 2.2 ENT to the unit's owner"
assert_eq "books meet" "$(rd D 'getTotalENT()(uint256)') $(rd D 'getTotalEnergy()(uint256)')" "21000000000000000000 21000"
assert_eq "costs 0" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "0 0"
assert_eq "U2 reports a surplus" "$(tx U2 'reportActualEnergy(uint256)' 14000)" "Info: Actual energy reported >> 14000 Wh"
assert_eq "surplus: costs 0" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "0 0"
assert_eq "surplus: full mint" "$(tx U2 'energyProduced(address,uint256)' "${ADDR[D]}" 1000)" \
    "Info: Energy produced >> 1000 Wh by $(hex D): 1 ENT minted, 0.2 ENT to the unit's owner"

echo "# removing a unit ends its sessions and takes its energy off the books"
assert_eq "remove U1" "$(tx A 'removeStorageUnit(address)' "${ADDR[U1]}")" "Info: Storage unit removed >> $(hex U1)"
assert_eq "C's session ended, ENT back" "$(rd C 'balanceENT()(uint256,uint256)')" "4600000000000000000 0"
assert_eq "units" "$(rd D 'getStorageUnitsInfo()((bool,address,uint256)[])')" \
    "[(false, ${ADDR[U1]}, 0), (true, ${ADDR[U2]}, 15000)]"
assert_eq "total energy" "$(rd D 'getTotalEnergy()(uint256)')" 15000
assert_eq "removed unit cannot report" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 1)" \
    "Error: Only active storage units can do this"
assert_eq "remove again" "$(tx A 'removeStorageUnit(address)' "${ADDR[U1]}")" "Error: Not an active storage unit: $(hex U1)"
# ENT 22, energy 15: the removed 9 kWh are missing, so R = 7 * 0.05.
assert_eq "costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "350000000000000000 350000000000000000"
assert_eq "register U1 again" "$(tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[D]}")" \
    "Info: Storage unit registered >> $(hex U1) owned by $(hex D)"
assert_eq "same slot, empty" "$(rd D 'getStorageUnitsInfo()((bool,address,uint256)[])')" \
    "[(true, ${ADDR[U1]}, 0), (true, ${ADDR[U2]}, 15000)]"

assert_summary
