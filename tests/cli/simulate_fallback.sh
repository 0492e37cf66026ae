#!/usr/bin/env bash
# tests/cli/simulate_fallback.sh: the simulation on nodes that offer less.
# A proxy in front of anvil answers eth_simulateV1, then also
# debug_traceCall, with JSON-RPC error -32601 "method not found". With
# debug_traceCall the contract's texts are still simulated and equal the
# mined ones, a revert still has its reason, and every figure after it is
# said not to be simulated; with eth_call alone a revert is still caught
# while the texts are not, and the predicted figures are marked estimates.
# Each process asks a node once what it offers.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
A=$SCENARIO_A U1=$SCENARIO_U1
a=$(tr 'A-F' 'a-f' <<<"${A#0x}")
by() { # WHO JSON-FILE COMMAND...: through the proxy
    local who=$1 json=$2
    shift 2
    "$POWERCHAIN_BIN" --rpc "$PROXY_RPC" --contract-json "$json" --yes \
        --private-key-file "$DEVNET_DIR/$who.key" "$@"
}
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$1"; }
refused() { grep -c "refused $1" "$DEVNET_DIR/proxy.log"; }
# A contract whose every call reverts with "nope" (as in scenario.sh).
nope=$(printf '08c379a0%064x%064x6e6f7065%056d' 32 4 0)
echo "0x6070600c60003960706000f36064600c60003960646000fd$nope" >"$DEVNET_DIR/reverter.bin"
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --private-key-file "$DEVNET_DIR/A.key" --yes deploy \
    --bytecode "$DEVNET_DIR/reverter.bin" --abi "$DEVNET_DIR/PowerChain.abi" --name Reverter \
    --out "$DEVNET_DIR/reverter.json" >/dev/null || { echo "FAIL: reverter"; exit 1; }
REVERTER=$DEVNET_DIR/reverter.json

echo "# a node without eth_simulateV1: debug_traceCall"
proxy_up refuse-methods eth_simulateV1
before=$(nonce "$U1")
dry=$(by U1 "$DEVNET_JSON" --json meter consume "$A" 100 --dry-run); code=$?
assert_eq "the dry run's exit" "$code" 1
assert_eq "asked once what the node offers" "$(refused eth_simulateV1)" 1
assert_eq "simulated with" "$(jq -r .via <<<"$dry")" debug_traceCall
assert_eq "the contract's Error" "$(jq -r '.texts[]' <<<"$dry")" \
    "Error: No open consumption session with $a"
assert_eq "every figure after it unknown" "$(jq '[.changes[].after] | all(. == null)' <<<"$dry")" true
assert_eq "the figures before it read" "$(jq '[.changes[].before] | all(. != null)' <<<"$dry")" true
assert_eq "U1's six figures" "$(jq '.changes | length' <<<"$dry")" 6
out=$(by U1 "$DEVNET_JSON" meter consume "$A" 100 --dry-run); code=$?
assert_match "saying what could not be simulated" "$code:$out" \
    "1:*note      the node offers no eth_simulateV1: the figures after it (ENT, eEuro, energy, coin) could not be simulated*"
assert_match "the burn is an estimate" "$out" "*what      burns * ENT of $A*consumed (estimate)*"
out=$(by U1 "$DEVNET_JSON" meter consume "$A" 100 2>&1); code=$?
assert_match "the traced Error is refused under --yes" "$code:$out" \
    "1:*the contract would refuse it: Error: No open consumption session with $a*"
assert_eq "nothing was signed" "$(nonce "$U1")" "$before"
sent=$(by U1 "$DEVNET_JSON" --json meter consume "$A" 100 --force 2>/dev/null); code=$?
assert_eq "forced: mined with its Error" "$code" 1
assert_eq "the traced texts are the mined texts" "$(jq -r '.texts[]' <<<"$dry")" \
    "$(jq -r '.events[] | "\(.event): \(.text)"' <<<"$sent")"
dry=$(by A "$REVERTER" --json send addVoter "$U1" --dry-run); code=$?
assert_eq "a revert, traced" "$code:$(jq -c '[.outcome, .texts]' <<<"$dry")" '1:["reverted",["reverted: nope"]]'
# A first node that cannot be reached: the one that answers is asked what it offers.
dry=$("$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --rpc "$PROXY_RPC" --timeout 2 \
    --contract-json "$DEVNET_JSON" --private-key-file "$DEVNET_DIR/U1.key" --json \
    meter consume "$A" 100 --dry-run); code=$?
assert_eq "after a failover, the next node's method" "$code:$(jq -r .via <<<"$dry")" \
    1:debug_traceCall
kill "$PROXY" 2>/dev/null

echo "# a node with eth_call only"
proxy_up refuse-methods eth_simulateV1,debug_traceCall
dry=$(by U1 "$DEVNET_JSON" --json meter consume "$A" 100 --dry-run); code=$?
assert_eq "the Error cannot be seen: ok" "$code:$(jq -c '[.outcome, .texts, .via]' <<<"$dry")" \
    '0:["ok",[],"eth_call"]'
assert_eq "asked once what the node offers" "$(refused eth_simulateV1):$(refused debug_traceCall)" 1:1
out=$(by U1 "$DEVNET_JSON" meter consume "$A" 100 --dry-run); code=$?
assert_match "saying what could not be simulated" "$code:$out" \
    "0:*note      the node offers neither eth_simulateV1 nor debug_traceCall: only whether it reverts is known; its Info/Error texts, gas and the figures after it could not be simulated*"
assert_match "the burn is an estimate" "$out" "*what      burns * ENT of $A*consumed (estimate)*"
dry=$(by A "$REVERTER" --json send addVoter "$U1" --dry-run); code=$?
assert_eq "a revert is still caught, with its reason" \
    "$code:$(jq -c '[.outcome, .texts]' <<<"$dry")" '1:["reverted",["reverted: nope"]]'
before=$(nonce "$A")
out=$(by A "$REVERTER" send addVoter "$U1" 2>&1); code=$?
assert_match "and refused under --yes" "$code:$out" \
    "1:*the contract would refuse it: reverted: nope; nothing signed*"
assert_eq "nothing was signed" "$(nonce "$A")" "$before"
kill "$PROXY" 2>/dev/null

assert_summary
