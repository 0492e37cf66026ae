#!/usr/bin/env bash
# tests/cli/gas.sh [devnet/start options]: the gas limit and fees a person
# gives to online send, deploy and meter (--gas-limit, --gas-price,
# --max-fee, --priority-fee), and the fee cap (--fee-cap, fee-cap in the
# config file). With --hardfork istanbul the chain has no base fee (type 0
# fees); without, it is London (type 2).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up "$@" || exit 1
trap 'failover_down; devnet_down' EXIT
london=1
[[ " $* " == *" --hardfork istanbul "* ]] && london=0
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
export POWERCHAIN_CONFIG=$DEVNET_DIR/config # none yet
# tests/lib/devnet.sh sets a fee cap for the devnet's 1 gwei priority fee
# (London); pc0 runs with the default cap, 0, instead.
pc() { # RPC, then arguments
    local rpc=$1; shift
    "$POWERCHAIN_BIN" --rpc "$rpc" --contract-json "$DEVNET_JSON" --yes "$@" 2>&1
}
pc0() { POWERCHAIN_FEE_CAP= pc "$@"; }
A=(--private-key-file "$DEVNET_DIR/A.key")
U1=(--private-key-file "$DEVNET_DIR/U1.key")
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$SCENARIO_A"; }
sent_hash() { sed -n 's/^transaction \(0x[0-9a-f]*\) sent$/\1/p' <<<"$1"; }
tx_field() { # HASH FIELD: the field of the transaction's JSON, in decimal
    "$CAST" tx --rpc-url "$DEVNET_RPC" "$1" --json |
        node -e 'const t = JSON.parse(require("fs").readFileSync(0, "utf8"));
                 console.log(BigInt(t[process.argv[1]]).toString())' "$2"
}
if ((london)); then
    RIGHT=(--max-fee 0 --priority-fee 0) WRONG=(--gas-price 0) PRICE5=(--max-fee 5 --priority-fee 0)
else
    RIGHT=(--gas-price 0) WRONG=(--max-fee 0) PRICE5=(--gas-price 5)
fi

# --- a node that fails eth_estimateGas: --gas-limit is used without asking ---
proxy_up fail-estimate
out=$(pc "$PROXY_RPC" "${A[@]}" send clearOldSessions); code=$?
assert_eq "without --gas-limit the failing estimate stops the send" "$code" 3
assert_match "and says so" "$out" "*cannot estimate gas*eth_estimateGas does not exist*"
: >"$DEVNET_DIR/proxy.log"
out=$(pc "$PROXY_RPC" "${A[@]}" send clearOldSessions --gas-limit 123456); code=$?
assert_match "with --gas-limit the send goes through" "$code:$out" "0:*mined in block*"
assert_eq "with the gas limit given" "$(tx_field "$(sent_hash "$out")" gas)" 123456
assert_eq "and no estimate asked" "$(grep -c 'refused eth_estimateGas' "$DEVNET_DIR/proxy.log")" 0
out=$(pc "$PROXY_RPC" "${A[@]}" deploy --bytecode "$DEVNET_DIR/PowerChain.bin" \
    --abi "$DEVNET_DIR/PowerChain.abi" --gas-limit 12000000); code=$?
assert_match "deploy with --gas-limit" "$code:$out" "0:*contract 0x*"
out=$(pc "$PROXY_RPC" "${U1[@]}" meter produce "$SCENARIO_A" 5 --gas-limit 300000); code=$?
assert_match "one meter reading with --gas-limit" "$code:$out" "0:*Info: *"
printf 'produce %s 1\nproduce %s 2\n' "$SCENARIO_A" "$SCENARIO_A" >"$DEVNET_DIR/two"
out=$(pc "$PROXY_RPC" "${U1[@]}" meter run <"$DEVNET_DIR/two"); code=$?
assert_match "meter run takes its gas from the simulation: mined" "$code:$out" \
    "0:*2 readings: 2 mined without error*"
assert_eq "and asks for no estimate" "$(grep -c 'refused eth_estimateGas' "$DEVNET_DIR/proxy.log")" 0
out=$(pc "$PROXY_RPC" "${U1[@]}" meter run --gas-limit 300000 <"$DEVNET_DIR/two"); code=$?
assert_match "meter run with --gas-limit: mined" "$code:$out" "0:*2 readings: 2 mined without error*"
kill "$PROXY" 2>/dev/null
# A node that offers neither eth_simulateV1 nor a working eth_estimateGas.
proxy_up refuse-methods eth_simulateV1,eth_estimateGas
out=$(pc "$PROXY_RPC" "${U1[@]}" meter run <"$DEVNET_DIR/two"); code=$?
assert_match "meter run without --gas-limit: not sent" "$code:$out" "3:*not sent: cannot estimate gas*"
out=$(pc "$PROXY_RPC" "${U1[@]}" meter run --gas-limit 300000 <"$DEVNET_DIR/two"); code=$?
assert_match "with --gas-limit: mined" "$code:$out" "0:*2 readings: 2 mined without error*"
kill "$PROXY" 2>/dev/null

# --- the fee kind the chain takes ---
out=$(pc "$DEVNET_RPC" "${A[@]}" send clearOldSessions "${WRONG[@]}"); code=$?
assert_eq "the other kind of fee is refused" "$code" 2
if ((london)); then
    assert_match "saying which kind" "$out" "*has a base fee (London or later)*--max-fee*"
else
    assert_match "saying which kind" "$out" "*has no base fee*--gas-price*"
fi
out=$(pc "$DEVNET_RPC" "${A[@]}" send clearOldSessions "${RIGHT[@]}"); code=$?
assert_match "the right kind is taken" "$code:$out" "0:*mined in block*"
assert_eq "its type" "$(tx_field "$(sent_hash "$out")" type)" $((london ? 2 : 0))
out=$(pc "$DEVNET_RPC" "${A[@]}" send clearOldSessions --gas-price 0 --max-fee 0); code=$?
assert_match "both kinds at once" "$code:$out" "2:*either --gas-price*"
for bad in 1e9 -1 0x10 " 5" 115792089237316195423570985008687907853269984665640564039457584007913129639936; do
    out=$(pc "$DEVNET_RPC" "${A[@]}" send clearOldSessions --gas-price "$bad"); code=$?
    assert_match "--gas-price '$bad' refused" "$code:$out" "2:*--gas-price (whole wei)*"
done
out=$(pc "$DEVNET_RPC" "${U1[@]}" meter session "$SCENARIO_A" --gas-limit 30000); code=$?
assert_match "meter session only reads: it takes no gas option" "$code:$out" \
    "2:*meter session: unknown option --gas-limit*usage: powerchain meter session ADDRESS"
out=$(pc "$DEVNET_RPC" "${A[@]}" send clearOldSessions --gas-limit 20999); code=$?
assert_match "a gas limit below 21000" "$code:$out" "2:*at least 21000*"

# --- the fee cap: gas limit x price per gas, default 0 ---
before=$(nonce)
out=$(pc0 "$DEVNET_RPC" "${A[@]}" send clearOldSessions --gas-limit 100000 "${PRICE5[@]}"); code=$?
assert_eq "a fee above the default cap of 0 is refused" "$code" 2
assert_match "saying the fee, the cap and how to raise it" "$out" \
    "*fee can reach 500000 wei (100000 gas x 5 wei/gas), above the fee cap of 0 wei; nothing signed: raise the cap with --fee-cap WEI*fee-cap = WEI*"
assert_eq "nothing was signed" "$(nonce)" "$before"
# Offline signing goes through the same check: a 30 ETH fee with the cap at 0.
out=$(POWERCHAIN_FEE_CAP= "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --chain-id 4200 "${A[@]}" \
    send clearOldSessions --raw --nonce 0 --gas-limit 30000000 --max-fee 1000000000000 \
    --priority-fee 1 2>"$DEVNET_DIR/err"); code=$?
assert_eq "send --raw above the cap: refused" "$code" 2
assert_eq "and signs nothing" "$out" ""
assert_match "saying the fee and the cap" "$(cat "$DEVNET_DIR/err")" \
    "*fee can reach 30000000000000000000 wei (30000000 gas x 1000000000000 wei/gas), above the fee cap of 0 wei; nothing signed*"
out=$(POWERCHAIN_FEE_CAP= "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --chain-id 4200 "${A[@]}" \
    --fee-cap 30000000000000000000 send clearOldSessions --raw --nonce 0 --gas-limit 30000000 \
    --max-fee 1000000000000 --priority-fee 1); code=$?
assert_match "send --raw within the cap: signed" "$code:$out" "0:0x02*"
out=$(pc "$DEVNET_RPC" "${A[@]}" --fee-cap 499999 send clearOldSessions --gas-limit 100000 "${PRICE5[@]}"); code=$?
assert_eq "one wei under the fee: refused" "$code" 2
out=$(pc "$DEVNET_RPC" "${A[@]}" --fee-cap 500000 send clearOldSessions --gas-limit 100000 "${PRICE5[@]}"); code=$?
assert_match "a cap equal to the fee: sent" "$code:$out" "0:*mined in block*"
out=$(pc "$DEVNET_RPC" "${A[@]}" --fee-cap 5e5 status); code=$?
assert_match "--fee-cap is whole wei" "$code:$out" "2:*--fee-cap (whole wei)*"
out=$(POWERCHAIN_FEE_CAP=0x10 pc "$DEVNET_RPC" "${A[@]}" status); code=$?
assert_match "POWERCHAIN_FEE_CAP is whole wei too" "$code:$out" "2:*--fee-cap (whole wei)*"

# A node that suggests 10 gwei.
proxy_up gas-price 10000000000
before=$(nonce)
out=$(pc0 "$PROXY_RPC" "${A[@]}" send clearOldSessions); code=$?
assert_match "a node's price above the cap is refused" "$code:$out" \
    "2:*fee can reach * wei (* gas x 10000000000 wei/gas), above the fee cap of 0 wei*"
out=$(pc0 "$PROXY_RPC" "${U1[@]}" meter run <"$DEVNET_DIR/two"); code=$?
assert_match "meter run readings too" "$code:$out" "3:*not sent: the fee can reach*"
assert_eq "nothing was signed" "$(nonce)" "$before"
chmod 600 "$DEVNET_DIR/A.key"
cat >"$POWERCHAIN_CONFIG" <<CONF
fee-cap = 1
[network priced]
rpc = $PROXY_RPC
fee-cap = 1000000000000000000
CONF
chmod 600 "$POWERCHAIN_CONFIG"
out=$(POWERCHAIN_FEE_CAP= "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --yes --rpc "$PROXY_RPC" "${A[@]}" \
    send clearOldSessions 2>&1); code=$?
assert_match "the config's cap outside sections applies" "$code:$out" "2:*above the fee cap of 1 wei*"
out=$(POWERCHAIN_FEE_CAP= "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --yes --network priced "${A[@]}" \
    send clearOldSessions 2>&1); code=$?
assert_match "a network's cap raised in the config: sent" "$code:$out" "0:*mined in block*"
price_field=gasPrice
((london)) && price_field=maxFeePerGas
assert_eq "at the node's price" "$(tx_field "$(sent_hash "$out")" $price_field)" 10000000000
out=$(POWERCHAIN_FEE_CAP= "$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" --yes --network priced --fee-cap 0 "${A[@]}" \
    send clearOldSessions 2>&1); code=$?
assert_match "--fee-cap wins over the config" "$code:$out" "2:*above the fee cap of 0 wei*"
echo "fee-cap = 12 wei" >"$POWERCHAIN_CONFIG"
out=$(pc "$DEVNET_RPC" status); code=$?
assert_match "a bad fee-cap line is named" "$code:$out" "2:*config:1: fee-cap must be whole wei*"
rm -f "$POWERCHAIN_CONFIG"
kill "$PROXY" 2>/dev/null

# --- meter run: each reading's own estimate, and "out of gas" ---
out=$(pc "$DEVNET_RPC" "${U1[@]}" meter run --gas-limit 23000 <"$DEVNET_DIR/two"); code=$?
assert_eq "readings with too little gas fail on chain" "$code" 1
assert_eq "each says out of gas" "$(grep -c ', out of gas (all 23000 gas used)' <<<"$out")" 2
# A consumption that exceeds its session costs several times a reading
# that finds no session: each reading needs its own estimate.
pc "$DEVNET_RPC" "${U1[@]}" meter produce "$SCENARIO_C" 10000 >/dev/null
pc "$DEVNET_RPC" --private-key-file "$DEVNET_DIR/C.key" send startConsumptionSession "$SCENARIO_U1" 2 >/dev/null
printf 'consume %s 1000\nconsume %s 3000\n' "$SCENARIO_B" "$SCENARIO_C" >"$DEVNET_DIR/consume"
out=$(pc "$DEVNET_RPC" "${U1[@]}" meter run <"$DEVNET_DIR/consume"); code=$?
assert_match "a reading without a session: its Error" "$code:$out" \
    "1:*consume $SCENARIO_B 1000: block *, Error: No open consumption session*"
assert_match "the dearer reading after it has gas enough" "$out" \
    "*consume $SCENARIO_C 3000: block *, Info: Energy consumed*beyond the session*"
# Readings of one consumer in one batch: the second exceeds the session the
# first leaves (PROTOCOL.md: about three times the gas before Berlin). One
# simulation of the whole batch gives each its own gas, exactly.
pc "$DEVNET_RPC" --private-key-file "$DEVNET_DIR/C.key" send startConsumptionSession "$SCENARIO_U1" 2 >/dev/null
printf 'consume %s 1000\nconsume %s 3000\n' "$SCENARIO_C" "$SCENARIO_C" >"$DEVNET_DIR/dearer"
proxy_up slow-method eth_simulateV1,eth_estimateGas 0
out=$(pc "$PROXY_RPC" "${U1[@]}" meter run <"$DEVNET_DIR/dearer"); code=$?
assert_match "both readings mined, none out of gas" "$code:$out" \
    "0:*consume $SCENARIO_C 1000: block *, Info: Energy consumed >> 1000 Wh*consume $SCENARIO_C 3000: block *, Info: Energy consumed*beyond the session*"
assert_eq "no reading ran out of gas" "$(grep -c 'out of gas' <<<"$out")" 0
assert_eq "one probe and one simulation of the batch, no estimate" \
    "$(grep -c 'slowed eth_simulateV1' "$DEVNET_DIR/proxy.log"):$(grep -c 'slowed eth_estimateGas' "$DEVNET_DIR/proxy.log")" 2:0
kill "$PROXY" 2>/dev/null

assert_summary
