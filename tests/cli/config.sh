#!/usr/bin/env bash
# The config file: defaults for node, contract, keystore and account, with
# options and the environment taking precedence, and clear errors.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
export POWERCHAIN_CONFIG=$DEVNET_DIR/config
unset POWERCHAIN_RPC POWERCHAIN_CONTRACT POWERCHAIN_KEYSTORE POWERCHAIN_ACCOUNT
printf '# the devnet\nrpc = %s\ncontract-json = %s\naccount = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n' \
    "$DEVNET_RPC" "$DEVNET_JSON" >"$POWERCHAIN_CONFIG"

assert_eq "node and contract from the file" "$("$POWERCHAIN_BIN" --json call getTotalENT)" '{"amnt":"0"}'
assert_eq "account from the file" "$("$POWERCHAIN_BIN" call isVoter)" "voter  no"
assert_eq "an option wins" "$("$POWERCHAIN_BIN" --account 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 call isVoter)" "voter  yes"
assert_eq "the environment wins" "$(POWERCHAIN_ACCOUNT=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 "$POWERCHAIN_BIN" call isVoter)" "voter  yes"
"$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --timeout 2 call getTotalENT >/dev/null 2>&1; code=$?
assert_eq "--rpc overrides the file's node" "$code" 3

echo "colour = blue" >>"$POWERCHAIN_CONFIG"
"$POWERCHAIN_BIN" call getTotalENT >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "unknown key exit" "$code" 2
assert_match "unknown key names file and line" "$(cat "$DEVNET_DIR/err")" "*config:5: unknown key \"colour\"*"

# The panel's keys: notify takes its four names only, peg-gap an amount
# of ENT; either wrong is an error naming the line.
panel_conf() {
    printf 'rpc = %s\ncontract-json = %s\n%s\n' "$DEVNET_RPC" "$DEVNET_JSON" "$1" >"$DEVNET_DIR/panel"
    POWERCHAIN_CONFIG=$DEVNET_DIR/panel "$POWERCHAIN_BIN" call getTotalENT 2>"$DEVNET_DIR/err"
}
assert_eq "notify and peg-gap are taken" "$(panel_conf $'notify = osc9\npeg-gap = 0.5')" "amnt  0 ENT"
panel_conf "notify = loud" >/dev/null; code=$?
assert_eq "a bad notify: exit" "$code" 2
assert_match "a bad notify: the names" "$(cat "$DEVNET_DIR/err")" \
    "*panel:3: notify is one of off, bell, osc9, osc777, not \"loud\"*"
panel_conf "peg-gap = a lot" >/dev/null; code=$?
assert_eq "a bad peg-gap: exit" "$code" 2
assert_match "a bad peg-gap: why" "$(cat "$DEVNET_DIR/err")" \
    "*panel:3: peg-gap must be an amount of ENT such as 1 or 0.5, not \"a lot\"*"

# It chooses the node and the contract: refused when others can change it,
# and bounded in size.
sed -i '$d' "$POWERCHAIN_CONFIG"
chmod 666 "$POWERCHAIN_CONFIG"
"$POWERCHAIN_BIN" call getTotalENT >/dev/null 2>"$DEVNET_DIR/err"; code=$?
assert_eq "a file others can change is refused" "$code" 4
assert_match "with what to do" "$(cat "$DEVNET_DIR/err")" \
    "*config can be changed by group/others (mode 666); refusing it: run chmod go-w*"
chmod 644 "$POWERCHAIN_CONFIG"
assert_eq "readable by others is fine" "$("$POWERCHAIN_BIN" call isVoter)" "voter  no"
head -c 1100000 /dev/zero | tr '\0' '#' >"$DEVNET_DIR/big"
POWERCHAIN_CONFIG=$DEVNET_DIR/big "$POWERCHAIN_BIN" call getTotalENT >/dev/null 2>"$DEVNET_DIR/err"
assert_match "a file over 1 MiB is refused" "$(cat "$DEVNET_DIR/err")" "*is larger than 1024 KiB*"

# Not a regular file: a FIFO is refused at once (opening it to read used
# to wait for a writer forever), without anyone writing to it.
mkfifo -m 600 "$DEVNET_DIR/fifo"
POWERCHAIN_CONFIG=$DEVNET_DIR/fifo timeout 60 "$POWERCHAIN_BIN" call getTotalENT >/dev/null \
    2>"$DEVNET_DIR/err"; code=$?
assert_eq "a FIFO at the config path: exit" "$code" 2
assert_match "a FIFO at the config path: why" "$(cat "$DEVNET_DIR/err")" "*fifo is not a regular file*"

# A NUL byte cut the line short unseen ("rpc = http://evil" then NUL and
# the rest): now it is an error naming the line.
printf 'rpc = %s\ncontract-json = %s\0 anything\n' "$DEVNET_RPC" "$DEVNET_JSON" \
    >"$DEVNET_DIR/nul"
POWERCHAIN_CONFIG=$DEVNET_DIR/nul "$POWERCHAIN_BIN" call getTotalENT >/dev/null \
    2>"$DEVNET_DIR/err"; code=$?
assert_eq "a NUL in a line: exit" "$code" 2
assert_match "a NUL in a line: where" "$(cat "$DEVNET_DIR/err")" "*nul:2: the line holds a NUL byte*"

POWERCHAIN_CONFIG=$DEVNET_DIR/missing "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract "$DEVNET_ADDRESS" \
    --json call getTotalENT >"$DEVNET_DIR/out"; code=$?
assert_eq "a missing file is no error" "$code:$(cat "$DEVNET_DIR/out")" '0:{"amnt":"0"}'

assert_summary
