#!/usr/bin/env bash
# The views of the past (units, proposals, withdrawals, trades) against the
# thesis's chapter 6 scenario on anvil, as JSON; then the same through a node
# whose Info events say nothing, which must change nothing: the views come
# from the transactions, not from the wording.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'failover_down; devnet_down' EXIT
KS=(--keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
U1=0x90F79bf6EB2c4f870365E785982E1f101E93b906
U2=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65
# Each node gets an index of its own: the second must be built through the proxy.
pc() { XDG_CACHE_HOME="$DEVNET_DIR/cache-$1" "$POWERCHAIN_BIN" --rpc "$2" \
    --contract-json "$DEVNET_JSON" "${@:3}"; }
direct() { pc direct "$DEVNET_RPC" "$@"; }
send() { direct "${KS[@]}" --yes --account "$1" send "${@:2}" >/dev/null; }

# After the scenario: A asks to withdraw 0.5 eEuro, the banker pays out 0.2
# of it; A proposes a new C, which stays open with 1 of 2 in favour.
send A lockeEuro 0.5 && send C burneEuro "$A" 0.2 && send A setParameter C 0.1 \
    || { echo "could not play the additions"; exit 1; }

declare -A got
for view in units proposals withdrawals trades; do
    got[$view]=$(direct --json "$view"); code=$?
    assert_eq "$view exits 0" "$code" 0
done
assert_eq "units" "${got[units]}" \
    "[{\"unit\":\"$U1\",\"owner\":\"$C\",\"active\":true,\"wh\":\"0\"},{\"unit\":\"$U2\",\"owner\":\"$C\",\"active\":true,\"wh\":\"2143\"}]"
lower() { echo "${1#0x}" | tr 'A-F' 'a-f'; }
passed() { # VOTE DESCRIPTION FIRST_BLOCK PASSED_BLOCK
    echo "{\"vote\":\"$1\",\"description\":\"$2\",\"in_favour\":[\"$A\",\"$B\"],\"against\":[],\"passed\":true,\"first_block\":$3,\"passed_block\":$4}"
}
assert_eq "proposals" "${got[proposals]}" \
    "[{\"vote\":\"Add_Voter_$(lower $B)\",\"description\":\"Add voter $B\",\"in_favour\":[\"$A\"],\"against\":[],\"passed\":true,\"first_block\":2,\"passed_block\":2},$(
    passed "register_$(lower $U1)_$(lower $C)" "Register storage unit $U1 owned by $C" 3 4),$(
    passed "register_$(lower $U2)_$(lower $C)" "Register storage unit $U2 owned by $C" 5 6),$(
    passed "changeBankerTo_$(lower $C)" "Make $C the banker" 17 18),{\"vote\":\"setParameter_C_100000000000000000\",\"description\":\"Set C to 10% (was 5%)\",\"in_favour\":[\"$A\"],\"against\":[],\"passed\":false,\"first_block\":24,\"passed_block\":null}]"
# Issue 17: one block for "passed" in every form (the JSON once said the first vote's).
table=$(direct proposals)
assert_eq "the table's passed blocks are the JSON's" \
    "$(grep -o 'passed in block [0-9]*' <<<"$table" | grep -o '[0-9]*$' | paste -sd ' ')" \
    "$(jq -r '[.[] | select(.passed) | .passed_block] | map(tostring) | join(" ")' <<<"${got[proposals]}")"
assert_eq "and the CSV's" \
    "$(direct proposals --csv | tail -n +2 | awk -F, '$(NF-2) == "true" { print $NF }' | paste -sd ' ')" \
    "$(jq -r '[.[] | select(.passed) | .passed_block] | map(tostring) | join(" ")' <<<"${got[proposals]}")"
assert_eq "withdrawals" "$(jq -c 'map(del(.time))' <<<"${got[withdrawals]}")" \
    "[{\"account\":\"$A\",\"amount\":\"300000000000000000\",\"block\":22}]"
assert_eq "withdrawals: the request's time is its block's" "$(jq .[0].time <<<"${got[withdrawals]}")" \
    "$("$CAST" block --rpc-url "$DEVNET_RPC" 22 --field timestamp)"
for view in units proposals withdrawals; do
    assert_eq "$view --csv: a header and a record per JSON object" \
        "$(direct "$view" --csv | wc -l)" "$(($(jq length <<<"${got[$view]}") + 1))"
done
assert_eq "withdrawals --csv" "$(direct withdrawals --csv)" "account,amount_eeuro,block,time
$A,0.3,22,$(jq .[0].time <<<"${got[withdrawals]}")"
assert_eq "units --csv" "$(direct units --csv)" "unit,owner,active,energy_wh
$U1,$C,true,0
$U2,$C,true,2143"
assert_match "trades: figure 8's one fill" "${got[trades]}" \
    "\\[{\"block\":21,\"time\":*,\"tx\":\"0x*\",\"price\":\"500000000000000000\",\"quantity\":\"1900000000000000000\",\"buyer\":\"$A\",\"seller\":\"$C\"}]"
out=$(direct trades --csv)
assert_match "trades as CSV" "$out" "block,time,tx,price_eeuro_per_ent,quantity_ent,buyer,seller
21,*,0x*,0.5,1.9,$A,$C"
assert_match "withdrawals as CSV" "$(direct withdrawals --csv)" "account,amount_eeuro,block,time
$A,0.3,22,*"
assert_match "withdrawals for people, with the total" "$(direct withdrawals)" \
    "*$A *0.3 eEuro *UTC \(block 22\)
1 request, 0.3 eEuro in all"
assert_match "trades for people, the book checked" "$(direct trades)" \
    "*0.5 *1.9 *$A  $C
open orders: 1 buy, 0 sell (the node agrees)"

proxy_up blank-info
logs=$("$CAST" rpc --rpc-url "$PROXY_RPC" eth_getLogs \
    "{\"fromBlock\":\"0x0\",\"address\":\"$DEVNET_ADDRESS\",\"topics\":[\"0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a\"]}")
empty=0x$(printf '%064x%064x' 32 0) # the ABI encoding of ""
datas=$(grep -o '"data":"0x[0-9a-f]*"' <<<"$logs")
assert_match "the proxy answers the Info events" "$(wc -l <<<"$datas")" "[1-9]*"
assert_eq "with every text blank" "$(grep -vc "\"data\":\"$empty\"" <<<"$datas")" 0
for view in units proposals withdrawals trades; do
    out=$(pc blank "$PROXY_RPC" --json "$view"); code=$?
    assert_eq "$view without the wording exits 0" "$code" 0
    assert_eq "$view without the wording" "$out" "${got[$view]}"
done

assert_summary
