#!/usr/bin/env bash
# kill -9 during the sync of a long chain, several times at different
# moments: each restart goes on from the last committed step, and the
# index ends equal to one made in a single sync (nothing twice, nothing
# missing, the database intact). Two syncs at once end the same way.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'failover_down; devnet_down' EXIT
C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
# Some 4000 blocks with a contract transaction every 400.
for ((i = 0; i < 10; i++)); do
    "$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 0x190 >/dev/null
    pc --private-key-file "$DEVNET_DIR/demo-keys/A.key" --yes send transferENT "$C" 0.001 >/dev/null
done
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")

history_cache
pc sync >/dev/null
want=$(index_dump)
assert_eq "the whole chain in one sync" \
    "$(index_sql 'SELECT count(*) FROM txs')" 31

# Through a node that takes small log ranges, a sync takes many steps:
# room to kill it in the middle.
proxy_up limit-log-range 16
history_cache
cursor() { index_sql 'SELECT cursor FROM meta' 2>/dev/null; }
# The whole sync takes about 0.3 s here, so fixed delays would miss it:
# each run is killed once it has committed a step of its own, a little
# later each time.
midway=0
for later in 0 0.01 0.03 0.06 0.1; do
    from=$(cursor)
    # Not through pcx: $! would be the function's subshell, and killing it
    # would leave the program running. The wrapper execs the binary.
    "$POWERCHAIN_BIN" --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" sync >/dev/null 2>&1 &
    pid=$!
    since=$SECONDS
    while ((SECONDS - since < WAIT_SECONDS)); do
        c=$(cursor)
        [[ -n $c && $c -gt ${from:-0} ]] || ! kill -0 "$pid" 2>/dev/null && break
        sleep 0.005
    done
    sleep "$later"
    kill -9 "$pid" 2>/dev/null && killed=1 || killed=0
    wait "$pid" 2>/dev/null
    c=$(cursor)
    [[ $killed = 1 && -n $c && $c -gt 1 && $c -lt $head ]] && midway=$((midway + 1))
done
echo "killed $midway of 5 syncs in the middle"
assert_match "killed in the middle at least once (cursor $(cursor) of $head)" "$midway" '[1-9]'
out=$(pcx "$PROXY_RPC" sync); code=$?
assert_eq "the sync after the kills succeeds" "$code" 0
assert_match "and ends at the head" "$out" "*; head block $head"
assert_eq "the database is intact" \
    "$(index_sql 'PRAGMA integrity_check')" ok
assert_eq "the same index as one sync" "$(index_dump)" "$want"
assert_eq "no transaction twice" "$(index_sql \
    'SELECT count(*) - count(DISTINCT hash) FROM txs')" 0
assert_eq "one index for the chain, whichever node URL read it" \
    "$(cd "$XDG_CACHE_HOME/powerchain" && ls -- *.sqlite)" "${INDEX##*/}"

# Two syncs at once on one database: each step checks the cursor it
# started from, so neither writes a block twice.
history_cache
pcx "$PROXY_RPC" sync >/dev/null 2>"$DEVNET_DIR/err1" &
first=$!
pcx "$PROXY_RPC" sync >/dev/null 2>"$DEVNET_DIR/err2"
assert_eq "the second of two concurrent syncs succeeds" "$?" 0
wait "$first"
assert_eq "and the first" "$?" 0
cat "$DEVNET_DIR/err1" "$DEVNET_DIR/err2"
assert_eq "together they make the same index" "$(index_dump)" "$want"

# On a terminal, a catch-up that takes more than a moment shows its
# progress on standard error; off a terminal it shows none (above). Each
# step here takes 0.3 s.
kill "$PROXY"; wait "$PROXY" 2>/dev/null
proxy_up slow-log-range 1 300
history_cache
script -qec "$POWERCHAIN_BIN --rpc $PROXY_RPC --contract-json $DEVNET_JSON sync" /dev/null \
    >"$DEVNET_DIR/tty" </dev/null
assert_match "a progress bar on a terminal" "$(tr '\r' '\n' <"$DEVNET_DIR/tty")" \
    "*indexing blocks */$head  * blocks/s  *:* left*indexed $head blocks*"

assert_summary
