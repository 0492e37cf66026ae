#!/usr/bin/env bash
# SIGKILL in the middle of changes: passwd and rename run again and again
# and are killed at random moments; afterwards every key file is intact and
# decrypts (with the old password or the new one), names.json is whole, and
# nothing is listed as broken.
. "$(dirname "$0")/lib.sh"

KS=$WORK/ks
pw "$WORK/p1" "password one"
pw "$WORK/p2" "password two"
run() { $NO_TTY "$PC" --keystore "$KS" "$@"; }
for n in a b c; do run --password-file "$WORK/p1" account new --name "$n" >/dev/null; done

# How long one passwd takes, so the kills spread over all of it.
start=$(date +%s%N)
run --password-file "$WORK/p1" account passwd a --new-password-file "$WORK/p1" >/dev/null
span_us=$((($(date +%s%N) - start) / 1000))

# unlocks ACCOUNT: which password opens it now (p1 or p2), or nothing.
unlocks() {
    local p
    for p in p1 p2; do
        if [ "$(reveal "$KS" "$1" "$WORK/$p")" != "" ]; then echo "$p"; return; fi
    done
}

kills=0
for round in $(seq 1 24); do
    # The password file is chosen after a look at what opens a now.
    cur=$(unlocks a)
    [ -n "$cur" ] || { bad "round $round: account a does not unlock"; break; }
    other=p2; [ "$cur" = p2 ] && other=p1
    if [ $((round % 3)) = 0 ]; then
        name=$(run account list | awk '$2 ~ /^(b|bee)$/ {print $2}')
        new=bee; [ "$name" = bee ] && new=b
        cmd=("$PC" --keystore "$KS" account rename "$name" "$new")
    else
        cmd=("$PC" --keystore "$KS" --password-file "$WORK/$cur" account passwd a
             --new-password-file "$WORK/$other")
    fi
    d=$(((RANDOM * 32768 + RANDOM) % (span_us + 1)))
    delay=$(printf '%d.%06d' $((d / 1000000)) $((d % 1000000)))
    # In a subshell with stderr dropped, so bash's "Killed" notice stays quiet.
    killed=$( (
        "${cmd[@]}" >/dev/null 2>&1 &
        pid=$!
        sleep "$delay"
        kill -KILL "$pid" 2>/dev/null && echo 1
        wait "$pid"
    ) 2>/dev/null)
    [ "$killed" = 1 ] && kills=$((kills + 1))

    check "round $round: names.json is whole" jq -e 'type == "object"' "$KS/names.json" >/dev/null
    listing=$(run account list 2>&1)
    grep -q warning <<<"$listing" && bad "round $round: broken files listed: $listing" || ok
    check "round $round: three accounts" [ "$(grep -c '^0x' <<<"$listing")" = 3 ]
done
echo "killed $kills of 24 runs while running"
check "some runs were killed mid-way" [ "$kills" -gt 0 ]

# Every file intact: a with one of the two passwords, b and c with p1.
check "a decrypts" [ -n "$(unlocks a)" ]
for n in c; do check "$n decrypts" [ "$(unlocks $n)" = p1 ]; done
b=$(run account list | awk '$2 ~ /^(b|bee)$/ {print $2}')
check "b decrypts" [ "$(unlocks "$b")" = p1 ]
# The next change sweeps away temporary files of killed writes.
run account rename c cee >/dev/null
check "no temporary files left" [ -z "$(ls -A "$KS" | grep '^\.tmp-')" ]

summary
