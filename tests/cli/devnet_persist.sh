#!/usr/bin/env bash
# A devnet kept on disk (--persist) is one chain across its restarts: anvil
# makes its genesis block again at each start, stamped with the time, and
# keeps the old one beside it in its state file, so without one genesis
# time for every start a later start may take another block 0 for the
# chain's and the index refuses the node as another chain. Five restarts,
# each in a new second: block 0 stays the same and `sync` goes on.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up --persist || exit 1
export XDG_CACHE_HOME=$DEVNET_DIR/cache POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
unset POWERCHAIN_RPC POWERCHAIN_ACCOUNT
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
genesis=$(devnet_genesis) || exit 1
pc sync >/dev/null || { echo "FAIL: the first sync"; exit 1; }

started=$(date +%s)
a_new_second() { (($(date +%s) > started)); }
for ((i = 1; i <= 5; i++)); do
    "$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR" || exit 1
    wait_for "a second after the last start" a_new_second || exit 1
    "$PROJECT_ROOT/devnet/start" --persist --port "$DEVNET_PORT" --state "$DEVNET_DIR" \
        >/dev/null || exit 1
    started=$(date +%s)
    assert_eq "block 0 after restart $i" "$(devnet_genesis)" "$genesis"
    out=$(pc sync 2>&1)
    assert_eq "sync after restart $i goes on (exit 0; it said: $out)" "$?" 0
done
assert_summary
