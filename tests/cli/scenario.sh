#!/usr/bin/env bash
# The thesis's chapter 6 scenario through the powerchain command line alone,
# every figure of PROTOCOL.md "Worked figures" asserted to the last digit
# (raw 18-decimal values from --json, and the people's form once), plus the
# Info texts, and a revert's reason as every node kind reports it. Arguments
# go to devnet/start (e.g. --hardfork istanbul, --node hardhat; with
# --contract thesis on the contract that behaves like the thesis's own, where
# figure 8 leaves A's 0.95 eEuro saved on the fill locked). JSON
# keys are PROTOCOL.md's names as the binding gives them, whatever the ABI says.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"
[[ " $* " == *" --contract thesis "* ]] && thesis=1 || thesis=0

devnet_up "$@" || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys

# read [ACTOR] METHOD [ARGS...] FIELD: one raw field of a --json call.
read_field() {
    local who=()
    if [[ -f $SCENARIO_DIR/$1.key ]]; then who=(--private-key-file "$SCENARIO_DIR/$1.key"); shift; fi
    local field=${*: -1}
    set -- "${@:1:$#-1}"
    "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "${who[@]}" --json \
        call "$@" | grep -o "\"$field\":\"[0-9]*\"" | head -1 | cut -d'"' -f4
}
E18=000000000000000000

step() { "scenario_$1" || { echo "FAIL: $1 did not complete"; ASSERT_FAILED=$((ASSERT_FAILED + 1)); }; }

step setup
assert_eq "U1 registered" "$(read_field getStorageUnitEnergy "$SCENARIO_U1" wh)" 0

step step1
assert_eq "1: A's ENT" "$(read_field A balanceENT available)" "8$E18"
assert_eq "1: C's ENT" "$(read_field C balanceENT available)" "2$E18"
assert_eq "1: U1 energy" "$(read_field getStorageUnitEnergy "$SCENARIO_U1" wh)" 10000
assert_eq "1: mint cost" "$(read_field getEnergyCosts mint)" 0
assert_eq "1: burn cost" "$(read_field getEnergyCosts burn)" 0

step step2
assert_eq "2: C's locked ENT" "$(read_field C balanceENT locked)" "1$E18"
assert_eq "2: ENT in circulation" "$(read_field getTotalENT amnt)" "9$E18"
assert_eq "2: total energy" "$(read_field getTotalEnergy wh)" 9000
assert_eq "2: U1 available" "$(read_field getStorageUnitEnergy "$SCENARIO_U1" wh)" 8000

step step3
assert_eq "3: ENT in circulation" "$(read_field getTotalENT amnt)" "8$E18"
assert_eq "3: total energy" "$(read_field getTotalEnergy wh)" 7000
assert_eq "3: mint cost" "$(read_field getEnergyCosts mint)" 50000000000000000
assert_eq "3: burn cost" "$(read_field getEnergyCosts burn)" 50000000000000000
assert_eq "3: C's session ended" "$(read_field C balanceENT locked)" 0
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" call getEnergyCosts)
assert_eq "3: costs for people" "$out" $'mint  0.05 ENT/kWh\nburn  0.05 ENT/kWh'

step step4
assert_eq "4: B's ENT" "$(read_field B balanceENT available)" 7600000000000000000
assert_eq "4: C's ENT" "$(read_field C balanceENT available)" 1900000000000000000
assert_eq "4: ENT in circulation" "$(read_field getTotalENT amnt)" 17500000000000000000
assert_eq "4: total energy" "$(read_field getTotalEnergy wh)" 17000

step step5
assert_eq "5: A's ENT all locked" "$(read_field A balanceENT locked)" 15600000000000000000
sessions=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$SCENARIO_DIR/A.key" --json call getConsumptionSessions)
assert_match "5: session with U1 holds 7 kWh" "$sessions" "*\"wh\":\"7000\"*\"unit\":\"$SCENARIO_U1\"*"
assert_match "5: session with U2 holds 7857 Wh" "$sessions" "*\"wh\":\"7857\"*\"unit\":\"$SCENARIO_U2\"*"

step step6
assert_eq "6: ENT in circulation" "$(read_field getTotalENT amnt)" 10150000000000000000
assert_eq "6: total energy" "$(read_field getTotalEnergy wh)" 10000

step step7
assert_eq "7: ENT in circulation" "$(read_field getTotalENT amnt)" 2143000000000000000
assert_eq "7: total energy" "$(read_field getTotalEnergy wh)" 2143
assert_eq "7: A got 0.243 ENT back" "$(read_field A balanceENT available)" 243000000000000000
assert_eq "7: A has nothing locked" "$(read_field A balanceENT locked)" 0
assert_eq "7: mint cost" "$(read_field getEnergyCosts mint)" 0
assert_eq "7: burn cost" "$(read_field getEnergyCosts burn)" 0

step step8
assert_eq "8: C is the banker" "$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --json call getBankerAddress | grep -o '0x[0-9a-fA-F]*')" "$SCENARIO_C"
assert_eq "8: C got 0.95 eEuro" "$(read_field C balanceeEuro available)" 950000000000000000
assert_eq "8: C sold all 1.9 ENT" "$(read_field C balanceENT available)" 0
assert_eq "8: A got 1.9 ENT" "$(read_field A balanceENT available)" 2143000000000000000
if ((thesis)); then
    assert_eq "8: A's eEuro for the open 8.1 ENT and the 0.95 saved" "$(read_field A balanceeEuro locked)" \
        9050000000000000000
    assert_eq "8: A's unspent eEuro stays locked (the thesis's defect)" \
        "$(read_field A balanceeEuro available)" 0
else
    assert_eq "8: A's eEuro for the open 8.1 ENT" "$(read_field A balanceeEuro locked)" 8100000000000000000
    assert_eq "8: A's unspent eEuro freed (fixed defect)" "$(read_field A balanceeEuro available)" 950000000000000000
fi
orders=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --json call getOrders)
assert_match "8: A's buy stays open for 8.1 ENT at 1" "$orders" \
    "*\"buys\":\\[{\"id\":\"0\",\"user\":\"$SCENARIO_A\",\"price\":\"1$E18\",\"quantity\":\"8100000000000000000\",\"valid\":true}*"

# The Info text of a step, as people see it.
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$SCENARIO_DIR/A.key" --yes send removeOrder 0 buy); code=$?
assert_eq "removing A's order exit" "$code" 0
assert_match "removing A's order Info" "$out" "*Info: *"
if ((thesis)); then
    assert_eq "8.1 eEuro back after removing" "$(read_field A balanceeEuro available)" 8100000000000000000
    assert_eq "the 0.95 saved stays locked" "$(read_field A balanceeEuro locked)" 950000000000000000
else
    assert_eq "8.1 eEuro back after removing" "$(read_field A balanceeEuro available)" 9050000000000000000
fi

# Nodes put a revert's data in different places (docs/nodes.md): a contract
# that always reverts with Error("nope") must read the same on every node.
# Its creation code returns the 112 bytes after its own 12 as the runtime,
# which reverts with the 100 bytes after its own 12.
nope=$(printf '08c379a0%064x%064x6e6f7065%056d' 32 4 0)
echo "0x6070600c60003960706000f36064600c60003960646000fd$nope" >"$DEVNET_DIR/reverter.bin"
jq .abi "$DEVNET_JSON" >"$DEVNET_DIR/reverter.abi" # the deployed contract's, whichever it is
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --private-key-file "$SCENARIO_DIR/A.key" --yes deploy \
    --bytecode "$DEVNET_DIR/reverter.bin" --abi "$DEVNET_DIR/reverter.abi" --name Reverter \
    --out "$DEVNET_DIR/reverter.json" >/dev/null
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_DIR/reverter.json" \
    call getTotalENT 2>&1); code=$?
assert_eq "a reverting call exits 1" "$code" 1
assert_eq "a reverting call's reason" "$out" "powerchain: the call reverted: nope"
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_DIR/reverter.json" \
    --private-key-file "$SCENARIO_DIR/A.key" --yes send addVoter "$SCENARIO_B" 2>&1); code=$?
assert_eq "a send that would revert exits 1" "$code" 1
assert_eq "a send that would revert is not signed" "$out" \
    "powerchain: the node's simulation says the contract would refuse it: reverted: nope; nothing signed (--force signs it all the same)"
out=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_DIR/reverter.json" \
    --private-key-file "$SCENARIO_DIR/A.key" --yes send addVoter "$SCENARIO_B" --force 2>&1); code=$?
assert_eq "forced, it has no gas limit: exit 1" "$code" 1
assert_eq "forced, it is not sent either" "$out" \
    "powerchain: the transaction would fail: reverted: nope; nothing sent"

assert_summary
