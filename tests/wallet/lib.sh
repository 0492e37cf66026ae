# shellcheck shell=bash
# tests/wallet/lib.sh: shared by the history index tests (source after
# tests/lib/devnet.sh and devnet_up).
#
#   history_cache      a fresh XDG_CACHE_HOME (under DEVNET_DIR), so that each run
#                      builds its own index
#   pc ARGS...         powerchain against the devnet's deployment
#   pcx RPC ARGS...    the same through another node URL
#   key NAME           the private key of a demo actor (A, B, C, U1, U2)
#   index_dump         the index's rows as text, one a line, for comparing two indexes

history_cache() {
    # Inside the devnet's folder, which goes when the test ends.
    XDG_CACHE_HOME=$(mktemp -d "$DEVNET_DIR/cache.XXXXXX")
    export XDG_CACHE_HOME
}

pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" "$@"; }
pcx() { local rpc=$1; shift; "$POWERCHAIN_BIN" --rpc "$rpc" --contract-json "$DEVNET_JSON" "$@"; }
key() { cat "$DEVNET_DIR/demo-keys/$1.key"; }

index_dump() {
    sqlite3 "$XDG_CACHE_HOME"/powerchain/history-*.sqlite \
        "SELECT block, idx, time, hex(hash), hex(sender), creation, method, hex(input), outcome, text
         FROM txs ORDER BY block, idx"
}
