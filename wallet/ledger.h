/* One account's ledger: every change of its ENT and eEuro, available and
 * locked apart, one row per transaction that changed them, replayed from
 * the history index (the basis of `powerchain statement`).
 *
 * Where a change follows from the call's own arguments (transfers, a
 * withdrawal's lock, minting, burning and unlocking eEuro, an order's
 * lock when it met nothing), the row is exact by the arguments alone.
 * Where the contract's rules decide it (a fill's price and refund, what a
 * production mints at the current cost and the unit owner's share, what a
 * consumption burns, a session's ENT coming back when it closes), the row
 * comes from the views' replays (wallet/views.h's market, wallet/series.h's
 * peg) and is marked `by_rules`: those are the rows a node's past state
 * can confirm or correct (wallet/statement.h does).
 *
 * The rules are PROTOCOL.md's as the project's contract applies them (a
 * buy that trades below its limit gets the difference back at once, for
 * instance); on a deployment of the thesis's own contract a by_rules row
 * may differ from what the node holds.
 *
 * Pure: no I/O. ledger_replay fills a caller-owned struct whose array it
 * allocates; ledger_free releases it. The only failure is PC_ENOMEM. */
#ifndef WALLET_LEDGER_H
#define WALLET_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/history_tx.h"
#include "wallet/views.h"

/* The four figures of an account, as balanceENT and balanceeEuro give them. */
enum { LEDGER_ENT_AVAILABLE, LEDGER_ENT_LOCKED, LEDGER_EEURO_AVAILABLE, LEDGER_EEURO_LOCKED,
       LEDGER_PARTS };

/* A signed exact amount. */
typedef struct ledger_amount {
    bool negative;
    u256 value;                  /* 0 is never negative */
} ledger_amount;

typedef struct ledger_row {
    size_t tx;                   /* its position in the replayed transactions */
    ledger_amount change[LEDGER_PARTS];
    bool by_rules;               /* the contract's rules say the change (see above) */
} ledger_row;

typedef struct ledger {
    ledger_row *rows;            /* owned, in transaction order; no row changes nothing */
    size_t count, cap;
} ledger;

/* The rows of `account` over txs[0..n), whose governance g and market m
 * were replayed from the same transactions. */
pc_status ledger_replay(const history_tx *txs, size_t n, const view_governance *g,
                        const view_market *m, const eth_address *account, ledger *out,
                        pc_error *err);
void ledger_free(ledger *l);

/* a += b, exactly; false when the result leaves the range of u256 either
 * way. */
bool ledger_add(ledger_amount *a, const ledger_amount *b);
/* balance + change into *out; false when it would go below 0 or past 2^256. */
bool ledger_apply(const u256 *balance, const ledger_amount *change, u256 *out);
/* The change from `before` to `after`. */
ledger_amount ledger_diff(const u256 *before, const u256 *after);

#endif
