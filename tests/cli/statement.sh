#!/usr/bin/env bash
# powerchain statement over the demo scenario (devnet/scenario.sh, the
# thesis's chapter 6): for every actor, the statement ends equal to the
# chain's balanceENT and balanceeEuro and says so; its rows (the worked
# figures) as a table, --csv and --json; a range of blocks or dates with
# its opening balance; bad input. Through a proxy: a node that keeps no
# state before block 15 (older changes replayed, newer ones the node's),
# and a node whose balances differ by 1 wei from block 16 on (the
# statement follows the node, not the replay).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up --demo || exit 1
. "$PROJECT_ROOT/devnet/scenario.sh"
trap 'failover_down; devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
unset POWERCHAIN_RPC POWERCHAIN_ACCOUNT
K=(--contract-json "$DEVNET_JSON" --keystore "$DEVNET_DIR/keystore")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" "${K[@]}" "$@"; }
parts='[.ent_available, .ent_locked, .eeuro_available, .eeuro_locked]'

echo "# every actor's statement ends on the chain's balances"
for who in A B C U1 U2; do
    json=$(pc --json statement "$who")
    assert_eq "$who: exit 0" "$?" 0
    ent=$(pc --json --account "$who" call balanceENT)
    eeuro=$(pc --json --account "$who" call balanceeEuro)
    assert_eq "$who: closing = balanceENT, balanceeEuro" "$(jq -c ".closing | $parts" <<<"$json")" \
        "$(jq -c -n --argjson e "$ent" --argjson u "$eeuro" '[$e.available, $e.locked, $u.available, $u.locked]')"
    assert_eq "$who: agrees" "$(jq -c '[.agrees, .chain == .closing]' <<<"$json")" '[true,true]'
    assert_eq "$who: the last row's balances are the closing ones" \
        "$(jq -c "(.rows[-1].balance // .opening) == .closing" <<<"$json")" true
done

echo "# A's rows: the worked figures"
json=$(pc --json statement A)
assert_eq "A's rows: block, call, source" \
    "$(jq -c '[.rows[] | [.block, .method, .source]]' <<<"$json")" \
    '[[7,"energyProduced","node"],[12,"transferENT","call"],[13,"startConsumptionSession","node"],[14,"startConsumptionSession","node"],[15,"energyConsumed","node"],[16,"energyConsumed","node"],[19,"minteEuro","call"],[21,"addOrder","node"]]'
assert_eq "7.857 kWh: 8.007 ENT burned, 0.243 back" \
    "$(jq -c ".rows[5].change | $parts" <<<"$json")" '["243000000000000000","-8250000000000000000","0","0"]'
assert_eq "the buy: 1.9 ENT in, 10 eEuro locked, 0.95 paid, 0.95 back" \
    "$(jq -c ".rows[7].change | $parts" <<<"$json")" \
    '["1900000000000000000","0","-9050000000000000000","8100000000000000000"]'
assert_eq "A's closing: 2.143 ENT, 0.95 + 8.1 eEuro" "$(jq -c ".closing | $parts" <<<"$json")" \
    '["2143000000000000000","0","950000000000000000","8100000000000000000"]'
out=$(pc statement A)
assert_match "the table names the account" "$out" "statement of $SCENARIO_A (A), blocks 1 to 21*"
assert_match "a row and its changes" "$out" \
    "*#16 *energyConsumed by $SCENARIO_U2 (U2) *(the node's state)*ENT available *+0.243  -> 0.243 ENT*ENT locked *-8.25  -> 0 ENT*"
assert_match "the check" "$out" "*closing  ENT 2.143 available, 0 locked; eEuro 0.95 available, 8.1 locked*agrees with the chain's balances at block 21"
csv=$(pc statement A --csv)
assert_eq "--csv: a header and a line per row" "$(wc -l <<<"$csv")" 9
assert_eq "--csv: the header" "$(head -1 <<<"$csv")" \
    "block,time,tx,method,ent_available_change,ent_locked_change,eeuro_available_change,eeuro_locked_change,ent_available,ent_locked,eeuro_available,eeuro_locked,source"
assert_match "--csv: exact decimals" "$(tail -1 <<<"$csv")" "21,*,0x*,addOrder,1.9,0,-9.05,8.1,2.143,0,0.95,8.1,node"

echo "# a range"
part=$(pc --json statement A --from 15 --to 19)
assert_eq "--from 15 --to 19: exit 0" "$?" 0
assert_eq "its blocks" "$(jq -c '[.first_block, .last_block, [.rows[].block]]' <<<"$part")" \
    '[15,19,[15,16,19]]'
assert_eq "its opening is the balance after block 14" "$(jq -c '.opening' <<<"$part")" \
    "$(jq -c '.rows[3].balance' <<<"$json")"
assert_eq "checked at block 19" "$(jq -c '[.agrees, .closing == .rows[-1].balance]' <<<"$part")" \
    '[true,true]'
day=$(date -u -d "@$(jq -r '.rows[0].time' <<<"$json")" +%Y-%m-%d)
assert_eq "--from DAY --to DAY: the same rows" \
    "$(pc --json statement A --from "$day" --to "$day" | jq -c '[.rows[].tx]')" \
    "$(jq -c '[.rows[].tx]' <<<"$json")"
pc statement A --to 2001-01-01 >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "a range before everything: exit 2" "$?" 2
assert_match "says so" "$(cat "$DEVNET_DIR/err")" "*the range holds no block*"
pc statement A --from 2026-02-31 >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "no such date: exit 2" "$?" 2
assert_match "says what to give" "$(cat "$DEVNET_DIR/err")" "*--from: give a block number or a date*"
pc statement nobody >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "an unknown name: exit 2" "$?" 2
pc statement >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "no account: exit 2" "$?" 2
assert_match "asks whose" "$(cat "$DEVNET_DIR/err")" "*whose statement?*"
assert_eq "--account chooses it" "$(pc --json --account C statement | jq -r .account)" "$SCENARIO_C"

echo "# a node that keeps no state before block 15"
proxy_up prune-state 15
json=$("$POWERCHAIN_BIN" --rpc "$PROXY_RPC" "${K[@]}" --json statement A)
assert_eq "older rules replayed, newer ones the node's" \
    "$(jq -c '[.rows[] | [.block, .source]]' <<<"$json")" \
    '[[7,"replay"],[12,"call"],[13,"replay"],[14,"replay"],[15,"replay"],[16,"node"],[19,"call"],[21,"node"]]'
assert_eq "still exact" "$(jq -c "[.agrees, (.closing | $parts)]" <<<"$json")" \
    '[true,["2143000000000000000","0","950000000000000000","8100000000000000000"]]'
kill "$PROXY"

echo "# a node whose balances differ from the replay from block 16 on"
proxy_up skew-balance 16
json=$("$POWERCHAIN_BIN" --rpc "$PROXY_RPC" "${K[@]}" --json statement A)
assert_eq "block 16's change is the node's: 1 wei more" \
    "$(jq -c ".rows[5] | [.block, .source, .change.ent_available]" <<<"$json")" \
    '[16,"node","243000000000000001"]'
assert_eq "and the statement ends on the node's balances" \
    "$(jq -c '[.agrees, .closing.ent_available]' <<<"$json")" '[true,"2143000000000000001"]'
kill "$PROXY"

assert_summary
