#!/usr/bin/env bash
# The command line against a real node (anvil with the PowerChain contract):
# call and send end to end, outcomes and exit codes, the chain-id guard, and
# offline signing compared byte for byte with Foundry's cast mktx.
# Arguments are passed to devnet/start (e.g. --hardfork istanbul).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up "$@" || exit 1
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@"; }

# Anvil's public development keys (accounts 0 and 1).
KEY_A=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
KEY_B=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
ADDR_B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
(umask 077 && echo "$KEY_A" >"$DEVNET_DIR/a.key" && echo "$KEY_B" >"$DEVNET_DIR/b.key")
A=(--private-key-file "$DEVNET_DIR/a.key")
B=(--private-key-file "$DEVNET_DIR/b.key")

# --- reads ---
assert_eq "getParameters as JSON" "$(pc --json call getParameters)" \
    '{"M":"500000000000000000","B":"500000000000000000","C":"50000000000000000","H":"7200","F":"200000000000000000"}'
out=$(pc call getParameters)
assert_match "M for people" "$out" $'M  0.5 ENT/kWh\n*'
assert_match "C as percent" "$out" $'*\nC  5%\n*'
assert_match "H in hours" "$out" $'*\nH  2 h\n*'
# An address without code answers calls with no data: the message says where to look.
nocode=(--rpc "$DEVNET_RPC" --contract 0x00000000000000000000000000000000000000aa)
"$POWERCHAIN_BIN" "${nocode[@]}" status >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "status at an address without code: exit" "$code" 3
assert_match "status at an address without code: why" "$(cat "$DEVNET_DIR/err")" \
    "*answered getTotalENT with no data: is there a PowerChain contract at that address*"
"$POWERCHAIN_BIN" "${nocode[@]}" call getParameters >/dev/null 2>"$DEVNET_DIR/err"
assert_match "call at an address without code: why" "$(cat "$DEVNET_DIR/err")" \
    "*answered getParameters with no data*--contract*"
assert_eq "deployer is a voter" "$(pc "${A[@]}" call isVoter)" "voter  yes"
assert_eq "B is no voter" "$(pc "${B[@]}" call isVoter)" "voter  no"
assert_eq "balance without ENT" "$(pc "${B[@]}" --json call balanceENT)" '{"available":"0","locked":"0"}'
# The deployment's ABI leaves this output unnamed; the key is the binding's
# name all the same, so scripts read the same keys from every deployment.
assert_eq "banker is the zero address" "$(pc --json call getBankerAddress)" \
    '{"banker":"0x0000000000000000000000000000000000000000"}'

# --- sends ---
out=$(pc "${A[@]}" send addVoter "$ADDR_B"); code=$?
assert_eq "addVoter exit" "$code" 0
assert_match "addVoter hash first" "$out" $'transaction 0x*sent\nmined in block *'
assert_match "addVoter Info" "$out" "*Info: New voter added >> 70997970c51812dc3a010c7d01b50e0d17dc79c8*"
assert_eq "B is a voter now" "$(pc "${B[@]}" call isVoter)" "voter  yes"

# The node's simulation says the contract refuses it: --yes alone signs nothing.
nonce_b=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$ADDR_B")
out=$(pc "${B[@]}" send transferENT "$ADDR_B" 1.5 2>&1); code=$?
assert_match "a simulated Error under --yes is refused" "$code:$out" \
    "1:*the contract would refuse it: Error: Not enough ENT tokens; nothing signed (--force signs it all the same)*"
assert_eq "and nothing was signed" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$ADDR_B")" "$nonce_b"
json=$(pc "${B[@]}" --json send transferENT "$ADDR_B" 1.5 --force 2>/dev/null); code=$?
assert_eq "transfer without ENT, forced, exits 1" "$code" 1
assert_match "Error event as JSON" "$json" \
    '{"tx":"0x*","block":*,"status":1,"events":\[{"event":"Error","text":"Not enough ENT tokens"}\]}'

# A vote with two voters needs both: the first call only records A's vote.
out=$(pc "${A[@]}" send setParameter C 0.1); code=$?
assert_eq "first vote exit" "$code" 0
assert_match "first vote is recorded" "$out" "*You are in favor of: 'setParameter_C_100000000000000000'*"
assert_eq "C unchanged after one vote" "$(pc --json call getParameters | grep -o '"C":"[0-9]*"')" '"C":"50000000000000000"'
pc "${B[@]}" send setParameter C 0.1 >/dev/null
assert_eq "C after both votes" "$(pc --json call getParameters | grep -o '"C":"[0-9]*"')" '"C":"100000000000000000"'
pc "${A[@]}" send setParameter H 3 >/dev/null
pc "${B[@]}" send setParameter H 3 >/dev/null
assert_eq "H set in hours is read in seconds" "$(pc --json call getParameters | grep -o '"H":"[0-9]*"')" '"H":"10800"'

# --- refusals ---
pc "${A[@]}" send transferENT "$ADDR_B" 1.0000000000000000001 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "19 decimals exit" "$code" 2
assert_match "19 decimals message" "$(cat "$DEVNET_DIR/err")" "*ENT*more than 18 decimals*"
pc "${A[@]}" send transferENT 0x70997970c51812dc3a010c7d01b50e0d17dc79C8 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "bad checksum exit" "$code" 2
assert_match "bad checksum hint" "$(cat "$DEVNET_DIR/err")" "*$ADDR_B*"
pc "${A[@]}" send addOrder 1 2 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "wrong arity exit" "$code" 2
assert_match "wrong arity message" "$(cat "$DEVNET_DIR/err")" "*addOrder takes 3 arguments*"

nonce_before=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$ADDR_B")
# By address (no deployment file to say its chain), the node is asked.
"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract "$DEVNET_ADDRESS" --yes "${B[@]}" --chain-id 1 \
    send lockeEuro 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "wrong chain exit" "$code" 3
assert_match "wrong chain message" "$(cat "$DEVNET_DIR/err")" "*chain 4200, not chain 1*nothing signed*"
assert_eq "nothing sent for the wrong chain" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$ADDR_B")" "$nonce_before"
# The deployment file says its chain: another one asked for is refused at once,
# from the option or the environment.
pc "${B[@]}" --chain-id 1 send lockeEuro 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "a chain other than the deployment's exit" "$code" 2
assert_match "its message" "$(cat "$DEVNET_DIR/err")" "*deployed on chain 4200, but chain 1 is asked for*"
POWERCHAIN_CHAIN_ID=1 pc "${B[@]}" send lockeEuro 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "POWERCHAIN_CHAIN_ID is enforced too" "$code" 2
assert_eq "nothing sent for either" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$ADDR_B")" "$nonce_before"

"$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --contract-json "$DEVNET_JSON" --timeout 2 \
    call getParameters >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "unreachable node exit" "$code" 3
assert_match "unreachable node message" "$(cat "$DEVNET_DIR/err")" "*cannot reach node at http://127.0.0.1:9*"

# --- failover: reads and the send's preparation move past a dead node ---
out=$("$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --timeout 2 --json call getTotalENT); code=$?
assert_eq "read fails over" "$code:$out" '0:{"amnt":"0"}'
out=$("$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --timeout 2 --yes "${A[@]}" send clearOldSessions); code=$?
assert_match "send goes to the node that answers" "$code:$out" "0:*mined in block*"

# --- offline signing agrees with cast mktx byte for byte ---
C=$DEVNET_ADDRESS
raw_both() { # name, powerchain args..., --, cast signature and args...
    local name=$1; shift
    local ours=() theirs=()
    while [[ $1 != -- ]]; do ours+=("$1"); shift; done; shift
    theirs=("$@")
    local got want
    got=$("$POWERCHAIN_BIN" --contract "$C" --chain-id 4200 "${A[@]}" send "${ours[@]}" --raw \
        --nonce 7 --gas-limit 150000 $FEE_OURS)
    want=$("$CAST" mktx --private-key "$KEY_A" --chain 4200 --nonce 7 --gas-limit 150000 \
        $FEE_CAST "$C" "${theirs[@]}")
    assert_eq "raw $name" "$got" "$want"
}
for type in 0 2; do
    if [[ $type == 0 ]]; then
        FEE_OURS="--gas-price 1000000000"; FEE_CAST="--legacy --gas-price 1000000000"
    else
        FEE_OURS="--max-fee 3000000000 --priority-fee 1500000000"
        FEE_CAST="--gas-price 3000000000 --priority-gas-price 1500000000"
    fi
    raw_both "type $type transferENT" transferENT "$ADDR_B" 1.5 -- \
        'transferENT(address,uint256)' "$ADDR_B" 1500000000000000000
    raw_both "type $type addOrder" addOrder 0.5 1.9 sell -- \
        'addOrder(uint256,uint256,bool)' 500000000000000000 1900000000000000000 false
    raw_both "type $type setParameter" setParameter F 0.25 -- \
        'setParameter(string,uint256)' F 250000000000000000
    raw_both "type $type setParameter H" setParameter H 4 -- \
        'setParameter(string,uint256)' H 4
done
"$POWERCHAIN_BIN" --contract "$C" "${A[@]}" send transferENT "$ADDR_B" 1 --raw --nonce 1 \
    --gas-limit 100000 --gas-price 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "raw without chain id exit" "$code" 2
assert_match "raw without chain id message" "$(cat "$DEVNET_DIR/err")" "*--raw needs --chain-id*"

assert_summary
