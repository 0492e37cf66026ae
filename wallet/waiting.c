#include "wallet/waiting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "wallet/views_args.h"

void waiting_free(waiting *w)
{
    free(w->items);
    memset(w, 0, sizeof *w);
}

typedef struct list {
    waiting *out;
    size_t cap;
    bool failed;
} list;

static waiting_item *add(list *l, waiting_kind kind, pc_fn method, uint64_t block)
{
    if (l->failed || !views_grow(&l->out->items, &l->cap, l->out->count, sizeof *l->out->items)) {
        l->failed = true;
        return NULL;
    }
    waiting_item *it = &l->out->items[l->out->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->method = method;
    it->block = block;
    l->out->counts[kind]++;
    return it;
}

/* The function whose calls vote on proposals of this kind. */
static pc_fn vote_method(view_proposal_kind k)
{
    switch (k) {
    case VIEW_ADD_VOTER:
        return PC_FN_ADD_VOTER;
    case VIEW_REMOVE_VOTER:
        return PC_FN_REMOVE_VOTER;
    case VIEW_REGISTER_UNIT:
        return PC_FN_REGISTER_STORAGE_UNIT;
    case VIEW_REMOVE_UNIT:
        return PC_FN_REMOVE_STORAGE_UNIT;
    case VIEW_CHANGE_BANKER:
        return PC_FN_CHANGE_BANKER;
    case VIEW_SET_PARAMETER:
        return PC_FN_SET_PARAMETER;
    case VIEW_DESTROY:
        return PC_FN_DESTROY;
    }
    return PC_FN_NONE;
}

static void votes(list *l, const waiting_input *in)
{
    const view_governance *g = &in->past->governance;
    if (!in->state->is_voter)
        return;
    for (size_t i = 0; i < g->nproposals; i++) {
        const view_proposal *p = &g->proposals[i];
        bool voted = false;
        for (size_t b = 0; b < p->nballots && !voted; b++)
            voted = eth_address_equal(&p->ballots[b].voter, &in->account);
        if (p->passed || voted)
            continue;
        waiting_item *it = add(l, WAITING_VOTE, vote_method(p->kind), p->first_block);
        if (!it)
            return;
        it->count = i;
        char what[WAITING_TEXT_MAX / 2], tally[64];
        view_proposal_describe(p, what, sizeof what);
        view_proposal_tally(p, tally, sizeof tally);
        snprintf(it->text, sizeof it->text, "vote on: %s (%s)", what, tally);
    }
}

/* "0x3C44..93BC carol", or the short address alone when the book has no
 * name for it. */
static void counterpart(const waiting_input *in, const eth_address *a, char *out, size_t cap)
{
    char shown[ETH_ADDRESS_SHORT_LEN];
    eth_address_short(a, shown);
    const char *name = names_lookup(in->book, a);
    snprintf(out, cap, "%s%s%s", shown, name ? " " : "", name ? name : "");
}

static void fills(list *l, const waiting_input *in)
{
    const view_market *m = &in->past->market;
    for (size_t i = 0; i < m->nfills; i++) {
        const view_fill *f = &m->fills[i];
        bool bought = eth_address_equal(&f->buyer, &in->account);
        bool sold = eth_address_equal(&f->seller, &in->account);
        if (f->block <= in->seen_block || bought == sold)
            continue;
        waiting_item *it = add(l, WAITING_FILL, PC_FN_NONE, f->block);
        if (!it)
            return;
        it->amount = f->quantity;
        char q[PC_UNIT_TEXT_MAX], p[PC_UNIT_TEXT_MAX], who[16 + KEYSTORE_NAME_MAX];
        pc_format_unit(&f->quantity, PC_UNIT_ENT, q, sizeof q);
        pc_format_unit(&f->price, PC_UNIT_PRICE, p, sizeof p);
        counterpart(in, bought ? &f->seller : &f->buyer, who, sizeof who);
        snprintf(it->text, sizeof it->text, "order filled: %s %s at %s %s %s",
                 bought ? "bought" : "sold", q, p, bought ? "from" : "to", who);
    }
}

static void sessions(list *l, const waiting_input *in)
{
    const series_peg_detail *d = in->peg;
    uint64_t h, now = in->state->block_time;
    if (!d || !u256_to_u64(&in->state->params[WALLET_PARAM_H], &h))
        return;
    for (size_t i = 0; i < d->nsessions; i++) {
        const series_session *x = &d->sessions[i];
        if (!eth_address_equal(&x->consumer, &in->account) || u256_is_zero(&x->ent) ||
            x->start > now || now - x->start < h)
            continue;
        waiting_item *it = add(l, WAITING_SESSION, PC_FN_CLEAR_OLD_SESSIONS, in->state->block);
        if (!it)
            return;
        it->amount = x->ent;
        char e[PC_UNIT_TEXT_MAX], unit[16 + KEYSTORE_NAME_MAX];
        pc_format_unit(&x->ent, PC_UNIT_ENT, e, sizeof e);
        counterpart(in, &x->unit, unit, sizeof unit);
        snprintf(it->text, sizeof it->text,
                 "expired session with %s: %s still locked (clearOldSessions returns it)", unit,
                 e);
    }
}

static void withdrawals(list *l, const waiting_input *in)
{
    const view_withdrawals *w = &in->past->withdrawals;
    if (!w->count || eth_address_is_zero(&in->state->banker) ||
        !eth_address_equal(&in->state->banker, &in->account))
        return;
    u256 total;
    uint64_t newest = 0;
    if (!view_withdrawals_total(w, &total))
        return; /* not a history the contract wrote */
    for (size_t i = 0; i < w->count; i++)
        if (w->items[i].block > newest)
            newest = w->items[i].block;
    waiting_item *it = add(l, WAITING_WITHDRAWALS, PC_FN_BURN_EEURO, newest);
    if (!it)
        return;
    it->amount = total;
    it->count = w->count;
    char t[PC_UNIT_TEXT_MAX];
    pc_format_unit(&total, PC_UNIT_EEURO, t, sizeof t);
    snprintf(it->text, sizeof it->text, "%zu withdrawal request%s waiting, %s in all", w->count,
             w->count == 1 ? "" : "s", t);
}

static void peg_gap(list *l, const waiting_input *in)
{
    const wallet_state *s = in->state;
    if (!in->has_peg_threshold || (s->missing & WALLET_SEC_TOTALS))
        return;
    u256 gap;
    bool below = wallet_peg_gap(s, &gap);
    if (u256_cmp(&gap, &in->peg_threshold) <= 0)
        return;
    waiting_item *it = add(l, WAITING_PEG_GAP, PC_FN_NONE, s->block);
    if (!it)
        return;
    it->amount = gap;
    char g[PC_UNIT_TEXT_MAX], t[PC_UNIT_TEXT_MAX];
    pc_format_unit(&gap, PC_UNIT_ENT, g, sizeof g);
    pc_format_unit(&in->peg_threshold, PC_UNIT_ENT, t, sizeof t);
    snprintf(it->text, sizeof it->text, "peg gap %s%s (%s energy than ENT), past %s",
             below ? "-" : "", g, below ? "more" : "less", t);
}

pc_status waiting_compute(const waiting_input *in, waiting *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    list l = { .out = out };
    votes(&l, in);
    fills(&l, in);
    sessions(&l, in);
    withdrawals(&l, in);
    peg_gap(&l, in);
    if (l.failed) {
        waiting_free(out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}
