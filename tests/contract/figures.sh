#!/usr/bin/env bash
# The "Worked figures" of PROTOCOL.md (thesis chapter 6), steps 1-8, every
# figure asserted to the last wei. Arguments go to devnet/start, e.g.
# `figures.sh --hardfork istanbul` plays the same on a pre-London chain, and
# `figures.sh --contract thesis` on the contract that behaves like the
# thesis's own: the same figures but where a defect changes them (figure 8),
# and its texts (PROTOCOL.md's last section): amounts as raw integers, no
# event for production, consumption, ENT transfers and fills.
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up "$@"

E18=000000000000000000 # 10^18 as a suffix: "8$E18" is 8 ENT

echo "# setup: A adds voter B, A and B register U1 and U2 owned by C"
assert_eq "A adds B" "$(tx A 'addVoter(address)' "${ADDR[B]}")" "Info: New voter added >> $(hex B)"
assert_eq "B is voter" "$(rd B 'isVoter()(bool)')" true
assert_eq "C is no voter" "$(rd C 'isVoter()(bool)')" false
for u in U1 U2; do
    vote="register_$(hex ${!u})_$(hex C)"
    assert_eq "A votes $vote" "$(tx A 'registerStorageUnit(address,address)' "${ADDR[${!u}]}" "${ADDR[C]}")" \
        "Info: You are in favor of: '$vote'. Execute the method again to change your mind."
    assert_eq "B passes $vote" "$(tx B 'registerStorageUnit(address,address)' "${ADDR[${!u}]}" "${ADDR[C]}")" \
        "$(says "Info: Storage unit registered >> $(hex ${!u}) owned by $(hex C)" \
                "Info: Storage unit registered >> $(hex ${!u})")"
done
assert_eq "A's votes" "$(rd A 'getVotes()((string,bool,bool)[])')" \
    "[(\"Add_Voter_$(hex B)\", true, true), (\"register_$(hex U1)_$(hex C)\", true, true), (\"register_$(hex U2)_$(hex C)\", true, true)]"
assert_eq "parameters" "$(rd D 'getParameters()(uint256,uint256,uint256,uint256,uint256)')" \
    "500000000000000000 500000000000000000 50000000000000000 7200 200000000000000000"

echo "# 1. A produces 10 kWh into U1"
assert_eq "step 1 event" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000)" \
    "$(says "Info: Energy produced >> 10000 Wh by $(hex A): 10 ENT minted, 2 ENT to the unit's owner" "")"
assert_eq "1: A ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "8$E18 0"
assert_eq "1: C ENT" "$(rd C 'balanceENT()(uint256,uint256)')" "2$E18 0"
assert_eq "1: U1 energy" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 10000
assert_eq "1: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 10000
assert_eq "1: total ENT" "$(rd D 'getTotalENT()(uint256)')" "10$E18"
assert_eq "1: costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "0 0"
assert_eq "1: units" "$(rd D 'getStorageUnitsInfo()((bool,address,uint256)[])')" \
    "[(true, ${ADDR[U1]}, 10000), (true, ${ADDR[U2]}, 0)]"

echo "# 2. C opens a session with U1 for 2 ENT and consumes 1 kWh"
assert_eq "2: session event" "$(tx C 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "2$E18")" \
    "Info: Consumption session started >> 2000 Wh for $(says 2 "2$E18") ENT with $(hex U1)"
assert_eq "2: session Wh (consumer)" "$(rd C 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 2000
assert_match "2: C's sessions" "$(rd C 'getConsumptionSessions()((string,uint256,uint256,address)[])')" \
    "[(\"$(hex U1)_$(hex C)\", 2000, [0-9]*, ${ADDR[U1]})]"
assert_eq "2: U1 available while locked" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 8000
assert_eq "2: consumption event" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[C]}" 1000)" \
    "$(says "Info: Energy consumed >> 1000 Wh by $(hex C): 1 ENT burned" "")"
assert_eq "2: C ENT" "$(rd C 'balanceENT()(uint256,uint256)')" "0 1$E18"
assert_eq "2: total ENT" "$(rd D 'getTotalENT()(uint256)')" "9$E18"
assert_eq "2: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 9000
assert_eq "2: U1 available" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 8000
assert_eq "2: session Wh (unit)" "$(rd U1 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[C]}")" 1000

echo "# 3. U1 reports 2 kWh consumed by C, one more than the session held"
assert_eq "3: event" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[C]}" 2000)" \
    "$(says "Info: Energy consumed >> 1000 Wh by $(hex C): 1 ENT burned; 1000 Wh beyond the session, session ended" "")"
assert_eq "3: session gone" "$(rd C 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 0
assert_eq "3: C's sessions" "$(rd C 'getConsumptionSessions()((string,uint256,uint256,address)[])')" "[]"
assert_eq "3: C ENT" "$(rd C 'balanceENT()(uint256,uint256)')" "0 0"
assert_eq "3: total ENT" "$(rd D 'getTotalENT()(uint256)')" "8$E18"
assert_eq "3: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 7000
assert_eq "3: U1 available" "$(rd D 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U1]}")" 7000
assert_eq "3: costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "50000000000000000 50000000000000000"

echo "# 4. B produces 10 kWh into U2"
assert_eq "4: event" "$(tx U2 'energyProduced(address,uint256)' "${ADDR[B]}" 10000)" \
    "$(says "Info: Energy produced >> 10000 Wh by $(hex B): 9.5 ENT minted, 1.9 ENT to the unit's owner" "")"
assert_eq "4: B ENT" "$(rd B 'balanceENT()(uint256,uint256)')" "7600000000000000000 0"
assert_eq "4: C ENT" "$(rd C 'balanceENT()(uint256,uint256)')" "1900000000000000000 0"
assert_eq "4: total ENT" "$(rd D 'getTotalENT()(uint256)')" "17500000000000000000"
assert_eq "4: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 17000
assert_eq "4: costs stay while the gap shrinks" "$(rd D 'getEnergyCosts()(uint256,uint256)')" \
    "50000000000000000 50000000000000000"

echo "# 5. B sends 7.6 ENT to A; A opens sessions with U1 (7.35 ENT) and U2 (8.25 ENT)"
assert_eq "5: transfer" "$(tx B 'transferENT(address,uint256)' "${ADDR[A]}" 7600000000000000000)" \
    "$(says "Info: ENT transferred >> 7.6 to $(hex A)" "")"
assert_eq "5: A ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "15600000000000000000 0"
assert_eq "5: B ENT" "$(rd B 'balanceENT()(uint256,uint256)')" "0 0"
assert_eq "5: session U1" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 7350000000000000000)" \
    "Info: Consumption session started >> 7000 Wh for $(says 7.35 7350000000000000000) ENT with $(hex U1)"
assert_eq "5: session U2" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" 8250000000000000000)" \
    "Info: Consumption session started >> 7857 Wh for $(says 8.25 8250000000000000000) ENT with $(hex U2)"
assert_eq "5: A session U1 Wh" "$(rd A 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 7000
assert_eq "5: A session U2 Wh" "$(rd A 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U2]}")" 7857
assert_eq "5: A ENT locked" "$(rd A 'balanceENT()(uint256,uint256)')" "0 15600000000000000000"
assert_eq "5: units" "$(rd D 'getStorageUnitsInfo()((bool,address,uint256)[])')" \
    "[(true, ${ADDR[U1]}, 0), (true, ${ADDR[U2]}, 2143)]"
assert_eq "5: total energy (locked included)" "$(rd D 'getTotalEnergy()(uint256)')" 17000

echo "# 6. U1 reports 7 kWh consumed by A"
assert_eq "6: event" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[A]}" 7000)" \
    "$(says "Info: Energy consumed >> 7000 Wh by $(hex A): 7.35 ENT burned" "")"
assert_eq "6: total ENT" "$(rd D 'getTotalENT()(uint256)')" "10150000000000000000"
assert_eq "6: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 10000
assert_eq "6: A ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "0 8250000000000000000"
assert_eq "6: costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "50000000000000000 50000000000000000"

echo "# 7. U2 reports 7.857 kWh consumed by A: 3 kWh at cost, the rest free"
assert_eq "7: event" "$(tx U2 'energyConsumed(address,uint256)' "${ADDR[A]}" 7857)" \
    "$(says "Info: Energy consumed >> 7857 Wh by $(hex A): 8.007 ENT burned; 0.243 ENT returned" "")"
assert_eq "7: A ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "243000000000000000 0"
assert_eq "7: total ENT" "$(rd D 'getTotalENT()(uint256)')" "2143000000000000000"
assert_eq "7: total energy" "$(rd D 'getTotalEnergy()(uint256)')" 2143
assert_eq "7: costs" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "0 0"
assert_eq "7: A's sessions" "$(rd A 'getConsumptionSessions()((string,uint256,uint256,address)[])')" "[]"

echo "# 8. A and B make C the banker; C mints 10 eEuro to A; C sells 1.9 ENT at 0.5, A buys 10 at 1"
vote="changeBankerTo_$(hex C)"
assert_eq "8: A votes banker" "$(tx A 'changeBanker(address)' "${ADDR[C]}")" \
    "Info: You are in favor of: '$vote'. Execute the method again to change your mind."
assert_eq "8: no banker yet" "$(rd D 'getBankerAddress()(address)')" 0x0000000000000000000000000000000000000000
assert_eq "8: B passes banker" "$(tx B 'changeBanker(address)' "${ADDR[C]}")" "Info: Banker changed >> $(hex C)"
assert_eq "8: banker" "$(rd D 'getBankerAddress()(address)')" "${ADDR[C]}"
assert_eq "8: mint" "$(tx C 'minteEuro(address,uint256)' "${ADDR[A]}" "10$E18")" \
    "$(says "Info: eEuro minted >> 10 to $(hex A)" "Info: 10$E18 eEuro minted into $(hex A)")"
assert_eq "8: total eEuro" "$(rd D 'getTotalEeuro()(uint256)')" "10$E18"
assert_eq "8: sell" "$(tx C 'addOrder(uint256,uint256,bool)' 500000000000000000 1900000000000000000 false)" \
    "$(says "Info: Order added >> sell #0: 1.9 ENT at 0.5 eEuro/ENT" \
            "Info: Order added >> sell #0: 1900000000000000000 ENT at 500000000000000000 eEuro/ENT")"
assert_eq "8: C ENT locked by the sell" "$(rd C 'balanceENT()(uint256,uint256)')" "0 1900000000000000000"
assert_eq "8: buy" "$(tx A 'addOrder(uint256,uint256,bool)' "1$E18" "10$E18" true)" \
    "$(says "Info: Order added >> buy #0: 10 ENT at 1 eEuro/ENT
Info: Trade >> 1.9 ENT at 0.5 eEuro/ENT (buy #0, sell #0)" "Info: Order added >> buy #0: 10$E18 ENT at 1$E18 eEuro/ENT")"
assert_eq "8: book" "$(rd D 'getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])')" \
    "[(0, ${ADDR[A]}, 1000000000000000000, 8100000000000000000, true)] []"
assert_eq "8: A ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "2143000000000000000 0"
assert_eq "8: C ENT" "$(rd C 'balanceENT()(uint256,uint256)')" "0 0"
assert_eq "8: C eEuro" "$(rd C 'balanceeEuro()(uint256,uint256)')" "950000000000000000 0"
# The 0.5 eEuro/ENT saved on 1.9 ENT comes back to A at once; the thesis's
# contract keeps it locked (a known defect) beside the 8.1 the order needs.
assert_eq "8: A eEuro" "$(rd A 'balanceeEuro()(uint256,uint256)')" \
    "$(says "950000000000000000 8100000000000000000" "0 9050000000000000000")"
assert_eq "8: total eEuro" "$(rd D 'getTotalEeuro()(uint256)')" "10$E18"

assert_summary
