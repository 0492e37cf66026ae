/* What happens on a PowerChain network, as events for `powerchain watch`:
 * one record per thing that happened, in the order it happened.
 *
 * From the history index's past (wallet/past.h), for the blocks in a
 * range (events_from_past): trade (each fill), order_added, order_filled
 * (fills took all of it), proposal_opened (its first vote),
 * proposal_passed (the vote that passed it), withdrawal_requested (an OK
 * lockeEuro), all read from the views' replays; and with `blocks`, a
 * block event for each block of the range that holds contract
 * transactions (the index keeps no other blocks).
 *
 * From what a watcher sees from one moment to the next (the events_watch
 * tracker): block (every new block, from its header), peg_gap (the gap
 * between ENT in circulation and the stored kWh goes past a threshold, or
 * comes back within it), session_expired (a consumption session that the
 * peg's replay holds open, with ENT still locked, reaches its lifetime),
 * node_lost and node_back (a node stops or starts answering),
 * chain_replaced (the index rolled back a reorg, or the node's chain has
 * another genesis block).
 *
 * Every amount is an exact u256 in the contract's units. Pure: no I/O.
 * Lists are caller-owned structs whose arrays the functions allocate;
 * events_list_free releases them. The only failure is PC_ENOMEM. */
#ifndef WALLET_EVENTS_H
#define WALLET_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "wallet/nodes.h"
#include "wallet/past.h"
#include "wallet/state.h"

typedef enum event_kind {
    EVENT_BLOCK,
    EVENT_TRADE,
    EVENT_ORDER_FILLED,
    EVENT_ORDER_ADDED,
    EVENT_PROPOSAL_OPENED,
    EVENT_PROPOSAL_PASSED,
    EVENT_SESSION_EXPIRED,
    EVENT_WITHDRAWAL_REQUESTED,
    EVENT_PEG_GAP,
    EVENT_NODE_LOST,
    EVENT_NODE_BACK,
    EVENT_CHAIN_REPLACED,
    EVENT_KINDS
} event_kind;

/* "block", "trade", "order_filled", ... as --events and the JSON name them. */
const char *event_name(event_kind k);
/* A comma-separated list of names into a mask of (1u << kind) bits.
 * Errors: PC_EINPUT naming the unknown name and listing the known ones. */
pc_status event_parse_list(const char *text, unsigned *mask, pc_error *err);

#define EVENT_TEXT_MAX 320

/* One event. Which fields mean something depends on the kind:
 *   block                 hash (when has_hash: the header's), count (the
 *                         contract's transactions in it)
 *   trade                 price, quantity, a buyer, b seller, id buy id, id2 sell id
 *   order_added           is_buy, id, a owner, price, quantity
 *   order_filled          is_buy, id, a owner, price
 *   proposal_opened/_passed  vote (the vote string), text (what it does), a the voter
 *   session_expired       a consumer, b unit, quantity (ENT locked), price (Wh left), count (start)
 *   withdrawal_requested  a account, quantity (eEuro)
 *   peg_gap               quantity (|gap|, ENT), is_buy (the gap is negative: less ENT
 *                         than energy), price (the threshold), over (past it)
 *   node_lost / node_back node (shown URL), text (node_lost: why)
 *   chain_replaced        text ("reorg" or "genesis"), count (transactions rolled back)
 * block and time: the block it happened in and its timestamp; for node
 * events and chain_replaced, the last head seen and this machine's clock. */
typedef struct event {
    event_kind kind;
    uint64_t block, time;
    uint32_t index;                /* the transaction's position in its block */
    bool has_tx;
    uint8_t tx[32];
    bool has_hash;
    uint8_t hash[32];
    eth_address a, b;
    u256 price, quantity, id, id2;
    bool is_buy, over;
    uint64_t count;
    char vote[EVENT_TEXT_MAX];
    char text[EVENT_TEXT_MAX];
    char node[NODES_SHOWN_MAX];
} event;

typedef struct events_list {
    event *items;
    size_t count, cap;
} events_list;

void events_list_free(events_list *l);
/* A new event at the end of l, zeroed but for kind, block and time; NULL
 * when out of memory (l unchanged). The pointer is good until l grows. */
event *events_push(events_list *l, event_kind kind, uint64_t block, uint64_t time);

/* Appends the events of the past's blocks after `after` up to `upto`
 * (inclusive), in the order they happened (a transaction's order_added,
 * then its trades, then order_filled; a block event first in its block). */
pc_status events_from_past(const wallet_past *p, uint64_t after, uint64_t upto, bool blocks,
                           events_list *out, pc_error *err);

/* What a watcher remembers between looks. Start it zeroed. */
typedef struct events_watch {
    bool seen_peg;                 /* a state has been looked at */
    bool peg_over;
    bool seen_nodes;
    bool node_up[NODES_MAX];
    series_session *reported;      /* expired sessions already reported (owned) */
    size_t nreported, reported_cap;
    bool has_genesis;
    uint8_t genesis[32];
} events_watch;

void events_watch_free(events_watch *w);

/* peg_gap when the gap |ENT - stored kWh| of state s passes `threshold`
 * (ENT, 18 decimals) or comes back within it; the first look reports a
 * gap that is already past it. */
pc_status events_peg(events_watch *w, const wallet_state *s, const u256 *threshold,
                     events_list *out, pc_error *err);
/* session_expired for each session of d (open in the peg's replay, with
 * ENT locked) whose start + d->h is at or before `time`, once each. With
 * `quiet`, they are only remembered (a watcher that starts now reports
 * what expires from now on). */
pc_status events_sessions(events_watch *w, const series_peg_detail *d, uint64_t block,
                          uint64_t time, bool quiet, events_list *out, pc_error *err);
/* node_lost / node_back against the last report; the first report gives
 * node_lost for each node that does not answer. `block` and `time` as for
 * node events. */
pc_status events_nodes(events_watch *w, const nodes_report *r, uint64_t block, uint64_t time,
                       events_list *out, pc_error *err);
/* chain_replaced: `rolled_back` transactions undone by a reorg (none: 0),
 * or the reference chain's genesis in r (NULL: not looked at) changing
 * under the watcher. */
pc_status events_chain(events_watch *w, const nodes_report *r, uint64_t rolled_back,
                       uint64_t block, uint64_t time, events_list *out, pc_error *err);

#endif
