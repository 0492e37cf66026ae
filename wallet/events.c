#include "wallet/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wallet/views_args.h"

static const char *const NAMES[EVENT_KINDS] = {
    [EVENT_BLOCK] = "block",
    [EVENT_TRADE] = "trade",
    [EVENT_ORDER_FILLED] = "order_filled",
    [EVENT_ORDER_ADDED] = "order_added",
    [EVENT_PROPOSAL_OPENED] = "proposal_opened",
    [EVENT_PROPOSAL_PASSED] = "proposal_passed",
    [EVENT_SESSION_EXPIRED] = "session_expired",
    [EVENT_WITHDRAWAL_REQUESTED] = "withdrawal_requested",
    [EVENT_PEG_GAP] = "peg_gap",
    [EVENT_NODE_LOST] = "node_lost",
    [EVENT_NODE_BACK] = "node_back",
    [EVENT_CHAIN_REPLACED] = "chain_replaced",
};

const char *event_name(event_kind k)
{
    return (unsigned)k < EVENT_KINDS ? NAMES[k] : "?";
}

pc_status event_parse_list(const char *text, unsigned *mask, pc_error *err)
{
    *mask = 0;
    for (const char *p = text;;) {
        size_t n = strcspn(p, ",");
        size_t k = 0;
        while (k < EVENT_KINDS && !(strlen(NAMES[k]) == n && strncmp(NAMES[k], p, n) == 0))
            k++;
        if (k == EVENT_KINDS) {
            char known[400] = "";
            for (size_t i = 0; i < EVENT_KINDS; i++)
                snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
                         i ? ", " : "", NAMES[i]);
            return pc_fail(err, PC_EINPUT, "--events: unknown event \"%.*s\" (known: %s)",
                           (int)(n > 40 ? 40 : n), p, known);
        }
        *mask |= 1u << k;
        if (!p[n])
            return PC_OK;
        p += n + 1;
    }
}

void events_list_free(events_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

event *events_push(events_list *l, event_kind kind, uint64_t block, uint64_t time)
{
    if (!views_grow(&l->items, &l->cap, l->count, sizeof *l->items))
        return NULL;
    event *e = &l->items[l->count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->block = block;
    e->time = time;
    return e;
}

static void set_tx(event *e, uint32_t index, const uint8_t tx[32])
{
    e->index = index;
    e->has_tx = true;
    memcpy(e->tx, tx, 32);
}

/* ---- From the past ----------------------------------------------------------- */

/* Where an event of the past sorts: its block, the block event first,
 * then by transaction, then by the order it was pushed in. */
typedef struct sort_key {
    uint64_t block;
    int64_t index;                  /* -1 for the block event */
    size_t seq;
} sort_key;

typedef struct past_events {
    events_list *out;
    size_t first;                   /* out's count before this call */
    sort_key *keys;
    size_t nkeys, keys_cap;
    bool failed;
} past_events;

static event *past_push(past_events *pe, event_kind kind, uint64_t block, uint64_t time,
                        int64_t index)
{
    if (pe->failed ||
        !views_grow(&pe->keys, &pe->keys_cap, pe->nkeys, sizeof *pe->keys)) {
        pe->failed = true;
        return NULL;
    }
    event *e = events_push(pe->out, kind, block, time);
    if (!e) {
        pe->failed = true;
        return NULL;
    }
    pe->keys[pe->nkeys] = (sort_key){ block, index, pe->nkeys };
    pe->nkeys++;
    return e;
}

/* The position of the first transaction at or after (block, index), by
 * bisection (txs are in that order). */
static size_t tx_from(const wallet_past *p, uint64_t block, uint32_t index)
{
    size_t lo = 0, hi = p->ntxs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const history_tx *t = &p->txs[mid];
        if (t->block < block || (t->block == block && t->index < index))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const history_tx *tx_at(const wallet_past *p, uint64_t block, uint32_t index)
{
    size_t i = tx_from(p, block, index);
    return i < p->ntxs && p->txs[i].block == block && p->txs[i].index == index ? &p->txs[i]
                                                                             : NULL;
}

static const history_tx *tx_by_hash(const wallet_past *p, uint64_t block, const uint8_t hash[32])
{
    for (size_t i = tx_from(p, block, 0); i < p->ntxs && p->txs[i].block == block; i++)
        if (memcmp(p->txs[i].hash, hash, 32) == 0)
            return &p->txs[i];
    return NULL;
}

static bool in_range(uint64_t block, uint64_t after, uint64_t upto)
{
    return block > after && block <= upto;
}

static void proposal_event(past_events *pe, const wallet_past *p, const view_proposal *v,
                           bool passed)
{
    uint64_t block = passed ? v->passed_block : v->first_block;
    uint32_t index = passed ? v->passed_index : v->first_index;
    const history_tx *t = tx_at(p, block, index);
    event *e = t ? past_push(pe, passed ? EVENT_PROPOSAL_PASSED : EVENT_PROPOSAL_OPENED, block,
                             t->time, index)
                 : NULL;
    if (!e)
        return;
    set_tx(e, index, t->hash);
    e->a = t->from;
    snprintf(e->vote, sizeof e->vote, "%s", v->vote);
    view_proposal_describe(v, e->text, sizeof e->text);
}

static void order_events(past_events *pe, const view_market *m, view_order_change_kind kind,
                         uint64_t after, uint64_t upto)
{
    for (size_t i = 0; i < m->nchanges && !pe->failed; i++) {
        const view_order_change *c = &m->changes[i];
        if (c->kind != kind || !in_range(c->block, after, upto))
            continue;
        event *e = past_push(pe, kind == VIEW_ORDER_ADDED ? EVENT_ORDER_ADDED : EVENT_ORDER_FILLED,
                             c->block, c->time, c->index);
        if (!e)
            return;
        set_tx(e, c->index, c->tx);
        e->is_buy = c->is_buy;
        e->id = c->order.id;
        e->a = c->order.user;
        e->price = c->order.price;
        e->quantity = c->order.quantity;
    }
}

static void trade_events(past_events *pe, const wallet_past *p, uint64_t after, uint64_t upto)
{
    const view_market *m = &p->market;
    for (size_t i = 0; i < m->nfills && !pe->failed; i++) {
        const view_fill *f = &m->fills[i];
        if (!in_range(f->block, after, upto))
            continue;
        const history_tx *by = tx_by_hash(p, f->block, f->tx);
        event *e = by ? past_push(pe, EVENT_TRADE, f->block, f->time, by->index) : NULL;
        if (!e)
            continue;
        set_tx(e, by->index, f->tx);
        e->price = f->price;
        e->quantity = f->quantity;
        e->a = f->buyer;
        e->b = f->seller;
        e->id = f->buy_id;
        e->id2 = f->sell_id;
    }
}

static int by_key(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    if (a->block != b->block)
        return a->block < b->block ? -1 : 1;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Puts the events pushed by this call in the order of their keys. */
static void sort_events(past_events *pe)
{
    if (!pe->nkeys)
        return;
    event *sorted = malloc(pe->nkeys * sizeof *sorted);
    if (!sorted) {
        pe->failed = true;
        return;
    }
    qsort(pe->keys, pe->nkeys, sizeof *pe->keys, by_key);
    event *mine = pe->out->items + pe->first;
    for (size_t i = 0; i < pe->nkeys; i++)
        sorted[i] = mine[pe->keys[i].seq];
    memcpy(mine, sorted, pe->nkeys * sizeof *sorted);
    free(sorted);
}

pc_status events_from_past(const wallet_past *p, uint64_t after, uint64_t upto, bool blocks,
                           events_list *out, pc_error *err)
{
    past_events pe = { .out = out, .first = out->count };
    /* Pushed in an order that the sort keeps within a transaction: its
     * withdrawal request or order_added, its trades, its order_filled,
     * then what it did to a proposal. */
    for (size_t i = tx_from(p, after + 1, 0); i < p->ntxs && !pe.failed; i++) {
        const history_tx *t = &p->txs[i];
        if (!in_range(t->block, after, upto))
            break;
        if (blocks && (i == 0 || p->txs[i - 1].block != t->block)) {
            event *e = past_push(&pe, EVENT_BLOCK, t->block, t->time, -1);
            for (size_t j = i; e && j < p->ntxs && p->txs[j].block == t->block; j++)
                e->count++;
        }
        u256 amount;
        if (views_is_call(t, PC_FN_LOCK_EEURO) && views_arg_uint(t, 0, &amount)) {
            event *e = past_push(&pe, EVENT_WITHDRAWAL_REQUESTED, t->block, t->time, t->index);
            if (e) {
                set_tx(e, t->index, t->hash);
                e->a = t->from;
                e->quantity = amount;
            }
        }
    }
    order_events(&pe, &p->market, VIEW_ORDER_ADDED, after, upto);
    trade_events(&pe, p, after, upto);
    order_events(&pe, &p->market, VIEW_ORDER_FILLED, after, upto);
    const view_governance *g = &p->governance;
    for (size_t i = 0; i < g->nproposals && !pe.failed; i++) {
        const view_proposal *v = &g->proposals[i];
        if (in_range(v->first_block, after, upto))
            proposal_event(&pe, p, v, false);
        if (v->passed && in_range(v->passed_block, after, upto))
            proposal_event(&pe, p, v, true);
    }
    if (!pe.failed)
        sort_events(&pe);
    free(pe.keys);
    if (pe.failed) {
        out->count = pe.first;
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

/* ---- From one look to the next ------------------------------------------------ */

void events_watch_free(events_watch *w)
{
    free(w->reported);
    memset(w, 0, sizeof *w);
}

static pc_status nomem(pc_error *err)
{
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

pc_status events_peg(events_watch *w, const wallet_state *s, const u256 *threshold,
                     events_list *out, pc_error *err)
{
    u256 gap;
    bool negative = wallet_peg_gap(s, &gap);
    bool over = u256_cmp(&gap, threshold) > 0;
    bool report = w->seen_peg ? over != w->peg_over : over;
    w->seen_peg = true;
    w->peg_over = over;
    if (!report)
        return PC_OK;
    event *e = events_push(out, EVENT_PEG_GAP, s->block, s->block_time);
    if (!e)
        return nomem(err);
    e->quantity = gap;
    e->is_buy = negative && !u256_is_zero(&gap);
    e->price = *threshold;
    e->over = over;
    return PC_OK;
}

static bool same_session(const series_session *a, const series_session *b)
{
    return eth_address_equal(&a->unit, &b->unit) &&
           eth_address_equal(&a->consumer, &b->consumer) && a->start == b->start;
}

pc_status events_sessions(events_watch *w, const series_peg_detail *d, uint64_t block,
                          uint64_t time, bool quiet, events_list *out, pc_error *err)
{
    uint64_t h;
    if (!u256_to_u64(&d->h, &h))
        return PC_OK; /* a lifetime past 2^64 s: nothing ever expires */
    for (size_t i = 0; i < d->nsessions; i++) {
        const series_session *x = &d->sessions[i];
        if (u256_is_zero(&x->ent) || x->start > time || time - x->start < h)
            continue;
        bool known = false;
        for (size_t j = 0; j < w->nreported && !known; j++)
            known = same_session(&w->reported[j], x);
        if (known)
            continue;
        if (!views_grow(&w->reported, &w->reported_cap, w->nreported, sizeof *w->reported))
            return nomem(err);
        w->reported[w->nreported++] = *x;
        if (quiet)
            continue;
        event *e = events_push(out, EVENT_SESSION_EXPIRED, block, time);
        if (!e)
            return nomem(err);
        e->a = x->consumer;
        e->b = x->unit;
        e->quantity = x->ent;
        e->price = x->wh;
        e->count = x->start;
    }
    return PC_OK;
}

pc_status events_nodes(events_watch *w, const nodes_report *r, uint64_t block, uint64_t time,
                       events_list *out, pc_error *err)
{
    for (size_t i = 0; i < r->count && i < NODES_MAX; i++) {
        const node_health *h = &r->node[i];
        bool was = w->seen_nodes ? w->node_up[i] : true;
        w->node_up[i] = h->up;
        if (was == h->up)
            continue;
        event *e = events_push(out, h->up ? EVENT_NODE_BACK : EVENT_NODE_LOST, block, time);
        if (!e)
            return nomem(err);
        snprintf(e->node, sizeof e->node, "%s", h->shown);
        if (!h->up)
            snprintf(e->text, sizeof e->text, "%s", h->why);
    }
    w->seen_nodes = true;
    return PC_OK;
}

pc_status events_chain(events_watch *w, const nodes_report *r, uint64_t rolled_back,
                       uint64_t block, uint64_t time, events_list *out, pc_error *err)
{
    bool known = r && r->has_reference && r->has_genesis;
    bool replaced = known && w->has_genesis && memcmp(r->genesis, w->genesis, 32) != 0;
    if (known) {
        memcpy(w->genesis, r->genesis, 32);
        w->has_genesis = true;
    }
    if (!replaced && !rolled_back)
        return PC_OK;
    event *e = events_push(out, EVENT_CHAIN_REPLACED, block, time);
    if (!e)
        return nomem(err);
    snprintf(e->text, sizeof e->text, "%s", replaced ? "genesis" : "reorg");
    e->count = rolled_back;
    return PC_OK;
}
