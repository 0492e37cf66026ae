/* The charts' time series: fills, eEuro in circulation and one account's
 * eEuro, replayed from the index's transactions. */
#include "wallet/series.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "wallet/views_args.h"

typedef series_builder builder;

static pc_status finish(builder *b, pc_error *err)
{
    if (!b->failed)
        return PC_OK;
    series_free(b->out);
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

/* Charts m's fills from the *charted-th on. */
static bool fills_feed(series *prices, series *volumes, const view_market *m, size_t *charted)
{
    builder p = { prices, false }, v = { volumes, false };
    for (; *charted < m->nfills; (*charted)++) {
        const view_fill *f = &m->fills[*charted];
        series_push(&p, f->block, f->time, &f->price);
        series_push(&v, f->block, f->time, &f->quantity);
    }
    return !p.failed && !v.failed;
}

pc_status series_fills(const view_market *m, series *prices, series *volumes, pc_error *err)
{
    *prices = (series){ 0 };
    *volumes = (series){ 0 };
    size_t charted = 0;
    if (!fills_feed(prices, volumes, m, &charted)) {
        series_free(prices);
        series_free(volumes);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

/* eEuro in circulation, *total before txs[from], through txs[n - 1]. */
static bool supply_feed(series *out, u256 *total, const history_tx *txs, size_t from, size_t n)
{
    builder b = { out, false };
    if (from == 0 && n > 0)
        series_push(&b, txs[0].block, txs[0].time, total);
    for (size_t i = from; i < n; i++) {
        const history_tx *t = &txs[i];
        u256 amount;
        if (views_is_call(t, PC_FN_MINT_EEURO) && views_arg_uint(t, 1, &amount))
            series_give(total, &amount);
        else if (views_is_call(t, PC_FN_BURN_EEURO) && views_arg_uint(t, 1, &amount))
            series_take(total, &amount);
        else
            continue;
        series_push(&b, t->block, t->time, total);
    }
    return !b.failed;
}

pc_status series_eeuro_supply(const history_tx *txs, size_t n, series *out, pc_error *err)
{
    *out = (series){ 0 };
    u256 total = u256_zero();
    builder b = { out, !supply_feed(out, &total, txs, 0, n) };
    return finish(&b, err);
}

/* What one call does to the account's eEuro by its arguments alone; false
 * when nothing. */
static bool direct_change(const history_tx *t, const eth_address *account, u256 *held)
{
    eth_address to;
    u256 amount;
    bool from_me = eth_address_equal(&t->from, account);
    if (views_is_call(t, PC_FN_MINT_EEURO) && views_arg_address(t, 0, &to) &&
        views_arg_uint(t, 1, &amount) && eth_address_equal(&to, account)) {
        series_give(held, &amount);
        return true;
    }
    if (views_is_call(t, PC_FN_BURN_EEURO) && views_arg_address(t, 0, &to) &&
        views_arg_uint(t, 1, &amount) && eth_address_equal(&to, account)) {
        series_take(held, &amount);
        return true;
    }
    if (views_is_call(t, PC_FN_TRANSFER_EEURO) && views_arg_address(t, 0, &to) &&
        views_arg_uint(t, 1, &amount)) {
        bool to_me = eth_address_equal(&to, account);
        if (from_me == to_me)
            return false;
        if (to_me)
            series_give(held, &amount);
        else
            series_take(held, &amount);
        return true;
    }
    return false;
}

/* What the fills a transaction caused move between buyer and seller. */
static bool fill_change(const view_fill *f, const eth_address *account, u256 *held)
{
    bool buyer = eth_address_equal(&f->buyer, account);
    bool seller = eth_address_equal(&f->seller, account);
    if (buyer == seller)
        return false;
    u256 pay, one = u256_pow10(18);
    if (!u256_mul(&pay, &f->price, &f->quantity) || !u256_divmod(&pay, NULL, &pay, &one))
        return false;
    if (buyer)
        series_take(held, &pay);
    else
        series_give(held, &pay);
    return true;
}

/* An account's eEuro between feeds. */
typedef struct balance {
    const eth_address *account;
    u256 held;
    size_t next_fill;   /* the market's fills applied so far */
} balance;

static bool balance_feed(series *out, balance *a, const history_tx *txs, size_t from, size_t n,
                         const view_market *m)
{
    builder b = { out, false };
    if (from == 0 && n > 0)
        series_push(&b, txs[0].block, txs[0].time, &a->held);
    for (size_t i = from; i < n; i++) {
        const history_tx *t = &txs[i];
        bool changed = direct_change(t, a->account, &a->held);
        /* Fills are in the order of the transactions that caused them. */
        while (a->next_fill < m->nfills && memcmp(m->fills[a->next_fill].tx, t->hash, 32) == 0)
            changed |= fill_change(&m->fills[a->next_fill++], a->account, &a->held);
        if (changed)
            series_push(&b, t->block, t->time, &a->held);
    }
    return !b.failed;
}

pc_status series_eeuro_balance(const history_tx *txs, size_t n, const view_market *m,
                               const eth_address *account, series *out, pc_error *err)
{
    *out = (series){ 0 };
    balance a = { account, u256_zero(), 0 };
    builder b = { out, !balance_feed(out, &a, txs, 0, n, m) };
    return finish(&b, err);
}

struct series_replay {
    series_set out;        /* its has_account and account say whose */
    series_peg *peg;       /* writes into out.energy */
    u256 eeuro;            /* in circulation */
    balance mine;          /* out.account's eEuro; its account points into out */
    size_t done;           /* transactions fed */
    size_t fills_charted;  /* the market's fills in out.prices and out.volumes */
    bool failed;
};

pc_status series_replay_new(const eth_address *account, series_replay **out, pc_error *err)
{
    series_replay *r = calloc(1, sizeof *r);
    if (r) {
        r->out.has_account = account != NULL;
        if (account)
            r->out.account = *account;
        r->mine.account = &r->out.account;
        r->peg = series_peg_new(account, &r->out.energy, false);
    }
    if (!r || !r->peg) {
        free(r);
        *out = NULL;
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    *out = r;
    return PC_OK;
}

pc_status series_replay_feed(series_replay *r, const history_tx *txs, size_t n,
                             const view_governance *g, const view_market *m, pc_error *err)
{
    size_t from = r->done;
    r->failed = r->failed || !fills_feed(&r->out.prices, &r->out.volumes, m, &r->fills_charted) ||
                !supply_feed(&r->out.eeuro, &r->eeuro, txs, from, n) ||
                !series_peg_feed(r->peg, txs, from, n, g, m) ||
                (r->out.has_account && !balance_feed(&r->out.my_eeuro, &r->mine, txs, from, n, m));
    if (r->failed)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    r->done = n;
    return PC_OK;
}

size_t series_replay_done(const series_replay *r) { return r->done; }

bool series_replay_is_for(const series_replay *r, const eth_address *account)
{
    return account ? r->out.has_account && eth_address_equal(account, &r->out.account)
                   : !r->out.has_account;
}

pc_status series_replay_share(const series_replay *r, series_set *out, pc_error *err)
{
    const series_set *s = &r->out;
    const series_energy *e = &s->energy;
    *out = *s;
    series_energy *oe = &out->energy;
    oe->units = e->nunits ? malloc(e->nunits * sizeof *e->units) : NULL;
    if (e->nunits && !oe->units) {
        memset(out, 0, sizeof *out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    out->prices = series_share(&s->prices);
    out->volumes = series_share(&s->volumes);
    out->eeuro = series_share(&s->eeuro);
    out->my_eeuro = series_share(&s->my_eeuro);
    oe->ent = series_share(&e->ent);
    oe->wh = series_share(&e->wh);
    oe->mint_cost = series_share(&e->mint_cost);
    oe->burn_cost = series_share(&e->burn_cost);
    oe->account_ent = series_share(&e->account_ent);
    for (size_t i = 0; i < e->nunits; i++)
        oe->units[i] = (series_unit){ e->units[i].unit, series_share(&e->units[i].wh) };
    return PC_OK;
}

void series_replay_free(series_replay *r)
{
    if (!r)
        return;
    series_peg_free(r->peg);
    series_set_free(&r->out);
    free(r);
}

pc_status series_set_replay(const history_tx *txs, size_t n, const view_governance *g,
                            const view_market *m, const eth_address *account, series_set *out,
                            pc_error *err)
{
    memset(out, 0, sizeof *out);
    series_replay *r;
    pc_status st = series_replay_new(account, &r, err);
    if (st != PC_OK)
        return st;
    st = series_replay_feed(r, txs, n, g, m, err);
    if (st == PC_OK) {
        /* The replay's own set, taken whole rather than shared. */
        *out = r->out;
        memset(&r->out, 0, sizeof r->out);
    }
    series_replay_free(r);
    return st;
}

void series_set_free(series_set *s)
{
    if (!s)
        return;
    series_free(&s->prices);
    series_free(&s->volumes);
    series_free(&s->eeuro);
    series_energy_free(&s->energy);
    series_free(&s->my_eeuro);
    memset(s, 0, sizeof *s);
}
