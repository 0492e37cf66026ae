#!/usr/bin/env bash
# thesis.sh ITEM: issue 17's item 10 in tmux on a deployment that behaves
# like the thesis's own contract (devnet/start --contract thesis --demo):
#
#   texts    the contract's raw 18-decimal amounts with their figures beside
#            them, on the message line ("Info: 100000000000000000 eEuro
#            locked (0.1 eEuro)") and in Activity ("Parameter B set to
#            10000000000000000 (0.01 ENT/kWh)")
#
# Each asserts what the issue saw; run against the build before, each fails.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

ITEM=${1:?usage: thesis.sh texts}
devnet_up --contract thesis --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
E16=0000000000000000

# panel WHO: the panel as WHO at 200x50, the first page drawn.
panel() {
    TUI_COLS=200 TUI_LINES=50 tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$(key_file "$1")"
    tui_expect "the first page" "Your tokens"
}

texts() {
    echo "# the voters set B to 0.01; A asks to withdraw 0.1 eEuro in the panel"
    assert_match "A votes" "$(tx A 'setParameter(string,uint256)' B "1$E16")" "*"
    assert_match "B votes: passed" "$(tx B 'setParameter(string,uint256)' B "1$E16")" \
        "Info: Parameter B set to 1$E16"
    assert_match "C, the banker, mints A 1 eEuro" \
        "$(tx C 'minteEuro(address,uint256)' "${ADDR[A]}" "100$E16")" "Info: 100$E16 eEuro minted*"
    panel A
    tui_keys w
    tui_expect "the withdrawal form" "Withdraw eEuro"
    tui_type 0.1
    tui_keys Enter
    tui_sign
    tui_wait_message "Info:" 60
    assert_eq "the message line" "$(tui_message)" \
        "Info: 10$E16 eEuro locked (0.1 eEuro)"
    tui_page 9
    tui_expect "this session's record" "Info: 10$E16 eEuro locked (0.1 eEuro)"
    tui_expect "the index's record of the vote" "Parameter B set to 1$E16 (0.01 ENT/kWh)"
}

case $ITEM in
texts) "$ITEM" ;;
*) echo "thesis.sh: no item $ITEM" >&2; exit 2 ;;
esac
tui_keys q
assert_summary
