#!/usr/bin/env bash
# The charts' series on a deployment that behaves like the thesis's own
# contract, after the voters set the burning cost's cap B to 0.01 (which
# that contract ignores: it caps with M) and a loss opens the gap (issue 17
# item 10). The peg's series are read from the node at each point's block,
# as the panel's worker reads them (wallet/series_node.h), so that:
#   - the last point of every series is the live figure the node gives
#     through cast;
#   - every block's figures came from the node (anvil keeps every state);
#   - every point of the peg's series, the middle of the history included,
#     is what cast reads at that point's block (cast call --block N): after
#     the report the burning cost is the node's 0.05715 ENT/kWh, where a
#     replay with the project's rules says 0.01;
#   - from a node that keeps no state before the report's block (a proxy
#     answers older eth_calls with anvil's error), the older blocks' points
#     are counted as replayed, the newer ones read, and the last points are
#     still the node's.
#   thesis_series.sh SERIES_TAIL
set -uo pipefail
TAIL=$1
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
devnet_up --contract thesis --demo >/dev/null 2>&1 || { echo "no devnet"; exit 1; }
trap 'failover_down; devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache
E17=00000000000000000

assert_match "A votes B to 0.01" "$(tx A 'setParameter(string,uint256)' B 10000000000000000)" "*"
assert_match "B votes B to 0.01: passed" \
    "$(tx B 'setParameter(string,uint256)' B 10000000000000000)" "*Parameter B set to*"
assert_eq "U2 reports 1000 Wh (1143 Wh lost)" "$(tx U2 'reportActualEnergy(uint256)' 1000)" ""
reported=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
assert_eq "the costs the node charges" "$(rd A 'getEnergyCosts()(uint256,uint256)')" \
    "57150000000000000 57150000000000000"
assert_match "A opens a session with U2" \
    "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" "5$E17")" "Info:*"
assert_eq "U2 reports 300 Wh for A" "$(tx U2 'energyConsumed(address,uint256)' "${ADDR[A]}" 300)" ""

got=$("$TAIL" "$DEVNET_RPC" "$DEVNET_JSON" "${ADDR[A]}") || { echo "series_tail failed"; exit 1; }
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$got"; }
sum() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }

# at BLOCK NAME: the node's figure NAME (series_tail's names) after BLOCK
# ("latest": now).
at() {
    local block=$1 name=$2 available locked
    case $name in
    ent) rd A --block "$block" 'getTotalENT()(uint256)' ;;
    wh) rd A --block "$block" 'getTotalEnergy()(uint256)' ;;
    mint_cost) rd A --block "$block" 'getEnergyCosts()(uint256,uint256)' | cut -d' ' -f1 ;;
    burn_cost) rd A --block "$block" 'getEnergyCosts()(uint256,uint256)' | cut -d' ' -f2 ;;
    my_ent)
        read -r available locked <<<"$(rd A --block "$block" 'balanceENT()(uint256,uint256)')"
        sum "$available" "$locked"
        ;;
    unit_*) rd A --block "$block" 'getStorageUnitEnergy(address)(uint256)' "${name#unit_}" ;;
    esac
}

echo "# the last points against the node's live figures"
for name in ent wh mint_cost burn_cost my_ent "unit_${ADDR[U1]}" "unit_${ADDR[U2]}"; do
    assert_eq "$name now" "$(field "$name")" "$(at latest "$name")"
done
read -r eur_a eur_l <<<"$(rd A 'balanceeEuro()(uint256,uint256)')"
assert_eq "eEuro in circulation" "$(field eeuro)" "$(rd A 'getTotalEeuro()(uint256)')"
assert_eq "A's eEuro" "$(field my_eeuro)" "$(sum "$eur_a" "$eur_l")"
assert_eq "fills" "$(field fill_count) $(field price)" "1 5$E17"

echo "# where the peg's points came from: every block from the node"
read -r blocks from_node not_kept unread <<<"$(awk '$1 == "origin" { print $2, $3, $4, $5 }' <<<"$got")"
assert_match "blocks with a point" "$blocks" "[1-9]*"
assert_eq "read from the node, not kept, unread" "$from_node $not_kept $unread" "$blocks 0 0"

echo "# every point against cast at its block"
npoints=0 middle=0
last_block=$(awk '$1 == "point" && $3 > b { b = $3 } END { print b }' <<<"$got")
while read -r _ name block value; do
    npoints=$((npoints + 1))
    ((block < last_block)) && middle=$((middle + 1))
    assert_eq "$name at block $block" "$value" "$(at "$block" "$name")"
done < <(awk '$1 == "point"' <<<"$got")
assert_match "points checked, before the last block" "$npoints $middle" "[1-9]* [1-9]*"
assert_eq "the burning cost charted after the report's block $reported (the node's, not B's 0.01)" \
    "$(awk -v b="$reported" '$1 == "point" && $2 == "burn_cost" && $3 <= b { v = $4 } END { print v }' <<<"$got")" \
    "57150000000000000"

echo "# a node that keeps no state before block $reported"
proxy_up prune-state "$reported"
got=$("$TAIL" "$PROXY_RPC" "$DEVNET_JSON" "${ADDR[A]}") || { echo "series_tail failed"; exit 1; }
read -r blocks from_node not_kept unread <<<"$(awk '$1 == "origin" { print $2, $3, $4, $5 }' <<<"$got")"
assert_eq "blocks: every one read or not kept" "$((from_node + not_kept)) $unread" "$blocks 0"
assert_eq "read from the node: the blocks from $reported on" "$from_node" \
    "$(awk -v r="$reported" '$1 == "point" && $3 >= r { print $3 }' <<<"$got" | sort -u | wc -l)"
assert_match "not kept: the older ones" "$not_kept" "[1-9]*"
assert_eq "the burning cost now, the node's" "$(field burn_cost)" "$(at latest burn_cost)"
assert_summary
