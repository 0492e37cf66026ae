#!/usr/bin/env bash
# The confirmation shows what the contract itself will do, simulated on the
# node before anything is signed (80x24), in the three cases where the
# panel's own prediction used to promise something else (issue 16):
#   1. U2 reports 1500 Wh against A's 1000 Wh session: 1 ENT burned, 500 Wh
#      beyond the session, which ends (the prediction said "burns about
#      1.5 ENT");
#   2. U1 reports consumption for A, who has no session with U1: the
#      contract's Error, and the dialog a warning with Cancel focused (the
#      prediction said "burns about 0.1 ENT");
#   3. the banker burns 0.3 eEuro against A's 0.2 locked: the Error (the
#      prediction said "burns 0.3 eEuro that A locked").
# Each time the dialog's text of the contract equals, after signing, the
# receipt's (read with cast, an independent client) and the panel's
# outcome. tests/tui/expired.sh has the fourth case, clearOldSessions.
# A dialog taller than 80x24 (a buy that trades) scrolls, nothing cut.
# Last, behind a node that offers neither eth_simulateV1 nor
# debug_traceCall, the dialog says what could not be simulated and marks
# the figures it predicts itself as estimates.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT

tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx A 'registerStorageUnit(address,address)' "${ADDR[U2]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null   # A: 8 ENT
tx U2 'energyProduced(address,uint256)' "${ADDR[B]}" 5000 >/dev/null
tx A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" 1000000000000000000 >/dev/null
tx A 'changeBanker(address)' "${ADDR[C]}" >/dev/null
tx C 'minteEuro(address,uint256)' "${ADDR[A]}" 2000000000000000000 >/dev/null
tx A 'lockeEuro(uint256)' 200000000000000000 >/dev/null                 # A asks 0.2 back

# The Info/Error texts of the latest transaction's receipt, as cast reads them.
last_texts() {
    local hash
    hash=$("$CAST" block latest --json --rpc-url "$DEVNET_RPC" | jq -r '.transactions[-1]')
    "$CAST" receipt "$hash" --json --rpc-url "$DEVNET_RPC" |
        jq -r --arg i "$TOPIC_INFO" --arg e "$TOPIC_ERROR" \
            '.logs[] | select(.topics[0] == $i or .topics[0] == $e) | "\(.topics[0]) \(.data)"' |
        while read -r topic data; do
            [[ $topic == "$TOPIC_INFO" ]] && printf 'Info: ' || printf 'Error: '
            "$CAST" abi-decode 'f()(string)' "$data" | sed 's/^"//; s/"$//'
        done
}

# as WHO [NODE]: the panel at 80x24, signing as WHO.
as() {
    TUI_COLS=80 TUI_LINES=24 tui_start --rpc "${2:-$DEVNET_RPC}" --contract-json "$DEVNET_JSON" \
        --private-key-file "$(key_file "$1")"
    tui_expect "connected" "connected"
}

# signed WHAT: y in the dialog; the panel's outcome must equal what the
# dialog said the contract emits ($said), and so must the receipt's texts.
# The message shows whole, over as many lines as it needs.
signed() {
    tui_keys y
    tui_wait_message "${said:0:6}"
    assert_eq "$1: the panel's outcome is the dialog's" "$(tui_message)" "$said"
    assert_eq "$1: the receipt's texts are the dialog's" "$(last_texts)" "$said"
}

echo "# 1. U2 reports 1500 Wh against A's 1000 Wh session"
as U2
tui_keys 8 c
tui_expect "the form" "Report energy consumed"
tui_type "${ADDR[A]}"
tui_keys Enter
tui_type 1500
tui_keys Enter
tui_expect "the dialog" "Sign and send this transaction? energyConsumed"
said=$(tui_dialog "the contract")
assert_eq "1: what the contract says" "$said" \
    "Info: Energy consumed >> 1000 Wh by $(hex A): 1 ENT burned; 500 Wh beyond the session, session ended"
assert_eq "1: the figures it changes" \
    "$(tui_screen | grep -cF "${ADDR[A]}: ENT locked 1 ENT -> 0 ENT")" 1
assert_eq "1: it fits at 80x24: nothing below" "$(tui_screen | grep -cF '[ n  Cancel ]  or Esc')" 1
assert_eq "1: no estimate left" "$(tui_screen | grep -c '(estimate)')" 0
assert_match "1: the intent, with the simulated figure" "$(tui_dialog "what it does")" \
    "burns 1 ENT of ${ADDR[A]}*"
signed "1"
assert_eq "1: A's session is gone, its ENT burned" "$(rd A 'balanceENT()(uint256,uint256)')" \
    "7000000000000000000 0"

echo "# 2. U1 reports consumption for A, who has no session with U1"
as U1
tui_keys 8 c
tui_expect "the form" "Report energy consumed"
tui_type "${ADDR[A]}"
tui_keys Enter
tui_type 100
tui_keys Enter
tui_expect "a warning" "the contract would refuse it. Sign all the same?"
said=$(tui_dialog "the contract")
assert_eq "2: the contract's Error" "$said" "Error: No open consumption session with $(hex A)"
assert_eq "2: quoted in the warning" "$(tui_dialog warning)" \
    "the contract would refuse it: Error: No open consumption session with $(hex A)"
nonce=$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[U1]}")
tui_keys Enter
tui_expect "2: Enter answers No" "cancelled; nothing was sent"
assert_eq "2: nothing signed" "$("$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[U1]}")" "$nonce"
tui_keys c
tui_expect "the form" "Report energy consumed"
tui_type "${ADDR[A]}"
tui_keys Enter
tui_type 100
tui_keys Enter
tui_expect "the warning again" "the contract would refuse it"
signed "2"

echo "# 3. the banker burns 0.3 eEuro against A's 0.2 locked"
as C
tui_keys 6
tui_expect "A's request" "0.2 eEuro"
tui_keys x
tui_expect "the form" "Burn locked eEuro"
tui_keys Down C-u
tui_type 0.3
tui_keys Enter
tui_expect "a warning" "the contract would refuse it. Sign all the same?"
said=$(tui_dialog "the contract")
assert_eq "3: the contract's Error" "$said" "Error: Not enough locked eEuro tokens"
signed "3"
assert_eq "3: A's 0.2 eEuro still locked" "$(rd A 'balanceeEuro()(uint256,uint256)')" \
    "1800000000000000000 200000000000000000"

echo "# a dialog taller than the terminal scrolls: a buy that trades three times"
tx B 'addOrder(uint256,uint256,bool)' 300000000000000000 1000000000000000000 false >/dev/null
tx B 'addOrder(uint256,uint256,bool)' 350000000000000000 1000000000000000000 false >/dev/null
tx C 'addOrder(uint256,uint256,bool)' 400000000000000000 1000000000000000000 false >/dev/null
as A
tui_keys 4 b
tui_expect "the form" "Price"
tui_type 0.4
tui_keys Enter
tui_type 3
tui_keys Enter
tui_expect "the dialog" "Sign and send this transaction? addOrder"
tui_expect "more below" "more below"
below=$(tui_screen | sed -n 's/.*Down: \([0-9]*\) more below.*/\1/p')
assert_eq "the nonce line is out of sight" "$(tui_screen | grep -c 'nonce  ')" 0
for ((i = 0; i < below; i++)); do tui_keys Down; done
tui_expect "scrolled to the end" "Up: $below more above"
tui_expect "the last line" "nonce        "
tui_keys Down Down
tui_expect "no further" "Up: $below more above"
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"

echo "# 4. a node with neither eth_simulateV1 nor debug_traceCall: eth_call"
proxy_up refuse-methods eth_simulateV1,debug_traceCall
as A "$PROXY_RPC"
tui_keys 2 s
tui_expect "the form" "Start a consumption session"
tui_keys Down
tui_type 1
tui_keys Enter
tui_expect "the dialog" "Sign and send this transaction? startConsumptionSession"
assert_match "4: the Wh it buys, an estimate" "$(tui_dialog "what it does")" \
    "buys * Wh from ${ADDR[U1]} (estimate) *"
assert_eq "4: what could not be simulated" "$(tui_dialog simulation)" \
    "the node offers neither eth_simulateV1 nor debug_traceCall: only whether it reverts is known; its Info/Error texts, gas and the figures after it could not be simulated"
assert_eq "4: no text of the contract" "$(tui_dialog "the contract")" ""
tui_keys n
tui_expect "4: cancelled" "cancelled; nothing was sent"
tui_keys q
for ((i = 0; i < 200; i++)); do tui_running || break; sleep 0.05; done
assert_eq "a clean exit (nothing leaked under ASan)" "$(tail -n 1 "$TUI_LOG")" "exit 0"
assert_summary
