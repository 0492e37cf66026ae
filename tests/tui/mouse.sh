#!/usr/bin/env bash
# The mouse, as a terminal reports it (xterm's X10 encoding, the terminfo
# kmous of tmux's own TERM): a click on a sidebar entry opens that page,
# the wheel scrolls the page's list, a click on a row chooses it and a second
# opens it, and a click on the confirmation's Cancel button cancels.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

# report BUTTON Y X: what the terminal sends for a button at row Y, column
# X (from 0). Buttons: 0 the first, 3 a release, 64 wheel up, 65 wheel down.
report() {
    local at
    printf -v at '%b%b' "\\x$(printf %x $(($3 + 33)))" "\\x$(printf %x $(($2 + 33)))"
    printf '\e[M%b%s' "\\x$(printf %x $(($1 + 32)))" "$at"
}
# mouse BUTTON Y X: a press and, for a button, its release, in one write
# (the panel reads them together, as over a slow link).
mouse() {
    local release=
    (($1 < 64)) && release=$(report 3 "$2" "$3")
    tui_type "$(report "$@")$release"
}
# where TEXT: "Y X" of its first place on screen.
where() {
    tui_screen | awk -v t="$1" 'i = index($0, t) { print NR - 1, i - 1; exit }'
}

# A few transactions for the history to scroll through.
for who in B C D; do
    tx A 'addVoter(address)' "${ADDR[$who]}" >/dev/null
done
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "connected" "connected"

echo "# a click on a sidebar entry, its release read apart, as when a person clicks"
read -r y x < <(where "9 Activity")
tui_type "$(report 0 "$y" "$x")"
tui_expect "the Activity page" "Contract history, newest first"
# The panel reads the history after its first figures: on a busy machine
# that is many seconds after it starts (tui_mouse once gave up on a fixed 15 s).
tui_expect "the history, read from the index" "newest first (4 transactions)"
tui_type "$(report 3 "$y" "$x")"
tui_keys_read
# A release alone once left ncurses reading on, blocking, for more input:
# the panel followed the chain again only at the next key.
tx A 'addVoter(address)' 0x00000000000000000000000000000000000000b1 >/dev/null
tui_expect "the panel, after the release, still follows the chain" \
    "newest first (5 transactions)"
top() { tui_screen | grep -A1 "Contract history, newest first" | tail -n 1; }
first=$(top)

echo "# the wheel"
read -r y x < <(where "Contract history")
mouse 65 "$((y + 2))" "$x"
scrolled() { [[ $(top) != "$first" ]]; }
expect_within "the wheel scrolled the history" scrolled
mouse 64 "$((y + 2))" "$x"
back() { [[ $(top) == "$first" ]]; }
expect_within "and back" back

echo "# a click on a row chooses it, a second opens it"
c=${ADDR[C]}
read -r y x < <(where "${c:0:6}..")
mouse 0 "$y" "$x"
chosen() { [[ $(tui_screen | sed -n "$((y + 1))p") == *"> #3 "* ]]; }
expect_within "the first click chooses the row" chosen
mouse 0 "$y" "$x"
tui_expect "the second opens it whole" "$c"
tui_keys Escape

echo "# the confirmation's Cancel button"
tui_keys 5 a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[U1]}"
tui_keys Enter
tui_expect "confirmation" "[ n  Cancel ]"
read -r y x < <(where "[ n  Cancel ]")
mouse 0 "$y" "$((x + 3))"
tui_expect "cancelled" "cancelled; nothing was sent"
assert_eq "U1 is no voter" "$(rd U1 'isVoter()(bool)')" false
tui_keys q
assert_summary
