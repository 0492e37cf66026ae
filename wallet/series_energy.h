/* The peg's series: ENT in circulation, stored energy, the costs, each
 * unit's energy and an account's ENT, replayed with the project's
 * contract's energy rules (PROTOCOL.md, "The energy token's peg") from the
 * index's transactions, with the governance's passed votes applied where
 * they passed. wallet/series.h says where these figures may differ from a
 * node's and draws them with the rest; its incremental replay feeds the
 * peg's state (series_peg) a step at a time. Pure functions: no I/O; the
 * only failure is PC_ENOMEM. */
#ifndef WALLET_SERIES_ENERGY_H
#define WALLET_SERIES_ENERGY_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
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
 * stay where it is while the state lives. */
typedef struct series_peg series_peg;
/* NULL when out of memory. */
series_peg *series_peg_new(const eth_address *account, series_energy *out);
/* Replays txs[from..n), which follow the transactions of the earlier
 * feeds; g and m are replayed from txs[0..n). False when out of memory:
 * the state is then unusable. */
bool series_peg_feed(series_peg *p, const history_tx *txs, size_t from, size_t n,
                     const view_governance *g, const view_market *m);
void series_peg_free(series_peg *p);

#endif
