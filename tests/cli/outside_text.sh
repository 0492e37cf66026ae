#!/usr/bin/env bash
# Issue 18, findings 3 and 4: text that came from outside reaches the
# terminal through the one sanitizer (eth/text.h) in every form of every
# command, --json and --csv included, as it does on the screen.
#  - A failed setParameter whose name holds an OSC title (ESC ] 0 ; ... BEL),
#    U+009B (C1 CSI), U+202E (a bidi override), a raw 0x9B byte (CSI on an
#    8-bit terminal) and DEL, sent to the contract by someone else: history
#    as a table, --json and --csv.
#  - Key files whose names (Foundry's cast names files after the account)
#    hold terminal escapes or U+202E: account list as a table, --json and
#    --csv, and a question on the terminal that names the file (account
#    delete asks on /dev/tty: run under script(1), which records it).
# Each form must put out nothing but printable ASCII and line ends (JSON's
# own \u001b escapes of C0 controls are printable), and still show the record.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

# only_printable LABEL FILE: nothing but printable ASCII and line ends.
only_printable() {
    local other
    other=$(LC_ALL=C tr -d '\n -~' <"$2" | wc -c)
    assert_eq "$1: bytes other than printable ASCII and line ends" "$other" 0
    ((other == 0)) || echo "# $1: $(cat -v "$2" | head -c 600)"
}

work=$(mktemp -d)
trap 'rm -rf "$work"; devnet_down' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export POWERCHAIN_SCRYPT_N=4096

# ---- key file names (finding 4) ----
ks=$work/keystore
mkdir -m 700 "$ks"
evil=$'evil\x1b]0;title\x07\x1b[2J'
rtl=$'rtl\xe2\x80\xaeknab'
"$CAST" wallet new "$ks" plain --unsafe-password pw >/dev/null
"$CAST" wallet new "$ks" other --unsafe-password pw >/dev/null
mv "$ks/plain" "$ks/$evil"
mv "$ks/other" "$ks/$rtl"
chmod 600 "$ks"/*
for form in "" --json --csv; do
    args=(account list)
    case $form in
        --json) args=(--json account list) ;;
        --csv) args=(account list --csv) ;;
    esac
    "$POWERCHAIN_BIN" --keystore "$ks" "${args[@]}" >"$work/out" 2>"$work/err"
    assert_eq "account list ${form:-(table)}: exit" "$?" 0
    only_printable "account list ${form:-(table)}" "$work/out"
    only_printable "account list ${form:-(table)}: stderr" "$work/err"
    assert_eq "account list ${form:-(table)}: both files shown" \
        "$(grep -oE 'evil|rtl\?knab' "$work/out" | sort -u | wc -l)" 2
done
export KS=$ks NAME=$evil PCB=$POWERCHAIN_BIN
printf 'n\n' | script -q -c '"$PCB" --keystore "$KS" account delete "$NAME"' "$work/tty" \
    >/dev/null 2>&1
assert_match "account delete asks about the file" "$(cat "$work/tty")" "*Delete key file*evil?]0;*"
assert_eq "and the question reaches the terminal sanitized" \
    "$(LC_ALL=C tr -d '\r\n -~' <"$work/tty" | wc -c)" 0
assert_eq "account list --json: the file names as the screen shows them" \
    "$("$POWERCHAIN_BIN" --keystore "$ks" --json account list |
        jq -c '[.[].file | split("/") | last] | sort')" \
    '["evil\u001b]0;title\u0007\u001b[2J","rtl?knab"]'

# ---- a hostile argument in the history (finding 3) ----
devnet_up 2>/dev/null || { echo "FAIL: no devnet"; exit 1; }
from=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 # anvil's first account, the deployer
word() { printf '%064x' "$1"; }
name=$'\x1b]0;pwned\x07 \xc2\x9b2J \xe2\x80\xae \x9b \x7f X'
hex=$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n')
len=$(printf '%s' "$name" | wc -c)
pad=$(( (len + 31) / 32 * 64 ))
data=$("$CAST" sig 'setParameter(string,uint256)')$(word 64)$(word 1)$(word "$len")
data=$data$(printf '%-*s' "$pad" "$hex" | tr ' ' 0)
"$CAST" rpc --rpc-url "$DEVNET_RPC" eth_sendTransaction \
    "{\"from\":\"$from\",\"to\":\"$DEVNET_ADDRESS\",\"data\":\"$data\"}" >/dev/null ||
    { echo "FAIL: cannot send the hostile setParameter"; exit 1; }
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
for form in "" --json --csv; do
    args=(history --method setParameter)
    case $form in
        --json) args=(--json history --method setParameter) ;;
        --csv) args=(history --method setParameter --csv) ;;
    esac
    pc "${args[@]}" >"$work/out" 2>"$work/err"
    assert_eq "history ${form:-(table)}: exit" "$?" 0
    only_printable "history ${form:-(table)}" "$work/out"
    assert_match "history ${form:-(table)}: the call is there" "$(cat "$work/out")" "*setParameter*X*"
done
assert_eq "history --json: the name as the screen shows it, and the call failed" \
    "$(pc --json history --method setParameter | jq -c '.[] | [.args.param, .outcome]')" \
    '["\u001b]0;pwned\u0007 ?2J ? ? ? X","error"]'
assert_summary
