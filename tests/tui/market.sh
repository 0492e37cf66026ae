#!/usr/bin/env bash
# The Market page on the demo chain (C sold 1.9 ENT at 0.5 eEuro/ENT to A,
# whose buy of 10 at 1 stays open for 8.1): the last trade price and the
# trade itself from the history index, each order's owner, the spread once
# both sides hold orders, depth bars that add up from the best price out;
# then a book of more than 256 orders (the page used to drop the rest), every one reachable by scrolling.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
E18=000000000000000000
short() { echo "${ADDR[$1]:0:6}..${ADDR[$1]: -4}"; }

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_keys 4
tui_expect "last trade price" "last trade 0.5 eEuro/ENT"
tui_expect "the trade, buyer and seller" \
    "1.9 ENT at 0.5 eEuro/ENT  from $(short C) to $(short A)"
tui_expect "A's buy, its owner the account itself" "BUY #0          1  8.1  mine"
tui_expect "one side only: no spread" "spread: none (no sell orders)"

echo "# A sells 1 ENT at 2 (its own buy at 1 does not match): the spread is 1"
assert_match "sell order" "$(tx A 'addOrder(uint256,uint256,bool)' "2$E18" "1$E18" false)" \
    "Info: Order added >> sell #1*"
tui_expect "spread as a value" "spread 1 eEuro/ENT (ask 2, bid 1)"
tui_expect "the sell's owner" "SELL #1          2    1  mine"
tui_expect "own orders marked" "mine"

echo "# depth bars are cumulative: a second buy below the first gets the longer bar"
assert_match "second buy" "$(tx A 'addOrder(uint256,uint256,bool)' 100000000000000000 "1$E18" true)" \
    "Info: Order added >> buy #1*"
tui_expect "second buy listed" "BUY #1         0.1    1  mine"
bar() { tui_screen | grep -F "$1" | grep -o '█' | wc -l; }
best=$(bar "BUY #0 ") outer=$(bar "BUY #1 ")
echo "# bars: best buy $best cells, outer buy $outer cells"
assert_eq "the outer buy's bar (8.1 + 1 ENT) is longer than the best's (8.1)" \
    "$((outer > best && best > 0))" 1

echo "# 259 more sells (1e-18 ENT each, sent in one batch): 262 orders, all reachable"
N=259
sel=$("$CAST" sig 'addOrder(uint256,uint256,bool)')
# Explicit nonces: the node handles a batch's requests concurrently. With
# automatic mining off the node mines them in a few full blocks instead of
# one block each.
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")
batch=$(for ((i = 1; i <= N; i++)); do
    printf '{"jsonrpc":"2.0","id":%d,"method":"eth_sendTransaction","params":[{"from":"%s","to":"%s","nonce":"0x%x","gas":"0x50000","data":"%s%064x%064x%064x"}]}\n' \
        "$i" "${ADDR[A]}" "$DEVNET_ADDRESS" $((nonce + i - 1)) "$sel" $((3000000000000000000 + i)) 1 0
done | jq -s -c .)
"$CAST" rpc --rpc-url "$DEVNET_RPC" evm_setAutomine false >/dev/null
answers=$(curl -s -H 'Content-Type: application/json' --data "$batch" "$DEVNET_RPC")
assert_eq "batch accepted" "$(jq '[.[] | select(.result)] | length' <<<"$answers")" $N
for ((i = 0; i < 20; i++)); do
    (($("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}") >= nonce + N)) && break
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null
done
"$CAST" rpc --rpc-url "$DEVNET_RPC" evm_setAutomine true >/dev/null
assert_eq "262 open orders of A on chain" "$(rd D 'getOrders()((uint256,address,uint256,uint256,bool)[],(uint256,address,uint256,uint256,bool)[])' |
    grep -o "${ADDR[A]}" | wc -l)" 262
tui_expect "the counter" "of 262"
tui_keys Home
tui_expect "highest sell first" "SELL #260  3.000000000000000259"
tui_expect "cursor on the first" "order 1 of 262"
tui_keys End
tui_expect "the last order reached" "order 262 of 262"
tui_expect "the lowest buy at the end" "BUY #1 "
tui_expect "the spread line still there" "---- spread ----"
for ((i = 0; i < 250; i++)); do tui_keys Up; done
tui_expect "scrolled back up 250" "order 12 of 262"
tui_expect "the order under the cursor, deep in the book" ">*SELL #249  3.000000000000000248"
echo "# every list key: G and g, PgDn and PgUp by the list's height, j and k"
tui_keys G
tui_expect "G: the last" "order 262 of 262"
tui_keys g
tui_expect "g: the first" "order 1 of 262"
# The list's height: the orders from the top row to the last one drawn.
page=$(tui_screen | grep -c 'SELL #')
tui_keys NPage
tui_expect "PgDn: one page down" "order $((1 + page)) of 262"
tui_keys j j k
tui_expect "j j k: one down" "order $((2 + page)) of 262"
# At the end the spread's line takes a row of the list: a page there is
# the orders shown.
tui_keys End
tui_expect "End" "order 262 of 262"
page=$(tui_screen | grep -cE '(SELL|BUY) #')
tui_keys PPage
tui_expect "PgUp from the end: one page up" "order $((262 - page)) of 262"
echo "# / filters: #25 keeps #25 and #250 to #259"
tui_keys /
tui_type "#25"
tui_expect "the filter line while typing" "filter: #25_ (11 of 262)"
tui_keys Enter
tui_expect "Enter keeps it" "filter: #25 (11 of 262)"
tui_expect "the first that matches" ">*SELL #259"
tui_keys G
tui_expect "G: the last that matches" ">*SELL #25 "
tui_keys Escape
tui_expect "Esc clears it" "order 1 of 262"
tui_keys q
assert_summary
