#!/usr/bin/env bash
# The Charts page (key 0) on a played scenario: the price chart with the
# trade's exact price and volume labels in Braille and block characters,
# the range key in the title, every other chart with its figures (equal to
# the node's); at 80x24 the price chart fits whole; a node figure the
# replay does not give (set behind the contract's back) is said, not hidden;
# under LANG=C the charts are ASCII alone.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

E18=000000000000000000
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null  # A 8 ENT, C 2 ENT
tx A 'changeBanker(address)' "${ADDR[A]}" >/dev/null
tx A 'minteEuro(address,uint256)' "${ADDR[B]}" "10$E18" >/dev/null
tx A 'addOrder(uint256,uint256,bool)' 750000000000000000 "2$E18" false >/dev/null
tx B 'addOrder(uint256,uint256,bool)' "1$E18" "1500000000000000000" true >/dev/null  # 1.5 ENT at 0.75

# charts_page ENV: the panel as B with ENV added, on the Charts page.
charts_page() {
    TUI_ENV=$1 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$(key_file B)"
    tui_expect "first page ($1)" "Your tokens"
    tui_keys 0
    tui_expect "the Charts page ($1)" "Prices and volume   range: all"
}

non_ascii() { LC_ALL=C grep -c $'[\x80-\xff]'; }
# U+2800..U+28FF are E2 A0..A3 xx in UTF-8.
braille() { LC_ALL=C grep -c $'\xe2[\xa0-\xa3]'; }

echo "# UTF-8"
charts_page ""
tui_expect "the trade in words" "1 trade, last at 0.75 eEuro/ENT"
tui_expect "the price axis label" "0.75 eEuro/ENT"
tui_expect "the volume label" "1.5 ENT"
screen=$(tui_screen)
assert_match "a Braille dot for the trade" "$(braille <<<"$screen")" "[1-9]*"
assert_match "a volume bar" "$screen" "*█*"
tui_keys d
tui_expect "the range key changes the title" "Prices and volume   range: day"
tui_keys h
tui_expect "an hour" "range: hour"
tui_keys c
tui_expect "the next chart" "ENT against stored energy   range: hour"
tui_expect "the peg in words" "now 10 ENT against 10 kWh stored"
assert_eq "the replay agrees with the node" "$(tui_screen | grep -c 'replayed; the node says')" 0
tui_keys c
tui_expect "the costs" "now: mint 0 ENT/kWh, burn 0 ENT/kWh"
tui_keys c
tui_expect "U1's energy" "Unit ${ADDR[U1]:0:6}..${ADDR[U1]: -4}: 10 kWh"
tui_keys c
tui_expect "eEuro minted" "eEuro in circulation   range: hour"
tui_expect "eEuro now" "now 10 eEuro"
tui_keys Down
tui_expect "B's own balances" "holds 1.5 ENT and 8.875 eEuro, locked included"   # 10 - 1.5 * 0.75
tui_keys Down
tui_expect "Down wraps to the first" "Prices and volume   range: hour"
tui_keys Up
tui_expect "Up wraps to the last" "My balances   range: hour"
tui_keys c

echo "# 80x24: the price chart fits whole, with its time axis"
tui_resize 80 24
tui_size 80 24
tui_keys a
tui_expect "range all" "range: all"
screen=$(tui_screen)
assert_match "the start and end time under the chart" "$screen" "*20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]  *20[0-9][0-9]-*"
assert_eq "no line wider than 80" "$(LC_ALL=C.UTF-8 wc -L <<<"$screen")" 80
assert_match "the price label at 80x24" "$screen" "*0.75 eEuro/ENT*"

echo "# a node whose figure the replay does not give: the page says so"
# totalEeuro is the contract's storage slot 14 (after destroyed, M, B, C, H,
# F, cost, banker and five balance maps, then totalENT); checked first.
slot=$("$CAST" storage --rpc-url "$DEVNET_RPC" "$DEVNET_ADDRESS" 14)
assert_eq "slot 14 holds eEuro in circulation" "$("$CAST" to-dec "$slot")" \
    "$(rd A 'getTotalEeuro()(uint256)')"
"$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_setStorageAt "$DEVNET_ADDRESS" 0xe \
    "$("$CAST" to-uint256 11500000000000000000)" >/dev/null
advance 1
tui_keys c c c c
tui_expect "eEuro chart" "eEuro in circulation   range: all"
tui_expect "the difference said" "eEuro 10 eEuro: replayed; the node says 11.5 eEuro"
tui_keys q

echo "# LANG=C: ASCII only"
charts_page "LANG=C LC_ALL=C"
tui_expect "the price label in ASCII" "0.75 eEuro/ENT"
# The chart's title (the page's first line) changes when c shows the next.
title() { tui_screen | sed -n 4p; }
retitled() { [[ $(title) != "$1" ]]; }
next_chart() {
    local before
    before=$(title)
    tui_keys c
    wait_for "the next chart" retitled "$before"
    tui_screen
}
screens=$(tui_screen; next_chart; next_chart)
assert_eq "no byte >= 0x80 under LANG=C" "$(non_ascii <<<"$screens")" 0
assert_match "ASCII dots" "$screens" "*\**"
assert_match "ASCII bars" "$screens" "*#*"
assert_match "ASCII axes" "$screens" "*|*+ 0.75 eEuro/ENT ---*"
tui_keys q
assert_summary
