#!/usr/bin/env bash
# Live resizes: down to 80x24 (every page still draws its header, sidebar
# and key hints), below the minimum (a notice instead of garbage), and back.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "connected" "connected"
tui_resize 80 24
for p in 1 2 3 4 5 6 7 8 9; do
    tui_keys "$p"
    sleep 0.3
    screen=$(tui_screen)
    assert_eq "page $p: 24 lines" "$(wc -l <<<"$screen")" 24
    assert_match "page $p: header" "$(head -n 1 <<<"$screen")" "PowerChain*"
    assert_match "page $p: key hints" "$(tail -n 1 <<<"$screen")" "1-9/arrows page*"
    assert_eq "page $p: nothing wider than 80" "$((
        $(LC_ALL=C.UTF-8 wc -L <<<"$screen") <= 80))" 1
    assert_match "page $p: sidebar intact" "$(sed -n 4p <<<"$screen")" " 1 Tokens*"
done
tui_keys 2 s
tui_expect "form fits at 80x24" "Start a consumption session"
tui_keys Escape
tui_resize 40 10
tui_expect "too small notice" "Terminal too small"
tui_resize 100 30
tui_expect "back to full size" "connected"
tui_expect "sidebar back" "9 Activity"
assert_eq "panel alive" "$(tui_running && echo yes)" yes
tui_keys q
sleep 1
assert_eq "clean exit" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
