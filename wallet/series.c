/* The charts' time series: fills, eEuro in circulation and one account's
 * eEuro, replayed from the index's transactions. */
#include "wallet/series.h"

#include <stdlib.h>
#include <string.h>

#include "wallet/series_build.h"
#include "wallet/views_args.h"

typedef series_builder builder;

void series_push(builder *b, uint64_t block, uint64_t time, const u256 *value)
{
    if (b->failed)
        return;
    if (!views_grow(&b->out->points, &b->cap, b->out->count, sizeof *b->out->points)) {
        b->failed = true;
        return;
    }
    b->out->points[b->out->count++] = (series_point){ block, time, *value };
}

void series_push_change(builder *b, uint64_t block, uint64_t time, const u256 *value)
{
    const series *s = b->out;
    if (s->count == 0 || u256_cmp(&s->points[s->count - 1].value, value) != 0)
        series_push(b, block, time, value);
}

static pc_status finish(builder *b, pc_error *err)
{
    if (!b->failed)
        return PC_OK;
    series_free(b->out);
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

pc_status series_fills(const view_market *m, series *prices, series *volumes, pc_error *err)
{
    *prices = (series){ 0 };
    *volumes = (series){ 0 };
    builder p = { prices, 0, false }, v = { volumes, 0, false };
    for (size_t i = 0; i < m->nfills; i++) {
        const view_fill *f = &m->fills[i];
        series_push(&p, f->block, f->time, &f->price);
        series_push(&v, f->block, f->time, &f->quantity);
    }
    if (p.failed || v.failed) {
        series_free(prices);
        series_free(volumes);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

void series_take(u256 *v, const u256 *amount)
{
    if (!u256_sub(v, v, amount))
        *v = u256_zero();
}

void series_give(u256 *v, const u256 *amount)
{
    if (!u256_add(v, v, amount))
        *v = u256_zero();
}

pc_status series_eeuro_supply(const history_tx *txs, size_t n, series *out, pc_error *err)
{
    *out = (series){ 0 };
    builder b = { out, 0, false };
    u256 total = u256_zero();
    if (n > 0)
        series_push(&b, txs[0].block, txs[0].time, &total);
    for (size_t i = 0; i < n; i++) {
        const history_tx *t = &txs[i];
        u256 amount;
        if (views_is_call(t, "minteEuro") && views_arg_uint(t, 1, &amount))
            series_give(&total, &amount);
        else if (views_is_call(t, "burneEuro") && views_arg_uint(t, 1, &amount))
            series_take(&total, &amount);
        else
            continue;
        series_push(&b, t->block, t->time, &total);
    }
    return finish(&b, err);
}

/* What one call does to the account's eEuro by its arguments alone; false
 * when nothing. */
static bool direct_change(const history_tx *t, const eth_address *account, u256 *held)
{
    eth_address to;
    u256 amount;
    bool from_me = eth_address_equal(&t->from, account);
    if (views_is_call(t, "minteEuro") && views_arg_address(t, 0, &to) &&
        views_arg_uint(t, 1, &amount) && eth_address_equal(&to, account)) {
        series_give(held, &amount);
        return true;
    }
    if (views_is_call(t, "burneEuro") && views_arg_address(t, 0, &to) &&
        views_arg_uint(t, 1, &amount) && eth_address_equal(&to, account)) {
        series_take(held, &amount);
        return true;
    }
    if (views_is_call(t, "transfereEuro") && views_arg_address(t, 0, &to) &&
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

pc_status series_eeuro_balance(const history_tx *txs, size_t n, const view_market *m,
                               const eth_address *account, series *out, pc_error *err)
{
    *out = (series){ 0 };
    builder b = { out, 0, false };
    u256 held = u256_zero();
    if (n > 0)
        series_push(&b, txs[0].block, txs[0].time, &held);
    size_t next_fill = 0;
    for (size_t i = 0; i < n; i++) {
        const history_tx *t = &txs[i];
        bool changed = direct_change(t, account, &held);
        /* Fills are in the order of the transactions that caused them. */
        while (next_fill < m->nfills && memcmp(m->fills[next_fill].tx, t->hash, 32) == 0)
            changed |= fill_change(&m->fills[next_fill++], account, &held);
        if (changed)
            series_push(&b, t->block, t->time, &held);
    }
    return finish(&b, err);
}

pc_status series_set_replay(const history_tx *txs, size_t n, const view_governance *g,
                            const view_market *m, const eth_address *account, series_set *out,
                            pc_error *err)
{
    memset(out, 0, sizeof *out);
    pc_status st = series_fills(m, &out->prices, &out->volumes, err);
    if (st == PC_OK)
        st = series_eeuro_supply(txs, n, &out->eeuro, err);
    if (st == PC_OK)
        st = series_energy_replay(txs, n, g, m, account, &out->energy, err);
    if (st == PC_OK && account) {
        out->has_account = true;
        out->account = *account;
        st = series_eeuro_balance(txs, n, m, account, &out->my_eeuro, err);
    }
    if (st != PC_OK)
        series_set_free(out);
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

size_t series_since(const series *s, uint64_t time)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->points[mid].time < time)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void series_free(series *s)
{
    if (!s)
        return;
    free(s->points);
    *s = (series){ 0 };
}
