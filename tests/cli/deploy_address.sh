#!/usr/bin/env bash
# deploy takes the contract address from the sender and nonce (the CREATE
# rule), not from the node's word: a receipt naming another address is
# refused and no deployment file is written; a true one gives the address
# `cast compute-address` computes.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
deploy() {
    "$POWERCHAIN_BIN" --rpc "$1" --private-key-file "$DEVNET_DIR/a.key" --yes deploy \
        --bytecode "$DEVNET_DIR/PowerChain.bin" --abi "$DEVNET_DIR/PowerChain.abi" --out "$2" 2>&1
}

proxy_up other-contract
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$A")
made=$("$CAST" compute-address --nonce "$nonce" "$A" | sed 's/.*: //')
out=$(deploy "$PROXY_RPC" "$DEVNET_DIR/lied.json")
code=$?
assert_eq "a receipt naming another contract fails the deployment" "$code" 3
assert_match "and says which address the creation made" "$out" \
    "*receipt names contract 0x00000000000000000000000000000000000000C0*made $made*"
assert_eq "no deployment file is written" "$([[ -e $DEVNET_DIR/lied.json ]] && echo yes || echo no)" no
kill "$PROXY" 2>/dev/null

nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "$A")
made=$("$CAST" compute-address --nonce "$nonce" "$A" | sed 's/.*: //')
out=$(deploy "$DEVNET_RPC" "$DEVNET_DIR/true.json")
assert_eq "a true receipt deploys" "$?" 0
assert_eq "at the address cast computes" \
    "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).address)' \
        "$DEVNET_DIR/true.json")" "$made"

assert_summary
