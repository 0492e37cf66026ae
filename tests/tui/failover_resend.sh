#!/usr/bin/env bash
# Failover of a transaction the dead node took and never passed on: the
# panel is given a node that dies right after it forwards a send (to the
# devnet) and a second node, a chain of its own deployed the same way, that
# never hears of it. The panel must see that the second node lacks the
# transaction, give it the same signed bytes, say so, and show the outcome.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT
node2_up || exit 1
proxy_up

nonce=$("$CAST" nonce --rpc-url "$NODE2_RPC" "${ADDR[A]}")
tui_start --rpc "$PROXY_RPC" --rpc "$NODE2_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$(key_file A)"
tui_expect "reads through the first node" "node $PROXY_RPC"
tui_keys 5
tui_expect "voting page" "Open proposals"
tui_keys a
tui_type "${ADDR[C]}"
tui_keys Enter
tui_sign
tui_expect "the second node was given the transaction" "sent again to $NODE2_RPC, which had not seen it"
tui_expect "outcome from the second node" "Info: New voter added >> $(hex C)"
tui_expect "header names the second node" "node $NODE2_RPC"
assert_eq "C is a voter on the second node" \
    "$("$CAST" call --rpc-url "$NODE2_RPC" --from "${ADDR[C]}" "$DEVNET_ADDRESS" 'isVoter()(bool)')" true
assert_eq "and on the first" "$(rd C 'isVoter()(bool)')" true
assert_eq "one nonce used on the second node" "$("$CAST" nonce --rpc-url "$NODE2_RPC" "${ADDR[A]}")" \
    $((nonce + 1))
tui_keys 9
tui_expect "Activity shows it mined" "mined"
tui_keys q
assert_summary
