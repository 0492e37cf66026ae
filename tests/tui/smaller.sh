#!/usr/bin/env bash
# smaller.sh ITEM: issue 17's item 11 in tmux on the demo chain:
#
#   help     the help keeps each key beside its meaning ("r Ctrl-L  read
#            the chain again and redraw" on one line, at 80 columns too),
#            names the list keys / j k g G, and shows no developer timers
#            (they come with POWERCHAIN_TUI_TIMERS=1, for bench/)
#
# Each asserts what the issue saw; run against the build before, each fails.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

ITEM=${1:?usage: smaller.sh help}
devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT

help() {
    local size
    for size in "100 30" "80 24"; do
        TUI_COLS=${size% *} TUI_LINES=${size#* } tui_start --rpc "$DEVNET_RPC" \
            --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
        tui_expect "the first page at $size" "Your tokens"
        tui_keys F1
        tui_expect "the help at $size" "this help"
        tui_has "r Ctrl-L beside its meaning at $size" "r Ctrl-L  read the chain again and redraw"
        tui_has "j k at $size" "Up Down j k  choose a line"
        tui_has "g G at $size" "g G Home End"
        tui_has "/ at $size" "/  filter the page's list"
        assert_eq "no timers at $size" "$(tui_screen | grep -cE 'draw ms|requests [0-9]|last refresh')" 0
        tui_keys q
    done
    echo "# the timers for bench/"
    TUI_ENV=POWERCHAIN_TUI_TIMERS=1 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$(key_file A)"
    tui_expect "the first page" "Your tokens"
    tui_keys F1
    tui_expect "the timers asked for" "draw ms last/max"
}

case $ITEM in
help) "$ITEM" ;;
*) echo "smaller.sh: no item $ITEM" >&2; exit 2 ;;
esac
tui_keys q
assert_summary
