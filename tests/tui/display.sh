#!/usr/bin/env bash
# How the panel draws in plain terminals: under NO_COLOR it sets no colour
# (no SGR 30-38, 40-48, 90-97, 100-107 on any page, form or dialog), and in
# a locale that is not UTF-8 every byte on screen is ASCII (bars, lines,
# frames and spinners fall back to ASCII). Each check is first shown to catch
# the opposite in a colour, UTF-8 run, so that it can fail.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

# Something on every page: a unit with energy (bars), ENT, votes, an order.
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
tx A 'addOrder(uint256,uint256,bool)' 1000000000000000000 1000000000000000000 false >/dev/null

# every_screen OPTS: the panel's screens, one after the other: each page,
# a form with a refused field, the help dialog.
every_screen() {
    local p
    # (In a command substitution: what a wait gives up on goes to stderr.)
    for p in 1 2 3 4 5 6 7 8 9; do
        tui_page "$p"
        tui_screen "$@"
    done
    tui_keys 1 t Enter Enter
    wait_for "a refused field" _tui_shows "empty: a value is required"
    tui_screen "$@"
    tui_keys Escape '?'
    wait_for "the help" _tui_shows "Help"
    tui_screen "$@"
    tui_keys Escape
}

# colour_codes: the SGR colour parameters in escape sequences on stdin.
colour_codes() {
    grep -o $'\e\\[[0-9;:]*m' | tr -d $'\e[m' | tr ';:' '\n\n' |
        grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' | sort -u | paste -sd ' '
}

# panel_run ENV: starts the panel with ENV added, waits for the first page.
panel_run() {
    TUI_ENV=$1 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$(key_file A)"
    tui_expect "first page ($1)" "Your tokens"
    tui_expect "the roles ($1)" "voter"
}

echo "# with colours, the check sees them"
panel_run ""
assert_match "colours when allowed" "$(every_screen -e | colour_codes)" "?*"
echo "# NO_COLOR=1: no colour anywhere"
panel_run "NO_COLOR=1"
assert_eq "no colours under NO_COLOR" "$(every_screen -e | colour_codes)" ""
tui_expect "still readable" "connected"

non_ascii() { LC_ALL=C grep -c $'[\x80-\xff]'; }
echo "# UTF-8: lines and bars use line drawing characters"
panel_run ""
assert_match "non-ASCII lines in UTF-8" "$(every_screen | non_ascii)" "[1-9]*"
echo "# LANG=C: ASCII only"
panel_run "LANG=C LC_ALL=C"
screens=$(every_screen)
assert_eq "no byte >= 0x80 under LANG=C" "$(non_ascii <<<"$screens")" 0
assert_match "ASCII frame of the form" "$screens" "*+-*"
assert_match "ASCII lines" "$screens" "*|*"
assert_match "ASCII bars" "$screens" "*#*"
tui_keys q
assert_summary
