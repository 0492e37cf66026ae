#!/usr/bin/env bash
# `powerchain account`: every subcommand through the command line, with
# passwords from files and from a pseudo-terminal.
. "$(dirname "$0")/lib.sh"

KS=$WORK/ks
pw "$WORK/p1" "first password"
pw "$WORK/p2" "second password"
run() { $NO_TTY "$PC" --keystore "$KS" "$@"; }

# new: folder 0700, file 0600, geth's file name, JSON output.
expect 0 '"name":[[:space:]]*"alice"' run --password-file "$WORK/p1" --json account new --name alice
ALICE=$(grep -oE '0x[0-9a-fA-F]{40}' <<<"$out" | head -1)
check "folder mode 700" [ "$(stat -c %a "$KS")" = 700 ]
f=$(ls "$KS"/UTC--* | head -1)
check "key file mode 600" [ "$(stat -c %a "$f")" = 600 ]
alice_hex=$(tr 'A-F' 'a-f' <<<"${ALICE#0x}")
check "geth file name" grep -qE "/UTC--[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}\.[0-9]{9}Z--$alice_hex\$" <<<"$f"
check "no name inside the key file" bash -c "! grep -q alice '$f'"
check "names.json beside it" grep -q '"alice"' "$KS/names.json"

# import-key: from standard input and from --file; never a key argument.
expect 0 "Imported account $ADDR \(bob\)" run --password-file "$WORK/p1" account import-key --name bob <<<"0x$KEY"
expect 2 "already in the keystore" run --password-file "$WORK/p1" account import-key --file <(echo "$KEY")
expect 2 "usage: powerchain account import-key" run --password-file "$WORK/p1" account import-key "$KEY"
expect 4 "64 hex digits" run --password-file "$WORK/p1" account import-key <<<"abcd"

# list: checksummed address, name, file; JSON.
expect 0 "^$ALICE  alice .*$KS/UTC--" run account list
grep -q "^$ADDR  bob " <<<"$out" && ok || bad "list lacks bob: $out"
expect 0 '"address":[[:space:]]*"0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b"' run --json account list
check "list --json is a 2-array" [ "$(jq length <<<"$out")" = 2 ]

# rename, then the name finds the account; names clash case-insensitively.
expect 0 "Renamed bob to robert" run account rename bob robert
expect 2 "already used by" run account rename alice ROBERT
expect 2 "only letters" run account rename alice "a b"
expect 2 "no account named \"bob\"" run account export bob

# export: the file as it is stored, to stdout or --out (0600, no clobber).
expect 0 '"version":3' run account export robert
expect 0 "Wrote" run account export "${ADDR,,}" --out "$WORK/robert.json"
check "exported file mode 600" [ "$(stat -c %a "$WORK/robert.json")" = 600 ]
expect 4 "File exists" run account export robert --out "$WORK/robert.json"

# --reveal only on a terminal; unlocking through it gives the key.
expect 2 "not a terminal" run --password-file "$WORK/p1" account export robert --reveal
check "reveal prints the key" [ "$(reveal "$KS" robert "$WORK/p1")" = "0x$KEY" ]

# passwd: old from --password-file, new from --new-password-file.
expect 4 "wrong password for $ADDR \(MAC mismatch\)" run --password-file "$WORK/p2" account passwd robert --new-password-file "$WORK/p1"
expect 0 "Changed the password of $ADDR \(robert\)" run --password-file "$WORK/p1" account passwd robert --new-password-file "$WORK/p2"
check "new password unlocks" [ "$(reveal "$KS" robert "$WORK/p2")" = "0x$KEY" ]
check "old password does not" [ -z "$(reveal "$KS" robert "$WORK/p1")" ]

# The exported copy imports into another keystore with its own password.
expect 0 "Imported account $ADDR \(copy\)" $NO_TTY "$PC" --keystore "$WORK/ks2" --password-file "$WORK/p1" account import "$WORK/robert.json" --name copy
expect 4 "wrong password" $NO_TTY "$PC" --keystore "$WORK/ks3" --password-file "$WORK/p2" account import "$WORK/robert.json"

# Passwords typed on a terminal: not echoed, confirmed, mismatch refused.
new_prompts=("Password for the new account: " "Repeat the password: ")
converse "$PC --keystore '$KS' account new --name typed" \
    "${new_prompts[0]}" "tty secret 1" "${new_prompts[1]}" "tty secret 1"
grep -q "Created account 0x[0-9a-fA-F]* (typed)" <<<"$out" && ok || bad "typed new: $out"
grep -q "tty secret" <<<"$out" && bad "the typed password was echoed: $out" || ok
converse "$PC --keystore '$KS' account new" "${new_prompts[0]}" one "${new_prompts[1]}" two
grep -q "the two passwords differ" <<<"$out" && ok || bad "mismatch: $out"
pw "$WORK/tty" "tty secret 1"
check "typed password unlocks" [ -n "$(reveal "$KS" typed "$WORK/tty")" ]
# A signal while echo is off (once the prompt shows): the terminal gets
# its echo back.
: >"$WORK/sig.log"
out=$(script -qfec "bash -c 'until grep -q \"new account\" \"$WORK/sig.log\" || ((SECONDS >= ${WAIT_SECONDS:-120})); do sleep 0.1; done & w=\$!; \"$PC\" --keystore \"$KS\" account new & p=\$!; wait \$w; kill -TERM \$p; wait \$p; stty -a'" "$WORK/sig.log" </dev/null | tr -d '\r')
grep -qE '(^|[ ;])echo([ ;]|$)' <<<"$out" && ok || bad "echo not restored after SIGTERM: $out"
grep -q "Password for the new account" <<<"$out" && ok || bad "no prompt before the signal: $out"
expect 2 "empty" run --password-file /dev/null account new
expect 2 "no terminal to ask for the password" run account new

# delete: asks (refused without a terminal or on "n"), trash/ by default.
expect 2 "pass --yes" run account delete typed
converse "$PC --keystore '$KS' account delete typed" "[y/N]" n
grep -q "not deleted" <<<"$out" && ok || bad "declined delete: $out"
converse "$PC --keystore '$KS' account delete typed" "[y/N]" y
grep -q "Deleted 0x" <<<"$out" && ok || bad "confirmed delete: $out"
check "trash folder 700" [ "$(stat -c %a "$KS/trash")" = 700 ]
check "deleted file in trash" [ "$(ls "$KS/trash" | wc -l)" = 1 ]
expect 0 "Deleted $ALICE \(alice\)" run --yes account delete alice --no-backup
check "no-backup leaves trash alone" [ "$(ls "$KS/trash" | wc -l)" = 1 ]
expect 0 "^$ADDR  robert " run account list
check "only robert left" [ "$(run account list | wc -l)" = 1 ]
check "names.json forgets deleted names" bash -c "! grep -qE 'alice|typed' '$KS/names.json'"

expect 2 "usage: powerchain account" run account
expect 2 "usage: powerchain account" run account frobnicate
expect 2 "unknown option --bogus" run account list --bogus
expect 0 "No accounts in $WORK/empty" $NO_TTY "$PC" --keystore "$WORK/empty" account list
check "listing does not create the folder" [ ! -e "$WORK/empty" ]

summary
