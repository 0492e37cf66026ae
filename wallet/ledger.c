#include "wallet/ledger.h"

#include <stdlib.h>
#include <string.h>

#include "wallet/series.h"
#include "wallet/views_args.h"

bool ledger_add(ledger_amount *a, const ledger_amount *b)
{
    if (a->negative == b->negative)
        return u256_add(&a->value, &a->value, &b->value);
    if (u256_cmp(&a->value, &b->value) >= 0) {
        u256_sub(&a->value, &a->value, &b->value);
    } else {
        u256_sub(&a->value, &b->value, &a->value);
        a->negative = b->negative;
    }
    if (u256_is_zero(&a->value))
        a->negative = false;
    return true;
}

bool ledger_apply(const u256 *balance, const ledger_amount *change, u256 *out)
{
    return change->negative ? u256_sub(out, balance, &change->value)
                            : u256_add(out, balance, &change->value);
}

ledger_amount ledger_diff(const u256 *before, const u256 *after)
{
    ledger_amount d = { false, u256_zero() };
    if (u256_cmp(after, before) >= 0) {
        u256_sub(&d.value, after, before);
    } else {
        u256_sub(&d.value, before, after);
        d.negative = true;
    }
    return d;
}

void ledger_free(ledger *l)
{
    free(l->rows);
    memset(l, 0, sizeof *l);
}

/* One of the account's buy orders, for the eEuro it keeps locked. */
typedef struct buy_order {
    u256 id, price, quantity, locked;
} buy_order;

typedef struct replay {
    const history_tx *txs;
    const eth_address *account;
    ledger *out;
    buy_order *buys;
    size_t nbuys, buys_cap;
    bool failed;
} replay;

/* The row of transaction i (the last row, or a new one). */
static ledger_row *row_of(replay *r, size_t i)
{
    ledger *l = r->out;
    if (l->count && l->rows[l->count - 1].tx == i)
        return &l->rows[l->count - 1];
    if (!views_grow(&l->rows, &l->cap, l->count, sizeof *l->rows)) {
        r->failed = true;
        return NULL;
    }
    ledger_row *row = &l->rows[l->count++];
    memset(row, 0, sizeof *row);
    row->tx = i;
    return row;
}

static void change(replay *r, size_t i, int part, const u256 *amount, bool gain, bool by_rules)
{
    if (u256_is_zero(amount))
        return;
    ledger_row *row = row_of(r, i);
    if (!row)
        return;
    ledger_amount c = { !gain, *amount };
    r->failed |= !ledger_add(&row->change[part], &c);
    row->by_rules |= by_rules;
}

static void move(replay *r, size_t i, int from, int to, const u256 *amount, bool by_rules)
{
    change(r, i, from, amount, false, by_rules);
    change(r, i, to, amount, true, by_rules);
}

static bool mine(const replay *r, const eth_address *a)
{
    return eth_address_equal(a, r->account);
}

/* p * q / 10^18, as the contract locks and pays (0 when it overflows,
 * which a history the contract wrote never does). */
static u256 value_of(const u256 *price, const u256 *quantity)
{
    u256 v, one = u256_pow10(18);
    return u256_mul(&v, price, quantity) && u256_divmod(&v, NULL, &v, &one) ? v : u256_zero();
}

/* The eEuro that calls move by their arguments alone. */
static void eeuro_calls(replay *r, size_t i)
{
    const history_tx *t = &r->txs[i];
    eth_address a;
    u256 v;
    bool from_me = mine(r, &t->from);
    if (views_is_call(t, PC_FN_TRANSFER_EEURO) && views_arg_address(t, 0, &a) &&
        views_arg_uint(t, 1, &v)) {
        if (from_me)
            change(r, i, LEDGER_EEURO_AVAILABLE, &v, false, false);
        if (mine(r, &a))
            change(r, i, LEDGER_EEURO_AVAILABLE, &v, true, false);
    } else if (views_is_call(t, PC_FN_LOCK_EEURO) && views_arg_uint(t, 0, &v) && from_me) {
        move(r, i, LEDGER_EEURO_AVAILABLE, LEDGER_EEURO_LOCKED, &v, false);
    } else if (views_is_call(t, PC_FN_MINT_EEURO) && views_arg_address(t, 0, &a) &&
               views_arg_uint(t, 1, &v) && mine(r, &a)) {
        change(r, i, LEDGER_EEURO_AVAILABLE, &v, true, false);
    } else if (views_is_call(t, PC_FN_BURN_EEURO) && views_arg_address(t, 0, &a) &&
               views_arg_uint(t, 1, &v) && mine(r, &a)) {
        change(r, i, LEDGER_EEURO_LOCKED, &v, false, false);
    } else if (views_is_call(t, PC_FN_UNLOCK_EEURO) && views_arg_address(t, 0, &a) &&
               views_arg_uint(t, 1, &v) && mine(r, &a)) {
        move(r, i, LEDGER_EEURO_LOCKED, LEDGER_EEURO_AVAILABLE, &v, false);
    }
}

static buy_order *buy_of(replay *r, const u256 *id)
{
    for (size_t i = 0; i < r->nbuys; i++)
        if (u256_cmp(&r->buys[i].id, id) == 0)
            return &r->buys[i];
    return NULL;
}

static bool of_tx(uint64_t block, const uint8_t hash[32], const history_tx *t)
{
    return block == t->block && memcmp(hash, t->hash, 32) == 0;
}

/* An order's own lock or unlock: the ENT of a sell, the eEuro of a buy. */
static void order_change(replay *r, size_t i, const view_order_change *c)
{
    if (!mine(r, &c->order.user) || c->kind == VIEW_ORDER_FILLED)
        return;
    bool added = c->kind == VIEW_ORDER_ADDED;
    if (!c->is_buy) {
        if (added)
            move(r, i, LEDGER_ENT_AVAILABLE, LEDGER_ENT_LOCKED, &c->order.quantity, false);
        else
            move(r, i, LEDGER_ENT_LOCKED, LEDGER_ENT_AVAILABLE, &c->order.quantity, true);
        return;
    }
    if (added) {
        if (!views_grow(&r->buys, &r->buys_cap, r->nbuys, sizeof *r->buys)) {
            r->failed = true;
            return;
        }
        u256 lock = value_of(&c->order.price, &c->order.quantity);
        r->buys[r->nbuys++] = (buy_order){ c->order.id, c->order.price, c->order.quantity, lock };
        move(r, i, LEDGER_EEURO_AVAILABLE, LEDGER_EEURO_LOCKED, &lock, false);
        return;
    }
    buy_order *b = buy_of(r, &c->order.id);
    if (b) {
        move(r, i, LEDGER_EEURO_LOCKED, LEDGER_EEURO_AVAILABLE, &b->locked, true);
        b->locked = u256_zero();
    }
}

/* A fill's eEuro: the seller is paid at the sell price; the buyer pays
 * from its lock, which keeps what the buy's remaining quantity needs at
 * its own price, and what it saved by trading below it comes back. */
static void fill(replay *r, size_t i, const view_fill *f)
{
    if (eth_address_equal(&f->buyer, &f->seller))
        return;
    u256 pay = value_of(&f->price, &f->quantity);
    if (mine(r, &f->seller))
        change(r, i, LEDGER_EEURO_AVAILABLE, &pay, true, true);
    buy_order *b = mine(r, &f->buyer) ? buy_of(r, &f->buy_id) : NULL;
    if (!b)
        return;
    u256_sub(&b->quantity, &b->quantity, &f->quantity);
    u256 keep = value_of(&b->price, &b->quantity), refund, spent;
    if (!u256_sub(&refund, &b->locked, &pay) || !u256_sub(&refund, &refund, &keep))
        refund = u256_zero();
    u256_add(&spent, &pay, &refund);
    change(r, i, LEDGER_EEURO_LOCKED, &spent, false, true);
    change(r, i, LEDGER_EEURO_AVAILABLE, &refund, true, true);
    b->locked = keep;
}

/* The market's records in the order they happened: per transaction, its
 * order_added, then its fills, then the orders they closed (or the one it
 * removed). The fills' ENT is the peg's. */
static void market(replay *r, size_t n, const view_market *m)
{
    size_t c = 0, f = 0;
    for (size_t i = 0; i < n && !r->failed; i++) {
        const history_tx *t = &r->txs[i];
        for (; c < m->nchanges && of_tx(m->changes[c].block, m->changes[c].tx, t) &&
               m->changes[c].kind == VIEW_ORDER_ADDED;
             c++)
            order_change(r, i, &m->changes[c]);
        for (; f < m->nfills && of_tx(m->fills[f].block, m->fills[f].tx, t); f++)
            fill(r, i, &m->fills[f]);
        for (; c < m->nchanges && of_tx(m->changes[c].block, m->changes[c].tx, t); c++)
            order_change(r, i, &m->changes[c]);
    }
}

/* The ENT the peg's replay moves: production, sessions, consumption,
 * transfers, the fills' ENT. */
static void peg(replay *r, const series_peg_detail *d)
{
    for (size_t i = 0; i < d->nchanges && !r->failed; i++) {
        const series_ent_change *c = &d->changes[i];
        bool by_rules = !views_is_call(&r->txs[c->tx], PC_FN_TRANSFER_ENT);
        change(r, c->tx, c->locked ? LEDGER_ENT_LOCKED : LEDGER_ENT_AVAILABLE, &c->amount, c->gain,
               by_rules);
    }
}

static int by_tx(const void *x, const void *y)
{
    const ledger_row *a = x, *b = y;
    return (a->tx > b->tx) - (a->tx < b->tx);
}

/* Rows of one transaction come from several passes: one row each. */
static void merge_rows(ledger *l)
{
    if (!l->count)
        return;
    qsort(l->rows, l->count, sizeof *l->rows, by_tx);
    size_t w = 0;
    for (size_t i = 0; i < l->count; i++) {
        if (w && l->rows[w - 1].tx == l->rows[i].tx) {
            ledger_row *into = &l->rows[w - 1];
            for (int p = 0; p < LEDGER_PARTS; p++)
                ledger_add(&into->change[p], &l->rows[i].change[p]);
            into->by_rules |= l->rows[i].by_rules;
        } else {
            l->rows[w++] = l->rows[i];
        }
    }
    l->count = w;
    /* A transaction whose changes cancel out (a transfer to oneself) has
     * no row. */
    w = 0;
    for (size_t i = 0; i < l->count; i++) {
        bool any = false;
        for (int p = 0; p < LEDGER_PARTS; p++)
            any |= !u256_is_zero(&l->rows[i].change[p].value);
        if (any)
            l->rows[w++] = l->rows[i];
    }
    l->count = w;
}

pc_status ledger_replay(const history_tx *txs, size_t n, const view_governance *g,
                        const view_market *m, const eth_address *account, ledger *out,
                        pc_error *err)
{
    memset(out, 0, sizeof *out);
    replay r = { .txs = txs, .account = account, .out = out };
    series_peg_detail d;
    pc_status st = series_peg_details(txs, n, g, m, account, &d, err);
    if (st != PC_OK)
        return st;
    for (size_t i = 0; i < n && !r.failed; i++)
        eeuro_calls(&r, i);
    market(&r, n, m);
    peg(&r, &d);
    series_peg_detail_free(&d);
    free(r.buys);
    if (!r.failed)
        merge_rows(out);
    if (r.failed) {
        ledger_free(out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}
