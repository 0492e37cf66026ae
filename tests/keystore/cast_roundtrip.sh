#!/usr/bin/env bash
# Round trips with Foundry's cast, an independent implementation of the
# format: its files unlock in powerchain, and powerchain's in cast.
. "$(dirname "$0")/lib.sh"

KS=$WORK/ks
CASTDIR=$WORK/cast
mkdir -p "$CASTDIR"
pw "$WORK/p" "cast and powerchain"
run() { $NO_TTY "$PC" --keystore "$KS" "$@"; }

# cast wallet new: a random key in a file named by its UUID, no address field.
newout=$("$CAST" wallet new "$CASTDIR" --unsafe-password "cast and powerchain")
newaddr=$(grep -oE '0x[0-9a-fA-F]{40}' <<<"$newout")
newfile=$(grep -oE "$CASTDIR/[0-9a-f-]{36}" <<<"$newout")
check "cast wallet new made a file" [ -f "$newfile" ]
expect 0 "Imported account $newaddr \(fromcast\)" run --password-file "$WORK/p" account import "$newfile" --name fromcast
expect 0 "^$newaddr  fromcast " run account list
castkey=$("$CAST" wallet decrypt-keystore -k "$CASTDIR" "$(basename "$newfile")" --unsafe-password "cast and powerchain" | grep -oE '0x[0-9a-f]{64}')
check "powerchain unlocks cast's new key" [ "$(reveal "$KS" fromcast "$WORK/p")" = "$castkey" ]
check "the imported copy has an address field" grep -q "\"address\":\"$(tr 'A-F' 'a-f' <<<"${newaddr#0x}")\"" "$KS"/UTC--*"$(tr 'A-F' 'a-f' <<<"${newaddr#0x}")"

# cast wallet import: a known key.
"$CAST" wallet import imported --private-key "0x$KEY" --keystore-dir "$CASTDIR" --unsafe-password "cast and powerchain" >/dev/null
expect 0 "Imported account $ADDR \(castimport\)" run --password-file "$WORK/p" account import "$CASTDIR/imported" --name castimport
check "powerchain unlocks cast's imported key" [ "$(reveal "$KS" castimport "$WORK/p")" = "0x$KEY" ]
expect 4 "wrong password for key file .*imported \(MAC mismatch\)" $NO_TTY "$PC" --keystore "$WORK/ks2" --password-file <(echo nope) account import "$CASTDIR/imported"

# ethers' capitalised "Crypto": imported, then exported in the standard
# spelling, which cast reads.
sed 's/"crypto"/"Crypto"/' "$CASTDIR/imported" >"$WORK/ethers.json"
check "the ethers-style file says Crypto" grep -q '"Crypto"' "$WORK/ethers.json"
expect 0 "Imported account $ADDR" $NO_TTY "$PC" --keystore "$WORK/ks5" --password-file "$WORK/p" \
    account import "$WORK/ethers.json"
mkdir -p "$WORK/exported"
$NO_TTY "$PC" --keystore "$WORK/ks5" account export "$ADDR" >"$WORK/exported/ethers.json"
check "the export spells it crypto" grep -q '"crypto"' "$WORK/exported/ethers.json"
got=$("$CAST" wallet decrypt-keystore -k "$WORK/exported" ethers.json \
    --unsafe-password "cast and powerchain" | grep -oE '0x[0-9a-f]{64}')
check "cast decrypts the export" [ "$got" = "0x$KEY" ]

# powerchain's files decrypt in cast: from `account new` (with geth's full
# scrypt cost, as users get it) and from `import-key`.
KS3=$WORK/ks3
expect 0 "Created account" env POWERCHAIN_SCRYPT_N= $NO_TTY "$PC" --keystore "$KS3" --password-file "$WORK/p" account new --name mine
mine=$(grep -oE '0x[0-9a-fA-F]{40}' <<<"$out")
minefile=$(basename "$(ls "$KS3"/UTC--*)")
check "full scrypt n in new files" grep -q '"n":262144,"p":1,"r":8' "$KS3/$minefile"
castmine=$("$CAST" wallet decrypt-keystore -k "$KS3" "$minefile" --unsafe-password "cast and powerchain" | grep -oE '0x[0-9a-f]{64}')
check "cast decrypts powerchain's new key" [ -n "$castmine" ]
check "to the key powerchain has" [ "$(reveal "$KS3" mine "$WORK/p")" = "$castmine" ]
check "whose address matches" [ "$("$CAST" wallet address --private-key "$castmine")" = "$mine" ]

KS4=$WORK/ks4
expect 0 "Imported account $ADDR" $NO_TTY "$PC" --keystore "$KS4" --password-file "$WORK/p" account import-key --file <(echo "$KEY")
f=$(basename "$(ls "$KS4"/UTC--*)")
got=$("$CAST" wallet decrypt-keystore -k "$KS4" "$f" --unsafe-password "cast and powerchain" | grep -oE '0x[0-9a-f]{64}')
check "cast decrypts powerchain's imported key" [ "$got" = "0x$KEY" ]

# After a password change too.
pw "$WORK/p2" "changed"
$NO_TTY "$PC" --keystore "$KS4" --password-file "$WORK/p" account passwd "$ADDR" --new-password-file "$WORK/p2" >/dev/null
got=$("$CAST" wallet decrypt-keystore -k "$KS4" "$f" --unsafe-password changed | grep -oE '0x[0-9a-f]{64}')
check "cast decrypts after passwd" [ "$got" = "0x$KEY" ]

summary
