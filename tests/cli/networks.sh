#!/usr/bin/env bash
# Named networks: two devnets (chain ids 4200 and 4201) as [network NAME]
# sections of the config file; --network picks one for every command,
# `networks` lists them without the nodes' credentials, and an unknown name
# is refused naming the known ones.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up || exit 1
trap 'failover_down; devnet_down' EXIT
node2_up --chain-id 4201 || exit 1
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8

export POWERCHAIN_CONFIG=$DEVNET_DIR/config
unset POWERCHAIN_RPC POWERCHAIN_CONTRACT POWERCHAIN_KEYSTORE POWERCHAIN_ACCOUNT
printf '# common to every network\naccount = %s\n\n' 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 \
    >"$POWERCHAIN_CONFIG"
networks_config "$POWERCHAIN_CONFIG"
cat >>"$POWERCHAIN_CONFIG" <<END

[network remote]
rpc = https://alice:s3cret@node.example/rpc?apikey=abc, http://127.0.0.1:9
contract = $DEVNET_ADDRESS
END

pc() { "$POWERCHAIN_BIN" "$@"; }

assert_match "--network one reads chain 4200" "$(pc --network one status 2>&1)" "*chain id   4200*"
assert_match "--network two reads chain 4201" "$(pc --network two status 2>&1)" "*chain id   4201*"

assert_match "POWERCHAIN_NETWORK picks two" "$(POWERCHAIN_NETWORK=two pc status 2>&1)" "*chain id   4201*"
assert_match "--network wins over POWERCHAIN_NETWORK" \
    "$(POWERCHAIN_NETWORK=two pc --network one status 2>&1)" "*chain id   4200*"

echo "# a transaction goes to the chosen network only"
pc --network two --private-key-file "$DEVNET_DIR/a.key" --yes send addVoter "$B" >/dev/null 2>&1
assert_eq "sent on two" "$?" 0
assert_eq "B a voter on two" "$(pc --network two --account "$B" call isVoter)" "voter  yes"
assert_eq "not on one" "$(pc --network one --account "$B" call isVoter)" "voter  no"

echo "# the network's chain id guards signing"
sed -i 's/^chain-id = 4201$/chain-id = 4200/' "$POWERCHAIN_CONFIG"
pc --network two --private-key-file "$DEVNET_DIR/a.key" --yes send addVoter "$B" >/dev/null \
    2>"$DEVNET_DIR/err"
# The network's deployment file says 4201: refused before any node is asked.
assert_eq "refused on the wrong chain" "$?" 2
assert_match "says which chain" "$(cat "$DEVNET_DIR/err")" \
    "*deployed on chain 4201, but chain 4200 is asked for*"
# Both sections say 4200 now: the first stays, the second is 4201 again.
sed -i 's/^chain-id = 4200$/chain-id = 4201/; 0,/^chain-id = 4201$/s//chain-id = 4200/' \
    "$POWERCHAIN_CONFIG"
assert_eq "an option wins over the network" \
    "$(pc --network two --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --chain-id 4200 \
        --account "$B" call isVoter)" "voter  no"

echo "# the list"
list=$(pc --network two networks)
assert_match "one listed" "$list" "*  one *4200 *$DEVNET_JSON *$DEVNET_RPC*"
assert_match "two marked in use" "$list" "*\* two *4201 *$NODE2_JSON *$NODE2_RPC*"
assert_match "remote's nodes without credentials" "$list" \
    "*remote *-*$DEVNET_ADDRESS*https://node.example http://127.0.0.1:9*"
[[ $list == *s3cret* || $list == *apikey* || $list == *alice* ]] && leaked=yes || leaked=no
assert_eq "no credential shown" "$leaked" no

json=$(pc --network two --json networks)
assert_eq "--json: names in order" "$(jq -r 'map(.name) | join(" ")' <<<"$json")" "one two remote"
assert_eq "--json: two in use, chain id a string" \
    "$(jq -c '.[1] | [.in_use, .chain_id, .contract]' <<<"$json")" "[true,\"4201\",\"$NODE2_JSON\"]"
assert_eq "--json: remote's nodes without credentials" "$(jq -c '.[2].nodes' <<<"$json")" \
    '["https://node.example","http://127.0.0.1:9"]'
(umask 077 && : >"$DEVNET_DIR/empty-config")
assert_eq "--json: no networks" \
    "$(POWERCHAIN_CONFIG="$DEVNET_DIR/empty-config" "$POWERCHAIN_BIN" --json networks)" "[]"

echo "# an unknown name"
pc --network three status >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "unknown network exit" "$?" 2
assert_eq "names the known ones" "$(cat "$DEVNET_DIR/err")" \
    'powerchain: unknown network "three" (known: one, two, remote)'

echo "[network one]" >>"$POWERCHAIN_CONFIG"
pc --network one status >/dev/null 2>"$DEVNET_DIR/err"
assert_eq "a network named twice exit" "$?" 2
assert_match "names file and line" "$(cat "$DEVNET_DIR/err")" "*config:17: network \"one\" is named twice*"

assert_summary
