/* The market's replay: PROTOCOL.md's continuous double auction run again
 * over the OK addOrder/removeOrder calls, because the thesis's contract
 * emits nothing when orders match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "wallet/views.h"
#include "wallet/views_args.h"

typedef struct book_side {
    wallet_order *items;           /* open orders by ascending id */
    size_t count, cap;
    u256 next_id;
} book_side;

static bool side_add(book_side *s, const eth_address *user, const u256 *price, const u256 *quant)
{
    if (!views_grow(&s->items, &s->cap, s->count, sizeof *s->items))
        return false;
    wallet_order *o = &s->items[s->count++];
    o->id = s->next_id;
    o->user = *user;
    o->price = *price;
    o->quantity = *quant;
    u256 one = u256_from_u64(1);
    u256_add(&s->next_id, &s->next_id, &one);
    return true;
}

static void side_close(book_side *s, size_t at)
{
    memmove(&s->items[at], &s->items[at + 1], (s->count - at - 1) * sizeof *s->items);
    s->count--;
}

/* The position of the best order of `other` for a taker of `user` with
 * limit `limit`, or -1: for sells the lowest price at or below the limit,
 * for buys the highest at or above it; ties go to the lower id, which is
 * the earlier position since the side is kept by id. */
static ptrdiff_t best(const book_side *other, bool other_is_buy, const eth_address *user,
                      const u256 *limit)
{
    ptrdiff_t found = -1;
    for (size_t i = 0; i < other->count; i++) {
        const wallet_order *o = &other->items[i];
        if (eth_address_equal(&o->user, user))
            continue;
        int to_limit = u256_cmp(&o->price, limit);
        if (other_is_buy ? to_limit < 0 : to_limit > 0)
            continue;
        if (found >= 0) {
            int to_best = u256_cmp(&o->price, &other->items[found].price);
            if (other_is_buy ? to_best <= 0 : to_best >= 0)
                continue;
        }
        found = (ptrdiff_t)i;
    }
    return found;
}

typedef struct replay {
    book_side buys, sells;
    view_fill *fills;
    size_t nfills, cap;
    view_order_change *changes;
    size_t nchanges, changes_cap;
} replay;

static bool changed(replay *r, view_order_change_kind kind, bool is_buy, const wallet_order *o,
                    const history_tx *t)
{
    if (!views_grow(&r->changes, &r->changes_cap, r->nchanges, sizeof *r->changes))
        return false;
    view_order_change *c = &r->changes[r->nchanges++];
    *c = (view_order_change){ kind, is_buy, *o, t->block, t->time, t->index, { 0 } };
    memcpy(c->tx, t->hash, sizeof c->tx);
    return true;
}

/* Matches the order just added at the end of its side until it is filled
 * or nothing matches. */
static bool match(replay *r, bool is_buy, const history_tx *t)
{
    book_side *mine = is_buy ? &r->buys : &r->sells;
    book_side *other = is_buy ? &r->sells : &r->buys;
    size_t taker = mine->count - 1;
    while (!u256_is_zero(&mine->items[taker].quantity)) {
        wallet_order *tk = &mine->items[taker];
        ptrdiff_t at = best(other, !is_buy, &tk->user, &tk->price);
        if (at < 0)
            return true;
        wallet_order *mk = &other->items[at];
        if (!views_grow(&r->fills, &r->cap, r->nfills, sizeof *r->fills))
            return false;
        const wallet_order *buy = is_buy ? tk : mk, *sell = is_buy ? mk : tk;
        view_fill *f = &r->fills[r->nfills++];
        f->price = sell->price;
        f->quantity = u256_cmp(&buy->quantity, &sell->quantity) < 0 ? buy->quantity
                                                                     : sell->quantity;
        f->buyer = buy->user;
        f->seller = sell->user;
        f->buy_id = buy->id;
        f->sell_id = sell->id;
        f->block = t->block;
        f->time = t->time;
        memcpy(f->tx, t->hash, sizeof f->tx);
        u256_sub(&tk->quantity, &tk->quantity, &f->quantity);
        u256_sub(&mk->quantity, &mk->quantity, &f->quantity);
        if (u256_is_zero(&mk->quantity)) {
            if (!changed(r, VIEW_ORDER_FILLED, !is_buy, mk, t))
                return false;
            side_close(other, (size_t)at);
        }
    }
    if (!changed(r, VIEW_ORDER_FILLED, is_buy, &mine->items[taker], t))
        return false;
    side_close(mine, taker);
    return true;
}

static bool remove_order(replay *r, const u256 *id, bool is_buy, const history_tx *t)
{
    book_side *s = is_buy ? &r->buys : &r->sells;
    for (size_t i = 0; i < s->count; i++) {
        if (u256_cmp(&s->items[i].id, id) == 0) {
            if (!changed(r, VIEW_ORDER_REMOVED, is_buy, &s->items[i], t))
                return false;
            side_close(s, i);
            return true;
        }
    }
    return true;
}

static bool replay_one(replay *r, const history_tx *t)
{
    u256 a, b;
    bool is_buy;
    if (views_is_call(t, PC_FN_ADD_ORDER) && views_arg_uint(t, 0, &a) && views_arg_uint(t, 1, &b) &&
        views_arg_bool(t, 2, &is_buy)) {
        book_side *side = is_buy ? &r->buys : &r->sells;
        return side_add(side, &t->from, &a, &b) &&
               changed(r, VIEW_ORDER_ADDED, is_buy, &side->items[side->count - 1], t) &&
               match(r, is_buy, t);
    }
    if (views_is_call(t, PC_FN_REMOVE_ORDER) && views_arg_uint(t, 0, &a) &&
        views_arg_bool(t, 1, &is_buy))
        return remove_order(r, &a, is_buy, t);
    return true;
}

pc_status view_market_replay(const history_tx *txs, size_t n, view_market *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    replay r = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (!replay_one(&r, &txs[i])) {
            free(r.buys.items);
            free(r.sells.items);
            free(r.fills);
            free(r.changes);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
    }
    *out = (view_market){ r.fills, r.nfills, r.changes, r.nchanges, r.buys.items, r.buys.count,
                          r.sells.items, r.sells.count };
    return PC_OK;
}

void view_market_free(view_market *m)
{
    free(m->fills);
    free(m->changes);
    free(m->buys);
    free(m->sells);
    memset(m, 0, sizeof *m);
}

bool view_market_last_price(const view_market *m, u256 *price)
{
    if (!m->nfills)
        return false;
    *price = m->fills[m->nfills - 1].price;
    return true;
}

static bool extreme_price(const wallet_order *o, size_t n, bool highest, u256 *price)
{
    for (size_t i = 0; i < n; i++) {
        int c = i ? u256_cmp(&o[i].price, price) : 0;
        if (!i || (highest ? c > 0 : c < 0))
            *price = o[i].price;
    }
    return n > 0;
}

bool view_market_best_bid(const view_market *m, u256 *price)
{
    return extreme_price(m->buys, m->nbuys, true, price);
}

bool view_market_best_ask(const view_market *m, u256 *price)
{
    return extreme_price(m->sells, m->nsells, false, price);
}

/* ---- Comparison with the head ---------------------------------------------- */

static const wallet_order *find_id(const wallet_order *o, size_t n, const u256 *id)
{
    for (size_t i = 0; i < n; i++)
        if (u256_cmp(&o[i].id, id) == 0)
            return &o[i];
    return NULL;
}

/* Names the difference between an amount of the replay and the node's. */
static bool differs(const u256 *mine, const u256 *head, pc_unit unit, const char *side,
                    const char *id, const char *says, char *why, size_t cap)
{
    char x[PC_UNIT_TEXT_MAX], y[PC_UNIT_TEXT_MAX];
    if (u256_cmp(mine, head) == 0)
        return false;
    pc_format_unit(mine, unit, x, sizeof x);
    pc_format_unit(head, unit, y, sizeof y);
    snprintf(why, cap, "%s #%s: the replay %s %s, the node %s", side, id, says, x, y);
    return true;
}

static bool side_equal(const char *side, const wallet_order *mine, size_t nmine,
                       const wallet_order *head, size_t nhead, char *why, size_t cap)
{
    char id[U256_DEC_MAX], x[PC_UNIT_TEXT_MAX], y[PC_UNIT_TEXT_MAX];
    char ua[ETH_ADDRESS_TEXT_LEN], ub[ETH_ADDRESS_TEXT_LEN];
    for (size_t i = 0; i < nmine; i++) {
        const wallet_order *r = &mine[i], *h = find_id(head, nhead, &r->id);
        u256_to_dec(&r->id, id);
        if (!h) {
            pc_format_unit(&r->quantity, PC_UNIT_ENT, x, sizeof x);
            pc_format_unit(&r->price, PC_UNIT_PRICE, y, sizeof y);
            snprintf(why, cap, "%s #%s: open in the replay (%s at %s), not at the node", side,
                     id, x, y);
            return false;
        }
        if (!eth_address_equal(&r->user, &h->user)) {
            eth_address_to_checksum(&r->user, ua);
            eth_address_to_checksum(&h->user, ub);
            snprintf(why, cap, "%s #%s: the replay says its user is %s, the node %s", side, id,
                     ua, ub);
            return false;
        }
        if (differs(&r->price, &h->price, PC_UNIT_PRICE, side, id, "says its price is", why,
                    cap) ||
            differs(&r->quantity, &h->quantity, PC_UNIT_ENT, side, id, "leaves", why, cap))
            return false;
    }
    for (size_t i = 0; i < nhead; i++) {
        if (find_id(mine, nmine, &head[i].id))
            continue;
        u256_to_dec(&head[i].id, id);
        pc_format_unit(&head[i].quantity, PC_UNIT_ENT, x, sizeof x);
        pc_format_unit(&head[i].price, PC_UNIT_PRICE, y, sizeof y);
        snprintf(why, cap, "%s #%s: open at the node (%s at %s), not in the replay", side, id,
                 x, y);
        return false;
    }
    return true;
}

bool view_book_equal(const view_market *m, const wallet_order *buys, size_t nbuys,
                     const wallet_order *sells, size_t nsells, char *why, size_t cap)
{
    if (cap)
        why[0] = '\0';
    return side_equal("buy", m->buys, m->nbuys, buys, nbuys, why, cap) &&
           side_equal("sell", m->sells, m->nsells, sells, nsells, why, cap);
}
