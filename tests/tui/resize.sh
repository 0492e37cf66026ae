#!/usr/bin/env bash
# Live resizes: down to 80x24, the least the panel draws at (every page
# still draws its header, sidebar and key hints; the confirmation shows
# whole addresses), below it (one notice that fits, and no key but q acts),
# back, and wider (the connection state at the right edge).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "connected" "connected"
tui_resize 80 24
tui_size 80 24
for p in 1 2 3 4 5 6 7 8 9; do
    tui_page "$p"
    screen=$(tui_screen)
    assert_eq "page $p: 24 lines" "$(wc -l <<<"$screen")" 24
    assert_match "page $p: header" "$(head -n 1 <<<"$screen")" "PowerChain*connected"
    assert_match "page $p: key hints" "$(tail -n 1 <<<"$screen")" "1-9 0/Tab page*"
    assert_eq "page $p: nothing wider than 80" "$((
        $(LC_ALL=C.UTF-8 wc -L <<<"$screen") <= 80))" 1
    assert_match "page $p: sidebar intact" "$(sed -n 4p <<<"$screen")" " 1 Tokens*"
done
tui_page 5
assert_match "hints that do not fit point to the help" "$(tui_screen | tail -n 1)" "*F1 more"
tui_keys F1
tui_expect "help lists the page's keys" "oppose"
tui_expect "help lists the shell's keys" "F10 q  quit"
tui_keys Escape
tui_keys 2 s
tui_expect "form fits at 80x24" "Start a consumption session"
tui_keys Escape

echo "# the confirmation at 80x24 cuts no address"
tui_keys 5 a
tui_type "${ADDR[B]}"
tui_keys Enter
tui_expect "confirmation" "Sign and send this transaction?"
tui_expect "the account whole" "${ADDR[A]}"
tui_expect "the contract whole" "$DEVNET_ADDRESS"
tui_expect "the argument whole" "${ADDR[B]}"
tui_expect "buttons" "[ n  Cancel ]"
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"

echo "# below 80x24"
tui_resize 79 24
tui_expect "too small notice" "powerchain needs 80x24; this terminal is 79x24"
tui_resize 40 10
tui_expect "the notice wraps to the width" "40x10. Enlarge it, or press q to quit."
screen=$(tui_screen)
assert_eq "nothing wider than 40" "$(($(LC_ALL=C.UTF-8 wc -L <<<"$screen") <= 40))" 1
tui_keys 3
tui_keys_read
tui_resize 100 30
tui_expect "back to full size" "connected"
tui_expect "sidebar back" "9 Activity"
assert_match "keys were not taken while too small: still page 5" "$(tui_screen)" "*Open proposals*"

echo "# a wide terminal"
tui_resize 180 40
tui_size 180 40
line=$(tui_screen | head -n 1)
assert_match "the connection state at the right edge" "$line" "PowerChain*connected"
assert_eq "the header spans the width" "${#line}" 180
assert_eq "panel alive" "$(tui_running && echo yes)" yes
tui_resize 60 20
tui_expect "too small again" "this terminal is 60x20"
tui_keys q
tui_ended
assert_eq "q quits while too small" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
