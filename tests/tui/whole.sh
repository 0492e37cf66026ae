#!/usr/bin/env bash
# whole.sh ITEM: issue 17's items 1 to 5, on the demo chain in tmux at the
# panel's smallest size, 80x24 (and 200x50 where the issue saw it there):
#
#   market   the book's quantities whole, never run into "mine", the owner
#            shown or said hidden, widths that stay put while scrolling
#   header   disconnected: the state and the block whole side by side; the
#            account's roles whole beside "unlocked"
#   widths   "eEuro in circulation" whole with its unit at 200 and 80 columns
#   texts    the message line, Activity's rows and texts, a record's hash,
#            Voting's detail, Accounts' footer, the password dialog's reason
#            and the forms' labels, each whole
#   voting   six passed proposals: "n of m", the newest reachable under its
#            heading, each tally on the line its description starts
#
# Each asserts what the issue saw cut; run against the build before the
# table writer, each fails.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"

ITEM=${1:?usage: whole.sh market|header|widths|texts|voting}
devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; devnet_down' EXIT
E18=000000000000000000
short() { echo "${ADDR[$1]:0:6}..${ADDR[$1]: -4}"; }
KS=(--keystore "$DEVNET_DIR/keystore")

# panel ARGS...: the panel on the demo chain at 80x24, the first page drawn.
panel() {
    tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"
    tui_resize 80 24
    tui_expect "the first page" "Your tokens"
}

# screen_row WHAT REGEX: a line on screen now matches the extended REGEX.
screen_row() {
    if tui_screen | grep -qE -- "$2"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1: no line matches /$2/:"
        tui_screen | sed 's/^/    | /'
    fi
}

# column_of TEXT: the screen column where TEXT starts on the first line
# that holds it ("" when none does).
column_of() {
    tui_screen | awk -v t="$1" '{ i = index($0, t); if (i) { print i - 1; exit } }'
}

market() {
    echo "# A sells 1.123456789012345678 ENT at 1 wei and buys 1 wei of ENT at 1234567.89...; 30 more orders"
    assert_match "A's sell" "$(tx A 'addOrder(uint256,uint256,bool)' 1 1123456789012345678 false)" \
        "Info: Order added >> sell #1*"
    assert_match "A's buy" \
        "$(tx A 'addOrder(uint256,uint256,bool)' 1234567891234567891234567 1 true)" \
        "Info: Order added >> buy #1*"
    local i top_qty end_qty
    for ((i = 0; i < 30; i++)); do
        tx A 'addOrder(uint256,uint256,bool)' "$((i + 2))" "$(((i + 1) * 37))00000000000" false \
            >/dev/null
    done
    panel --private-key-file "$(key_file A)"
    tui_keys 4
    tui_expect "the book" "of 33"
    tui_keys End
    tui_expect "the end of the book" "order 33 of 33"
    # Each quantity whole: a space or the line's end after it, never "mine".
    screen_row "the demo's buy of 8.1 ENT" 'BUY #0 +1 +8\.1( |$)'
    screen_row "the buy of 1 wei of ENT" \
        'BUY #1 +1234567\.891234567891234567 +0\.000000000000000001( |$)'
    screen_row "A's sell of 1.123456789012345678 ENT" \
        'SELL #1 +0\.000000000000000001 +1\.123456789012345678( |$)'
    # The owner: shown, or the page says it is hidden.
    if tui_screen | grep -qF "hidden: owner"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        screen_row "the owner column" 'BUY #0 .* mine'
    fi
    echo "# the columns stay where they are from the top of the book to its end"
    tui_keys Home
    tui_expect "the top again" "order 1 of 33"
    top_qty=$(column_of "ENT ")
    tui_keys End
    tui_expect "the end again" "order 33 of 33"
    end_qty=$(column_of "ENT ")
    assert_eq "the quantity column's heading in one place" "$end_qty" "$top_qty"
}

header() {
    echo "# A (named A in the demo keystore) is also a storage unit it owns, and unlocked"
    assert_match "A registers itself as a unit" \
        "$(tx A 'registerStorageUnit(address,address)' "${ADDR[A]}" "${ADDR[A]}")" "*"
    assert_match "B agrees" \
        "$(tx B 'registerStorageUnit(address,address)' "${ADDR[A]}" "${ADDR[A]}")" "Info:*"
    panel "${KS[@]}" --account A --password-file "$DEVNET_DIR/demo-password"
    tui_keys 1 t
    tui_type "${ADDR[B]}"
    tui_keys Tab
    tui_type 0.000000000000000001
    tui_keys Enter
    tui_sign
    tui_expect "signed: the key unlocked" "unlocked 4:"
    local line
    line=$(tui_screen | sed -n 2p)
    assert_match "the roles whole beside the unlocked time" "$line" \
        "*voter storage-unit unit-owner *unlocked 4:*"
    echo "# the node goes away: the state and the block each whole"
    "$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR"
    tui_expect "disconnected" "disconnected, retrying" 30
    line=$(tui_screen | head -1)
    assert_match "the header's first line" "$line" \
        "*chain 4200  as of block #[0-9]*, [0-9]* s ago *disconnected, retrying"
}

widths() {
    echo "# C, the banker, mints 5.123456789012345678 eEuro: 15.123456789012345678 in circulation"
    assert_match "minted" "$(tx C 'minteEuro(address,uint256)' "${ADDR[B]}" 5123456789012345678)" \
        "Info: eEuro minted*"
    panel --private-key-file "$(key_file C)"
    local size
    for size in "200 50" "80 24"; do
        tui_resize $size
        tui_keys 6
        tui_expect "Banker at $size: eEuro in circulation whole" "15.123456789012345678 eEuro"
        tui_keys 3
        tui_expect "Network info at $size: eEuro in circulation whole" "15.123456789012345678 eEuro"
    done
}

texts() {
    echo "# C burns 0.2 of A's locked eEuro; B proposes C = 0.1"
    assert_match "A locks 0.5" "$(tx A 'lockeEuro(uint256)' 500000000000000000)" "*"
    assert_match "C burns 0.2" "$(tx C 'burneEuro(address,uint256)' "${ADDR[A]}" 200000000000000000)" \
        "*"
    assert_match "B proposes" "$(tx B 'setParameter(string,uint256)' C 100000000000000000)" \
        "Info: You are in favor of*"
    panel "${KS[@]}" --account A
    echo "# the message line: a refusal of 93 characters, whole over two lines"
    tui_keys 5 Home o
    tui_expect "the reason's end" "turn against"
    echo "# Voting's detail: the first vote's block"
    tui_expect "the detail's rule, whole" "passes at more than half; first vote at block #"
    echo "# Activity: calls with their amounts, every text whole"
    tui_keys 9
    tui_expect "the history" "newest first"
    tui_keys /
    tui_type burneEuro
    tui_keys Enter
    tui_expect "burneEuro with its amount" "0.2 eEuro)"
    tui_keys Escape /
    tui_type trade
    tui_keys Enter
    tui_expect "A's order's second text" "Trade >> 1.9 ENT"
    tui_keys Escape /
    tui_type minted
    tui_keys Enter
    tui_expect "C's minting" "eEuro minted >> 10 to"
    tui_expect "the address in its text, whole" "$(hex A)"
    tui_keys Escape
    echo "# a record opened whole: its hash on one line"
    local newest
    newest=$(curl -s -H 'Content-Type: application/json' \
        --data '{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["latest",false]}' \
        "$DEVNET_RPC" | jq -r '.result.transactions[0]')
    tui_keys Home Enter
    tui_expect "the newest record" "Transaction 1 of"
    tui_expect "its hash whole" "$newest"
    tui_keys Escape
    echo "# Accounts' footer"
    tui_keys 7
    tui_expect "the footer whole" "unlocked keys are wiped after 5 min)"
    echo "# forms: a space between each label and its value"
    tui_keys 4 b
    tui_type 0.9
    tui_expect "the price's label and value" "Price eEuro/ENT  0.9"
    tui_keys Escape 1 e Tab
    tui_type 0.2
    tui_expect "the amount's label and value" "Amount (eEuro)  0.2"
    echo "# the password dialog: a wrong password's reason whole"
    tui_keys Escape 1 t
    tui_type "${ADDR[B]}"
    tui_keys Tab
    tui_type 0.000000000000000001
    tui_keys Enter
    tui_sign
    tui_expect "the password asked" "Unlock the account"
    tui_type not-the-password
    tui_keys Enter
    tui_expect "the reason, whole" "(MAC mismatch)" 30
}

voting() {
    echo "# six passed proposals (the demo's four and two more), one open"
    local v
    for v in D U2; do
        assert_match "A adds a voter" "$(tx A 'addVoter(address)' "${ADDR[$v]}")" "*"
        tx B 'addVoter(address)' "${ADDR[$v]}" >/dev/null
    done
    assert_match "B proposes C = 0.1" "$(tx B 'setParameter(string,uint256)' C 100000000000000000)" \
        "Info: You are in favor of*"
    panel --private-key-file "$(key_file A)"
    tui_keys 5
    tui_expect "the list says where it is" "proposal 1 of 7"
    tui_keys G
    tui_expect "G: the last" "proposal 7 of 7"
    tui_expect "the newest passed one" "Add voter $(short U2)"
    tui_expect "under its heading" "Passed proposals"
    assert_match "its tally on its description's line" \
        "$(tui_screen | grep -F "Add voter $(short U2)" | head -1)" "*2 of 3 in favour  Add voter*"
}

case $ITEM in
market | header | widths | texts | voting) "$ITEM" ;;
*) echo "whole.sh: no item $ITEM" >&2; exit 2 ;;
esac
tui_keys q
assert_summary
