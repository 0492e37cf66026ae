#!/usr/bin/env bash
# The confirmation says what the call does (wallet/effect.h): the transfer
# in words with the contact's name, the most the fee can be (gas limit x
# max fee per gas, exact) and the account's coin balance as the node has
# it; sending ENT to one's own address shows a warning.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT

# A (the only voter) registers U1, which produces 10 kWh for A: 8 ENT.
tx A 'registerStorageUnit(address,address)' "${ADDR[U1]}" "${ADDR[C]}" >/dev/null
tx U1 'energyProduced(address,uint256)' "${ADDR[A]}" 10000 >/dev/null
"$POWERCHAIN_BIN" contacts add dave "${ADDR[D]}" >/dev/null

# wei_to_coin WEI: 18-decimal text without trailing zeros ("9999.5").
wei_to_coin() {
    local w=$1 int frac
    while ((${#w} < 19)); do w=0$w; done
    int=${w:0:${#w}-18}
    frac=${w: -18}
    frac=${frac%"${frac##*[!0]}"}
    echo "${int}${frac:+.$frac}"
}

# coin_to_wei TEXT SCALE: a decimal with up to SCALE decimals as an integer.
coin_to_wei() {
    local int=${1%%.*} frac=
    [[ $1 == *.* ]] && frac=${1#*.}
    frac=$(printf '%-*s' "$2" "$frac" | tr ' ' 0)
    echo $((10#$int$frac))
}

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file A)"
tui_expect "A's 8 ENT" "8 ENT"

echo "# a transfer to a contact: the effect, the fee and the balance"
tui_keys 1 t
tui_type dave
tui_keys Enter
tui_type 1.5
tui_keys Enter
tui_expect "the effect in words" "what it does transfers 1.5 ENT to ${ADDR[D]}"
screen=$(tui_screen)
fee=$(grep -oE 'fee at most [0-9.]+ ETH \([0-9]+ gas x [0-9.]+ gwei\)' <<<"$screen")
assert_match "the fee line" "$fee" 'fee at most *'
if [[ $fee =~ at\ most\ ([0-9.]+)\ ETH\ \(([0-9]+)\ gas\ x\ ([0-9.]+)\ gwei ]]; then
    assert_eq "fee = gas limit x max fee per gas, exact" \
        "$(coin_to_wei "${BASH_REMATCH[1]}" 18)" \
        "$(($(coin_to_wei "${BASH_REMATCH[3]}" 9) * BASH_REMATCH[2]))"
fi
balance=$(wei_to_coin "$("$CAST" balance "${ADDR[A]}" --rpc-url "$DEVNET_RPC")")
tui_expect "A's coin balance" "your balance $balance ETH"
assert_eq "no warning for a contact" "$(grep -c 'warning' <<<"$screen")" 0
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"

echo "# ENT to one's own address: a warning"
tui_keys t
tui_type "${ADDR[A]}"
tui_keys Enter
tui_type 1
tui_keys Enter
tui_expect "the effect" "what it does transfers 1 ENT to ${ADDR[A]}"
tui_expect "the warning" "warning      TO is your own address"
tui_keys n
tui_expect "cancelled" "cancelled; nothing was sent"
assert_eq "A's ENT unchanged" "$(rd A 'balanceENT()(uint256,uint256)')" "8000000000000000000 0"
tui_keys q
assert_summary
