#!/usr/bin/env bash
# A Foundry keystore folder used as it is: files that cast made (named by
# the person or by a UUID, without an address field) are listed by file
# name, chosen by it, and sign; the address is learnt at the first unlock
# and kept in .powerchain/addresses.json, never in the key file, and a key
# file or record changed since is refused.
. "$(dirname "$0")/lib.sh"

KS=$WORK/foundry
pw "$WORK/p" "foundry password"
run() { $NO_TTY "$PC" --keystore "$KS" "$@"; }
lower() { tr 'A-F' 'a-f' <<<"$1"; }
# The signer cast reads out of a raw transaction powerchain signed offline
# as ACCOUNT (at no fee: the default fee cap of 0 holds offline too).
signed_by() { # signed_by ACCOUNT
    local raw
    raw=$(run --account "$1" --password-file "$WORK/p" \
        --contract 0x00000000000000000000000000000000000000c0 send --raw --chain-id 4200 \
        --nonce 0 --gas-limit 100000 --gas-price 0 transferENT \
        0x00000000000000000000000000000000000000c1 1) || return $?
    "$CAST" decode-transaction "$raw" | grep -oE '\\"signer\\": \\"0x[0-9a-f]{40}' | grep -oE '0x[0-9a-f]{40}'
}

"$CAST" wallet import alice --private-key "0x$KEY" --keystore-dir "$KS" \
    --unsafe-password "foundry password" >/dev/null
bobout=$("$CAST" wallet new "$KS" bob --unsafe-password "foundry password")
BOB=$(grep -oE '0x[0-9a-fA-F]{40}' <<<"$bobout")
uuidout=$("$CAST" wallet new "$KS" --unsafe-password "foundry password")
UUIDADDR=$(grep -oE '0x[0-9a-fA-F]{40}' <<<"$uuidout")
UUID=$(basename "$(grep -oE "$KS/[0-9a-f-]{36}" <<<"$uuidout")")
check "cast made three files without an address field" \
    [ "$(cat "$KS/alice" "$KS/bob" "$KS/$UUID" | grep -c '"address"')" = 0 ]

echo "# cast leaves the folder open to others: refused with the fix"
expect 4 "keystore folder $KS is accessible by group/others.*chmod 700" run account list
chmod 700 "$KS"
expect 0 "" run account list
check "its files too" grep -q "chmod 600 $KS/" <<<"$out"
chmod 600 "$KS"/*
cp "$KS/alice" "$WORK/alice.orig"

echo "# listed by file name, the address not known yet"
expect 0 "^\(address known after unlock\) +alice +$KS/alice$" run account list
check "bob listed" grep -qE "^\(address known after unlock\) +bob +$KS/bob$" <<<"$out"
check "the UUID file listed by its name" grep -qE "^\(address known after unlock\) +$UUID +$KS/$UUID$" <<<"$out"
expect 0 '"address":[[:space:]]*null,' run --json account list
check "JSON names the file" grep -qE "\"name\":[[:space:]]*\"alice\"" <<<"$out"
check "nothing learnt by listing" [ ! -e "$KS/.powerchain" ]

echo "# a wrong password learns nothing"
expect 4 "wrong password for key file $KS/alice \(MAC mismatch\)" \
    run --password-file <(echo nope) --account alice --contract 0x00000000000000000000000000000000000000c0 \
    send --raw --chain-id 1 --nonce 0 --gas-limit 21000 --gas-price 0 transferENT 0x00000000000000000000000000000000000000c1 1
check "no record after a wrong password" [ ! -e "$KS/.powerchain/addresses.json" ]

echo "# unlocked by name: the key, and the address learnt beside the file"
check "alice unlocks to cast's key" [ "$(reveal "$KS" alice "$WORK/p")" = "0x$KEY" ]
check "the record is a private file" [ "$(stat -c %a "$KS/.powerchain/addresses.json")" = 600 ]
check "in a private folder" [ "$(stat -c %a "$KS/.powerchain")" = 700 ]
check "holding alice's address" grep -qx "	\"alice\":	\"0x$(lower "${ADDR#0x}")\"" "$KS/.powerchain/addresses.json"
check "the key file is untouched" cmp -s "$KS/alice" "$WORK/alice.orig"
expect 0 "^$ADDR +alice +$KS/alice$" run account list

echo "# signing as a file name: cast reads the signer back"
check "bob signs as bob" [ "$(signed_by bob)" = "$(lower "$BOB")" ]
check "the UUID file signs as its account" [ "$(signed_by "$UUID")" = "$(lower "$UUIDADDR")" ]
check "alice signs as alice" [ "$(signed_by alice)" = "$(lower "$ADDR")" ]
expect 0 "^$BOB +bob " run account list
check "three addresses recorded" [ "$(grep -c '0x' "$KS/.powerchain/addresses.json")" = 3 ]
check "cast's folder listing is not crowded" [ "$(ls "$KS" | sort | tr '\n' ' ')" = "$(printf '%s\n' alice bob "$UUID" | sort | tr '\n' ' ')" ]

echo "# names: file names are taken, a learnt account can get another"
run --password-file "$WORK/p" account import-key --name mine <<<"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318" >/dev/null
expect 2 "the name \"bob\" is already used by $BOB" run account rename mine bob
expect 0 "Renamed bob to bobby" run account rename bob bobby
check "the new name signs" [ "$(signed_by bobby)" = "$(lower "$BOB")" ]
check "so does the file name" [ "$(signed_by bob)" = "$(lower "$BOB")" ]

echo "# a key file swapped for another under the same name is refused"
cp "$KS/bob" "$KS/alice"
expect 4 "refusing key file $KS/alice: its key is $BOB's, but $KS/.powerchain/addresses.json recorded $ADDR for it" \
    signed_by alice
cp "$WORK/alice.orig" "$KS/alice"
check "the right file signs again" [ "$(signed_by alice)" = "$(lower "$ADDR")" ]

echo "# a changed record is refused"
sed -i "s/$(lower "${ADDR#0x}")/1111111111111111111111111111111111111111/" "$KS/.powerchain/addresses.json"
expect 4 "its key is $ADDR's, but .*recorded 0x1111111111111111111111111111111111111111 for it" signed_by alice
sed -i "s/1111111111111111111111111111111111111111/zz/" "$KS/.powerchain/addresses.json"
expect 4 "learnt addresses file $KS/.powerchain/addresses.json is corrupt \(entry \"alice\"\); fix or remove it" run account list
sed -i "s/zz/$(lower "${ADDR#0x}")/" "$KS/.powerchain/addresses.json"
chmod 644 "$KS/.powerchain/addresses.json"
expect 4 "addresses.json is readable or writable by group/others .*chmod 600" run account list
chmod 600 "$KS/.powerchain/addresses.json"
check "alice signs once the record is right" [ "$(signed_by alice)" = "$(lower "$ADDR")" ]

echo "# a deleted file takes its record along"
expect 0 "Deleted $BOB" run --yes account delete bob
check "bob's record is gone" [ "$(grep -c '"bob"' "$KS/.powerchain/addresses.json")" = 0 ]
check "alice's stays" grep -q '"alice"' "$KS/.powerchain/addresses.json"

echo "# meter run learns a new file's address and signs with one password"
"$CAST" wallet new "$KS" carol --unsafe-password "foundry password" >/dev/null
chmod 600 "$KS/carol"
# The password comes through a pipe written once: a second read would
# wait for a writer that never comes, and the timeout ends the run.
mkfifo "$WORK/once"
printf 'foundry password\n' >"$WORK/once" &
timeout 60 $NO_TTY "$PC" --keystore "$KS" --account carol --password-file "$WORK/once" \
    --rpc http://127.0.0.1:9 --contract 0x00000000000000000000000000000000000000c0 \
    meter run </dev/null >/dev/null 2>&1
code=$?
check "the password was asked once (not waited for again)" [ "$code" != 124 ]
check "carol's address learnt" grep -q '"carol"' "$KS/.powerchain/addresses.json"

summary
