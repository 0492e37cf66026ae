#!/usr/bin/env bash
# Issue 17 item 7: the devnet is stopped and a new chain started on its
# port with the same chain id and deployment (the same contract address)
# but another genesis. The panel's header says plainly that the node
# serves another chain than the one indexed, naming its genesis; Activity
# drops the old chain's transactions and shows the new chain's alone (the
# panel indexes it beside the old index). A panel started against a chain
# replaced while it was closed says the same.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

# panel: the panel on the devnet, showing Activity.
panel() {
    tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON"
    tui_page 9
}

tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
panel
tui_expect "the old chain's voter in Activity" "New voter added"

devnet_replace || exit 1
headline="node serves another chain than the one indexed: genesis ${DEVNET_GENESIS:0:10}..."
tui_expect "the header says so" "$headline"
assert_match "in the header's first line" "$(tui_screen | head -n 1)" "*$headline*"
tui_expect "the message says the old chain's past is dropped" \
    "what was shown of the old one is dropped"
tui_expect "the new chain's history alone" "newest first (1 transaction)"
tui_gone "nothing of the old chain in Activity" "New voter added"
tui_keys q
tui_ended

echo "# a panel started afresh against a chain replaced while it was closed"
tx A 'addVoter(address)' "${ADDR[C]}" >/dev/null
devnet_replace || exit 1
headline="node serves another chain than the one indexed: genesis ${DEVNET_GENESIS:0:10}..."
panel
tui_expect "the header says so at start" "$headline"
tui_expect "the new chain's history" "newest first (1 transaction)"
tui_gone "nothing of the old chain" "New voter added"
tui_keys q
assert_summary
