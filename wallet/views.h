/* Views of a deployment's past, derived by replaying its history (an array
 * of history_tx in (block, index) order, see wallet/history_tx.h) with the
 * contract's own rules (PROTOCOL.md): proposals and their tallies, the
 * voter set, banker, parameters and storage units they produced, eEuro
 * locked for withdrawal, and the market's fills and open book.
 *
 * Facts come only from each record's sender, method, decoded arguments and
 * outcome: a record whose outcome is not HISTORY_OK changes nothing (but
 * for the thesis's destroy(), see view_governance_replay), and `text` is
 * never read. Records with no method, or with arguments that do not have
 * the method's shape, are skipped.
 *
 * Pure functions: no I/O. Every amount is an exact u256. Each replay fills a
 * caller-owned struct whose arrays the replay allocates; the matching _free
 * function releases them (and leaves the struct empty). The only failure is
 * PC_ENOMEM; on failure the output is left empty. */
#ifndef WALLET_VIEWS_H
#define WALLET_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/history_tx.h"
#include "wallet/order.h"

/* ---- Governance: proposals, voters, banker, parameters, units ---------- */

typedef enum view_proposal_kind {
    VIEW_ADD_VOTER,     /* addVoter(target) */
    VIEW_REMOVE_VOTER,  /* removeVoter(target) */
    VIEW_REGISTER_UNIT, /* registerStorageUnit(target, owner) */
    VIEW_REMOVE_UNIT,   /* removeStorageUnit(target) */
    VIEW_CHANGE_BANKER, /* changeBanker(target) */
    VIEW_SET_PARAMETER, /* setParameter(param, value) */
    VIEW_DESTROY,       /* destroy() */
} view_proposal_kind;

/* The network parameters as getParameters returns them (H in seconds). */
typedef struct view_params {
    u256 m, b, c, h, f;
} view_params;

/* One voter's current side on a proposal. */
typedef struct view_ballot {
    eth_address voter;
    bool in_favour;
} view_ballot;

/* One vote string and what its voters did. The tally (in_favour, against,
 * voters) is taken when the proposal passed, or with the final voter set
 * when it is still open; both lists hold current voters only, as the
 * contract counts them. */
typedef struct view_proposal {
    char *vote;                  /* owned: "Add_Voter_<hex>", "..._1", ... */
    view_proposal_kind kind;
    eth_address target;          /* voter, unit or banker the vote is about */
    eth_address owner;           /* VIEW_REGISTER_UNIT: the unit's owner */
    char param;                  /* VIEW_SET_PARAMETER: 'M' 'B' 'C' 'H' 'F' */
    u256 value;                  /* VIEW_SET_PARAMETER: as voted (H in hours) */
    u256 was;                    /* VIEW_SET_PARAMETER: the parameter before it
                                    passed, or now when open (H in seconds) */
    view_ballot *ballots;        /* owned: everyone who ever voted on it, in
                                    order of first vote, with the last side */
    size_t nballots;
    eth_address *in_favour;      /* owned */
    size_t nin_favour;
    eth_address *against;        /* owned */
    size_t nagainst;
    size_t voters;               /* the number of voters the tally divides by */
    bool passed;
    uint64_t first_block;        /* the block of its first vote */
    uint32_t first_index;        /* that vote's position in its block */
    uint64_t passed_block;       /* 0 while open */
    uint32_t passed_index;       /* the passing call's position in that block */
} view_proposal;

/* A storage unit as the passed votes left it. */
typedef struct view_unit {
    eth_address unit;
    eth_address owner;           /* from the passed register vote's arguments */
    bool active;
} view_unit;

typedef struct view_governance {
    view_proposal *proposals;    /* owned, in order of first vote */
    size_t nproposals;
    eth_address *voters;         /* owned: the voter set at the end */
    size_t nvoters;
    eth_address banker;          /* zero when none */
    view_params params;
    bool destroyed;
    view_unit *units;            /* owned, in order of first registration */
    size_t nunits;
} view_governance;

/* The defaults a deployment starts with: M = B = 0.5, C = 0.05, H = 7200 s,
 * F = 0.2. */
view_params view_params_default(void);

/* Replays every OK vote call by a current voter: the call toggles the
 * caller's vote on the proposal's vote string (`<base>_N` once `<base>` has
 * passed N times); a call in favour passes it when (current voters in
 * favour) * 10 / (number of voters) > 5, and then its action is applied.
 * The voter set starts with the creation record's sender, or without one
 * with the sender of the first OK vote call. One record that is not OK
 * counts too: a voter's destroy() with an Error while the deployment is not
 * retired, which on the thesis's contract is a vote (it reports the Error
 * of its own self-call after recording it); when such a call passes the
 * vote, nothing is retired. */
pc_status view_governance_replay(const history_tx *txs, size_t n, view_governance *out,
                                 pc_error *err);
void view_governance_free(view_governance *g);

/* What a proposal does, for people: "Add voter 0x3C44...", "Set C to 10%
 * (was 5%)", "Set H to 3 h (was 2 h)", "Retire the contract". Truncated to
 * cap. */
void view_proposal_describe(const view_proposal *p, char *out, size_t cap);
/* "1 of 2 in favour". */
void view_proposal_tally(const view_proposal *p, char *out, size_t cap);

/* A unit as getStorageUnitsInfo reports it at the head (with `owner`, which
 * holds the unit's own address, given here as `unit`). */
typedef struct view_head_unit {
    eth_address unit;
    bool active;
    u256 wh;
} view_head_unit;

typedef struct view_unit_row {
    eth_address unit;
    bool owner_known;            /* false: no passed register vote names it */
    eth_address owner;
    bool active;                 /* the head's */
    u256 wh;                     /* the head's; 0 when the head lacks the unit */
} view_unit_row;

/* One row per head entry, in the head's order, with the owner from the
 * history; then the units the history registered that the head does not
 * list, inactive. Head entries for the zero address are skipped. *rows is
 * owned by the caller (free()). */
pc_status view_units_merge(const view_governance *g, const view_head_unit *head, size_t nhead,
                           view_unit_row **rows, size_t *nrows, pc_error *err);

/* ---- Withdrawals --------------------------------------------------------- */

/* eEuro an account locked to withdraw and the banker has not yet settled:
 * lockeEuro(amnt) by S adds to S; burneEuro(addr, amnt) and
 * unlockeEuro(addr, amnt) take from addr, never below 0. eEuro locked by
 * buy orders is not counted. */
typedef struct view_withdrawal {
    eth_address account;
    u256 amount;                 /* never 0 */
    uint64_t block, time;        /* of the newest lockeEuro: the request */
} view_withdrawal;

typedef struct view_withdrawals {
    view_withdrawal *items;      /* owned, in order of first request */
    size_t count;
} view_withdrawals;

pc_status view_withdrawals_replay(const history_tx *txs, size_t n, view_withdrawals *out,
                                  pc_error *err);
void view_withdrawals_free(view_withdrawals *w);
/* The eEuro of every request together; false when it passes 2^256 (not a
 * history the contract wrote). */
bool view_withdrawals_total(const view_withdrawals *w, u256 *total);
/* The requests as CSV for both front ends' exports: a header
 * "account,amount_eeuro,block,time" and a line per request (checksummed
 * address, exact decimal eEuro, the newest request's block and unix time),
 * into a new NUL-terminated string *out (free() it). PC_ENOMEM only. */
pc_status view_withdrawals_csv(const view_withdrawals *w, char **out, pc_error *err);

/* ---- Market -------------------------------------------------------------- */

/* One match: `quantity` ENT at the sell order's `price`. */
typedef struct view_fill {
    u256 price, quantity;
    eth_address buyer, seller;
    u256 buy_id, sell_id;
    uint64_t block, time;
    uint8_t tx[32];              /* the addOrder that caused it */
} view_fill;

/* What happened to one order, in the order it happened. */
typedef enum view_order_change_kind {
    VIEW_ORDER_ADDED,            /* an OK addOrder opened it (before it matched) */
    VIEW_ORDER_FILLED,           /* fills took all of it: it closed */
    VIEW_ORDER_REMOVED,          /* an OK removeOrder closed it */
} view_order_change_kind;

typedef struct view_order_change {
    view_order_change_kind kind;
    bool is_buy;
    wallet_order order;          /* id, user and price; quantity: as added for
                                    ADDED, what it still held for REMOVED, 0 for
                                    FILLED */
    uint64_t block, time;
    uint32_t index;              /* the transaction's position in its block */
    uint8_t tx[32];              /* the addOrder that added or filled it, or the
                                    removeOrder */
} view_order_change;

typedef struct view_market {
    view_fill *fills;            /* owned, in the order they happened */
    size_t nfills;
    view_order_change *changes;  /* owned, in the order they happened; a fill's
                                    FILLED changes come after the fill */
    size_t nchanges;
    wallet_order *buys;            /* owned: the open book, oldest (lowest id) first */
    size_t nbuys;
    wallet_order *sells;           /* owned */
    size_t nsells;
} view_market;

/* Replays OK addOrder/removeOrder calls: each OK addOrder takes the next id
 * of its side (buys and sells count from 0 separately) and is matched
 * against the other side, best price first (lowest sell for a buy, highest
 * buy for a sell), then the lowest id, skipping the same user's orders,
 * while buy price >= sell price; each match trades min(quantities) at the
 * sell price and an order filled to 0 closes. removeOrder(id, isBuy) closes
 * the order (an id that is not open changes nothing). */
pc_status view_market_replay(const history_tx *txs, size_t n, view_market *out, pc_error *err);
void view_market_free(view_market *m);

/* False when there is no such price (no fill / empty side). */
bool view_market_last_price(const view_market *m, u256 *price);
bool view_market_best_bid(const view_market *m, u256 *price);
bool view_market_best_ask(const view_market *m, u256 *price);

/* Compares the replayed book with the head's (getOrders, entries with
 * valid == false left out, in any order). True when they hold the same
 * orders with the same user, price and quantity; else false and `why` names
 * the first difference, replayed orders by side and id first, e.g. "buy #0:
 * the replay leaves 8.1 ENT, the node 8 ENT". */
bool view_book_equal(const view_market *m, const wallet_order *buys, size_t nbuys,
                     const wallet_order *sells, size_t nsells, char *why, size_t cap);

/* ---- One account ----------------------------------------------------------- */

/* The positions in txs of the records sent by `account` or naming it as an
 * address argument, in order. *idx is owned by the caller (free()); NULL
 * when *count is 0. */
pc_status view_account_history(const history_tx *txs, size_t n, const eth_address *account,
                               size_t **idx, size_t *count, pc_error *err);

#endif
