#!/usr/bin/env bash
# thesis.sh ITEM: issue 17's item 10 in tmux on a deployment that behaves
# like the thesis's own contract (devnet/start --contract thesis --demo):
#
#   texts    the contract's raw 18-decimal amounts with their figures beside
#            them, on the message line ("Info: 100000000000000000 eEuro
#            locked (0.1 eEuro)") and in Activity ("Parameter B set to
#            10000000000000000 (0.01 ENT/kWh)")
#   costs    B voted to 0.01, which that contract does not enforce, and a
#            loss opens the gap: Network info says what the node charges
#            beside B
#   charts   the same gap on Charts at 80x24: the costs, a unit's energy
#            and A's ENT are the node's (read at each point's block), the
#            page says so, and no figure is marked "replayed"; through a
#            node that keeps no past state, the page says the costs are
#            replayed and marks the burning cost the node contradicts
#   locked   A's 9.05 eEuro locked after the demo's fill below its limit:
#            8.1 backs its open buy, 0.95 backs nothing; a withdrawal
#            request of 0.1 counted as such
#   records  this session's transaction in Activity: its block (an Error
#            too is mined), its sender, its time; the header names a
#            --private-key-file account after its contact
#   banker   that contract lets the banker burn or unlock only eEuro it
#            locked itself: with A's request pending, the Banker page says
#            so in the node's words (a simulation), its keys line offers
#            neither, and x and u say why instead of opening their forms
#
# Each asserts what the issue saw; run against the build before, each fails.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

ITEM=${1:?usage: thesis.sh texts|costs|charts|locked|records|banker}
devnet_up --contract thesis --demo 2>/dev/null || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT
E16=0000000000000000

# panel WHO [COLS LINES [RPC]]: the panel as WHO at 200x50 (on the devnet),
# the first page drawn.
panel() {
    TUI_COLS=${2:-200} TUI_LINES=${3:-50} tui_start --rpc "${4:-$DEVNET_RPC}" \
        --contract-json "$DEVNET_JSON" \
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

# The voters set B to 0.01; U2 reports 1000 Wh really stored (1143 Wh lost):
# both costs 0.05715 ENT/kWh, above B; A consumes 300 Wh from U2.
gap() {
    assert_match "A votes B" "$(tx A 'setParameter(string,uint256)' B "1$E16")" "*"
    assert_match "B votes B: passed" "$(tx B 'setParameter(string,uint256)' B "1$E16")" \
        "Info: Parameter B set to*"
    assert_eq "U2 reports a loss" "$(tx U2 'reportActualEnergy(uint256)' 1000)" ""
    assert_eq "the costs the node charges" "$(rd A 'getEnergyCosts()(uint256,uint256)')" \
        "57150000000000000 57150000000000000"
    assert_match "A opens a session with U2" \
        "$(tx A 'startConsumptionSession(address,uint256)' "${ADDR[U2]}" "50$E16")" "Info:*"
    assert_eq "U2 reports 300 Wh for A" "$(tx U2 'energyConsumed(address,uint256)' "${ADDR[A]}" 300)" ""
}

costs() {
    gap
    local u2_node
    u2_node=$(rd A 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U2]}")
    panel A
    tui_page 3
    tui_expect "Network info: what the node charges, beside B" \
        "B: the node charges 0.05715 ENT/kWh now, more than the voted 0.01 ENT/kWh"
}

# No line of the screen says "replayed".
no_replayed() {
    assert_eq "$1: no figure marked replayed" "$(tui_screen | grep -c replayed)" 0
}

charts() {
    gap
    local u2_node ent_a ent_l
    u2_node=$(rd A 'getStorageUnitEnergy(address)(uint256)' "${ADDR[U2]}")
    read -r ent_a ent_l <<<"$(rd A 'balanceENT()(uint256,uint256)')"
    panel A 80 24
    tui_page 0
    tui_keys c c
    tui_expect "the costs chart" "Energy costs   range: all"
    tui_expect "the costs the node charges, not B's 0.01" \
        "now: mint 0.05715 ENT/kWh, burn 0.05715 ENT/kWh"
    tui_expect "where they come from" "Costs read from the node at each point's block"
    no_replayed "the costs chart"
    tui_keys c
    tui_expect "the units chart" "Energy per unit   range: all"
    tui_expect "U2's energy, the node's" \
        "Unit ${ADDR[U2]:0:6}..${ADDR[U2]: -4}: $(awk '{ printf "%g", $1 / 1000 }' <<<"$u2_node") kWh"
    no_replayed "the units chart"
    tui_keys c c
    tui_expect "A's balances" "My balances   range: all"
    tui_expect "A's ENT, the node's" \
        "holds $(echo "scale=18; ($ent_a + $ent_l) / 10^18" | bc | sed -E 's/^\./0./; s/\.?0+$//') ENT"
    tui_expect "where it comes from" "ENT read from the node at each point's block"
    no_replayed "the balances chart"
    echo "# through a node that keeps no past state"
    proxy_up prune-state "$(("$("$CAST" block-number --rpc-url "$DEVNET_RPC")" + 1))"
    panel A 80 24 "$PROXY_RPC"
    tui_page 0
    tui_keys c c
    tui_expect "the costs chart" "Energy costs   range: all"
    tui_expect "where they come from" "Costs replayed (the node keeps no past state)"
    tui_expect "the replayed burning cost, marked" "Burning cost 0.01 ENT/kWh: replayed; the node says"
}

locked() {
    assert_match "C, the banker, mints A 1 eEuro" \
        "$(tx C 'minteEuro(address,uint256)' "${ADDR[A]}" "100$E16")" "Info:*"
    assert_match "A asks to withdraw 0.1" "$(tx A 'lockeEuro(uint256)' "10$E16")" "Info:*"
    assert_eq "A's eEuro on the node" "$(rd A 'balanceeEuro()(uint256,uint256)')" \
        "90$E16 915$E16"
    panel A
    tui_expect "what A's locked eEuro backs" \
        "Your 9.15 eEuro locked: 8.1 eEuro backs your open buy orders; 0.1 eEuro backs your withdrawal request; 0.95 eEuro backs nothing"
}

records() {
    "$POWERCHAIN_BIN" contacts add carol "${ADDR[C]}" >/dev/null
    assert_match "C, the banker, mints itself 1 eEuro" \
        "$(tx C 'minteEuro(address,uint256)' "${ADDR[C]}" "100$E16")" "Info:*"
    assert_match "C asks to withdraw 0.2" "$(tx C 'lockeEuro(uint256)' "20$E16")" "Info:*"
    panel C
    tui_expect "the header names the key file's account after its contact" \
        "carol ${ADDR[C]}"
    echo "# C, the banker, burns more than its own request: the contract refuses (an Error, mined)"
    tui_page 6
    tui_expect "C's request" "0.2 eEuro"
    tui_keys x
    tui_expect "the burn form" "Burn locked eEuro"
    tui_keys Enter
    tui_type 5
    tui_keys Enter
    tui_expect "the confirmation" "Sign all the same?"
    tui_keys y
    tui_wait_message "Error:" 60
    tui_page 9
    tui_expect "this session's transaction" "failed"
    tui_keys Home Enter
    tui_expect "its detail" "Transaction 1 of"
    tui_expect "the block it was mined in" "block  #"
    tui_expect "its sender" "sender ${ADDR[C]}"
    tui_expect "its time" " UTC"
}

# The last line of the screen: the keys the page offers.
keys_line() { tui_screen | tail -n 1; }

banker() {
    assert_match "C, the banker, mints A 1 eEuro" \
        "$(tx C 'minteEuro(address,uint256)' "${ADDR[A]}" "100$E16")" "Info:*"
    assert_match "A asks to withdraw 0.1" "$(tx A 'lockeEuro(uint256)' "10$E16")" "Info:*"
    assert_match "the node refuses C's burn of it" \
        "$(tx C 'burneEuro(address,uint256)' "${ADDR[A]}" "10$E16")" \
        "Error: Only banker can burn locked eEuro"
    panel C
    tui_page 6
    tui_expect "A's request" "0.1 eEuro"
    tui_expect "the page says what the deployment refuses, in the node's words" \
        'the node says "Error: Only banker can burn locked eEuro"'
    tui_has "burn and unlock both" "refuses this account's burn and unlock of another"
    assert_match "the keys line offers mint" "$(keys_line)" "*m mint*"
    assert_eq "the keys line offers no burn" "$(keys_line | grep -c 'x burn')" 0
    assert_eq "the keys line offers no unlock" "$(keys_line | grep -c 'u unlock')" 0
    tui_keys x
    tui_wait_message "burning another account's request is not offered here" 30
    assert_eq "x says why" "$(tui_message)" "burning another account's request is not offered \
here: the node says \"Error: Only banker can burn locked eEuro\" (simulated)"
    assert_eq "no burn form opened" "$(tui_screen | grep -c 'Burn locked eEuro')" 0
    tui_keys u
    tui_wait_message "unlocking another account's request is not offered here" 30
    assert_match "u says why, in the node's words for it" "$(tui_message)" \
        "*\"Error: Only banker can unlock locked eEuro\"*"
    assert_eq "no unlock form opened" "$(tui_screen | grep -c 'Unlock eEuro')" 0
}

case $ITEM in
texts | costs | charts | locked | records | banker) "$ITEM" ;;
*) echo "thesis.sh: no item $ITEM" >&2; exit 2 ;;
esac
tui_keys q
assert_summary
