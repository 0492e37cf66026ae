#!/usr/bin/env bash
# devnet/start --demo: the scenario's figures are on the chain, and the demo
# keystore's accounts sign by name with the printed password.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'failover_down; devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache   # status builds the history index there
KS=(--keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@"; }

out=$(pc "${KS[@]}" --account A status)
assert_match "A's ENT after the scenario" "$out" "*ENT        2.143 ENT available, 0 ENT locked*"
assert_match "A's eEuro after the scenario" "$out" "*eEuro      0.95 eEuro available, 8.1 eEuro locked*"
assert_match "C is the banker" "$out" "*banker     0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC*"
assert_match "A is a voter" "$out" "*roles      voter*"
assert_match "U1 is a storage unit" "$(pc "${KS[@]}" --account U1 status)" "*roles      storage unit*"
assert_match "C is the banker and owns the units" "$(pc "${KS[@]}" --account C status)" \
    "*roles      banker, unit owner*"
proxy_up refuse-logs
out=$("$POWERCHAIN_BIN" --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" "${KS[@]}" --account C status)
assert_match "through a node that refuses log reads, the index built before still tells" "$out" \
    "*roles      banker, unit owner*"
# A fresh index cannot be built through it (every step reads the logs):
# ownership is then unknown, not denied, and says why.
out=$(XDG_CACHE_HOME=$DEVNET_DIR/cache-fresh "$POWERCHAIN_BIN" --rpc "$PROXY_RPC" \
    --contract-json "$DEVNET_JSON" "${KS[@]}" --account C status)
assert_match "without the index, ownership is unknown, not denied" "$out" \
    "*roles      banker
           whether it owns a unit is unknown: the node refuses to read even block * alone *: node refused eth_getLogs: query returned more than 10000 results*"
assert_match "and the rest still shows" "$out" "*eEuro      * available,*"
assert_eq "five named accounts" "$("$POWERCHAIN_BIN" "${KS[@]}" account list | awk '{print $2}' | tr '\n' ' ')" "A B C U1 U2 "

out=$(pc "${KS[@]}" --account A send transferENT 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 0.143); code=$?
assert_eq "keystore account signs" "$code" 0
assert_match "transfer Info" "$out" "*Info: ENT transferred >> 0.143 to 3c44cdddb6a900fa2b585dd299e03d12fa4293bc*"
(umask 077 && echo wrong >"$DEVNET_DIR/wrong")
nonce_before=$("$CAST" nonce --rpc-url "$DEVNET_RPC" 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)
pc --keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/wrong" --account A \
    send transferENT 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "wrong password refused" "$code" 4
assert_match "wrong password message" "$(cat "$DEVNET_DIR/err")" "*wrong password for 0x*"
assert_eq "nothing sent with a wrong password" \
    "$("$CAST" nonce --rpc-url "$DEVNET_RPC" 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)" "$nonce_before"

# A key file written by Foundry's cast, imported, signs powerchain's sends.
"$CAST" wallet import castuser --keystore-dir "$DEVNET_DIR/cast" --unsafe-password demo-pass \
    --private-key 0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba >/dev/null
(umask 077 && echo demo-pass >"$DEVNET_DIR/cast-password")
"$POWERCHAIN_BIN" --keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/cast-password" \
    account import "$DEVNET_DIR/cast/castuser" --name castuser >/dev/null
out=$(pc --keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/cast-password" --account castuser \
    send clearOldSessions); code=$?
assert_eq "cast's key file signs" "$code" 0
assert_eq "as its own address" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc)" 1

assert_summary
