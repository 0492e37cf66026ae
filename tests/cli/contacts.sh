#!/usr/bin/env bash
# Names for addresses: `powerchain contacts` keeps the contacts file; contact
# and keystore names are taken wherever an address is typed, checked here by
# Foundry's cast as an independent peer; bad names and a contacts file
# others can write are refused before anything is sent; names show beside
# addresses in the tables, and --json stays as it was.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up --demo 2>/dev/null || exit 1
trap devnet_down EXIT
export XDG_CONFIG_HOME=$DEVNET_DIR/config XDG_CACHE_HOME=$DEVNET_DIR/cache
export XDG_DATA_HOME=$DEVNET_DIR/data
CONTACTS=$XDG_CONFIG_HOME/powerchain/contacts
KS=(--keystore "$DEVNET_DIR/keystore" --password-file "$DEVNET_DIR/demo-password")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "${KS[@]}" "$@"; }
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
DAVE=0x1111111111111111111111111111111111111111
# ENT available to an account, as cast reads it (wei).
ent_of() {
    "$CAST" call --rpc-url "$DEVNET_RPC" --from "$1" "$DEVNET_ADDRESS" \
        "balanceENT()(uint256,uint256)" | head -n1 | awk '{print $1}'
}
nonce_of() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$1"; }

# ---- the contacts file ----
assert_eq "no contacts yet" "$(pc --json contacts list)" "[]"
pc contacts add dave $DAVE >/dev/null; code=$?
assert_eq "add" "$code" 0
assert_eq "file mode 0600" "$(stat -c %a "$CONTACTS")" 600
assert_eq "folder mode 0700" "$(stat -c %a "$XDG_CONFIG_HOME/powerchain")" 700
assert_match "list" "$(pc contacts list)" "dave*$DAVE*"
assert_eq "list --json" "$(pc --json contacts list)" "[{\"name\":\"dave\",\"address\":\"$DAVE\"}]"
pc contacts add Dave $B >/dev/null 2>&1; code=$?
assert_eq "a name twice (any case) refused" "$code" 2
pc contacts add "two words" $B >/dev/null 2>&1; code=$?
assert_eq "a name with a space refused" "$code" 2
assert_eq "refusals leave the file alone" "$(grep -vc '^#' "$CONTACTS")" 1

# ---- names as recipients ----
nonce_a=$(nonce_of $A)
pc --account A --yes send transferENT dave 0.5 >/dev/null; code=$?
assert_eq "send to a contact" "$code" 0
assert_eq "it lands at the contact's address (cast)" "$(ent_of $DAVE)" 500000000000000000
before_b=$(ent_of $B)
out=$(pc --account A --yes send transferENT b 0.25); code=$?
assert_eq "send to a keystore name" "$code" 0
assert_eq "it lands at the account's address (cast)" "$(ent_of $B)" \
    "$(python3 -c "print($before_b + 250000000000000000)")"
assert_eq "two sends, two nonces" "$(nonce_of $A)" $((nonce_a + 2))

nonce_a=$(nonce_of $A)
err=$(pc --account A --yes send transferENT nobody 1 2>&1 >/dev/null); code=$?
assert_eq "an unknown name is bad input" "$code" 2
assert_match "which argument, which names exist" "$err" '*TO: "nobody" is neither an address*dave*'
assert_eq "nothing sent for an unknown name" "$(nonce_of $A)" "$nonce_a"

# A contact of a keystore name with another address: typing it is ambiguous.
err=$(pc contacts add C $DAVE 2>&1); code=$?
assert_eq "a contact shadowing an account is added" "$code" 0
assert_match "with a warning" "$err" '*warning: "C" is ambiguous*'
err=$(pc --account A --yes send transferENT C 1 2>&1 >/dev/null); code=$?
assert_eq "an ambiguous name is bad input" "$code" 2
assert_match "naming both addresses" "$err" \
    "*contact $DAVE, keystore account 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC*"
assert_eq "nothing sent for an ambiguous name" "$(nonce_of $A)" "$nonce_a"
pc contacts remove C >/dev/null
assert_eq "removed" "$(pc --json contacts list)" "[{\"name\":\"dave\",\"address\":\"$DAVE\"}]"

# A file others may write could redirect payments: refused, nothing sent.
chmod 620 "$CONTACTS"
err=$(pc --account A --yes send transferENT dave 1 2>&1 >/dev/null); code=$?
assert_eq "group-writable contacts refused" "$code" 4
assert_match "saying how to fix it" "$err" "*writable by group/others*chmod 600*"
chmod 602 "$CONTACTS"
pc contacts list >/dev/null 2>&1; code=$?
assert_eq "world-writable contacts refused" "$code" 4
assert_eq "nothing sent from a loose file" "$(nonce_of $A)" "$nonce_a"
chmod 600 "$CONTACTS"
printf 'dave = %s\nbroken line\n' $DAVE >"$CONTACTS"
err=$(pc contacts list 2>&1); code=$?
assert_eq "a bad line is bad input" "$code" 2
assert_match "named file:line" "$err" "*$CONTACTS:2: expected name = address*"
printf 'dave = %s\n' $DAVE >"$CONTACTS"

# Reads take names too.
U1=$(pc account list | awk '$2 == "U1" {print $1}')
assert_match "U1's address" "$U1" "0x*"
assert_eq "call with a name" "$(pc --json call getStorageUnitEnergy u1)" \
    "$(pc --json call getStorageUnitEnergy "$U1")"

# ---- names beside addresses ----
pc contacts add boss $A >/dev/null
out=$(pc history)
assert_match "history: the sender's contact name" "$out" "*$A (boss)*transferENT($DAVE (dave), 0.5 ENT)*"
assert_match "history: a keystore name" "$out" "*transferENT($B (B), 0.25 ENT)*"
assert_eq "history --json without names" "$(pc --json history | grep -c '(dave)')" 0
n_boss=$(pc --account boss history | grep -c '^[0-9]')
n_a=$(pc --account $A history | grep -c '^[0-9]')
assert_eq "history --account takes a contact" "$n_boss" "$n_a"
assert_match "history --account with a contact: some rows" "$n_boss" "[1-9]*"
out=$(pc units)
assert_match "units: owner's keystore name" "$out" "*(C)*active*"
assert_match "units: unit's keystore name" "$out" "*(U1)*"
assert_eq "units --json without names" "$(pc --json units | grep -c '(C)')" 0

pc contacts remove dave >/dev/null
pc --account A --yes send transferENT dave 1 >/dev/null 2>&1; code=$?
assert_eq "a removed contact is unknown" "$code" 2
pc contacts remove dave >/dev/null 2>&1; code=$?
assert_eq "removing it twice is bad input" "$code" 2

assert_summary
