# shellcheck shell=bash
# tests/wallet/lib.sh: shared by the history index tests (source after
# tests/lib/devnet.sh and devnet_up).
#
#   history_cache      a fresh XDG_CACHE_HOME (under DEVNET_DIR), so that each run
#                      builds its own index; sets INDEX, the index's file there
#   index_sql SQL      sqlite3 on INDEX; fails, saying so, while there is none
#   pc ARGS...         powerchain against the devnet's deployment
#   pcx RPC ARGS...    the same through another node URL
#   key NAME           the private key of a demo actor (A, B, C, U1, U2)
#   index_dump         the index's rows as text, one a line, for comparing two indexes

history_cache() {
    # Inside the devnet's folder, which goes when the test ends.
    XDG_CACHE_HOME=$(mktemp -d "$DEVNET_DIR/cache.XXXXXX")
    export XDG_CACHE_HOME
    INDEX=$XDG_CACHE_HOME/powerchain/$(index_name)
}

# The index's file name as wallet/history.h gives it, from the chain id and
# the genesis block's hash as cast reads them: one name for one chain,
# whichever node URL, proxy or build reads it. (Not a glob: sqlite3 given
# a pattern that matches nothing creates a file by that name, and the next
# glob then matches two.)
index_name() {
    local chain genesis address=${DEVNET_ADDRESS,,}
    chain=$("$CAST" chain-id --rpc-url "$DEVNET_RPC")
    genesis=$("$CAST" block 0 --field hash --rpc-url "$DEVNET_RPC")
    echo "history-$chain-${genesis:2:16}-${address#0x}.sqlite"
}

index_sql() {
    if [[ ! -f $INDEX ]]; then
        echo "index_sql: no index at $INDEX; the folder holds: $(ls -A "${INDEX%/*}" 2>&1)" >&2
        return 1
    fi
    sqlite3 "$INDEX" "$@"
}

pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
pcx() { local rpc=$1; shift; "$POWERCHAIN_BIN" --rpc "$rpc" --contract-json "$DEVNET_JSON" "$@"; }
key() { cat "$DEVNET_DIR/demo-keys/$1.key"; }

index_dump() {
    index_sql \
        "SELECT block, idx, time, hex(hash), hex(sender), creation, method, hex(input), outcome, text
         FROM txs ORDER BY block, idx"
}
