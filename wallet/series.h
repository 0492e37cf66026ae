/* Time series of a deployment's past for charts, derived from the history
 * index's transactions (wallet/past.h) by exact replays with the contract's
 * rules (PROTOCOL.md), never from the wording of its Info texts. Every
 * value is an exact u256.
 *
 * The market's fills (price and quantity, from view_market_replay), eEuro
 * in circulation and an account's eEuro follow from the calls' arguments
 * alone, on any deployment. ENT in circulation, stored energy, the costs
 * and an account's ENT also depend on the peg's rules: series_energy_replay
 * runs them as the project's contract (contracts/PowerChain.sol) does, from
 * the block timestamps (for sessions' expiry) and the governance's passed
 * votes (units, parameters). The thesis's own contract prices energy
 * differently (its burning cost is capped with M, and over-consumption
 * rebalances the units), so on its deployments those replayed series are
 * the protocol's figures, not necessarily the node's: the front ends read
 * their points from the node at each point's block where it keeps that
 * state (wallet/series_node.h, which says in series_origin how many blocks
 * stay replayed), and compare the last points with the node's live
 * figures.
 *
 * A series is a list of points (wallet/series_point.h). The index holds
 * every transaction since the deployment, so step series start from 0 at
 * the first indexed transaction. The peg's step series (series_energy.h)
 * keep at most four points of one time (series_push_change); the other
 * series keep every point.
 *
 * Pure functions: no I/O. Each fills a caller-owned struct whose arrays it
 * allocates; the matching _free releases them. The only failure is
 * PC_ENOMEM; on failure the output is left empty.
 *
 * A series_replay runs the same replays in steps, as the index grows: it
 * keeps their state and is fed only the new transactions, and its results
 * equal a replay of the whole history at once, point for point. */
#ifndef WALLET_SERIES_H
#define WALLET_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/history_tx.h"
#include "wallet/series_energy.h"
#include "wallet/series_point.h"
#include "wallet/views.h"

/* One point per fill, in the order they happened: the fill's price (eEuro
 * per ENT) into *prices and its quantity (ENT) into *volumes, at the same
 * positions. */
pc_status series_fills(const view_market *m, series *prices, series *volumes, pc_error *err);

/* eEuro in circulation: an OK minteEuro(addr, amnt) adds amnt, an OK
 * burneEuro(addr, amnt) takes it away (the contract emits an Error instead
 * when the sender is not the banker or the amount is not locked). A first
 * point of 0 at the first transaction, then one per mint or burn. */
pc_status series_eeuro_supply(const history_tx *txs, size_t n, series *out, pc_error *err);

/* The eEuro `account` holds, available and locked together: mints into it
 * and burns from it, transfereEuro to and from it, and the market's fills
 * (m, replayed from the same txs), where the buyer pays price * quantity /
 * 10^18 to the seller. Locking for withdrawal or for an order, and unlocking,
 * move eEuro between the two parts and leave the sum alone. A first point
 * of 0 at the first transaction, then one per change. */
pc_status series_eeuro_balance(const history_tx *txs, size_t n, const view_market *m,
                               const eth_address *account, series *out, pc_error *err);

/* Where the points of the peg's series (series_energy.h) come from, by the
 * blocks that hold one: wallet/series_node.h reads them from the node at
 * each block; all zero (not asked): every one is replayed. */
typedef struct series_origin {
    bool asked;                /* the node was asked; the counts below say */
    size_t blocks;             /* blocks with a point of the peg's series */
    size_t from_node;          /* of them, read from the node at the block */
    size_t not_kept;           /* the node keeps no state of them: replayed */
    size_t unread;             /* not read from the node yet: replayed for now */
} series_origin;

/* Everything the charts draw. */
typedef struct series_set {
    series prices, volumes;    /* series_fills */
    series eeuro;              /* series_eeuro_supply */
    series_energy energy;      /* series_energy_replay, account_ent for `account` */
    bool has_account;
    eth_address account;       /* whose account_ent and my_eeuro these are */
    series my_eeuro;           /* series_eeuro_balance; empty without an account */
    series_origin origin;      /* of energy's points: replayed unless it says */
} series_set;

/* All of the above from one history and its replayed governance and
 * market; `account` may be NULL. */
pc_status series_set_replay(const history_tx *txs, size_t n, const view_governance *g,
                            const view_market *m, const eth_address *account, series_set *out,
                            pc_error *err);
void series_set_free(series_set *s);

/* An incremental series_set_replay over a history that only grows. */
typedef struct series_replay series_replay;

/* A replay of nothing yet, for `account` (NULL: none). Errors: PC_ENOMEM. */
pc_status series_replay_new(const eth_address *account, series_replay **out, pc_error *err);
/* Replays txs[done..n), where done is the n of the last feed (0 at first):
 * the first done must be the transactions fed before, unchanged. g and m
 * are replayed from txs[0..n). A history rewritten under it (a reorg)
 * needs a new replay. Errors: PC_ENOMEM, and then the replay is unusable:
 * free it and start again. */
pc_status series_replay_feed(series_replay *r, const history_tx *txs, size_t n,
                             const view_governance *g, const view_market *m, pc_error *err);
/* How many transactions it was fed. */
size_t series_replay_done(const series_replay *r);
/* Whether it replays the figures of `account` (NULL: none). */
bool series_replay_is_for(const series_replay *r, const eth_address *account);
/* The series so far into *out, sharing their points with the replay: *out
 * stays as it is while the replay goes on (also on another thread), and
 * after it is freed; series_set_free releases it. Errors: PC_ENOMEM, and
 * then *out is left empty. */
pc_status series_replay_share(const series_replay *r, series_set *out, pc_error *err);
void series_replay_free(series_replay *r);

#endif
