/* The peg's series (wallet/series_energy.h) with their points read from
 * the node: at each block where the replay has a point, the node's own
 * figures after that block (eth_call at the block: getTotalENT,
 * getTotalEnergy, getEnergyCosts and the account's balanceENT where a
 * series of those has a point, a unit's getStorageUnitEnergy where that
 * unit's has one) stand for the replay's. A deployment whose contract
 * prices energy otherwise than the project's (the thesis's own) then
 * charts what its node says, not what our rules would have made of its
 * transactions.
 *
 * The node's figures of a block never change (past state is immutable),
 * so a series_node reads each once and keeps which it read, and the
 * figures themselves only where they differ from the replay's: on a
 * deployment of the project's contract there are none, and the replay's
 * points are shared, not copied. Where one differs, that block's figure
 * from the node stands for the replay's points of the block (up to four:
 * series_push_change). A block the node keeps no state of (any error
 * answering a call there: "header not found", "missing trie node", pruned
 * state) is taken as not kept, and so is every older one. Each call makes
 * at most a given number of calls, newest blocks first, in one batch, so
 * that a long history is read over several refreshes; the points of blocks
 * not (yet) read stay replayed, and series_origin counts those blocks for
 * the page to say so.
 *
 * One thread at a time. Start it zeroed; series_node_forget empties it
 * (when the index is rolled back by a reorg, or is another chain's) and
 * frees its memory; it forgets by itself what it read for another
 * account. */
#ifndef WALLET_SERIES_NODE_H
#define WALLET_SERIES_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/series.h"

/* Calls one refresh of the panel makes at most: one round trip. */
#define SERIES_NODE_REFRESH_CALLS 64

/* One read (a block's totals, costs and the account's ENT, or a unit's
 * energy at a block) and one figure where the node and the replay differ
 * (series_node.c). */
typedef struct series_node_read_item series_node_read_item;
typedef struct series_node_diff series_node_diff;

typedef struct series_node {
    series_node_read_item *reads; /* owned: what the node answered, sorted */
    size_t nreads, reads_cap;
    series_node_diff *diffs;     /* owned: the node's figures unlike the replay's, sorted */
    size_t ndiffs, diffs_cap;
    eth_address *units;          /* owned: the units its reads name by position */
    size_t nunits, units_cap;
    bool has_account;            /* whose ENT was read */
    eth_address account;
    bool has_floor;              /* the node keeps no state at floor and before */
    uint64_t floor;
} series_node;

/* Reads from the node, in up to `max_calls` calls (0: none; only what was
 * read before is used), the figures of set's peg series at the blocks of
 * their points it has not read yet, newest first: a block's totals and
 * costs (and the account's ENT) where one of those series has a point, a
 * unit's energy where that unit's series has one. Then replaces each peg
 * series of set (ent, wh, mint_cost, burn_cost, each unit's wh,
 * account_ent) where the node's figures differ from the replay's by a
 * series with the node's figures at those blocks (the others keep the
 * replay's points, shared), and fills set->origin. set's other series are
 * left alone. The node not answering (the round trip fails) is not an
 * error: those blocks stay unread, and set->origin.unread counts them.
 * Errors: PC_ENOMEM, and then set is as it was (replayed, set->origin
 * saying so). */
pc_status series_node_read(series_node *n, rpc_client *c, const pc_contract *k, series_set *set,
                           size_t max_blocks, pc_error *err);

/* Forgets every figure read (frees them); n is then as new. */
void series_node_forget(series_node *n);

#endif
