/* The history index: every transaction to one PowerChain deployment since
 * it was created (its creation transaction included, when a transaction of
 * its own created it rather than another contract), read from the node
 * and kept in SQLite so that views of the past are queries, not rescans.
 *
 * One database per chain (chain id and genesis block hash) and contract:
 * $XDG_CACHE_HOME/powerchain/history-<chain id>-<genesis>-<contract>.sqlite,
 * <genesis> being the first 8 bytes of the genesis hash in hex
 * (~/.cache when XDG_CACHE_HOME is unset). Another user who could write
 * there could forge the past the views and the confirmations show: the
 * folder (made 0700) must be this user's and closed to group and others,
 * the file (made 0600) this user's regular file, never a symbolic link. A
 * database of another schema version is rebuilt from the deployment block;
 * a damaged one (or one whose state no index can have) is refused with
 * the advice to remove it, which rebuilds it from the chain.
 *
 * Catch-up reads ranges of blocks, one JSON-RPC batch per step (the
 * contract's logs over the range and every block with its transactions),
 * plus one batch of receipts for the contract's transactions that left no
 * log. The range adapts to the node: halved when it refuses, answers
 * slowly or sends more than HISTORY_STEP_LOGS logs, grown again when it
 * answers fast; a step never holds more than HISTORY_SPAN_MAX blocks. A
 * node that claims a newest block above HISTORY_MAX_BLOCK is refused. Each step's rows and the new
 * cursor are written in one SQLite transaction, so a process killed at any
 * moment loses nothing committed and reads nothing twice after a restart.
 * The hashes of the last HISTORY_KEPT_HASHES indexed blocks are kept: a
 * block that no longer matches the node's (a reorg) rolls the index back to
 * the fork; a fork deeper than that rebuilds it from the deployment block.
 *
 * A handle is used by one thread at a time. Several processes may share a
 * database: SQLite locks it, and a step that finds the cursor moved by
 * another process starts again from the new cursor.
 *
 * Errors: PC_ENODE (node unreachable, refuses even one block, claims an
 * impossible head, or answers something that does not fit together),
 * PC_EDATA (malformed answers), PC_EIO (the database or its folder:
 * another user's, open to others, a link, damaged), PC_EINPUT (no contract
 * at the address, or a deployment file for another chain or a block no
 * chain reaches), PC_ENOMEM. */
#ifndef WALLET_HISTORY_H
#define WALLET_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/history_tx.h"

#define HISTORY_SCHEMA_VERSION 1
#define HISTORY_KEPT_HASHES 128
/* Blocks per step: where a sync starts, and the most it grows to (a step
 * of full blocks is held in memory at once: this bounds the peak). */
#define HISTORY_SPAN_START 256
#define HISTORY_SPAN_MAX 512
/* The most logs one step takes: more, and the span is halved (an honest
 * block holds far fewer of the contract's events). */
#define HISTORY_STEP_LOGS 10000
/* The highest block an index can hold: SQLite stores block numbers as
 * signed 64-bit integers (and no chain comes near it). */
#define HISTORY_MAX_BLOCK ((uint64_t)INT64_MAX)

typedef struct history history;

/* Opens (creating or rebuilding as needed) the index of contract k on the
 * chain that c is connected to; asks the node for the chain's identity.
 * `k` is borrowed and must outlive the handle.
 * The index is tied to the chain's genesis block: when there is no index
 * of the node's chain yet but there is one of this contract's address on
 * another chain of the same chain id (a devnet started again, a node of
 * another network), the node is taken for a chain other than the one
 * indexed and refused with PC_ENODE, cause PC_CAUSE_WRONG_CHAIN, and a
 * message that names both genesis hashes and says how to go on
 * (history_open_reset). */
pc_status history_open(rpc_client *c, const pc_contract *k, history **out, pc_error *err);
/* As history_open, taking the node's chain even when another chain's index
 * is there (that one stays beside it, untouched): for a front end that has
 * told the person so (the panel). */
pc_status history_open_beside(rpc_client *c, const pc_contract *k, history **out,
                              pc_error *err);
/* As history_open, for `sync --reset`: the node's chain is taken as the
 * one to index even when another chain's index is there (that one stays
 * beside it, untouched), and an index of it that exists already is
 * emptied, to be read again from the deployment block. */
pc_status history_open_reset(rpc_client *c, const pc_contract *k, history **out,
                             pc_error *err);
/* Without a node: the index of contract k written last (of the deployment
 * file's chain when k names one), to show the past offline; it can be
 * read (history_load, history_head), and synced once a node is found to
 * serve its chain (history_serves). PC_EINPUT when there is no
 * index of k; PC_EIO as history_open. */
pc_status history_open_offline(const pc_contract *k, history **out, pc_error *err);
/* True when the node's chain (chain id and genesis hash) is the index's. */
bool history_serves(const history *h, uint64_t chain_id, const uint8_t genesis[32]);
void history_close(history *h);
/* Gives back the memory SQLite keeps for the index's connection (its page
 * cache, up to 2 MiB, which otherwise fills as the index grows): for a
 * process that keeps the index open between syncs, as the panel does. The
 * pages are read from the file again when needed. */
void history_release_memory(history *h);
/* The database file's path (owned by the handle). */
const char *history_path(const history *h);
/* The chain the index is of: its id and genesis block hash (32 bytes,
 * owned by the handle). */
uint64_t history_chain_id(const history *h);
const uint8_t *history_genesis(const history *h);
/* When the index was last written (seconds since the epoch): the time the
 * index stands for when no node is there to say more. */
uint64_t history_written_at(const history *h);

/* Called after each committed step: blocks indexed so far in this sync and
 * the blocks it has to index in all. */
typedef void (*history_progress_fn)(uint64_t done, uint64_t total, void *user);

typedef struct history_sync_stats {
    uint64_t blocks;   /* blocks read by this sync */
    uint64_t txs;      /* transactions added by this sync */
    uint64_t rolled_back; /* transactions removed by reorgs during this sync */
    uint64_t head;     /* last indexed block after it */
} history_sync_stats;

/* Brings the index up to the node's newest block. `progress` may be NULL;
 * `stats` may be NULL. On error, every step committed before it stays.
 * A node whose newest block is more than HISTORY_KEPT_HASHES blocks below
 * the last indexed one serves another chain than the one indexed (no
 * reorg goes that deep): refused with PC_ENODE, cause
 * PC_CAUSE_WRONG_CHAIN, leaving the index as it is. */
pc_status history_sync(history *h, rpc_client *c, history_progress_fn progress, void *user,
                       history_sync_stats *stats, pc_error *err);

/* The last indexed block; false when nothing is indexed yet. */
bool history_head(const history *h, uint64_t *block);
/* The hash of indexed block n, as the database holds it now (written by
 * this process or another); false when it is not among the kept hashes,
 * which always include the last indexed block. A reader that took the
 * index up to block n is still on the index's chain while this is the
 * hash it saw then. */
bool history_block_hash(history *h, uint64_t n, uint8_t hash[32]);

typedef struct history_filter {
    bool has_account;      /* the sender, or any address argument, is this one */
    eth_address account;
    const pc_method *method; /* NULL: any (the creation only matches NULL) */
    uint64_t from_block;   /* inclusive */
    uint64_t to_block;     /* inclusive; UINT64_MAX for no limit */
} history_filter;

/* Everything when f is NULL. */
#define HISTORY_FILTER_ALL { false, { { 0 } }, NULL, 0, UINT64_MAX }

/* The indexed transactions that pass f, ordered by (block, index), into a
 * new array *out of *n records (free with history_tx_free_all; NULL when
 * none). Arguments are decoded from the stored calldata by the binding. */
pc_status history_load(history *h, const history_filter *f, history_tx **out, size_t *n,
                       pc_error *err);

/* Marks beside the index, per account (and, as the database is, per chain
 * and contract): a named block number that a front end keeps between
 * runs, such as the block up to which an account has looked at what
 * waits for it (wallet/waiting.h). Names are short words of the caller's
 * choosing. A mark outlives reorgs and is lost when the index is rebuilt.
 * Errors: PC_EIO (the database). */
pc_status history_mark_get(history *h, const eth_address *account, const char *name,
                           uint64_t *block, bool *found, pc_error *err);
pc_status history_mark_set(history *h, const eth_address *account, const char *name,
                           uint64_t block, pc_error *err);

#endif
