/* What both front ends take from the history index (wallet/history.h)
 * beside the live figures of wallet/state.h: the owners of the active
 * storage units (for wallet/roles.h), the eEuro locked for withdrawal and
 * not yet settled, every proposal with its tally, the market's trades, the
 * consumption sessions still open (expired ones included, which the node's
 * getConsumptionSessions no longer lists though their ENT stays locked
 * until clearOldSessions), and the contract's transactions themselves, and
 * on request the charts' time series (wallet/series.h). Everything
 * is derived from the transactions by wallet/views.h's replays, never from
 * the wording of the contract's Info texts.
 *
 * Reading the past again on each new block need not load every transaction
 * again: a wallet_past_reader keeps those it loaded and loads only the
 * blocks indexed since; the replays, which are cheap, run over all of them,
 * but for the charts' series, which it replays only over the new ones.
 *
 * Ownership: a read fills a caller-owned struct whose arrays it allocates;
 * wallet_past_free releases them. The transactions are shared, read only,
 * between the pasts of one reader and the reader itself (a reference count
 * frees them with the last one). A filled struct holds no pointer into the
 * index, so it may be handed to another thread and freed there. */
#ifndef WALLET_PAST_H
#define WALLET_PAST_H

#include <stddef.h>
#include <stdint.h>

#include "eth/error.h"
#include "wallet/history.h"
#include "wallet/roles.h"
#include "wallet/series.h"
#include "wallet/views.h"

/* The shared store of loaded transactions (past.c). */
typedef struct wallet_past_log wallet_past_log;

typedef struct wallet_past {
    uint64_t head;                 /* the last indexed block; 0 when none */
    const history_tx *txs;         /* every indexed transaction, oldest first, in log */
    size_t ntxs;
    wallet_past_log *log;          /* owned: one reference to the store of txs */
    wallet_unit_owner *owners;     /* owned: (unit, owner) of the units the passed
                                      votes left active */
    size_t nowners;
    view_withdrawals withdrawals;  /* owned: requests not yet settled */
    view_governance governance;    /* owned: every proposal, its ballots and tally */
    view_market market;            /* owned: the trades and the replayed book */
    series_session *sessions;      /* owned: every consumer's open sessions, expired ones
                                      included, by the peg's replay (series_sessions_open) */
    size_t nsessions;
    bool has_series;               /* wallet_past_series or wallet_past_reader_series
                                      filled `series` */
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

/* Reads pasts of one index again and again (one thread at a time). Start
 * it zeroed; its fields are its own. */
typedef struct wallet_past_reader {
    wallet_past_log *log;          /* owned reference; NULL before the first read */
    uint64_t head;                 /* the last block loaded into log */
    series_replay *series;         /* owned: the charts' series replayed over the
                                      first transactions of log; NULL when none */
    series_sessions *sessions;     /* owned: the sessions' replay over the first
                                      transactions of log; NULL when none */
} wallet_past_reader;

/* As wallet_past_read, loading only the blocks after the last read's head.
 * That is right only while the index grew by appending blocks since then:
 * after a reorg rolled it back, or when it may be another index, reset the
 * reader first. Errors as wallet_past_read's; on failure the reader still
 * holds what it held. */
pc_status wallet_past_reader_read(wallet_past_reader *r, history *h, wallet_past *out,
                                  pc_error *err);
/* As wallet_past_series, for the past of the reader's last read: replays
 * only the transactions it read since the last call, and p->series shares
 * its points with the series of the pasts filled before (none is copied).
 * After a reset, or for another account, it replays them all. */
pc_status wallet_past_reader_series(wallet_past_reader *r, wallet_past *p,
                                    const eth_address *account, pc_error *err);
/* Drops the reader's replay of the series (its memory), as when they are
 * not wanted any more; the next wallet_past_reader_series replays them all. */
void wallet_past_reader_drop_series(wallet_past_reader *r);
/* Drops what the reader loaded and replayed: its next read loads every
 * transaction. Pasts read before keep theirs. */
void wallet_past_reader_reset(wallet_past_reader *r);
/* Frees the arrays, not the struct; NULL is allowed. */
void wallet_past_free(wallet_past *p);

#endif
