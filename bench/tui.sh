#!/usr/bin/env bash
# bench/tui.sh [BUILD_DIR]: the panel against a devnet set up like thesis
# chapter 6. Reports the time to the first complete page, HTTP requests per
# refresh (goal 1: one batch per new block) and memory (goal < 16 MiB peak RSS).
# The panel prints its own counters in the help dialog (`?`).
set -uo pipefail
. "$(dirname "$0")/panel_devnet.sh" "${1:-}"
E18=000000000000000000
tx A 'addVoter(address)' "${ADDR[B]}" >/dev/null
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx B 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
for i in 1 2 3 4 5; do
    tx A 'addOrder(uint256,uint256,bool)' "${i}00000000000000000" "1$E18" false >/dev/null
done

TUI_ENV=POWERCHAIN_TUI_TIMERS=1 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_wait "Order book" 1 >/dev/null
tui_keys 4
tui_wait "SELL #4" 20 || { echo "the page never completed"; exit 1; }
pid=$(pgrep -n -f -- "--rpc $DEVNET_RPC") # the panel started just above
for i in 1 2 3 4 5; do "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null; sleep 1.2; done
tui_keys '?'
tui_wait "first page after" 5
line=$(tui_screen | grep -o 'requests [0-9]* (polls included), last refresh [0-9]*, first page after [0-9]* ms')
echo "panel: $line"
echo "  (requests include one eth_blockNumber poll per second; a refresh is one batch)"
awk '/VmHWM|VmRSS/ { printf "memory: %s %s %s\n", $1, $2, $3 }' "/proc/$pid/status"
tui_keys Escape q
