/* The peg's series: ENT in circulation, stored energy, the costs, each
 * unit's energy and an account's ENT, replayed with the project's
 * contract's energy rules (PROTOCOL.md, "The energy token's peg") from the
 * index's transactions, with the governance's passed votes applied where
 * they passed. wallet/series.h says where these figures may differ from a
 * node's (wallet/series_node.h reads their points from the node instead)
 * and draws them with the rest; its incremental replay feeds the
 * peg's state (series_peg) a step at a time. Pure functions: no I/O; the
 * only failure is PC_ENOMEM. */
#ifndef WALLET_SERIES_ENERGY_H
#define WALLET_SERIES_ENERGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/history_tx.h"
#include "wallet/series_point.h"
#include "wallet/views.h"

/* One storage unit's available energy (Wh, what getStorageUnitEnergy
 * reports: 0 while inactive). */
typedef struct series_unit {
    eth_address unit;
    series wh;
} series_unit;

typedef struct series_energy {
    series ent;                /* ENT in circulation (getTotalENT) */
    series wh;                 /* Wh stored in active units, sessions' included
                                  (getTotalEnergy) */
    series mint_cost;          /* ENT per kWh (getEnergyCosts) */
    series burn_cost;
    series_unit *units;        /* owned, in order of first registration */
    size_t nunits;
    series account_ent;        /* the account's ENT, available and locked;
                                  empty without an account */
} series_energy;

/* Replays every OK energyProduced, energyConsumed, reportActualEnergy,
 * startConsumptionSession, clearOldSessions, transferENT and the fills of
 * m, with the units and parameters of g's passed votes applied right after
 * the call that passed them (view_proposal's passed_block and
 * passed_index). `account` may be NULL. */
pc_status series_energy_replay(const history_tx *txs, size_t n, const view_governance *g,
                               const view_market *m, const eth_address *account,
                               series_energy *out, pc_error *err);
void series_energy_free(series_energy *e);

/* The peg's replay state between feeds. It writes into `out`, which must
 * stay where it is while the state lives; `quiet`: only its units, none of
 * the series (for series_sessions). */
typedef struct series_peg series_peg;
/* NULL when out of memory. */
series_peg *series_peg_new(const eth_address *account, series_energy *out, bool quiet);
/* Replays txs[from..n), which follow the transactions of the earlier
 * feeds; g and m are replayed from txs[0..n). False when out of memory:
 * the state is then unusable. */
bool series_peg_feed(series_peg *p, const history_tx *txs, size_t from, size_t n,
                     const view_governance *g, const view_market *m);
void series_peg_free(series_peg *p);

/* What the peg's replay knows beyond the charts' figures: the consumption
 * sessions still open after the last transaction (expired ones included,
 * until a call closes them), and every change of one account's ENT with
 * available and locked apart. */
typedef struct series_session {
    eth_address unit, consumer;
    u256 ent, wh;              /* still locked in it */
    uint64_t start;            /* unix seconds */
} series_session;

/* One change of the account's ENT: production (available), a session's
 * lock and its return when it closes (a move between the two), a
 * consumption's burn (locked), transferENT (available), and the market's
 * fills (the seller's locked ENT to the buyer's available). Orders' own
 * locks and unlocks are not among them: view_market's changes say them. */
typedef struct series_ent_change {
    size_t tx;                 /* the position in the replayed transactions */
    bool locked;               /* of the locked part, else the available one */
    bool gain;
    u256 amount;               /* never 0 */
} series_ent_change;

typedef struct series_peg_detail {
    series_session *sessions;  /* owned, in the contract's order */
    size_t nsessions;
    u256 h;                    /* the sessions' lifetime then, seconds */
    series_ent_change *changes; /* owned, in the order they happened; none
                                   without an account */
    size_t nchanges, changes_cap;
} series_peg_detail;

/* Replays txs[0..n) as series_energy_replay does, for `account` (NULL:
 * none). Errors: PC_ENOMEM, and then *out is left empty. */
pc_status series_peg_details(const history_tx *txs, size_t n, const view_governance *g,
                             const view_market *m, const eth_address *account,
                             series_peg_detail *out, pc_error *err);
void series_peg_detail_free(series_peg_detail *d);

/* The peg's replay kept for its sessions alone (no series), fed as the
 * history grows, as series_replay is. A session stays open, its ENT
 * locked, until a consumption uses it up or goes beyond it, an OK
 * clearOldSessions after it expired, a new session of the same consumer
 * with the same unit, or the unit's removal. */
typedef struct series_sessions series_sessions;

/* Errors: PC_ENOMEM. */
pc_status series_sessions_new(series_sessions **out, pc_error *err);
/* Replays txs[done..n) as series_replay_feed does. Errors: PC_ENOMEM, and
 * then it is unusable: free it and start again. */
pc_status series_sessions_feed(series_sessions *s, const history_tx *txs, size_t n,
                               const view_governance *g, const view_market *m, pc_error *err);
/* How many transactions it was fed. */
size_t series_sessions_done(const series_sessions *s);
/* A copy of the sessions open after them, every consumer's, expired ones
 * included, in the order they started (*out to free; NULL when none).
 * Errors: PC_ENOMEM. */
pc_status series_sessions_open(const series_sessions *s, series_session **out, size_t *n,
                               pc_error *err);
void series_sessions_free(series_sessions *s);

#endif
