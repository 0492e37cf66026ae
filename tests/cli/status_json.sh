#!/usr/bin/env bash
# status for monitoring: --json is one object with the head's age and every
# configured node's state; --max-age SECONDS exits 3 when the head is older
# (here: a block mined with the chain's clock set an hour back).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
export POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }

json=$(pc --json --account "$A" --rpc http://127.0.0.1:9 status)
assert_eq "--json: exit 0" "$?" 0
assert_eq "--json: the keys" "$(jq -c 'keys_unsorted' <<<"$json")" \
    '["node","chain_id","block","block_time","head_age","contract","contract_name","banker","energy_stored_wh","ent_supply","eeuro_supply","account","nodes"]'
assert_eq "--json: chain, block, banker" "$(jq -c '[.chain_id, .block, .banker]' <<<"$json")" \
    "[\"4200\",$("$CAST" block-number --rpc-url "$DEVNET_RPC"),null]"
assert_eq "--json: the head's time" "$(jq -r .block_time <<<"$json")" \
    "$("$CAST" block latest --field timestamp --rpc-url "$DEVNET_RPC")"
assert_match "--json: its age in seconds" "$(jq -r '.head_age | type' <<<"$json")" number
assert_eq "--json: the account" "$(jq -c '.account | [.address, .roles, .ent_available]' <<<"$json")" \
    "[\"$A\",[\"voter\"],\"0\"]"
assert_eq "--json: each node's state" "$(jq -c '.nodes | map([.node, .up, .lag])' <<<"$json")" \
    "[[\"$DEVNET_RPC\",true,0],[\"http://127.0.0.1:9\",false,null]]"
assert_eq "--json without an account" "$(pc --json status | jq -c .account)" null

echo "# --max-age"
assert_eq "a fresh head is younger than an hour" "$(pc status --max-age 3600 >/dev/null; echo $?)" 0
"$CAST" rpc --rpc-url "$DEVNET_RPC" evm_setTime $(($(date +%s) - 7200)) >/dev/null
"$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 1 >/dev/null
out=$(pc status --max-age 600 2>&1)
assert_eq "a head two hours old: exit 3" "$?" 3
assert_match "says how old" "$out" "*the head (block *) is 7[12]?? s old, older than --max-age 600*"
assert_match "and still prints the status" "$out" "*block      * (7[12]?? s old)*"
assert_eq "--json too" "$(pc --json status --max-age 600 >/dev/null 2>&1; echo $?)" 3
assert_match "--json: the age" "$(pc --json status 2>/dev/null | jq -r .head_age)" "7[12]??"
assert_eq "within a larger --max-age" "$(pc status --max-age 86400 >/dev/null; echo $?)" 0
pc status --max-age soon >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "a bad --max-age: exit 2" "$?" 2
assert_match "names the option" "$(cat "$DEVNET_DIR/err")" "*max-age*"

echo "# no node"
"$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --contract-json "$DEVNET_JSON" --json status \
    >/dev/null 2>&1
assert_eq "no node answers: exit 3" "$?" 3

assert_summary
