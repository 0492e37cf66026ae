#!/usr/bin/env bash
# devnet/start --demo: the scenario's figures are on the chain, and the demo
# keystore's accounts sign by name with the printed password.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up --demo 2>/dev/null || exit 1
KS=(--keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }

out=$(pc "${KS[@]}" --account A status)
assert_match "A's ENT after the scenario" "$out" "*ENT        2.143 ENT available, 0 ENT locked*"
assert_match "A's eEuro after the scenario" "$out" "*eEuro      0.95 eEuro available, 8.1 eEuro locked*"
assert_match "C is the banker" "$out" "*banker     0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC*"
assert_match "A is a voter" "$out" "*roles      voter*"
assert_match "U1 is a storage unit" "$(pc "${KS[@]}" --account U1 status)" "*roles      storage unit*"
assert_eq "five named accounts" "$("$POWERCHAIN_BIN" "${KS[@]}" account list | awk '{print $2}' | tr '\n' ' ')" "A B C U1 U2 "

out=$(pc "${KS[@]}" --account A send transferENT 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 0.143); code=$?
assert_eq "keystore account signs" "$code" 0
assert_match "transfer Info" "$out" "*Info: ENT transferred >> 0.143 to 3c44cdddb6a900fa2b585dd299e03d12fa4293bc*"
echo wrong >"$DEVNET_DIR/wrong"
nonce_before=$("$CAST" nonce --rpc-url "$DEVNET_RPC" 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)
pc --keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/wrong" --account A \
    send transferENT 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 1 >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "wrong password refused" "$code" 4
assert_match "wrong password message" "$(cat "$DEVNET_DIR/err")" "*wrong password for 0x*"
assert_eq "nothing sent with a wrong password" \
    "$("$CAST" nonce --rpc-url "$DEVNET_RPC" 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)" "$nonce_before"

assert_summary
