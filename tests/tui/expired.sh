#!/usr/bin/env bash
# Expired consumption sessions, at 80x24. Once a session expired the node's
# getConsumptionSessions no longer lists it, yet its ENT stays locked until
# someone calls clearOldSessions: Energy lists it from the history index
# with the ENT still locked in it, and `c`'s confirmation counts it (it
# used to say "0 of your 0 sessions have expired", from the node's list)
# and shows what the contract itself says, simulated before signing; once
# sent, the contract says the same (the receipt, read with cast, and the
# panel's outcome) and A has its ENT back.
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
said=$(tui_dialog "the contract")
assert_eq "what the contract will say" "$said" "Info: Old sessions cleared >> 1"
assert_eq "A's locked ENT comes back" \
    "$(tui_screen | grep -cF "${ADDR[A]}: ENT locked 1 ENT -> 0 ENT")" 1
assert_eq "no estimate" "$(tui_screen | grep -c '(estimate)')" 0
tui_sign
tui_wait_message "Info:"
assert_eq "the panel's outcome is the dialog's" "$(tui_message)" "$said"
hash=$("$CAST" block latest --json --rpc-url "$DEVNET_RPC" | jq -r '.transactions[-1]')
data=$("$CAST" receipt "$hash" --json --rpc-url "$DEVNET_RPC" | jq -r '.logs[0].data')
assert_eq "the receipt's text is the dialog's" \
    "Info: $("$CAST" abi-decode 'f()(string)' "$data" | sed 's/^"//; s/"$//')" "$said"
assert_eq "A has the ENT back" "$(rd A 'balanceENT()(uint256,uint256)')" "8000000000000000000 0"
tui_expect "no longer listed" "none open"
tui_keys q
for ((i = 0; i < 200; i++)); do tui_running || break; sleep 0.05; done
assert_eq "a clean exit (nothing leaked under ASan)" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
