#!/usr/bin/env bash
# powerchain meter against an automining devnet: single readings, the
# session query, and `meter run` fed 1,000 readings (plus bad lines): all
# mined, in input order, none twice, and the chain's totals agree.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@"; }
U1=(--private-key-file "$DEVNET_DIR/U1.key")

out=$(pc "${U1[@]}" meter produce "$SCENARIO_A" 1000); code=$?
assert_eq "produce exit" "$code" 0
assert_match "produce Info" "$out" "*Info: *"
out=$(pc --private-key-file "$DEVNET_DIR/B.key" meter produce "$SCENARIO_A" 1000 2>&1); code=$?
assert_eq "a non-unit's reading fails" "$code" 1
assert_match "non-unit Error" "$out" "*Error: *"
pc --private-key-file "$DEVNET_DIR/A.key" send startConsumptionSession "$SCENARIO_U1" 0.5 >/dev/null
assert_eq "session energy seen by the unit" "$(pc "${U1[@]}" meter session "$SCENARIO_A")" "sessionWh  0.5 kWh"

# 1,000 readings of 1 Wh each by B, with two bad lines among them.
before=$(pc --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | grep -o '"available":"[0-9]*"' | cut -d'"' -f4)
{
    for ((i = 1; i <= 1000; i++)); do
        echo "produce $SCENARIO_B 1"
        ((i == 10)) && echo "produce $SCENARIO_B -1"
        ((i == 500)) && echo "fly 0x00 1"
    done
} >"$DEVNET_DIR/readings"
pc "${U1[@]}" meter run <"$DEVNET_DIR/readings" >"$DEVNET_DIR/out" 2>"$DEVNET_DIR/err"; code=$?
assert_eq "run exit (bad lines only)" "$code" 2
assert_eq "every reading reported" "$(grep -c '^line ' "$DEVNET_DIR/out")" 1000
assert_eq "every reading mined with Info" "$(grep -c ', Info: ' "$DEVNET_DIR/out")" 1000
assert_eq "no two readings share a transaction" \
    "$(grep -o 'tx 0x[0-9a-f]*' "$DEVNET_DIR/out" | sort -u | wc -l)" 1000
assert_eq "reported in input order" \
    "$(grep -o '^line [0-9]*' "$DEVNET_DIR/out" | cut -d' ' -f2 | sort -n -c && echo sorted)" sorted
assert_eq "mined in input order" \
    "$(grep -o 'block [0-9]*' "$DEVNET_DIR/out" | cut -d' ' -f2 | sort -n -c && echo sorted)" sorted
assert_match "bad amount named with its line" "$(cat "$DEVNET_DIR/err")" "*line 11: *energy in Wh must be a whole number*skipped*"
assert_match "bad word named with its line" "$(cat "$DEVNET_DIR/err")" "*line 502: a reading starts with produce, consume or report; skipped*"
assert_match "summary" "$(cat "$DEVNET_DIR/err")" "*1000 readings: 1000 mined without error*2 bad lines*"
after=$(pc --private-key-file "$DEVNET_DIR/B.key" --json call balanceENT | grep -o '"available":"[0-9]*"' | cut -d'"' -f4)
# 1,000 Wh at no cost mint 1 ENT, of which B keeps 80 %.
assert_eq "B's ENT grew by exactly 0.8" "$(echo "$after - $before" | bc)" 800000000000000000

assert_summary
