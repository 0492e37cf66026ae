/* Inside the history index (not for other modules): the handle and the
 * SQLite side that history.c (opening, loading) and history_sync.c
 * (reading from the node) share.
 *
 * Schema (PRAGMA user_version = HISTORY_SCHEMA_VERSION):
 *   meta(chain_id, genesis, contract, first_block, cursor)  one row; NULL
 *       first_block: not found yet; NULL cursor: nothing indexed
 *   txs(block, idx, time, hash, sender, creation, method, input, outcome,
 *       text)  one row per transaction, key (block, idx); method NULL when
 *       the calldata names no PROTOCOL.md function or does not decode
 *   involves(addr, block, idx)  the sender and every address argument
 *   blocks(number, hash)  the last HISTORY_KEPT_HASHES indexed blocks */
#ifndef WALLET_HISTORY_STORE_H
#define WALLET_HISTORY_STORE_H

#include <sqlite3.h>

#include "wallet/history.h"

/* What a person can do about a damaged index, for messages. */
#define HISTORY_REBUILD_HINT \
    "remove it (with its -wal and -shm files) and it is built again from the chain"

struct history {
    sqlite3 *db;
    char *path;
    const pc_contract *k;
    uint64_t chain_id;
    uint8_t genesis[32];
    bool has_first;
    uint64_t first_block;
    bool has_cursor;
    uint64_t cursor;
    unsigned span;    /* blocks per step, adapted to the node */
    unsigned ceiling; /* the smallest span the node refused or answered slowly */
    unsigned calm;    /* steps since then */
};

/* One transaction ready to be written. */
typedef struct history_row {
    uint64_t block;
    uint32_t index;
    uint64_t time;
    uint8_t hash[32];
    eth_address from;
    bool is_creation;
    const uint8_t *input; /* borrowed */
    size_t input_len;
    history_outcome outcome;
    char *text;           /* owned */
} history_row;

/* Reads first_block and cursor from the database into h; PC_EIO when they
 * are not what an index can hold (damaged). */
pc_status history_store_load_state(history *h, pc_error *err);
pc_status history_store_set_first(history *h, uint64_t block, pc_error *err);
/* The kept block numbers, newest first, into a new array. */
pc_status history_store_kept_blocks(history *h, uint64_t **out, size_t *n, pc_error *err);

/* One step, in one SQLite transaction: the rows, the hashes of blocks
 * [from, to] (hashes[i] is block from+i) and cursor = to. When the
 * database's cursor is no longer `expected` (another process moved it),
 * nothing is written and *moved is set. */
pc_status history_store_step(history *h, bool has_expected, uint64_t expected,
                             const history_row *rows, size_t nrows, uint64_t from, uint64_t to,
                             const uint8_t (*hashes)[32], bool *moved, pc_error *err);
/* Deletes everything above block `keep` (none: everything), in one
 * transaction; *removed receives the number of transactions deleted. */
pc_status history_store_rollback(history *h, bool has_keep, uint64_t keep, uint64_t *removed,
                                 pc_error *err);

#endif
