/* Private to wallet/series*.c: growing a series point by point, and the
 * peg's replay that wallet/series.c drives. */
#ifndef WALLET_SERIES_BUILD_H
#define WALLET_SERIES_BUILD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "wallet/series.h"

/* The storage of a series' points, shared by reference count between the
 * series_set of a replay and those it handed out (series_replay_share).
 * Points are only ever appended past every holder's count, and a full
 * block is replaced by a larger copy, never moved: a holder on another
 * thread reads its points while the replay appends. */
struct series_block {
    atomic_size_t refs;
    size_t cap;
    series_point points[];
};

typedef struct series_builder {
    series *out;
    bool failed;   /* an allocation failed: later pushes do nothing */
} series_builder;

/* Appends a point. */
void series_push(series_builder *b, uint64_t block, uint64_t time, const u256 *value);
/* Appends a point unless the value equals the last one. */
void series_push_change(series_builder *b, uint64_t block, uint64_t time, const u256 *value);

/* *v += amount and *v -= amount. The contract never lets its figures wrap
 * or go below 0; a history that would is not one it wrote, and the figure
 * becomes 0 rather than wrapping. */
void series_give(u256 *v, const u256 *amount);
void series_take(u256 *v, const u256 *amount);

/* The peg's replay state between feeds (series_energy.c). It writes into
 * `out`, which must stay where it is while the state lives; `quiet`: only
 * its units, none of the series (for series_sessions). */
typedef struct series_peg series_peg;
/* NULL when out of memory. */
series_peg *series_peg_new(const eth_address *account, series_energy *out, bool quiet);
/* Replays txs[from..n), which follow the transactions of the earlier
 * feeds; g and m are replayed from txs[0..n). False when out of memory:
 * the state is then unusable. */
bool series_peg_feed(series_peg *p, const history_tx *txs, size_t from, size_t n,
                     const view_governance *g, const view_market *m);
void series_peg_free(series_peg *p);

#endif
