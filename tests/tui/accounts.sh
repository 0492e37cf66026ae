#!/usr/bin/env bash
# The Accounts page with a keystore: import a key, rename it, and sign with it
# through the password dialog (then the key stays unlocked for a while).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
KS=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-ks.XXXXXX")
trap 'tui_down; devnet_down; rm -rf "$KS"' EXIT
export POWERCHAIN_SCRYPT_N=1024  # fast key files for tests

tx A 'addVoter(address)' "${ADDR[D]}" >/dev/null
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$KS/keys"
tui_expect "read only without an account" "no account (read only)"
tui_keys 7
tui_expect "empty keystore" "The keystore is empty"

echo "# import D's key"
tui_keys i
tui_type dora
tui_keys Enter
tui_type "${KEY[D]}"
tui_keys Enter
tui_type "s3cret pass"
tui_keys Enter
tui_type "s3cret pasz"
tui_keys Enter
tui_expect "passwords differ" "the two passwords differ"
tui_keys C-u
tui_type "s3cret pass"
tui_keys Enter
tui_expect "listed" "${ADDR[D]}"
tui_expect "header names it" "dora ${ADDR[D]}"
tui_expect "role read as the new account" "voter"
if tui_screen | grep -q "${KEY[D]#0x}"; then
    assert_eq "the key never shows" shown hidden
fi

echo "# rename"
tui_keys e
tui_type dorothy
tui_keys Enter
tui_expect "renamed" "dorothy ${ADDR[D]}"

echo "# a vote signed after the password dialog"
tui_keys 5 a
tui_type "${ADDR[B]}"
tui_keys Enter
tui_sign
tui_expect "password asked" "Unlock the account"
tui_type "wrong"
tui_keys Enter
tui_expect "wrong password" "wrong password"
tui_keys C-u
tui_type "s3cret pass"
tui_keys Enter
tui_expect "vote by D" "You are in favor of: 'Add_Voter_$(hex B)'"
tui_expect "unlocked for a while" "unlocked 4:"

echo "# l locks again"
tui_keys 7 l
tui_expect "locked" "key wiped"
tui_keys q
assert_summary
