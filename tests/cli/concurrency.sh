#!/usr/bin/env bash
# Nonces under concurrency: two powerchain processes signing for the same
# account at once (a meter run next to single sends, and two meter runs)
# neither reuse nor skip a nonce: every reading and transfer is mined once.
# The lock that makes them take turns is per chain: the same account on
# another chain with the same chain id does not wait. Released locks leave
# no files behind, and a lock folder others may use is refused.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
# A lock folder of this test's own, to look into.
export XDG_RUNTIME_DIR=$DEVNET_DIR/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@"; }
field() { grep -o "\"$1\":\"[0-9]*\"" | cut -d'"' -f4; }

for ((i = 0; i < 200; i++)); do echo "produce $SCENARIO_B 1"; done >"$DEVNET_DIR/readings"
pc --private-key-file "$DEVNET_DIR/U1.key" meter run <"$DEVNET_DIR/readings" >"$DEVNET_DIR/run1" 2>&1 &
first=$!
pc --private-key-file "$DEVNET_DIR/U1.key" meter run <"$DEVNET_DIR/readings" >"$DEVNET_DIR/run2" 2>&1 &
second=$!
wait $first; code1=$?
wait $second; code2=$?
assert_eq "both runs succeed" "$code1:$code2" 0:0
assert_eq "400 distinct transactions" \
    "$(cat "$DEVNET_DIR/run1" "$DEVNET_DIR/run2" | grep -o 'tx 0x[0-9a-f]*' | sort -u | wc -l)" 400
# 400 Wh at no cost: 0.4 ENT minted, 80 % of it to B.
assert_eq "every reading minted once" "$(pc --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | field available)" \
    320000000000000000

# Ten transfers from B, five processes at a time.
for ((i = 0; i < 10; i++)); do
    pc --private-key-file "$DEVNET_DIR/B.key" send transferENT "$SCENARIO_C" 0.01 >"$DEVNET_DIR/t$i" 2>&1 &
    ((i % 5 == 4)) && wait
done
wait
assert_eq "ten transfers mined" "$(cat "$DEVNET_DIR"/t* | grep -c '^mined in block')" 10
# C owns U1: 20 % of the readings' 0.4 ENT, plus the ten transfers.
assert_eq "C received all ten" "$(pc --private-key-file "$DEVNET_DIR/C.key" --json call balanceENT | field available)" \
    180000000000000000
assert_eq "B's nonce counts every transaction" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$SCENARIO_B")" 12
assert_eq "the lock folder is private" "$(stat -c %a "$XDG_RUNTIME_DIR/powerchain")" 700
assert_eq "released locks leave no files" "$(ls -A "$XDG_RUNTIME_DIR/powerchain")" ""

echo "# a meter run holds U1's lock on this chain; a second chain, also 4200, does not wait"
node2_up || exit 1
mkfifo "$DEVNET_DIR/feed"
pc --private-key-file "$DEVNET_DIR/U1.key" meter run <"$DEVNET_DIR/feed" >/dev/null 2>&1 &
held=$!
exec 3>"$DEVNET_DIR/feed"
u1=$(tr 'A-F' 'a-f' <<<"${SCENARIO_U1#0x}")
held_lock() {
    lock=$(echo "$XDG_RUNTIME_DIR"/powerchain/nonce-4200-*-"$u1".lock)
    [[ -f $lock ]] && ! flock -n "$lock" true
}
wait_for "the meter run to hold U1's nonce lock" held_lock
lock=$(echo "$XDG_RUNTIME_DIR"/powerchain/nonce-4200-*-"$u1".lock)
assert_match "the run holds a lock named by chain id and genesis" "$lock" \
    "$XDG_RUNTIME_DIR/powerchain/nonce-4200-????????????????-$u1.lock"
out=$("$POWERCHAIN_BIN" --rpc "$NODE2_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$DEVNET_DIR/U1.key" --yes send --wait 3 clearOldSessions 2>&1)
assert_match "the other chain signs at once" "$out" "*mined in block*"
out=$(pc --private-key-file "$DEVNET_DIR/U1.key" send --wait 1 clearOldSessions 2>&1)
assert_match "this chain waits for the run" "$out" \
    "*another powerchain process has been sending for 0x$u1 on chain 4200 for 1 s*nothing sent*"
exec 3>&-
wait "$held"
assert_eq "the run ends with its input" "$?" 0
assert_eq "and removes its lock file" "$(ls -A "$XDG_RUNTIME_DIR/powerchain")" ""

echo "# a lock folder others may use is refused"
chmod 770 "$XDG_RUNTIME_DIR/powerchain"
out=$(pc --private-key-file "$DEVNET_DIR/B.key" send transferENT "$SCENARIO_C" 0.01 2>&1)
assert_match "refused with the fix" "$out" \
    "*lock folder $XDG_RUNTIME_DIR/powerchain is accessible by group/others (mode 770)*chmod 700*"

assert_summary
