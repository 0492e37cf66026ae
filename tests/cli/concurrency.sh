#!/usr/bin/env bash
# Nonces under concurrency: two powerchain processes signing for the same
# account at once (a meter run next to single sends, and two meter runs)
# neither reuse nor skip a nonce: every reading and transfer is mined once.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
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

assert_summary
