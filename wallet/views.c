/* The views' shared argument access, and the two simplest replays:
 * withdrawals and one account's records. */
#include "wallet/views.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wallet/views_args.h"

bool views_is_call(const history_tx *t, pc_fn method)
{
    return t->outcome == HISTORY_OK && t->method && t->method->id == method &&
           t->args.kind == ABI_TUPLE && t->args.count == t->method->nargs;
}

static const abi_value *arg(const history_tx *t, size_t i, abi_kind kind)
{
    if (t->args.kind != ABI_TUPLE || i >= t->args.count || t->args.items[i].kind != kind)
        return NULL;
    return &t->args.items[i];
}

bool views_arg_address(const history_tx *t, size_t i, eth_address *out)
{
    const abi_value *v = arg(t, i, ABI_ADDRESS);
    if (v)
        *out = v->addr;
    return v != NULL;
}

bool views_arg_uint(const history_tx *t, size_t i, u256 *out)
{
    const abi_value *v = arg(t, i, ABI_UINT);
    if (v)
        *out = v->num;
    return v != NULL;
}

bool views_arg_bool(const history_tx *t, size_t i, bool *out)
{
    const abi_value *v = arg(t, i, ABI_BOOL);
    if (v)
        *out = v->boolean;
    return v != NULL;
}

const char *views_arg_string(const history_tx *t, size_t i)
{
    const abi_value *v = arg(t, i, ABI_STRING);
    return v && v->bytes ? (const char *)v->bytes : NULL;
}

bool views_grow(void *items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 8;
    if (c > SIZE_MAX / size)
        return false;
    void *old, *grown;
    memcpy(&old, items, sizeof old);
    grown = realloc(old, c * size);
    if (!grown)
        return false;
    memcpy(items, &grown, sizeof grown);
    *cap = c;
    return true;
}

/* ---- Withdrawals ----------------------------------------------------------- */

static view_withdrawal *withdrawal_of(view_withdrawals *w, size_t *cap, const eth_address *a)
{
    for (size_t i = 0; i < w->count; i++)
        if (eth_address_equal(&w->items[i].account, a))
            return &w->items[i];
    if (!views_grow(&w->items, cap, w->count, sizeof *w->items))
        return NULL;
    view_withdrawal *e = &w->items[w->count++];
    memset(e, 0, sizeof *e);
    e->account = *a;
    return e;
}

pc_status view_withdrawals_replay(const history_tx *txs, size_t n, view_withdrawals *out,
                                  pc_error *err)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        const history_tx *t = &txs[i];
        eth_address who;
        u256 amount;
        bool lock = views_is_call(t, PC_FN_LOCK_EEURO);
        if (lock) {
            who = t->from;
            if (!views_arg_uint(t, 0, &amount))
                continue;
        } else if (views_is_call(t, PC_FN_BURN_EEURO) || views_is_call(t, PC_FN_UNLOCK_EEURO)) {
            if (!views_arg_address(t, 0, &who) || !views_arg_uint(t, 1, &amount))
                continue;
        } else {
            continue;
        }
        view_withdrawal *e = withdrawal_of(out, &cap, &who);
        if (!e) {
            view_withdrawals_free(out);
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
        if (lock) {
            /* A sum past 2^256 cannot happen on chain; saturate rather
             * than wrap if a record says otherwise. */
            if (!u256_add(&e->amount, &e->amount, &amount))
                memset(&e->amount, 0xff, sizeof e->amount);
            e->block = t->block;
            e->time = t->time;
        } else if (!u256_sub(&e->amount, &e->amount, &amount)) {
            e->amount = u256_zero();
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < out->count; i++)
        if (!u256_is_zero(&out->items[i].amount))
            out->items[kept++] = out->items[i];
    out->count = kept;
    if (!kept)
        view_withdrawals_free(out);
    return PC_OK;
}

void view_withdrawals_free(view_withdrawals *w)
{
    free(w->items);
    w->items = NULL;
    w->count = 0;
}

bool view_withdrawals_total(const view_withdrawals *w, u256 *total)
{
    *total = u256_zero();
    for (size_t i = 0; i < w->count; i++)
        if (!u256_add(total, total, &w->items[i].amount))
            return false;
    return true;
}

pc_status view_withdrawals_csv(const view_withdrawals *w, char **out, pc_error *err)
{
    static const char header[] = "account,amount_eeuro,block,time\n";
    /* An address, a 78-digit amount with its point, two 20-digit numbers. */
    enum { LINE_MAX = ETH_ADDRESS_TEXT_LEN + U256_DEC_MAX + 2 * 21 + 8 };
    size_t cap = sizeof header + w->count * LINE_MAX, len = sizeof header - 1;
    if (w->count > (SIZE_MAX - sizeof header) / LINE_MAX || !(*out = malloc(cap)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    memcpy(*out, header, sizeof header);
    for (size_t i = 0; i < w->count; i++) {
        const view_withdrawal *r = &w->items[i];
        char a[ETH_ADDRESS_TEXT_LEN], amount[U256_DEC_MAX];
        eth_address_to_checksum(&r->account, a);
        u256_format_fixed(&r->amount, 18, amount);
        len += (size_t)snprintf(*out + len, cap - len, "%s,%s,%" PRIu64 ",%" PRIu64 "\n", a,
                                amount, r->block, r->time);
    }
    return PC_OK;
}

/* ---- One account ----------------------------------------------------------- */

static bool names(const abi_value *v, const eth_address *a)
{
    if (v->kind == ABI_ADDRESS)
        return eth_address_equal(&v->addr, a);
    if (v->kind == ABI_TUPLE || v->kind == ABI_ARRAY)
        for (size_t i = 0; i < v->count; i++)
            if (names(&v->items[i], a))
                return true;
    return false;
}

pc_status view_account_history(const history_tx *txs, size_t n, const eth_address *account,
                               size_t **idx, size_t *count, pc_error *err)
{
    *idx = NULL;
    *count = 0;
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (!eth_address_equal(&txs[i].from, account) && !names(&txs[i].args, account))
            continue;
        if (!views_grow(idx, &cap, *count, sizeof **idx)) {
            free(*idx);
            *idx = NULL;
            *count = 0;
            return pc_fail(err, PC_ENOMEM, "out of memory");
        }
        (*idx)[(*count)++] = i;
    }
    return PC_OK;
}
