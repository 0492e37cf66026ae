#!/usr/bin/env bash
# meter run against a deployment that behaves like the thesis's own contract
# on a chain before Berlin, where a reading beyond its session rebalances the
# units and clears old sessions (PROTOCOL.md): it costs about 3 times a plain
# reading, so a gas limit fit for the plain one runs out, and meter run must
# (and does) estimate each reading on its own. The contract says nothing on
# success: the outcome is the receipt's.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up --contract thesis --hardfork istanbul || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@" 2>&1; }
U1=(--private-key-file "$DEVNET_DIR/U1.key")
C=(--private-key-file "$DEVNET_DIR/C.key")
gas_of() { # the gas a reading's transaction used, from meter run's line for it
    local hash
    hash=$(sed -n "s/^line $1: .*, tx \(0x[0-9a-f]*\)$/\1/p" <<<"$2")
    "$CAST" receipt --rpc-url "$DEVNET_RPC" "$hash" gasUsed
}
readings() { printf 'consume %s 500\nconsume %s 5000\n' "$SCENARIO_C" "$SCENARIO_C"; }

out=$(pc "${U1[@]}" meter produce "$SCENARIO_C" 10000); code=$?
assert_eq "a production: mined" "$code" 0
assert_match "without an event" "$out" "*mined in block *, status 1"
pc "${C[@]}" send startConsumptionSession "$SCENARIO_U1" 2 >/dev/null
out=$(readings | pc "${U1[@]}" meter run); code=$?
assert_eq "a plain reading, then one beyond its session: both mined" "$code" 0
assert_match "without error" "$out" "*2 readings: 2 mined without error, 0 failed on chain*"
plain=$(gas_of 1 "$out") beyond=$(gas_of 2 "$out")
echo "gas: $plain for the plain reading, $beyond for the one beyond its session"
assert_eq "the second about 3 times the first (2.5 to 3.5)" \
    "$((10 * beyond >= 25 * plain && 10 * beyond <= 35 * plain))" 1
assert_eq "the session ended" "$(pc "${C[@]}" --json call getConsumptionSessions | jq '.sessions | length')" 0

# The same two readings with one limit that is ample for the plain one.
limit=$((plain * 3 / 2))
pc "${C[@]}" send startConsumptionSession "$SCENARIO_U1" 2 >/dev/null
out=$(readings | pc "${U1[@]}" meter run --gas-limit "$limit"); code=$?
assert_eq "with one limit for both: a failure" "$code" 1
assert_match "the plain reading is mined" "$out" "*line 1: consume $SCENARIO_C 500: block *, tx 0x*"
assert_match "the other runs out of gas" "$out" "*line 2: consume $SCENARIO_C 5000: block *out of gas (all $limit gas used)*"

assert_summary
