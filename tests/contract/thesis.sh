#!/usr/bin/env bash
# contracts/PowerChainThesis.sol, the contract that behaves like the thesis's
# own (PROTOCOL.md's last two sections): each known defect, and each way its
# texts differ from the project's contract. figures.sh --contract thesis
# covers the worked figures on it. Arguments go to devnet/start after
# --contract thesis (e.g. --hardfork istanbul: then the over-consumption's
# cost is checked to be about 3 plain readings, as PROTOCOL.md says of
# chains before Berlin).
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up --contract thesis "$@"

E18=000000000000000000
MAX=115792089237316195423570985008687907853269984665640564039457584007913129639935
PANIC_OVERFLOW=0x4e487b71$(printf '%064x' 17) # Panic(0x11)
[[ " $* " == *" --hardfork istanbul "* ]] && pre_berlin=1 || pre_berlin=0

"$PROJECT_ROOT/devnet/compile" "$DEVNET_DIR/ours" PowerChain 2>/dev/null
assert_eq "the same ABI as the project's contract" "$(cat "$DEVNET_DIR/PowerChainThesis.abi")" \
    "$(cat "$DEVNET_DIR/ours/PowerChain.abi")"
assert_eq "deployed as PowerChainThesis" "$(jq -r .name "$DEVNET_JSON")" PowerChainThesis

echo "# registration names the unit only; its owner is in the vote string"
assert_eq "A registers U1 for C" "$(tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}")" \
    "Info: Storage unit registered >> $(hex U1)"
tx A 'registerStorageUnit(address,address)' "${ADDR[U2]}" "${ADDR[C]}" >/dev/null
assert_eq "A's votes" "$(rd A 'getVotes()((string,bool,bool)[])')" \
    "[(\"register_$(hex U1)_$(hex C)\", true, true), (\"register_$(hex U2)_$(hex C)\", true, true)]"
assert_eq "banker D" "$(tx A 'changeBanker(address)' "${ADDR[D]}")" "Info: Banker changed >> $(hex D)"

echo "# defect: the burning cost is capped with M, not B; no event for energy"
assert_eq "B = 0.02, raw" "$(tx A 'setParameter(string,uint256)' B 20000000000000000)" \
    "Info: Parameter B set to 20000000000000000"
assert_eq "production says nothing" "$(tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000)" ""
assert_eq "A got 8 ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "8$E18 0"
assert_eq "a report says nothing" "$(tx U1 'reportActualEnergy(uint256)' 9000)" ""
assert_eq "B stored" "$(rd D 'getParameters()(uint256,uint256,uint256,uint256,uint256)')" \
    "500000000000000000 20000000000000000 50000000000000000 7200 200000000000000000"
assert_eq "burn cost R = 0.05, above B" "$(rd D 'getEnergyCosts()(uint256,uint256)')" \
    "50000000000000000 50000000000000000"
assert_eq "M = 0.03" "$(tx A 'setParameter(string,uint256)' M 30000000000000000)" \
    "Info: Parameter M set to 30000000000000000"
assert_eq "both costs at M" "$(rd D 'getEnergyCosts()(uint256,uint256)')" "30000000000000000 30000000000000000"
assert_eq "a session priced at M" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" 1030000000000000000)" \
    "Info: Consumption session started >> 1000 Wh for 1030000000000000000 ENT with $(hex U1)"
assert_eq "consumption says nothing" "$(tx U1 'energyConsumed(address,uint256)' "${ADDR[A]}" 1000)" ""
assert_eq "1.03 ENT burned for 1 kWh" "$(rd A 'balanceENT()(uint256,uint256)')" "6970000000000000000 0"
assert_eq "ENT in circulation" "$(rd D 'getTotalENT()(uint256)')" 8970000000000000000
assert_eq "total energy" "$(rd D 'getTotalEnergy()(uint256)')" 8000
tx U1 'energyProduced(address,uint256)' "${ADDR[B]}" 1000 >/dev/null
assert_eq "minted at M: B gets 0.8 of 0.97" "$(rd B 'balanceENT()(uint256,uint256)')" "776000000000000000 0"

echo "# defect: a buy filled below its limit keeps the difference locked for good"
assert_eq "minting names the account after the raw amount" "$(tx D 'minteEuro(address,uint256)' "${ADDR[B]}" "10$E18")" \
    "Info: 10$E18 eEuro minted into $(hex B)"
assert_eq "A sells 1 at 0.2" "$(tx A 'addOrder(uint256,uint256,bool)' 200000000000000000 "1$E18" false)" \
    "Info: Order added >> sell #0: 1$E18 ENT at 200000000000000000 eEuro/ENT"
assert_eq "B buys 4 at 1: the fill says nothing" "$(tx B 'addOrder(uint256,uint256,bool)' "1$E18" "4$E18" true)" \
    "Info: Order added >> buy #0: 4$E18 ENT at 1$E18 eEuro/ENT"
assert_eq "the book" "$(rd D 'getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])')" \
    "[(0, ${ADDR[B]}, 1$E18, 3$E18, true)] []"
assert_eq "A was paid 0.2" "$(rd A 'balanceeEuro()(uint256,uint256)')" "200000000000000000 0"
assert_eq "B: 3 for the order and 0.8 saved stay locked" "$(rd B 'balanceeEuro()(uint256,uint256)')" \
    "6$E18 3800000000000000000"
assert_eq "B removes the rest" "$(tx B 'removeOrder(uint256,bool)' 0 true)" "Info: Order removed >> buy #0"
assert_eq "the 0.8 stays locked" "$(rd B 'balanceeEuro()(uint256,uint256)')" "9$E18 800000000000000000"
assert_eq "the book is empty" "$(rd D 'getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])')" "[] []"
assert_eq "nor can B withdraw it" "$(tx B 'lockeEuro(uint256)' 9800000000000000000)" "Error: Not enough eEuro tokens"
assert_eq "it still counts in circulation" "$(rd D 'getTotalEeuro()(uint256)')" "10$E18"

echo "# withdrawals: the banker settles only its own"
assert_eq "a lock says the raw amount, no address" "$(tx B 'lockeEuro(uint256)' "2$E18")" "Info: 2$E18 eEuro locked"
assert_eq "B's eEuro" "$(rd B 'balanceeEuro()(uint256,uint256)')" "7$E18 2800000000000000000"
assert_eq "the banker cannot burn B's" "$(tx D 'burneEuro(address,uint256)' "${ADDR[B]}" "1$E18")" \
    "Error: Only banker can burn locked eEuro"
assert_eq "nor unlock them" "$(tx D 'unlockeEuro(address,uint256)' "${ADDR[B]}" "1$E18")" \
    "Error: Only banker can unlock locked eEuro"
assert_eq "B's eEuro unchanged" "$(rd B 'balanceeEuro()(uint256,uint256)')" "7$E18 2800000000000000000"
tx D 'minteEuro(address,uint256)' "${ADDR[D]}" "1$E18" >/dev/null
assert_eq "the banker locks its own" "$(tx D 'lockeEuro(uint256)' "1$E18")" "Info: 1$E18 eEuro locked"
assert_eq "nobody else burns the banker's" "$(tx B 'burneEuro(address,uint256)' "${ADDR[D]}" "1$E18")" \
    "Error: Only banker can burn locked eEuro"
assert_eq "unlocking names the account after the amount" \
    "$(tx D 'unlockeEuro(address,uint256)' "${ADDR[D]}" 250000000000000000)" \
    "Info: 250000000000000000 eEuro unlocked into $(hex D)"
assert_eq "burning its own" "$(tx D 'burneEuro(address,uint256)' "${ADDR[D]}" 750000000000000000)" \
    "Info: eEuro burned >> 750000000000000000 from $(hex D)"
assert_eq "D's eEuro" "$(rd D 'balanceeEuro()(uint256,uint256)')" "250000000000000000 0"
assert_eq "eEuro in circulation" "$(rd D 'getTotalEeuro()(uint256)')" 10250000000000000000

echo "# transfers and clearing say nothing; eEuro transfers not even when refused"
assert_eq "ENT transfer" "$(tx A 'transferENT(address,uint256)' "${ADDR[C]}" 970000000000000000)" ""
assert_eq "A's ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "5$E18 0"
assert_eq "a refused ENT transfer says why" "$(tx A 'transferENT(address,uint256)' "${ADDR[C]}" "6$E18")" \
    "Error: Not enough ENT tokens"
assert_eq "eEuro transfer" "$(tx B 'transfereEuro(address,uint256)' "${ADDR[C]}" "1$E18")" ""
assert_eq "moved" "$(rd B 'balanceeEuro()(uint256,uint256)') $(rd C 'balanceeEuro()(uint256,uint256)')" \
    "6$E18 2800000000000000000 1$E18 0"
assert_eq "a refused eEuro transfer" "$(tx B 'transfereEuro(address,uint256)' "${ADDR[C]}" "100$E18")" ""
assert_eq "moved nothing" "$(rd B 'balanceeEuro()(uint256,uint256)') $(rd C 'balanceeEuro()(uint256,uint256)')" \
    "6$E18 2800000000000000000 1$E18 0"
# C holds 2 + 0.194 + 0.97 ENT; the burn cost is 0.03, so 1 ENT holds 970 Wh.
assert_eq "C opens a session" "$(tx C 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "1$E18")" \
    "Info: Consumption session started >> 970 Wh for 1$E18 ENT with $(hex U1)"
advance 7200
assert_eq "clearing says nothing" "$(tx D 'clearOldSessions()')" ""
assert_eq "C's ENT back" "$(rd C 'balanceENT()(uint256,uint256)')" "3164000000000000000 0"
assert_eq "H in hours, as voted" "$(tx A 'setParameter(string,uint256)' H 3)" "Info: Parameter H set to 3"
assert_match "H in seconds" "$(rd D 'getParameters()(uint256,uint256,uint256,uint256,uint256)')" "* 10800 *"

echo "# defect: reverts with Panic or without a reason instead of an Error"
assert_eq "producing 2^256-1 Wh: Panic(0x11)" \
    "$(revert_data U1 'energyProduced(address,uint256)' "${ADDR[A]}" $MAX)" "$PANIC_OVERFLOW"
assert_eq "and mined: status 0" "$(tx U1 --gas-limit 1000000 'energyProduced(address,uint256)' "${ADDR[A]}" $MAX)" \
    "REVERTED: status 0x0"
assert_eq "reporting 2^256-1 Wh" "$(revert_data U1 'reportActualEnergy(uint256)' $MAX)" "$PANIC_OVERFLOW"
assert_eq "an order whose price*quantity overflows" \
    "$(revert_data B 'addOrder(uint256,uint256,bool)' $MAX 2 true)" "$PANIC_OVERFLOW"
assert_eq "H of 2^256-1 hours" "$(revert_data A 'setParameter(string,uint256)' H $MAX)" "$PANIC_OVERFLOW"
assert_eq "minting 2^256-1" "$(revert_data D 'minteEuro(address,uint256)' "${ADDR[C]}" $MAX)" "$PANIC_OVERFLOW"
tx A 'addOrder(uint256,uint256,bool)' "5$E18" "1$E18" false >/dev/null # sell #1, open
assert_eq "removing an order never made: no reason" "$(revert_data B 'removeOrder(uint256,bool)' 9 true)" 0x
assert_eq "removing another's order: no reason" "$(revert_data B 'removeOrder(uint256,bool)' 1 false)" 0x
assert_eq "and mined: status 0" "$(tx B --gas-limit 1000000 'removeOrder(uint256,bool)' 1 false)" "REVERTED: status 0x0"
assert_eq "the owner removes it" "$(tx A 'removeOrder(uint256,bool)' 1 false)" "Info: Order removed >> sell #1"

echo "# a reading beyond its session costs about 3 plain readings"
gas_used() {
    local who=$1
    shift
    "$CAST" send --json "${CAST_TX_FLAGS[@]}" --rpc-url "$DEVNET_RPC" --private-key "${KEY[$who]}" \
        "$DEVNET_ADDRESS" "$@" | jq -r .gasUsed | xargs printf '%d'
}
tx C 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "1$E18" >/dev/null
plain=$(gas_used U1 'energyConsumed(address,uint256)' "${ADDR[C]}" 100)
beyond=$(gas_used U1 'energyConsumed(address,uint256)' "${ADDR[C]}" 2000)
echo "gas: $plain for a plain reading, $beyond for one beyond its session"
assert_eq "the session ended" "$(rd C 'getConsumptionSessionEnergy(address)(uint256)' "${ADDR[U1]}")" 0
assert_eq "a plain reading's gas would not do" "$((beyond > 2 * plain))" 1
if ((pre_berlin)); then
    assert_eq "about 3 times, before Berlin (2.5 to 3.5)" \
        "$((10 * beyond >= 25 * plain && 10 * beyond <= 35 * plain))" 1
fi

echo "# destroy(): Info, then the self-call's Error; the deployment keeps working"
assert_eq "A adds B" "$(tx A 'addVoter(address)' "${ADDR[B]}")" "Info: New voter added >> $(hex B)"
assert_eq "A votes destroy" "$(tx A 'destroy()')" \
    "Info: You are in favor of: 'destroy_contract'. Execute the method again to change your mind."
assert_eq "B passes it" "$(tx B 'destroy()')" "Info: Contract destroyed
Error: Only voters can do this"
assert_match "passed" "$(rd B 'getVotes()((string,bool,bool)[])')" '*("destroy_contract", true, true)*'
assert_eq "transfers still work" "$(tx C 'transferENT(address,uint256)' "${ADDR[A]}" "1$E18")" ""
assert_eq "A's ENT" "$(rd A 'balanceENT()(uint256,uint256)')" "6$E18 0"
assert_eq "votes too" "$(tx A 'addVoter(address)' "${ADDR[C]}")" \
    "Info: You are in favor of: 'Add_Voter_$(hex C)'. Execute the method again to change your mind."
assert_eq "a new destroy vote is another proposal" "$(tx A 'destroy()')" \
    "Info: You are in favor of: 'destroy_contract_1'. Execute the method again to change your mind."

assert_summary
