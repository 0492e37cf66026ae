#!/usr/bin/env bash
# Expired consumption sessions, at 80x24. Once a session expired the node's
# getConsumptionSessions no longer lists it, yet its ENT stays locked until
# someone calls clearOldSessions: Energy lists it from the history index
# with the ENT still locked in it, and `c`'s confirmation counts it (it
# used to say "0 of your 0 sessions have expired", from the node's list);
# once sent, the contract says it cleared one and A has its ENT back.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
assert_match "A's session" "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U1]}" \
    1000000000000000000)" "Info: Consumption session started >> 1000 Wh*"
advance 7201
assert_eq "the node lists no session of A's" \
    "$(rd A 'getConsumptionSessions()((string,uint256,uint256,address)[])')" "[]"
assert_eq "yet A's 1 ENT stays locked" "$(rd A 'balanceENT()(uint256,uint256)')" \
    "7000000000000000000 1000000000000000000"

TUI_COLS=80 TUI_LINES=24 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$(key_file A)"
tui_keys 2
tui_expect "Energy lists it, with its ENT" "expired, 1 ENT still locked"
tui_expect "and how to clear it" "c clears"
tui_keys c
tui_expect "the form" "Clear old sessions"
tui_keys Enter
tui_expect "c counts it" "1 of your sessions has expired: 1 ENT comes back to you"
tui_sign
tui_expect "the contract cleared one" "Info: Old sessions cleared >> 1"
assert_eq "A has the ENT back" "$(rd A 'balanceENT()(uint256,uint256)')" "8000000000000000000 0"
tui_expect "no longer listed" "none open"
tui_keys q
assert_summary
