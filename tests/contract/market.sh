#!/usr/bin/env bash
# Market: order checks, self-trades skipped, price then time priority, trades
# at the sell price with the buyer's savings unlocked, removing orders.
set -uo pipefail
# shellcheck source=tests/contract/common.sh
. "$(dirname "$0")/common.sh"
contract_up "$@"

E18=000000000000000000
BOOK='getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])'

# A is the only voter: D becomes banker, U1 (owned by C) mints ENT.
tx A 'changeBanker(address)' "${ADDR[D]}" >/dev/null
tx D 'minteEuro(address,uint256)' "${ADDR[A]}" "100$E18" >/dev/null
tx D 'minteEuro(address,uint256)' "${ADDR[B]}" "100$E18" >/dev/null
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null # A 8, C 2
tx U1 'energyProduced(address,uint256)' "${ADDR[B]}" 10000 >/dev/null # B 8, C 4
assert_eq "setup A" "$(rd A 'balanceENT()(uint256,uint256)') $(rd A 'balanceeEuro()(uint256,uint256)')" "8$E18 0 100$E18 0"

echo "# order checks"
assert_eq "zero price" "$(tx A 'addOrder(uint256,uint256,bool)' 0 1 true)" "Error: Price and quantity must be greater than zero"
assert_eq "zero quantity" "$(tx A 'addOrder(uint256,uint256,bool)' 1 0 false)" "Error: Price and quantity must be greater than zero"
assert_eq "eEuro short" "$(tx A 'addOrder(uint256,uint256,bool)' "1$E18" "101$E18" true)" "Error: Not enough eEuro tokens"
assert_eq "ENT short" "$(tx A 'addOrder(uint256,uint256,bool)' "1$E18" 8000000000000000001 false)" "Error: Not enough ENT tokens"
assert_eq "locks nothing" "$(tx A 'addOrder(uint256,uint256,bool)' 1 1 true)" "Error: Order too small: it would lock no eEuro"
assert_eq "book empty" "$(rd D "$BOOK")" "[] []"

echo "# self-trades are skipped"
assert_eq "A sells 2 at 0.5" "$(tx A 'addOrder(uint256,uint256,bool)' 500000000000000000 "2$E18" false)" \
    "Info: Order added >> sell #0: 2 ENT at 0.5 eEuro/ENT"
assert_eq "A buys 1 at 1: no trade with itself" "$(tx A 'addOrder(uint256,uint256,bool)' "1$E18" "1$E18" true)" \
    "Info: Order added >> buy #0: 1 ENT at 1 eEuro/ENT"
assert_eq "book crossed by A only" "$(rd D "$BOOK")" \
    "[(0, ${ADDR[A]}, 1000000000000000000, 1000000000000000000, true)] [(0, ${ADDR[A]}, 500000000000000000, 2000000000000000000, true)]"

echo "# a new sell meets the best buy at the sell price"
assert_eq "B sells 1 at 0.8" "$(tx B 'addOrder(uint256,uint256,bool)' 800000000000000000 "1$E18" false)" \
    "Info: Order added >> sell #1: 1 ENT at 0.8 eEuro/ENT
Info: Trade >> 1 ENT at 0.8 eEuro/ENT (buy #0, sell #1)"
assert_eq "A: paid 0.8, 0.2 unlocked" "$(rd A 'balanceeEuro()(uint256,uint256)')" "99200000000000000000 0"
assert_eq "A: 1 ENT bought, 2 on sale" "$(rd A 'balanceENT()(uint256,uint256)')" "7$E18 2$E18"
assert_eq "B: 0.8 eEuro" "$(rd B 'balanceeEuro()(uint256,uint256)')" "100800000000000000000 0"

echo "# a new buy takes the cheapest sells first"
tx C 'addOrder(uint256,uint256,bool)' 600000000000000000 "1$E18" false >/dev/null  # sell #2
tx C 'addOrder(uint256,uint256,bool)' 550000000000000000 "1$E18" false >/dev/null  # sell #3
assert_eq "B buys 3 at 0.7" "$(tx B 'addOrder(uint256,uint256,bool)' 700000000000000000 "3$E18" true)" \
    "Info: Order added >> buy #1: 3 ENT at 0.7 eEuro/ENT
Info: Trade >> 2 ENT at 0.5 eEuro/ENT (buy #1, sell #0)
Info: Trade >> 1 ENT at 0.55 eEuro/ENT (buy #1, sell #3)"
assert_eq "B paid 1.55 of 2.1 locked" "$(rd B 'balanceeEuro()(uint256,uint256)')" "99250000000000000000 0"
assert_eq "B ENT" "$(rd B 'balanceENT()(uint256,uint256)')" "10$E18 0"
assert_eq "A got 1" "$(rd A 'balanceeEuro()(uint256,uint256)')" "100200000000000000000 0"
assert_eq "C got 0.55" "$(rd C 'balanceeEuro()(uint256,uint256)')" "550000000000000000 0"

echo "# at one price the older sell goes first"
tx C 'addOrder(uint256,uint256,bool)' 600000000000000000 "1$E18" false >/dev/null  # sell #4
assert_eq "A buys 1.5 at 0.6" "$(tx A 'addOrder(uint256,uint256,bool)' 600000000000000000 1500000000000000000 true)" \
    "Info: Order added >> buy #2: 1.5 ENT at 0.6 eEuro/ENT
Info: Trade >> 1 ENT at 0.6 eEuro/ENT (buy #2, sell #2)
Info: Trade >> 0.5 ENT at 0.6 eEuro/ENT (buy #2, sell #4)"
assert_eq "book" "$(rd D "$BOOK")" "[] [(4, ${ADDR[C]}, 600000000000000000, 500000000000000000, true)]"
assert_eq "C ENT: 0.5 on sale" "$(rd C 'balanceENT()(uint256,uint256)')" "1$E18 500000000000000000"

echo "# removing orders"
assert_eq "C removes sell #4" "$(tx C 'removeOrder(uint256,bool)' 4 false)" "Info: Order removed >> sell #4"
assert_eq "C ENT back" "$(rd C 'balanceENT()(uint256,uint256)')" "1500000000000000000 0"
assert_eq "A bids 2 at 0.1" "$(tx A 'addOrder(uint256,uint256,bool)' 100000000000000000 "2$E18" true)" \
    "Info: Order added >> buy #3: 2 ENT at 0.1 eEuro/ENT"
assert_eq "A eEuro locked" "$(rd A 'balanceeEuro()(uint256,uint256)')" "99100000000000000000 200000000000000000"
assert_eq "B cannot remove it" "$(tx B 'removeOrder(uint256,bool)' 3 true)" "Error: Only the order's owner can remove it"
assert_eq "sell #3 is not buy #3" "$(tx A 'removeOrder(uint256,bool)' 3 false)" "Error: Order not found or already closed"
assert_eq "A removes buy #3" "$(tx A 'removeOrder(uint256,bool)' 3 true)" "Info: Order removed >> buy #3"
assert_eq "A eEuro back" "$(rd A 'balanceeEuro()(uint256,uint256)')" "99300000000000000000 0"
assert_eq "removed twice" "$(tx A 'removeOrder(uint256,bool)' 3 true)" "Error: Order not found or already closed"
assert_eq "filled order" "$(tx A 'removeOrder(uint256,bool)' 0 true)" "Error: Order not found or already closed"
assert_eq "never existed" "$(tx A 'removeOrder(uint256,bool)' 99 false)" "Error: Order not found or already closed"
assert_eq "book empty" "$(rd D "$BOOK")" "[] []"
assert_eq "eEuro conserved" "$(rd D 'getTotalEeuro()(uint256)')" "200$E18"

assert_summary
