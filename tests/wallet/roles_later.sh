#!/usr/bin/env bash
# Long after the registrations (2,100 blocks later, past any window of recent
# blocks), the command line and the panel still agree that C, the banker,
# owns the storage units: both take roles from the history index.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache
KS=(--keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }

before=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
"$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 0x834 >/dev/null   # 2,100 empty blocks
after=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
assert_eq "2,100 blocks after the scenario" "$((after - before))" 2100

out=$(pc "${KS[@]}" --account C status)
assert_match "status: C is the banker and owns the units" "$out" "*roles      banker, unit owner*"
assert_match "status: A is a voter" "$(pc "${KS[@]}" --account A status)" "*roles      voter*"

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "${KS[@]}" --account C
tui_expect "panel header: the same roles for C" "banker unit-owner"
tui_stop

assert_summary
