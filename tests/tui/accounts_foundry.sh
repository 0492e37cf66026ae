#!/usr/bin/env bash
# The Accounts page over a Foundry keystore folder: a file cast named "dora"
# is listed by its name, selecting it asks its password (its address is
# learnt then), and the unlocked key signs a vote.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
KS=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-ks.XXXXXX")
trap 'tui_down; devnet_down; rm -rf "$KS"' EXIT

tx A 'addVoter(address)' "${ADDR[D]}" >/dev/null
"$CAST" wallet import dora --private-key "${KEY[D]}" --keystore-dir "$KS/foundry" \
    --unsafe-password "cast pass" >/dev/null
chmod 700 "$KS/foundry"
chmod 600 "$KS/foundry/dora"
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$KS/foundry"
tui_expect "read only: the address is not known yet" "no account (read only)"
tui_keys 7
tui_expect "listed without its address" "(address known after unlock)"
tui_expect "by its file name" "dora"

echo "# selecting it asks the password"
tui_keys Enter
tui_expect "the unlock form" "Unlock the key file"
tui_type "wrong"
tui_keys Enter
tui_expect "wrong password" "wrong password for key file"
tui_keys C-u
tui_type "cast pass"
tui_keys Enter
tui_expect "header names it with its address" "dora ${ADDR[D]}"
tui_expect "listed with its address" "${ADDR[D]} dora"
tui_expect "unlocked" "unlocked"
assert_eq "the address is recorded beside the file" \
    "$(grep -oiE '"dora":[[:space:]]*"0x[0-9a-f]{40}"' "$KS/foundry/.powerchain/addresses.json" | grep -oiE '0x[0-9a-f]{40}')" \
    "${ADDR[D],,}"

echo "# a vote signed with the unlocked key, no password asked"
tui_keys 5 a
tui_type "${ADDR[B]}"
tui_keys Enter
tui_sign
tui_expect "vote by D" "You are in favor of: 'Add_Voter_$(hex B)'"
tui_keys q
assert_summary
