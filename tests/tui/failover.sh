#!/usr/bin/env bash
# Failover: the panel is given a dead node first and the devnet second
# (`--rpc DEAD --rpc LIVE`). It reads from the live node by itself, says so
# in the header, shows the pages' figures, and sends through that node.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

# A port where nothing listens: connections to it are refused at once.
dead=$DEVNET_PORT
while ! _devnet_port_free "$dead"; do dead=$((dead + 1)); done
DEAD_RPC="http://127.0.0.1:$dead"

tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
tui_start --rpc "$DEAD_RPC" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$(key_file A)"
tui_expect "header names the live node" "node $DEVNET_RPC"
tui_expect "connected" "connected"
assert_eq "the dead node is not in the header" \
    "$(tui_screen | head -n 1 | grep -cF "$DEAD_RPC")" 0

echo "# the pages' figures come from the live node"
tui_keys 3
tui_expect "parameters read" "lifetime of a consumption session"
tui_expect "network page names the live node" "node     $DEVNET_RPC"
tui_keys 5
tui_expect "A's vote listed" "Add_Voter_$(hex B)"

echo "# a vote sent through the node failed over to"
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")
tui_keys a
tui_type "${ADDR[C]}"
tui_keys Enter
tui_sign
tui_expect "vote recorded" "You are in favor of: 'Add_Voter_$(hex C)'"
assert_eq "A's nonce moved by one" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")" \
    $((nonce + 1))
tui_keys q
assert_summary
