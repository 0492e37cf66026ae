/* The peg's replay: the project's contract's energy rules (PROTOCOL.md,
 * "The energy token's peg") run over the index's transactions, one OK call
 * at a time, with the governance's passed votes applied where they passed. */
#include "wallet/series_energy.h"

#include <stdlib.h>
#include <string.h>

#include "wallet/views_args.h"

#define ONE_DECIMALS 18

typedef struct unit {
    eth_address addr, owner;
    bool active;
    u256 wh, locked_wh;   /* available, and held by sessions */
} unit;

typedef struct session {
    size_t unit;          /* into units */
    eth_address consumer;
    u256 ent, wh;
    uint64_t start;
} session;

typedef struct series_peg peg;

struct series_peg {
    series_energy *out;
    unit *units;
    size_t units_cap;
    session *sessions;
    size_t nsessions, sessions_cap;
    view_params params;
    u256 total_ent, total_wh, cost, account_ent;
    bool has_account;
    eth_address account;
    series_builder ent, wh, mint, burn, mine;
    bool quiet;            /* no series: the sessions alone are wanted */
    bool failed;
    uint64_t block, time;  /* of the call being replayed */
    uint64_t index;        /* its position in the block */
    bool fed;              /* a call was replayed: block and index say which */
    size_t at;             /* its position in the transactions */
    series_peg_detail *detail; /* series_peg_details's output, or NULL */
    size_t next_fill;      /* the market's fills applied so far */
    u256 one, per_wh;      /* 10^18, and ENT fixed point per Wh: 10^15 */
};

/* The contract's own limits (MAX_WH, amounts within the supply) keep its
 * products far below 2^256; a history that overflows is not one it wrote,
 * and the figure becomes 0, as in series_give. */
static u256 mul(const u256 *a, const u256 *b)
{
    u256 r;
    return u256_mul(&r, a, b) ? r : u256_zero();
}

static u256 divide(const u256 *a, const u256 *b)
{
    u256 r;
    return u256_divmod(&r, NULL, a, b) ? r : u256_zero();
}

static const u256 *least(const u256 *a, const u256 *b)
{
    return u256_cmp(a, b) < 0 ? a : b;
}

static u256 mint_cost(const peg *p)
{
    return *least(&p->cost, &p->params.m);
}

static u256 burn_cost(const peg *p)
{
    return *least(&p->cost, &p->params.b);
}

/* ENT in circulation beyond the stored energy. */
static u256 deficit(const peg *p)
{
    u256 e = mul(&p->total_wh, &p->per_wh), d;
    return u256_sub(&d, &p->total_ent, &e) ? d : u256_zero();
}

/* The cost of `wh` at `rate` per kWh, rounded up, capped at the deficit. */
static u256 cost_for(const u256 *wh, const u256 *rate, const u256 *def)
{
    u256 c = mul(wh, rate), k = u256_from_u64(1000), up = u256_from_u64(999);
    series_give(&c, &up);
    c = divide(&c, &k);
    return *least(&c, def);
}

/* R is set from the gap when it grew, and 0 when it closed. */
static void repeg(peg *p, const u256 *old)
{
    u256 d = deficit(p);
    if (u256_is_zero(&d)) {
        p->cost = u256_zero();
    } else if (u256_cmp(&d, old) > 0) {
        p->cost = mul(&d, &p->params.c);
        p->cost = divide(&p->cost, &p->one);
    }
}

static unit *unit_of(peg *p, const eth_address *a)
{
    for (size_t i = 0; i < p->out->nunits; i++)
        if (eth_address_equal(&p->units[i].addr, a))
            return &p->units[i];
    return NULL;
}

/* Notes one change of the account's ENT for series_peg_details. */
static void note(peg *p, bool locked, bool gain, const u256 *amount)
{
    series_peg_detail *d = p->detail;
    if (!d || u256_is_zero(amount))
        return;
    if (!views_grow(&d->changes, &d->changes_cap, d->nchanges, sizeof *d->changes)) {
        p->failed = true;
        return;
    }
    d->changes[d->nchanges++] = (series_ent_change){ p->at, locked, gain, *amount };
}

static bool is_account(const peg *p, const eth_address *who)
{
    return p->has_account && eth_address_equal(who, &p->account);
}

/* `who` gains or loses `amount` of its available or locked ENT. */
static void change_ent(peg *p, const eth_address *who, const u256 *amount, bool gain,
                       bool locked)
{
    if (!is_account(p, who))
        return;
    if (gain)
        series_give(&p->account_ent, amount);
    else
        series_take(&p->account_ent, amount);
    note(p, locked, gain, amount);
}

/* `amount` of who's ENT moves between available and locked. */
static void move_ent(peg *p, const eth_address *who, const u256 *amount, bool to_locked)
{
    if (!is_account(p, who))
        return;
    note(p, !to_locked, false, amount);
    note(p, to_locked, true, amount);
}

static bool expired(const peg *p, const session *s)
{
    uint64_t h;
    return !u256_to_u64(&p->params.h, &h) ? false : p->time - s->start >= h;
}

/* Its ENT and Wh go back to the consumer and the unit. */
static void close_session(peg *p, size_t i)
{
    session *s = &p->sessions[i];
    unit *u = &p->units[s->unit];
    move_ent(p, &s->consumer, &s->ent, false);
    series_take(&u->locked_wh, &s->wh);
    series_give(&u->wh, &s->wh);
    p->sessions[i] = p->sessions[--p->nsessions];
}

static session *session_of(peg *p, size_t u, const eth_address *consumer, size_t *at)
{
    for (size_t i = 0; i < p->nsessions; i++)
        if (p->sessions[i].unit == u && eth_address_equal(&p->sessions[i].consumer, consumer)) {
            *at = i;
            return &p->sessions[i];
        }
    return NULL;
}

static void produced(peg *p, unit *u, const eth_address *producer, const u256 *wh)
{
    u256 old = deficit(p), rate = mint_cost(p);
    u256 fee = cost_for(wh, &rate, &old), minted = mul(wh, &p->per_wh);
    series_take(&minted, &fee);
    u256 share = mul(&minted, &p->params.f), rest = minted;
    share = divide(&share, &p->one);
    series_take(&rest, &share);
    series_give(&u->wh, wh);
    series_give(&p->total_wh, wh);
    series_give(&p->total_ent, &minted);
    change_ent(p, &u->owner, &share, true, false);
    change_ent(p, producer, &rest, true, false);
    repeg(p, &old);
}

static void consumed(peg *p, unit *u, const eth_address *consumer, const u256 *wh)
{
    size_t at;
    session *s = session_of(p, (size_t)(u - p->units), consumer, &at);
    if (!s)
        return; /* an OK call had one: not a history this contract wrote */
    u256 old = deficit(p), rate = burn_cost(p);
    const u256 *used = least(wh, &s->wh);
    u256 burned = mul(used, &p->per_wh), fee = cost_for(used, &rate, &old);
    series_give(&burned, &fee);
    burned = *least(&burned, &s->ent);
    u256 used_wh = *used;
    series_take(&s->ent, &burned);
    series_take(&s->wh, &used_wh);
    change_ent(p, consumer, &burned, false, true);
    series_take(&p->total_ent, &burned);
    series_take(&u->locked_wh, &used_wh);
    series_take(&p->total_wh, &used_wh);
    bool over = u256_cmp(wh, &used_wh) > 0;
    if (over) {
        /* The excess leaves the unit's energy, as far as it has any. */
        u256 excess;
        u256_sub(&excess, wh, &used_wh);
        excess = *least(&excess, &u->wh);
        series_take(&u->wh, &excess);
        series_take(&p->total_wh, &excess);
    }
    if (over || u256_is_zero(&s->wh))
        close_session(p, at);
    repeg(p, &old);
}

static void reported(peg *p, unit *u, const u256 *actual)
{
    u256 old = deficit(p), available;
    if (!u256_sub(&available, actual, &u->locked_wh))
        available = u256_zero();
    series_take(&p->total_wh, &u->wh);
    series_give(&p->total_wh, &available);
    u->wh = available;
    repeg(p, &old);
}

static void start_session(peg *p, unit *u, const u256 *ent, const eth_address *consumer)
{
    size_t at, ui = (size_t)(u - p->units);
    if (session_of(p, ui, consumer, &at))
        close_session(p, at); /* an OK call found it expired */
    if (!views_grow(&p->sessions, &p->sessions_cap, p->nsessions, sizeof *p->sessions)) {
        p->failed = true;
        return;
    }
    u256 k = u256_from_u64(1000), o = p->one, rate = burn_cost(p), wh = mul(ent, &k);
    /* ent * 1000 / (10^18 + burn cost) */
    series_give(&o, &rate);
    wh = divide(&wh, &o);
    series_take(&u->wh, &wh);
    series_give(&u->locked_wh, &wh);
    move_ent(p, consumer, ent, true);
    p->sessions[p->nsessions++] = (session){ ui, *consumer, *ent, wh, p->time };
}

static void clear_old(peg *p)
{
    size_t i = 0;
    while (i < p->nsessions)
        if (expired(p, &p->sessions[i]))
            close_session(p, i);
        else
            i++;
}

/* A passed vote's action on units and parameters. */
static void passed(peg *p, const view_proposal *v)
{
    unit *u = unit_of(p, &v->target);
    if (v->kind == VIEW_REGISTER_UNIT) {
        if (!u) {
            /* out->units grows with p->units, so it has the same capacity. */
            size_t cap = p->units_cap;
            if (!views_grow(&p->units, &p->units_cap, p->out->nunits, sizeof *p->units) ||
                !views_grow(&p->out->units, &cap, p->out->nunits, sizeof *p->out->units)) {
                p->failed = true;
                return;
            }
            p->out->units[p->out->nunits] = (series_unit){ .unit = v->target };
            u = &p->units[p->out->nunits++];
            memset(u, 0, sizeof *u);
            u->addr = v->target;
        }
        u->owner = v->owner;
        u->active = true;
        u->wh = u->locked_wh = u256_zero();
    } else if (v->kind == VIEW_REMOVE_UNIT && u) {
        u256 old = deficit(p);
        size_t i = 0, ui = (size_t)(u - p->units);
        while (i < p->nsessions)
            if (p->sessions[i].unit == ui)
                close_session(p, i);
            else
                i++;
        series_take(&p->total_wh, &u->wh);
        u->wh = u256_zero();
        u->active = false;
        repeg(p, &old);
    } else if (v->kind == VIEW_SET_PARAMETER) {
        u256 hours = u256_from_u64(3600);
        switch (v->param) {
        case 'M': p->params.m = v->value; break;
        case 'B': p->params.b = v->value; break;
        case 'C': p->params.c = v->value; break;
        case 'F': p->params.f = v->value; break;
        case 'H': p->params.h = mul(&v->value, &hours); break;
        default: break;
        }
    }
}

/* One OK call's effect; the unit calls come from the unit itself. */
static void replay_call(peg *p, const history_tx *t)
{
    eth_address a;
    u256 v;
    unit *u = unit_of(p, &t->from);
    bool by_unit = u && u->active;
    if (by_unit && views_is_call(t, PC_FN_ENERGY_PRODUCED) && views_arg_address(t, 0, &a) &&
        views_arg_uint(t, 1, &v))
        produced(p, u, &a, &v);
    else if (by_unit && views_is_call(t, PC_FN_ENERGY_CONSUMED) && views_arg_address(t, 0, &a) &&
             views_arg_uint(t, 1, &v))
        consumed(p, u, &a, &v);
    else if (by_unit && views_is_call(t, PC_FN_REPORT_ACTUAL_ENERGY) && views_arg_uint(t, 0, &v))
        reported(p, u, &v);
    else if (views_is_call(t, PC_FN_START_CONSUMPTION_SESSION) && views_arg_address(t, 0, &a) &&
             views_arg_uint(t, 1, &v) && (u = unit_of(p, &a)) != NULL)
        start_session(p, u, &v, &t->from);
    else if (views_is_call(t, PC_FN_CLEAR_OLD_SESSIONS))
        clear_old(p);
    else if (views_is_call(t, PC_FN_TRANSFER_ENT) && views_arg_address(t, 0, &a) &&
             views_arg_uint(t, 1, &v)) {
        change_ent(p, &t->from, &v, false, false);
        change_ent(p, &a, &v, true, false);
    }
}

/* The figures after one transaction, where they changed. */
static void record(peg *p)
{
    if (p->quiet)
        return;
    u256 mc = mint_cost(p), bc = burn_cost(p);
    series_push_change(&p->ent, p->block, p->time, &p->total_ent);
    series_push_change(&p->wh, p->block, p->time, &p->total_wh);
    series_push_change(&p->mint, p->block, p->time, &mc);
    series_push_change(&p->burn, p->block, p->time, &bc);
    if (p->has_account)
        series_push_change(&p->mine, p->block, p->time, &p->account_ent);
    for (size_t i = 0; i < p->out->nunits; i++) {
        unit *u = &p->units[i];
        u256 shown = u->active ? u->wh : u256_zero();
        series_builder b = { &p->out->units[i].wh, false };
        series_push_change(&b, p->block, p->time, &shown);
        p->failed |= b.failed;
    }
}

static int by_passing(const void *a, const void *b)
{
    const view_proposal *x = *(const view_proposal *const *)a, *y = *(const view_proposal *const *)b;
    if (x->passed_block != y->passed_block)
        return x->passed_block < y->passed_block ? -1 : 1;
    return (x->passed_index > y->passed_index) - (x->passed_index < y->passed_index);
}

/* Whether v passed after the last call replayed, and is not applied yet. */
static bool pending(const peg *p, const view_proposal *v)
{
    return !p->fed || v->passed_block > p->block ||
           (v->passed_block == p->block && v->passed_index > p->index);
}

/* The passed votes not applied yet that change units or parameters, in the
 * order they passed. */
static const view_proposal **acting_votes(const peg *p, const view_governance *g, size_t *count)
{
    const view_proposal **v = malloc((g->nproposals + 1) * sizeof *v);
    *count = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < g->nproposals; i++) {
        const view_proposal *x = &g->proposals[i];
        if (x->passed && pending(p, x) &&
            (x->kind == VIEW_REGISTER_UNIT || x->kind == VIEW_REMOVE_UNIT ||
             x->kind == VIEW_SET_PARAMETER))
            v[(*count)++] = x;
    }
    qsort(v, *count, sizeof *v, by_passing);
    return v;
}

static bool passed_by(const view_proposal *v, const history_tx *t)
{
    return v->passed_block < t->block ||
           (v->passed_block == t->block && v->passed_index <= t->index);
}

static void fills_of(peg *p, const view_market *m, const history_tx *t)
{
    /* Fills are in the order of the transactions that caused them. */
    for (; p->next_fill < m->nfills && memcmp(m->fills[p->next_fill].tx, t->hash, 32) == 0;
         p->next_fill++) {
        const view_fill *f = &m->fills[p->next_fill];
        if (eth_address_equal(&f->buyer, &f->seller))
            continue;
        change_ent(p, &f->buyer, &f->quantity, true, false);
        change_ent(p, &f->seller, &f->quantity, false, true);
    }
}

series_peg *series_peg_new(const eth_address *account, series_energy *out, bool quiet)
{
    peg *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->out = out;
    p->quiet = quiet;
    p->params = view_params_default();
    p->has_account = account != NULL;
    if (account)
        p->account = *account;
    p->one = u256_pow10(ONE_DECIMALS);
    p->per_wh = u256_pow10(ONE_DECIMALS - 3);
    p->ent.out = &out->ent;
    p->wh.out = &out->wh;
    p->mint.out = &out->mint_cost;
    p->burn.out = &out->burn_cost;
    p->mine.out = &out->account_ent;
    return p;
}

bool series_peg_feed(peg *p, const history_tx *txs, size_t from, size_t n,
                     const view_governance *g, const view_market *m)
{
    size_t nvotes = 0, next_vote = 0;
    const view_proposal **votes = p->failed ? NULL : acting_votes(p, g, &nvotes);
    p->failed = votes == NULL;
    for (size_t i = from; i < n && !p->failed; i++) {
        const history_tx *t = &txs[i];
        p->block = t->block;
        p->time = t->time;
        p->index = t->index;
        p->at = i;
        p->fed = true;
        if (i == 0)
            record(p); /* 0 before anything happened */
        replay_call(p, t);
        fills_of(p, m, t);
        for (; next_vote < nvotes && passed_by(votes[next_vote], t); next_vote++)
            passed(p, votes[next_vote]);
        record(p);
    }
    free(votes);
    p->failed |= p->ent.failed || p->wh.failed || p->mint.failed || p->burn.failed ||
                 p->mine.failed;
    return !p->failed;
}

void series_peg_free(peg *p)
{
    if (!p)
        return;
    free(p->units);
    free(p->sessions);
    free(p);
}

pc_status series_energy_replay(const history_tx *txs, size_t n, const view_governance *g,
                               const view_market *m, const eth_address *account,
                               series_energy *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    peg *p = series_peg_new(account, out, false);
    bool ok = p && series_peg_feed(p, txs, 0, n, g, m);
    series_peg_free(p);
    if (!ok) {
        series_energy_free(out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

pc_status series_peg_details(const history_tx *txs, size_t n, const view_governance *g,
                             const view_market *m, const eth_address *account,
                             series_peg_detail *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    series_energy figures = { 0 };
    peg *p = series_peg_new(account, &figures, false);
    if (p)
        p->detail = out;
    bool ok = p && series_peg_feed(p, txs, 0, n, g, m);
    if (ok && p->nsessions) {
        out->sessions = malloc(p->nsessions * sizeof *out->sessions);
        ok = out->sessions != NULL;
        for (size_t i = 0; ok && i < p->nsessions; i++) {
            const session *x = &p->sessions[i];
            out->sessions[i] = (series_session){ p->units[x->unit].addr, x->consumer, x->ent,
                                                 x->wh, x->start };
        }
        out->nsessions = ok ? p->nsessions : 0;
    }
    if (p)
        out->h = p->params.h;
    series_peg_free(p);
    series_energy_free(&figures);
    if (!ok) {
        series_peg_detail_free(out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

void series_peg_detail_free(series_peg_detail *d)
{
    free(d->sessions);
    free(d->changes);
    memset(d, 0, sizeof *d);
}

void series_energy_free(series_energy *e)
{
    if (!e)
        return;
    series_free(&e->ent);
    series_free(&e->wh);
    series_free(&e->mint_cost);
    series_free(&e->burn_cost);
    series_free(&e->account_ent);
    for (size_t i = 0; i < e->nunits; i++)
        series_free(&e->units[i].wh);
    free(e->units);
    memset(e, 0, sizeof *e);
}

struct series_sessions {
    series_energy units;   /* the peg's units; no series in it */
    peg *p;
    size_t done;           /* transactions fed */
};

pc_status series_sessions_new(series_sessions **out, pc_error *err)
{
    series_sessions *s = calloc(1, sizeof *s);
    if (s && !(s->p = series_peg_new(NULL, &s->units, true))) {
        free(s);
        s = NULL;
    }
    *out = s;
    return s ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
}

pc_status series_sessions_feed(series_sessions *s, const history_tx *txs, size_t n,
                               const view_governance *g, const view_market *m, pc_error *err)
{
    if (!series_peg_feed(s->p, txs, s->done, n, g, m))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    s->done = n;
    return PC_OK;
}

size_t series_sessions_done(const series_sessions *s) { return s->done; }

static int by_start(const void *a, const void *b)
{
    const series_session *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    int c = memcmp(x->consumer.b, y->consumer.b, sizeof x->consumer.b);
    return c ? c : memcmp(x->unit.b, y->unit.b, sizeof x->unit.b);
}

pc_status series_sessions_open(const series_sessions *s, series_session **out, size_t *n,
                               pc_error *err)
{
    const peg *p = s->p;
    *out = NULL;
    *n = 0;
    if (!p->nsessions)
        return PC_OK;
    if (!(*out = malloc(p->nsessions * sizeof **out)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->nsessions; i++) {
        const session *x = &p->sessions[i];
        (*out)[i] = (series_session){ .unit = p->units[x->unit].addr, .consumer = x->consumer,
                                      .ent = x->ent, .wh = x->wh, .start = x->start };
    }
    *n = p->nsessions;
    /* Closing moves the last session into the gap: the replay's order is
     * not the order they started. */
    qsort(*out, *n, sizeof **out, by_start);
    return PC_OK;
}

void series_sessions_free(series_sessions *s)
{
    if (!s)
        return;
    series_peg_free(s->p);
    series_energy_free(&s->units);
    free(s);
}
