#!/usr/bin/env bash
# The history index against anvil after the thesis scenario and a few more
# transactions of other outcomes: counts, methods, outcomes, filters, output
# forms, and one record field by field against Foundry's cast.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo "$@" 2>/dev/null || exit 1
history_cache
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
# An Error event (status 1): A has nowhere near 1000 ENT (--force: the
# simulation says so, and --yes alone would not sign it).
pc --private-key-file "$DEVNET_DIR/demo-keys/A.key" --yes send transferENT "$C" 1000 --force >/dev/null 2>&1
assert_eq "the oversized transfer fails" "$?" 1
# A revert (status 0): no function has this selector. (Legacy transactions:
# the same test runs before London.)
"$CAST" send --legacy --rpc-url "$DEVNET_RPC" --private-key "$(key C)" --gas-limit 100000 \
    "$DEVNET_ADDRESS" 0xdeadbeef >/dev/null 2>&1
# A transaction to another address is not the contract's.
"$CAST" send --legacy --rpc-url "$DEVNET_RPC" --private-key "$(key C)" "$C" --value 1 >/dev/null 2>&1
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")

out=$(pc sync); code=$?
assert_eq "sync succeeds" "$code" 0
# The deployment file says block 1: blocks 1..head are read.
assert_eq "sync reports what it read" "$out" "indexed $head blocks, 23 transactions; head block $head"
assert_eq "the database is private" "$(stat -c %a "$XDG_CACHE_HOME/powerchain")" 700
out=$(pc sync)
assert_eq "a second sync reads nothing" "$out" "indexed 0 blocks, 0 transactions; head block $head"

json=$(pc --json history)
assert_eq "every transaction to the contract" "$(jq length <<<"$json")" 23
assert_eq "the creation comes first, by the deployer" \
    "$(jq -r '.[0] | "\(.block) \(.method) \(.from) \(.outcome)"' <<<"$json")" \
    "1 constructor 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 ok"
assert_eq "methods in order" "$(jq -r '[.[1:6][].method] | join(" ")' <<<"$json")" \
    "addVoter registerStorageUnit registerStorageUnit registerStorageUnit registerStorageUnit"
assert_eq "outcomes" "$(jq -r '[.[].outcome] | group_by(.) | map("\(.[0])=\(length)") | join(" ")' <<<"$json")" \
    "error=1 ok=21 reverted=1"
assert_eq "the Error event's text" "$(jq -r '.[] | select(.outcome == "error") | "\(.method) \(.text)"' <<<"$json")" \
    "transferENT Not enough ENT tokens"
assert_eq "the revert: no method, no text" \
    "$(jq -r '.[] | select(.outcome == "reverted") | "\(.method) [\(.text)] \(.from)"' <<<"$json")" \
    "null [] $C"
assert_eq "ordered by block" "$(jq '[.[].block] == ([.[].block] | sort)' <<<"$json")" true
assert_eq "arguments keyed by PROTOCOL.md's names, amounts as exact integers" \
    "$(jq -c '.[] | select(.method == "addOrder") | .args' <<<"$json" | head -1)" \
    '{"price":"500000000000000000","quant":"1900000000000000000","isBuy":false}'
assert_eq "a unit's owner is in the registration's arguments" \
    "$(jq -r '.[] | select(.method == "registerStorageUnit" and .outcome == "ok") | .args.owner' <<<"$json" | sort -u)" "$C"

# One record, field by field, against cast.
rec=$(jq -c '[.[] | select(.method == "addOrder")][1]' <<<"$json")
tx=$(jq -r .tx <<<"$rec")
ctx=$("$CAST" tx --rpc-url "$DEVNET_RPC" "$tx" --json)
crc=$("$CAST" receipt --rpc-url "$DEVNET_RPC" "$tx" --json)
assert_eq "block as cast sees it" "$(jq .block <<<"$rec")" "$(($(jq -r .blockNumber <<<"$ctx")))"
assert_eq "sender as cast sees it" "$(jq -r '.from | ascii_downcase' <<<"$rec")" "$(jq -r .from <<<"$ctx")"
assert_eq "status as cast sees it" "$(($(jq -r .status <<<"$crc")))" 1
assert_eq "calldata as cast sees it" \
    "$("$CAST" calldata 'addOrder(uint256,uint256,bool)' "$(jq -r .args.price <<<"$rec")" \
        "$(jq -r .args.quant <<<"$rec")" "$(jq -r .args.isBuy <<<"$rec")")" "$(jq -r .input <<<"$ctx")"
assert_eq "time as cast sees it" "$(jq .time <<<"$rec")" \
    "$("$CAST" block --rpc-url "$DEVNET_RPC" "$(jq .block <<<"$rec")" --field timestamp)"
assert_eq "both Info texts, in order" "$(jq -r .text <<<"$rec")" \
    "Order added >> buy #0: 10 ENT at 1 eEuro/ENT
Trade >> 1.9 ENT at 0.5 eEuro/ENT (buy #0, sell #0)"

# Filters.
assert_eq "--method" "$(pc --json history --method energyConsumed | jq length)" 4
assert_eq "--account matches senders and address arguments" \
    "$(pc --json history --account "$C" | jq -r 'map(.method // "?") | unique | join(" ")')" \
    "? addOrder changeBanker energyConsumed minteEuro registerStorageUnit startConsumptionSession transferENT"
assert_eq "--from-block and --to-block are inclusive" \
    "$(pc --json history --from-block 2 --to-block 4 | jq -c '[.[].block]')" "[2,3,4]"
assert_eq "--account by keystore name" \
    "$(pc --keystore "$DEVNET_DIR/keystore" --json history --account C | jq length)" \
    "$(pc --json history --account "$C" | jq length)"
pc history --method nosuch >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "an unknown method is bad input" "$?" 2
assert_match "and says so" "$(cat "$DEVNET_DIR/err")" '*unknown method "nosuch"*'

# The table and CSV carry the same records.
table=$(pc history)
assert_eq "table: a header and one line per transaction plus one per text line" \
    "$(grep -c '^[0-9]' <<<"$table")" 23
assert_match "table shows amounts in units" "$table" "*addOrder(1 eEuro/ENT, 10 ENT, buy)*"
csv=$(pc history --csv)
assert_eq "csv header" "$(head -1 <<<"$csv")" "block,time,tx,from,method,args,outcome,text"
assert_match "csv quotes JSON arguments" "$(grep ',addVoter,' <<<"$csv")" \
    '*,"{""addr"":""0x70997970C51812dc3A010C7d01b50e0d17dc79C8""}",ok,*'

# Without the deployment file's block, the first block is found on the chain.
rm -rf "$XDG_CACHE_HOME"/powerchain
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract "$DEVNET_ADDRESS" --json history)
assert_eq "by address alone: the same history" "$(jq -c . <<<"$out")" "$(jq -c . <<<"$json")"

# A database of another schema version is rebuilt.
db=$INDEX
sqlite3 "$db" "PRAGMA user_version = 99; DELETE FROM txs;"
assert_eq "another schema version is rebuilt" "$(pc --json history | jq length)" 23
assert_eq "at the current version" "$(sqlite3 "$db" 'PRAGMA user_version')" 1
assert_eq "in WAL mode" "$(sqlite3 "$db" 'PRAGMA journal_mode')" wal

assert_summary
