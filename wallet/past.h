/* What both front ends take from the history index (wallet/history.h)
 * beside the live figures of wallet/state.h: the owners of the active
 * storage units (for wallet/roles.h), the eEuro locked for withdrawal and
 * not yet settled, every proposal with its tally, the market's trades, and
 * the contract's transactions themselves, and on request the charts' time
 * series (wallet/series.h). Everything
 * is derived from the transactions by wallet/views.h's replays, never from
 * the wording of the contract's Info texts.
 *
 * Ownership: wallet_past_read fills a caller-owned struct whose arrays it
 * allocates; wallet_past_free releases them. A filled struct holds no
 * pointer into the index, so it may be handed to another thread. */
#ifndef WALLET_PAST_H
#define WALLET_PAST_H

#include <stddef.h>
#include <stdint.h>

#include "eth/error.h"
#include "wallet/history.h"
#include "wallet/roles.h"
#include "wallet/series.h"
#include "wallet/views.h"

typedef struct wallet_past {
    uint64_t head;                 /* the last indexed block; 0 when none */
    history_tx *txs;               /* owned: every indexed transaction, oldest first */
    size_t ntxs;
    wallet_unit_owner *owners;     /* owned: (unit, owner) of the units the passed
                                      votes left active */
    size_t nowners;
    view_withdrawals withdrawals;  /* owned: requests not yet settled */
    view_governance governance;    /* owned: every proposal, its ballots and tally */
    view_market market;            /* owned: the trades and the replayed book */
    bool has_series;               /* wallet_past_series filled `series` */
    series_set series;             /* owned */
} wallet_past;

/* Loads every transaction the index holds now (bring it up to date with
 * history_sync first) and derives the owners, withdrawal requests, proposals and trades.
 * Errors: history_load's, PC_ENOMEM; on failure *out is left empty. */
pc_status wallet_past_read(history *h, wallet_past *out, pc_error *err);
/* Replays the charts' series of a filled past, the account's ENT and eEuro
 * for `account` (NULL: none), into p->series, replacing what it held.
 * Errors: PC_ENOMEM, and then p->has_series is false. */
pc_status wallet_past_series(wallet_past *p, const eth_address *account, pc_error *err);
/* Frees the arrays, not the struct; NULL is allowed. */
void wallet_past_free(wallet_past *p);

#endif
