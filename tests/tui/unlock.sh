#!/usr/bin/env bash
# The password is checked off the input thread: with a key file of the
# default scrypt cost (about a second), the panel shows "unlocking..." while
# it runs, then signs and sends.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
KS=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-ks.XXXXXX")
trap 'tui_down; devnet_down; rm -rf "$KS"' EXIT
(umask 077 && echo s3cret >"$KS/pw" && echo "${KEY[D]}" >"$KS/key")
tx A 'addVoter(address)' "${ADDR[D]}" >/dev/null
POWERCHAIN_SCRYPT_N=262144 "$POWERCHAIN_BIN" --keystore "$KS/keys" --password-file "$KS/pw" \
    account import-key --name dora <"$KS/key" >/dev/null
assert_eq "imported" "$?" 0

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$KS/keys"
tui_expect "the account" "dora ${ADDR[D]}"
tui_keys 5 a
tui_type "${ADDR[B]}"
tui_keys Enter
tui_sign
tui_expect "password asked" "Unlock the account"
tui_type s3cret
tui_keys Enter
tui_expect "a spinner while scrypt runs" "unlocking..."
tui_expect "then the vote by D" "You are in favor of: 'Add_Voter_$(hex B)'"
tui_expect "unlocked for a while" "unlocked 4:"
tui_keys q
assert_summary
