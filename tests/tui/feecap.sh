#!/usr/bin/env bash
# The panel's confirmation goes through the same fee cap as the commands
# (wallet_tx_check_fee): through a node that suggests 10 gwei, a transfer is refused before the dialog, saying the fee
# and the cap; with --fee-cap raised it reaches the dialog.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT

tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
proxy_up gas-price 10000000000

transfer() {
    tui_keys 1 t
    tui_type "${ADDR[D]}"
    tui_keys Enter
    tui_type 1
    tui_keys Enter
}

echo "# the default cap of 0: refused before the dialog"
TUI_ENV=POWERCHAIN_FEE_CAP= # not the cap tests/lib/devnet.sh sets
tui_start --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_resize 220 30 # the message line holds the whole refusal
tui_expect "A's 8 ENT" "8 ENT"
transfer
tui_expect "refused, with the fee and the cap" "not sent: the fee can reach"
tui_expect "at the node's price, with how to raise the cap" \
    "gas x 10000000000 wei/gas), above the fee cap of 0 wei; nothing signed: raise the cap with --fee-cap WEI"
assert_eq "no dialog" "$(tui_screen | grep -c 'Sign and send this transaction?')" 0
tui_keys Escape q

echo "# --fee-cap raised: the dialog"
tui_start --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)" \
    --fee-cap 1000000000000000000
tui_expect "A's 8 ENT" "8 ENT"
transfer
tui_expect "the confirmation" "Sign and send this transaction?"
tui_expect "at the node's price" "gas x 10 gwei)"
tui_keys n
tui_keys q
assert_eq "A's ENT unchanged" "$(rd A 'balanceENT()(uint256,uint256)')" "8000000000000000000 0"
assert_summary
