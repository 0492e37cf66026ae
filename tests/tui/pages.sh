#!/usr/bin/env bash
# Every page of the panel shows its figures: the chain is set up with Foundry's
# cast (an independent client), then the panel, as voter and banker A, is read
# page by page.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

E18=000000000000000000
tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
for u in U1 U2; do
    tx A 'registerStorageUnit(address,address)' "${ADDR[${!u}]}" "${ADDR[C]}" >/dev/null
    tx B 'registerStorageUnit(address,address)' "${ADDR[${!u}]}" "${ADDR[C]}" >/dev/null
done
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null  # A 8 ENT, C 2 ENT
tx U2 'energyProduced(address,uint256)' "${ADDR[B]}" 7857 >/dev/null
tx A 'changeBanker(address)' "${ADDR[A]}" >/dev/null
tx B 'changeBanker(address)' "${ADDR[A]}" >/dev/null
tx A 'minteEuro(address,uint256)' "${ADDR[C]}" "10$E18" >/dev/null
tx C 'lockeEuro(uint256)' "2$E18" >/dev/null
tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" "2$E18" >/dev/null
tx C 'addOrder(uint256,uint256,bool)' 500000000000000000 "1$E18" false >/dev/null
tx A 'addOrder(uint256,uint256,bool)' 400000000000000000 "3$E18" false >/dev/null

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "header: connected" "connected"
tui_expect "header: chain id" "chain 4200"
tui_expect "header: account" "${ADDR[A]}"
tui_expect "header: roles" "voter banker"

echo "# 1 Tokens"
tui_keys 1
tui_expect "A's available ENT" "3 ENT"         # 8 - 2 (session) - 3 (sell order)
tui_expect "A's locked ENT" "5 ENT"
tui_expect "ENT in circulation" "17.857 ENT"   # 10 + 7.857, minted at cost 0
tui_expect "eEuro in circulation" "10 eEuro"

echo "# 2 Energy"
tui_keys 2
tui_expect "total energy" "17.857 kWh"
tui_expect "costs" "Costs        mint 0 ENT/kWh, burn 0 ENT/kWh"
tui_expect "U1 bar" "0x90F7..b906"
tui_expect "U1 available" "8 kWh"
tui_expect "U2 available" "7.857 kWh"
tui_expect "peg" "against 17.857 kWh stored"
tui_expect "A's session" "2 kWh left"
tui_expect "session time left" "2 h"

echo "# 3 Network info"
tui_keys 3
tui_expect "banker" "Banker"
tui_expect "banker address" "${ADDR[A]}"
tui_expect "M" "0.5 ENT/kWh"
tui_expect "C" "5%"
tui_expect "H" "2 h"
tui_expect "F" "20%"
tui_expect "contract" "$DEVNET_ADDRESS"

echo "# 4 Market"
tui_keys 4
tui_expect "C's sell" "SELL #0"
tui_expect "A's sell" "SELL #1"
tui_expect "own order marked" "mine"
tui_expect "price" "0.4"
tui_expect "the owner of C's sell, whole where there is room" "SELL #0        0.5    1  ${ADDR[C]}"
tui_expect "no trade yet" "last trade none yet"

echo "# 5 Voting"
tui_keys 5
tui_expect "vote for B, passed by A alone" "1 of 1 in favour  Add voter ${ADDR[B]}"
tui_expect "passed ones apart" "Passed"
tui_expect "banker vote" "2 of 2 in favour  Make ${ADDR[A]} the banker"
tui_expect "the chosen one's vote string" "Add_Voter_$(hex B)"

echo "# 6 Banker"
tui_keys 6
tui_expect "withdrawal request of C" "${ADDR[C]}"
tui_expect "C's locked eEuro" "2 eEuro"
assert_eq "one request: the sell orders lock ENT, not eEuro" "$(tui_screen | grep -c '^.*│ [> ] 0x')" 1

echo "# 7 Accounts"
tui_keys 7
tui_expect "key file account" "Signing with a key file"

echo "# 8 Meter"
tui_keys 8
tui_expect "not a unit" "not an active storage unit"

echo "# 9 Activity"
tui_keys 9
tui_expect "every transaction since the deployment" "newest first (15 transactions)"
tui_expect "the newest call first" "addOrder"
tui_expect "its Info text" "Order added >> sell #1"
tui_expect "mint text" "eEuro minted >> 10 to $(hex C)"

echo "# help and arrows"
tui_keys '?'
tui_expect "help" "this help"
tui_keys Escape Left
tui_expect "arrow left goes to Meter" "not an active storage unit"
tui_keys q
tui_ended
assert_eq "q quits" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
