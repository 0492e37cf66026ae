#!/usr/bin/env bash
# Issue 6: every field of every form refuses bad input with a reason next to
# it that names the problem, and nothing is sent. For each form and each of
# its fields, the other fields get good values, then the field gets each bad
# value of its kind (empty, too long, wrong checksum, too many decimals,
# negative, over 2^256, non-ASCII, control characters) and Enter; the reason
# must show and the confirmation must not. The account's nonce stays put.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT
E18=000000000000000000

# Roles and balances, so that every form opens and its good values pass:
# A is voter and banker, holds ENT and eEuro, and has buy order #0.
tx A 'changeBanker(address)' "${ADDR[A]}" >/dev/null
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
tx A 'minteEuro(address,uint256)' "${ADDR[A]}" "100$E18" >/dev/null
tx A 'addOrder(uint256,uint256,bool)' "1$E18" "1$E18" true >/dev/null
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "roles read" "voter banker"

ones() { printf "%${1}s" "" | tr ' ' 1; }
zeros() { printf "%${1}s" "" | tr ' ' 0; }
EMPTY="empty: a value is required"
LONG="too long: at most 127 characters"
NONASCII="non-ASCII character"
# "^C" stands for control characters typed: they never enter the field.
# Two rows in a row never expect the same text, nor does a field's first row
# expect its predecessor's last: a screen not redrawn yet cannot pass.
ADDRESS_BAD=("|$EMPTY" "0x$(ones 200)|$LONG" "^C|$EMPTY"
    "0x70997970c51812dc3A010C7d01b50e0d17dc79C8|${ADDR[B]}"
    "0x70997970C51812dc3A010C7d01b50e0d17dc79é|$NONASCII")
AMOUNT_BAD=("|$EMPTY" "$(ones 200)|$LONG" "^C|$EMPTY" "1.0000000000000000001|more than 18 decimals"
    "-1|negative: must be 0 or more" "1$(zeros 60)|amount too large" "1€|$NONASCII")
WHOLE_BAD=("|$EMPTY" "$(ones 200)|$LONG" "^C|$EMPTY" "1.5|must be a whole number"
    "-1|negative: must be 0 or more" "1$(zeros 78)|number too large" "１|$NONASCII")
PARAM_BAD=("|$EMPTY" "$(ones 200)|$LONG" "^C|$EMPTY" "X|must be one of M, B, C, H, F"
    "Ω|$NONASCII")
# Fields with a limit also refuse zero.
POSITIVE_BAD=("0|must be more than 0")

# Forms: "page key|title|kinds of the visible fields" (A address, F amount,
# W whole number, N parameter name; + a field that must be more than 0).
FORMS=(
    "1 t|Transfer ENT|A F+" "1 e|Transfer eEuro|A F+" "1 w|Withdraw eEuro|F+"
    "2 s|Start a consumption session|A F+"
    "4 b|Buy ENT|F+ F+" "4 s|Sell ENT|F+ F+" "4 x|Remove your buy order|W"
    "5 a|Vote: add a voter|A" "5 d|Vote: remove a voter|A"
    "5 u|Vote: register a storage unit|A A" "5 x|Vote: remove a storage unit|A"
    "5 b|Vote: change the banker|A" "5 p|Vote: set a parameter|N F"
    "6 m|Mint eEuro|A F+" "6 x|Burn locked eEuro|A F+" "6 u|Unlock eEuro|A F+"
    "8 p|Report energy produced|A W+" "8 c|Report energy consumed|A W+"
    "8 a|Report the actual energy stored|W" "8 e|Energy left in a session|A"
)

good_value() {
    case $1 in A*) echo "${ADDR[D]}" ;; N) echo M ;; *) echo 1 ;; esac
}

panel() { tmux -L "$TUI_SOCK" send-keys -t "$TUI_SESSION" "$@"; }

# enter_value VALUE ENTERS: clears the field, types VALUE and presses Enter
# ENTERS times, in one tmux call.
enter_value() {
    local keys=(send-keys -t "$TUI_SESSION" C-u) i
    if [[ $1 == "^C" ]]; then
        # Control keys, then U+009B (the 8-bit CSI) as UTF-8.
        keys+=(C-a C-b C-e C-g C-k \; send-keys -t "$TUI_SESSION" -l -- $'\xc2\x9b')
    elif [[ -n $1 ]]; then
        keys+=(\; send-keys -t "$TUI_SESSION" -l -- "$1")
    fi
    keys+=(\; send-keys -t "$TUI_SESSION")
    for ((i = 0; i < $2; i++)); do keys+=(Enter); done
    tmux -L "$TUI_SOCK" "${keys[@]}"
}

# check_reason WHAT TEXT: TEXT shows and the confirmation never does.
check_reason() {
    local screen end=$((SECONDS + WAIT_SECONDS))
    while ((SECONDS < end)); do
        screen=$(tui_screen)
        if [[ $screen == *"Sign and send"* ]]; then
            panel n
            assert_eq "$1: no confirmation" shown "not shown"
            return
        fi
        if [[ $screen == *"$2"* ]]; then
            ASSERT_PASSED=$((ASSERT_PASSED + 1))
            return
        fi
        sleep 0.02
    done
    assert_eq "$1: reason on screen" "$(grep -F -- '!' <<<"$screen" | head -n 3)" "$2"
}

# test_field KEYS TITLE KINDS INDEX
test_field() {
    local keys=$1 title=$2 k=$4 kinds row value want j n
    read -ra kinds <<<"$3"
    n=${#kinds[@]}
    # shellcheck disable=SC2086 # page and form key
    panel $keys
    if ! tui_wait "$title"; then
        assert_eq "$title opens" no yes
        panel Escape
        return
    fi
    for ((j = 0; j < n; j++)); do
        panel C-u
        ((j != k)) && panel -l -- "$(good_value "${kinds[j]}")"
        panel Tab
    done
    for ((j = 0; j < k; j++)); do panel Tab; done
    local -n bad
    case ${kinds[k]} in
        A) bad=ADDRESS_BAD ;; N) bad=PARAM_BAD ;; W*) bad=WHOLE_BAD ;; *) bad=AMOUNT_BAD ;;
    esac
    local rows=("${bad[@]}")
    [[ ${kinds[k]} == *+ ]] && rows+=("${POSITIVE_BAD[@]}")
    for row in "${rows[@]}"; do
        value=${row%%|*} want=${row#*|}
        enter_value "$value" $((n - k))
        check_reason "$title, field $((k + 1)), '${value:0:24}'" "$want"
    done
    panel Escape
}

for form in "${FORMS[@]}"; do
    IFS='|' read -r keys title kinds <<<"$form"
    echo "# $title"
    read -ra list <<<"$kinds"
    for ((f = 0; f < ${#list[@]}; f++)); do
        test_field "$keys" "$title" "$kinds" "$f"
    done
done

echo "# characters typed past a field's room are not kept, and must be deleted"
panel 1 t
tui_expect "Transfer ENT opens" "Transfer ENT"
panel C-u
panel -l -- "0x$(ones 128)"
panel BSpace Tab C-u
panel -l -- 1
panel Enter
check_reason "130 characters typed, one deleted" "too long: at most 127 characters; 2 more typed, delete them"
panel BSpace BSpace Tab Enter # the cursor is back on the field to fix
check_reason "the excess deleted: the 127 characters kept are checked" "40 expected"
panel Escape

assert_eq "nothing was sent: A's nonce" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}")" \
    "$nonce"
tui_expect "panel still running" "PowerChain"
tui_keys q
assert_summary
