#!/usr/bin/env bash
# Bad input on the Accounts page (key 7): every field of its four forms (new,
# import key, import file, rename) refuses bad values with a reason that
# names the problem, next to the field or on the form's note and message
# line; the keystore folder (its files, their contents, names.json) never
# changes; the screen never holds a raw control character; the panel lives.
# Each case opens a fresh form, so a reason left from the case before cannot
# pass it. A good import at the end proves the keystore check can fail.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-badacc.XXXXXX")
trap 'tui_down; devnet_down; rm -rf "$TMP"' EXIT
export POWERCHAIN_SCRYPT_N=4096 # fast key files for tests

KS=$TMP/keys PW=$TMP/pw
echo pw1 >"$PW"
chmod 600 "$PW"
# The keystore: alice (A) and bob (B). C's key file, in a folder of its own,
# is a good file to import (password pw1).
for who in A:alice:"$KS" B:bob:"$KS" C:carol:"$TMP/other"; do
    IFS=: read -r k name dir <<<"$who"
    "$POWERCHAIN_BIN" --keystore "$dir" --password-file "$PW" account import-key \
        --file "$(key_file "${!k}")" --name "$name" >/dev/null || exit 1
done
GOOD_FILE=$(echo "$TMP"/other/UTC--*)
ALICE_FILE=$(echo "$KS"/UTC--*"$(hex A)")
# Not key files: garbage, and JSON whose cipher holds control characters.
# (Its first byte, 0xff, starts no JSON value: random bytes alone may start
# with a number and read as JSON followed by junk.)
{ printf '\xff'; head -c 1999 /dev/urandom; } >"$TMP/garbage"
jq -c '.crypto.cipher = "\u001b[31mX\u0007\u009b"' "$GOOD_FILE" >"$TMP/evil.json"
# Nor a FIFO (must not hang the panel), a link to a key file, a huge file.
mkfifo "$TMP/fifo"
ln -s "$GOOD_FILE" "$TMP/link.json"
head -c 1000000 /dev/zero >"$TMP/huge"

keystore_state() {
    (cd "$KS" && find . -printf '%p %s %m\n' | sort && find . -type f -exec sha256sum {} + | sort)
}
STATE=$(keystore_state)

tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --keystore "$KS"
tui_expect "panel up" "no account (read only)"
tui_keys 7
tui_expect "Accounts page" "Enter/s switch  n new  i import key"
tui_expect "bob listed" "${ADDR[B]}"
# The account under the cursor (renamed by e) and the other one.
if tui_screen | grep -E '> .* alice( |$)' >/dev/null; then FIRST=alice OTHER=BOB; else FIRST=bob OTHER=ALICE; fi

on_screen() {
    local s
    s=$(tui_screen)
    [[ $s == *"$1"* ]]
}
off_screen() { ! on_screen "$1"; }
repeat() { printf "%${2}s" "" | tr ' ' "$1"; }
NAME_MAX="an account name must have 1 to 64 characters"
LONG="too long: at most 127 characters"
BADCHAR="only letters, digits, '.', '_' and '-' are allowed"
START="must not start with '-' or \"0x\""
KEY64="the key must hold a private key of 64 hex digits"
NOTHEX="the key holds a character that is not hex"
INVALID="not a valid private key (zero or not below the secp256k1 order)"
DIFFER="the two passwords differ"
N=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141 # secp256k1's order

# The forms' titles, by their keys.
declare -A TITLE=([n]="New account" [i]="Import a private key (64 hex digits)"
    [f]="Import a V3 key file" [e]="Rename (empty removes the name)")

# type_value VALUE: types VALUE into the current field. "^C:a:b" types a,
# then control characters (Ctrl-A, -B, -E, -G, -K and U+009B, the 8-bit CSI,
# as UTF-8), then b; "^H:a" types a, then Backspace; "^[" presses Escape.
type_value() {
    local v=$1 a b
    if [[ $v == "^[" ]]; then
        tui_keys Escape
    elif [[ $v == "^C:"* ]]; then
        IFS=: read -r _ a b <<<"$v"
        tui_type "$a"
        tui_keys C-a C-b C-e C-g C-k
        tui_type $'\xc2\x9b'"$b"
    elif [[ $v == "^H:"* ]]; then
        tui_type "${v#^H:}"
        tui_keys BSpace
    elif [[ -n $v ]]; then
        tui_type "$v"
    fi
}

# screen_clean WHAT: the screen's text has no control character, nor one
# shown as ^X, and its escape sequences (tmux's -e) are only colours.
screen_clean() {
    local all bad
    all=$(tui_screen)$'\n'$(tui_screen -e | sed 's/\x1b\[[0-9;]*m//g')
    bad=$(LC_ALL=C grep -n '[[:cntrl:]]\|\^[][A-Z@\\^_?]' <<<"$all" | cat -v | head -n 2 |
        cut -c 1-100 | paste -sd ' ')
    assert_eq "$1: no control characters on screen" "$bad" ""
}

# reason_shows WHERE TEXT: WHERE is a field label (TEXT on the row under the
# field: "! TEXT") or "note" (TEXT in the form and on the message line).
reason_shows() {
    local where=$1 text=$2 screen
    screen=$(tui_screen)
    if [[ $where == note ]]; then
        # The form's note, inside the box, and the message lines above the
        # hint line (a long message wraps over several, each but the first
        # indented), read as one.
        grep -F -- "│ " <<<"$screen" | grep -F -- "${text:0:40}" >/dev/null &&
            tail -n 6 <<<"$screen" | head -n 5 | sed 's/^ *//' | paste -sd ' ' |
            grep -F -- "${text:0:60}" >/dev/null
    else
        # Under the field (and its value's lines, when it is long).
        grep -A8 -E "│ $where {2,}" <<<"$screen" | grep -F -- "! $text" >/dev/null
    fi
}

# check FORM WHERE TEXT VALUE...: opens FORM (n, i, f or e) fresh, types a
# value into each field, presses Enter and expects TEXT at WHERE (see
# reason_shows; "field:LABEL:TEXT" expects the field to read TEXT; "cancel"
# expects the form gone). Then the form must still be open, the keystore
# unchanged, the screen clean and the panel alive.
check() {
    local form=$1 where=$2 text=$3 what i end title=${TITLE[$1]}
    shift 3
    local -a values=("$@")
    what="${title%% (*}, $where, '$(cat -v <<<"${values[*]}" | cut -c 1-40)'"
    # A fresh form: close the one open, wait for it to go, open.
    tui_keys Escape
    wait_for "the form to close" off_screen "─ $title ─"
    tui_keys "$form"
    if ! tui_wait "─ $title ─"; then
        assert_eq "$what: form opens" no yes
        return
    fi
    for ((i = 0; i < ${#values[@]}; i++)); do
        ((i > 0)) && tui_keys Tab
        type_value "${values[i]}"
    done
    local ok=1 label want
    case $where in
        field:*)
            # The field must read exactly what was typed but the controls.
            IFS=: read -r _ label want <<<"$where"
            ok=0
            end=$((SECONDS + WAIT_SECONDS))
            while ((SECONDS < end)); do
                tui_screen | grep -E -- "│ $label {2,}$want {2,}│" >/dev/null && { ok=1; break; }
                sleep 0.02
            done
            ((ok)) || assert_eq "$what: the field reads" "$(tui_screen | grep -E "│ $label ")" "$want"
            ((ok)) || text="" # counted once
            tui_keys Enter
            ;;
        cancel) text="cancelled; nothing was sent" ;;
        *) tui_keys Enter ;;
    esac
    if ((ok)) && [[ -n $text ]]; then
        ok=0
        [[ $where == field:* ]] && where=note
        end=$((SECONDS + WAIT_SECONDS))
        while ((SECONDS < end)); do
            if [[ $where == cancel ]]; then
                on_screen "$text" && ! on_screen "─ $title ─" &&
                    { ok=1; break; }
            elif reason_shows "$where" "$text"; then
                ok=1
                break
            fi
            tui_running || break
            sleep 0.02
        done
    fi
    if ((ok)); then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    elif [[ -n $text ]]; then
        assert_eq "$what: reason" "$(tui_screen | sed -n '29p' | sed 's/ *$//')$(tui_screen |
            grep -F '! ' | sed 's/^[^!]*/ /; s/ *│$//' | paste -sd ' ')" "$text"
    fi
    if [[ $where != cancel ]] && ! on_screen "─ $title ─"; then
        assert_eq "$what: form still open" closed open
    fi
    local now
    now=$(keystore_state)
    if [[ $now == "$STATE" ]]; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        assert_eq "$what: keystore unchanged" "$(diff <(echo "$STATE") <(echo "$now") | grep '^[<>]' |
            head -n 4 | paste -sd ' ')" ""
    fi
    screen_clean "$what"
    if ! tui_running; then
        assert_eq "$what: panel alive" "$(tail -n 3 "$TUI_LOG")" running
        exit 1
    fi
}

K=${KEY[D]#0x}
echo "# New account (n): Name, Password, Again"
check n Name "$LONG" "$(repeat a 200)" pw pw
check n note "$NAME_MAX" "$(repeat a 65)" pw pw
check n note "account name \"my name\": $BADCHAR" "my name" pw pw
check n note "account name \"a/b\": $BADCHAR" "a/b" pw pw
check n note "account name \"üser\": $BADCHAR" "üser" pw pw
check n field:Name:abcd/ "account name \"abcd/\": $BADCHAR" "^C:ab:cd/" pw pw
check n cancel "" "ab" "^["
check n note "account name \"-x\" $START" "-x" pw pw
check n note "account name \"0Xab\" $START" "0Xab" pw pw
check n note "the name \"bob\" is already used by ${ADDR[B]}" BOB pw pw
check n Password required "" "" pw
check n Again required "" pw ""
check n note "$DIFFER" "" pw pW
check n Password "too long: at most 1024 characters" "" "$(repeat p 1100)" pw
check n field:Password:'\*{2}' "$DIFFER" "" "^C:p:w" pwx

echo "# Import a private key (i): Name, Private key, Password, Again"
check i "Private key" required "" "" pw pw
check i note "$KEY64" "" "${K:1}" pw pw
check i note "$KEY64" "" "0x${K}0" pw pw
check i note "$KEY64" "" "$(repeat 1 200)" pw pw
check i note "$NOTHEX" "" "${K:1}g" pw pw
check i note "$NOTHEX" "" "0x${K:2}ü" pw pw
check i field:'Private key':'\*{63}' "$KEY64" "" "^C:${K:0:30}:${K:31}" pw pw
check i note "$INVALID" "" "0x$(repeat 0 64)" pw pw
check i note "$INVALID" "" "$(repeat f 64)" pw pw
check i note "$INVALID" "" "$N" pw pw
check i note "account ${ADDR[A]} is already in the keystore" "" "${KEY[A]}" pw pw
check i Name "$LONG" "$(repeat n 200)" "$K" pw pw
check i note "account name \"a b\": $BADCHAR" "a b" "$K" pw pw
check i note "account name \"dóra\": $BADCHAR" "dóra" "$K" pw pw
check i note "account name \"0xdora\" $START" "0xdora" "$K" pw pw
check i note "the name \"alice\" is already used by ${ADDR[A]}" Alice "$K" pw pw
check i cancel "" "dora" "$K" "^["
check i Password required "" "$K" "" pw
check i Again required "" "$K" pw ""
check i note "$DIFFER" "" "$K" pw "pw "

echo "# Import a V3 key file (f): Name, Key file, Its password"
check f "Key file" required "" "" pw1
check f "Key file" "$LONG" "" "/$(repeat k 200)" pw1
check f note "cannot open $TMP/none.json: No such file or directory" "" "$TMP/none.json" pw1
check f field:'Key file':"$TMP/none.json" "cannot open $TMP/none.json" "" "^C:$TMP/no:ne.json" pw1
check f note "cannot open $TMP/nü: No such file or directory" "" "$TMP/nü" pw1
check f note "$TMP is not a regular file" "" "$TMP" pw1
check f note "$TMP/fifo is not a regular file" "" "$TMP/fifo" pw1
check f note "$TMP/link.json is a symbolic link; refusing it" "" "$TMP/link.json" pw1
check f note "$TMP/huge is too large (1000000 bytes" "" "$TMP/huge" pw1
check f note "key file $KS/names.json: field \"version\" is missing" "" "$KS/names.json" pw1
check f note "key file $TMP/garbage is corrupt or truncated (not valid JSON)" "" "$TMP/garbage" pw1
check f note "key file $TMP/evil.json: unknown cipher \"?[31mX??\"" "" "$TMP/evil.json" pw1
check f note "wrong password for ${ADDR[C]} (MAC mismatch)" "" "$GOOD_FILE" pw2
check f "Its password" required "" "$GOOD_FILE" ""
check f note "account ${ADDR[A]} is already in the keystore" "" "$ALICE_FILE" pw1
check f Name "$LONG" "$(repeat c 200)" "$GOOD_FILE" pw1
check f note "$NAME_MAX" "$(repeat c 65)" "$GOOD_FILE" pw1
check f note "account name \"c:d\": $BADCHAR" "c:d" "$GOOD_FILE" pw1
check f note "account name \"-carol\" $START" "-carol" "$GOOD_FILE" pw1
check f note "the name \"bob\" is already used by ${ADDR[B]}" bob "$GOOD_FILE" pw1
# Backspace takes back a whole character, in a password too: "pw1ü" then
# Backspace is "pw1" (the file's password), so the name is what fails.
check f note "the name \"bob\" is already used by ${ADDR[B]}" bob "$GOOD_FILE" "^H:pw1ü"
check f cancel "" "carol" "$GOOD_FILE" "^["

echo "# Rename (e): New name, for $FIRST"
check e "New name" "$LONG" "$(repeat r 200)"
check e note "$NAME_MAX" "$(repeat r 65)"
check e note "account name \"new name\": $BADCHAR" "new name"
check e note "account name \"a/b\": $BADCHAR" "a/b"
check e note "account name \"ünïcode\": $BADCHAR" "ünïcode"
check e note "account name \"x@y\": $BADCHAR" "x@y"
check e field:'New name':abcd/ "account name \"abcd/\": $BADCHAR" "^C:ab:cd/"
check e note "account name \"-r\" $START" "-r"
check e note "account name \"0xr\" $START" "0xr"
check e note "the name \"${OTHER,,}\" is already used by" "$OTHER"
check e cancel "" "renamed" "^["

echo "# a good import changes the keystore (the check above can fail)"
tui_keys Escape f
tui_expect "the import form" "─ ${TITLE[f]} ─"
tui_type carol
tui_keys Tab
tui_type "$GOOD_FILE"
tui_keys Tab
tui_type pw1
tui_keys Enter
tui_expect "imported" "carol ${ADDR[C]}"
[[ $(keystore_state) != "$STATE" ]] && changed=yes || changed=no
assert_eq "the keystore check sees a change" "$changed" yes
screen_clean "after the import"
tui_keys q
assert_summary
