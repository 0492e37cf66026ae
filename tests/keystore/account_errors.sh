#!/usr/bin/env bash
# Broken key files and loose permissions: each gives its own clear error
# and the other accounts in the folder stay usable.
. "$(dirname "$0")/lib.sh"

KS=$WORK/ks
pw "$WORK/p" "good password"
pw "$WORK/wrong" "bad password"
run() { $NO_TTY "$PC" --keystore "$KS" "$@"; }
run --password-file "$WORK/p" account new --name good >/dev/null
run --password-file "$WORK/p" account import-key --name victim <<<"$KEY" >/dev/null
VICTIM=$(ls "$KS"/UTC--*"$(tr 'A-F' 'a-f' <<<"${ADDR#0x}")")

# Copies of the victim's file, each broken one way, with their own address
# so each is found on its own.
broken() { # broken ADDRESS_HEX SED_EXPR
    local f="$KS/UTC--2020-01-01T00-00-00.000000000Z--$1"
    sed -e "s/${ADDR#0x}/$1/I" -e "$2" "$VICTIM" >"$f"
    chmod 600 "$f"
}
broken 1111111111111111111111111111111111111111 's/"aes-128-ctr"/"aes-256-cbc"/'
broken 2222222222222222222222222222222222222222 's/"kdf":"scrypt"/"kdf":"bcrypt"/'
broken 3333333333333333333333333333333333333333 's/"mac":"\(.\)/"mac":"f\1/; s/"mac":"\(.\{64\}\)./"mac":"\1/'
broken 4444444444444444444444444444444444444444 's/"ciphertext":"/"ciphertext":"1/'
broken 5555555555555555555555555555555555555555 's/"n":4096/"n":4194304/'
# The address field claims another account than the key's own.
broken 6666666666666666666666666666666666666666 ''
head -c 100 "$VICTIM" >"$KS/UTC--2020-01-01T00-00-00.000000000Z--7777777777777777777777777777777777777777"
chmod 600 "$KS"/UTC--*7777

unlock() { # unlock ACCOUNT PASSWORD_FILE: passwd to the same password checks it
    run --password-file "$2" account passwd "$1" --new-password-file "$2"
}
expect 4 "unknown cipher \"aes-256-cbc\"" unlock 0x1111111111111111111111111111111111111111 "$WORK/p"
expect 4 "unknown KDF \"bcrypt\"" unlock 0x2222222222222222222222222222222222222222 "$WORK/p"
expect 4 "wrong password for 0x3333333333333333333333333333333333333333 \(MAC mismatch\)" unlock 0x3333333333333333333333333333333333333333 "$WORK/p"
expect 4 "\"ciphertext\" must be 32 bytes" unlock 0x4444444444444444444444444444444444444444 "$WORK/p"
expect 4 "scrypt n|\"n\" must be" unlock 0x5555555555555555555555555555555555555555 "$WORK/p"
expect 4 "claims address 0x6666666666666666666666666666666666666666 but its key belongs to $ADDR" unlock 0x6666666666666666666666666666666666666666 "$WORK/p"
expect 4 "UTC--.*7777 is corrupt or truncated" unlock 0x7777777777777777777777777777777777777777 "$WORK/p"
expect 4 "wrong password for $ADDR \(MAC mismatch\)" unlock victim "$WORK/wrong"
# Every message names the file or the account, never the password.
grep -q "password\b.*bad password" <<<"$out" && bad "password in message" || ok

# list shows the good accounts and warns about each broken file.
expect 0 "victim" run account list
for n in 1 2 4 5 7; do
    grep -q "warning: .*$n$n$n$n" <<<"$out" && ok || bad "no warning for $n: $out"
done
check "good accounts still usable" [ "$(reveal "$KS" victim "$WORK/p")" = "0x$KEY" ]
check "good accounts still usable" [ -n "$(reveal "$KS" good "$WORK/p")" ]

# A key file group or others may read is refused; the rest keep working.
chmod 640 "$VICTIM"
expect 4 "readable or writable by group/others \(mode 640\).*chmod 600" unlock victim "$WORK/p"
check "others usable beside a loose file" [ -n "$(reveal "$KS" good "$WORK/p")" ]
chmod 600 "$VICTIM"
chmod 604 "$KS/names.json"
expect 4 "names.json is readable or writable by group/others" run account list
chmod 600 "$KS/names.json"
chmod 750 "$KS"
expect 4 "keystore folder .* is accessible by group/others \(mode 750\).*chmod 700" run account list
chmod 700 "$KS"
# So are a password file and a private key file others may read.
chmod 644 "$WORK/p"
expect 4 "$WORK/p is readable or writable by group/others \(mode 644\).*chmod 600" \
    unlock victim "$WORK/p"
chmod 600 "$WORK/p"
(umask 077 && echo "$KEY" >"$WORK/key")
chmod 604 "$WORK/key"
expect 4 "$WORK/key is readable or writable by group/others \(mode 604\).*chmod 600" \
    run --contract 0x5FbDB2315678afecb367f032d93F642f64180aa3 --chain-id 1 \
    --private-key-file "$WORK/key" send clearOldSessions --raw --nonce 0 --gas-limit 100000 \
    --gas-price 0
chmod 600 "$WORK/key"
echo '{"0xnot-an-address": "x"}' >"$KS/names.json"
expect 4 "names file .*names.json is corrupt" run account list

summary
