/* What waits for one account, from the history index and the state: the
 * items a front end shows beside its pages (the sidebar's counts) and
 * lists with the key that acts on each.
 *
 *   WAITING_VOTE         an open proposal (the governance replay) on which
 *                        the account, a voter, has not voted yet;
 *   WAITING_FILL         a fill of one of the account's orders in a block
 *                        after `seen_block`, the block up to which it last
 *                        looked (kept per account and chain in the index:
 *                        history_mark_get/set with WAITING_MARK);
 *   WAITING_SESSION      a consumption session of the account that has
 *                        expired with ENT still locked in it (the peg
 *                        replay's open sessions, their lifetime H and the
 *                        state's block time): clearOldSessions returns it;
 *   WAITING_WITHDRAWALS  for the banker: the withdrawal requests not yet
 *                        settled, one item with their count and total;
 *   WAITING_PEG_GAP      the gap between ENT in circulation and the stored
 *                        kWh is past the threshold given (the config's).
 *
 * Each item says which contract call acts on it (`method`: the proposal's
 * own vote function, clearOldSessions, burneEuro; PC_FN_NONE when looking
 * is all there is to do) and, in words, what it is. Every figure is exact;
 * another account or a unit is named by its short address ("0x3C44..93BC")
 * and its name in the book, if any, so that an item fits a line.
 *
 * Pure: no I/O. waiting_compute fills a caller-owned struct whose array it
 * allocates; waiting_free releases it. The only failure is PC_ENOMEM. */
#ifndef WALLET_WAITING_H
#define WALLET_WAITING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/names.h"
#include "wallet/past.h"
#include "wallet/series.h"
#include "wallet/state.h"

/* The index mark (wallet/history.h) of the block up to which an account
 * has looked at what waits for it. */
#define WAITING_MARK "waiting_seen"

typedef enum waiting_kind {
    WAITING_VOTE,
    WAITING_FILL,
    WAITING_SESSION,
    WAITING_WITHDRAWALS,
    WAITING_PEG_GAP,
    WAITING_KINDS
} waiting_kind;

#define WAITING_TEXT_MAX 400

typedef struct waiting_item {
    waiting_kind kind;
    pc_fn method;                /* the call that acts on it, or PC_FN_NONE */
    uint64_t block;              /* where it comes from (the head for the gap) */
    u256 amount;                 /* fill: ENT; session: ENT locked; withdrawals:
                                    eEuro in all; peg gap: |gap| ENT */
    size_t count;                /* withdrawals: requests; vote: the proposal's
                                    index in the governance replay */
    char text[WAITING_TEXT_MAX]; /* for people */
} waiting_item;

typedef struct waiting {
    waiting_item *items;         /* owned: votes, fills, sessions, withdrawals, gap */
    size_t count;
    size_t counts[WAITING_KINDS];
} waiting;

typedef struct waiting_input {
    const wallet_state *state;   /* read as `account` (voter flag, banker, totals, H) */
    const wallet_past *past;
    const series_peg_detail *peg; /* the peg replay's sessions; NULL: none known */
    eth_address account;
    uint64_t seen_block;         /* fills up to it have been seen */
    const names *book;           /* a counterpart's name, shown after its short
                                    address ("0x3C44..93BC carol"); NULL: none */
    bool has_peg_threshold;      /* no threshold: the gap is never an item */
    u256 peg_threshold;          /* ENT, 18 decimals */
} waiting_input;

pc_status waiting_compute(const waiting_input *in, waiting *out, pc_error *err);
void waiting_free(waiting *w);

#endif
