#include "wallet/effect.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rpcclient/calltext.h"
#include "rpcclient/units.h"

/* The chain's own coin, which pays for gas (18 decimals). */
#define COIN "ETH"

typedef struct effect_ctx {
    const effect_call *c;
    const pc_method *m;
    abi_value arg[PC_MAX_ARGS];
    effect_lines *out;
} effect_ctx;

static void vsay(effect_lines *out, effect_kind kind, effect_basis basis, const char *fmt,
                 va_list ap) __attribute__((format(printf, 4, 0)));

static void vsay(effect_lines *out, effect_kind kind, effect_basis basis, const char *fmt,
                 va_list ap)
{
    if (out->n == EFFECT_LINES_MAX)
        return;
    effect_line *l = &out->line[out->n++];
    l->kind = kind;
    l->basis = basis;
    vsnprintf(l->text, sizeof l->text, fmt, ap);
}

static void say(effect_lines *out, effect_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void say_as(effect_lines *out, effect_kind kind, effect_basis basis, const char *fmt,
                   ...) __attribute__((format(printf, 4, 5)));

static void say_as(effect_lines *out, effect_kind kind, effect_basis basis, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(out, kind, basis, fmt, ap);
    va_end(ap);
}

static void say(effect_lines *out, effect_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(out, kind, EFFECT_EXACT, fmt, ap);
    va_end(ap);
}

/* What the call does, with a figure predicted here (EFFECT_ESTIMATE) or
 * taken from the simulation (EFFECT_SIMULATED). */
static void say_figure(effect_lines *out, bool simulated, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say_figure(effect_lines *out, bool simulated, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(out, EFFECT_WHAT, simulated ? EFFECT_SIMULATED : EFFECT_ESTIMATE, fmt, ap);
    va_end(ap);
}

/* "0x7099... (B)" when the book names it, else the address alone. */
typedef struct who_text {
    char s[KEYSTORE_NAME_MAX + ETH_ADDRESS_TEXT_LEN + 8];
} who_text;

static who_text who(const effect_call *c, const eth_address *a)
{
    who_text w;
    char hex[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, hex);
    const char *name = names_lookup(c->book, a);
    if (name)
        snprintf(w.s, sizeof w.s, "%s (%s)", hex, name);
    else
        snprintf(w.s, sizeof w.s, "%s", hex);
    return w;
}

typedef struct amount_text {
    char s[PC_UNIT_TEXT_MAX];
} amount_text;

static amount_text amount(const u256 *v, pc_unit u)
{
    amount_text t;
    pc_format_unit(v, u, t.s, sizeof t.s);
    return t;
}

/* Watt-hours as the energy forms take them: "500 Wh". */
static amount_text wh_text(const u256 *wh)
{
    amount_text t;
    char d[U256_DEC_MAX];
    u256_to_dec(wh, d);
    snprintf(t.s, sizeof t.s, "%s Wh", d);
    return t;
}

/* a * b / 10^18, rounded down; false on overflow. */
static bool mul_fixed(u256 *r, const u256 *a, const u256 *b)
{
    u256 one = u256_pow10(18), p;
    return u256_mul(&p, a, b) && u256_divmod(r, NULL, &p, &one);
}

/* who() as the binding's sentences take it. */
static void who_writer(const eth_address *a, const void *c, char *out, size_t cap)
{
    snprintf(out, cap, "%s", who(c, a).s);
}

typedef struct sentence {
    char s[EFFECT_LINE_MAX];
} sentence;

/* The method table's sentence of intent for this call (the binding's
 * words, with the arguments as people read them). */
static sentence intent(effect_ctx *x)
{
    sentence t;
    abi_value args = { .kind = ABI_TUPLE, .items = x->arg, .count = x->m->nargs };
    pc_intent_text(x->m, &args, who_writer, x->c, t.s, sizeof t.s);
    return t;
}

static const u256 *num(const effect_ctx *x, size_t i) { return &x->arg[i].num; }
static const eth_address *addr(const effect_ctx *x, size_t i) { return &x->arg[i].addr; }

/* ---- what the snapshot and the index tell ---- */

/* 1: an active storage unit, 0: not one, -1: nothing read tells. */
static int is_unit(const effect_call *c, const eth_address *a)
{
    bool known = false;
    if (c->past) {
        known = true;
        for (size_t i = 0; i < c->past->nowners; i++)
            if (eth_address_equal(&c->past->owners[i].unit, a))
                return 1;
    }
    if (c->state && !(c->state->missing & WALLET_SEC_UNITS)) {
        known = true;
        for (size_t i = 0; i < c->state->nunits; i++)
            if (eth_address_equal(&c->state->units[i].addr, a))
                return 1;
    }
    return known ? 0 : -1;
}

/* The owner of unit `a` by the index (a later registration wins). */
static bool unit_owner(const effect_call *c, const eth_address *a, eth_address *owner)
{
    bool found = false;
    for (size_t i = 0; c->past && i < c->past->nowners; i++)
        if (eth_address_equal(&c->past->owners[i].unit, a)) {
            *owner = c->past->owners[i].owner;
            found = true;
        }
    return found;
}

static bool has(const effect_call *c, unsigned section)
{
    return c->state && !(c->state->missing & section);
}

/* ---- what the simulation tells ---- */

/* How much a simulated figure of `a` went down (*down) or up (!*down);
 * false when the simulation did not say it before and after. */
static bool sim_change(const effect_call *c, const eth_address *a, wallet_figure_kind what,
                       u256 *amount, bool *down)
{
    const wallet_figure *f = c->sim ? wallet_sim_figure(c->sim, a, what) : NULL;
    if (!f || !f->has_before || !f->has_after)
        return false;
    *down = u256_cmp(&f->after, &f->before) < 0;
    return *down ? u256_sub(amount, &f->before, &f->after) : u256_sub(amount, &f->after, &f->before);
}

/* How much a figure went down; 0 when it rose. */
static bool sim_drop(const effect_call *c, const eth_address *a, wallet_figure_kind what,
                     u256 *amount)
{
    bool down;
    if (!sim_change(c, a, what, amount, &down))
        return false;
    if (!down)
        *amount = u256_zero();
    return true;
}

/* How much a figure went up; 0 when it fell. */
static bool sim_rise(const effect_call *c, const eth_address *a, wallet_figure_kind what,
                     u256 *amount)
{
    bool down;
    if (!sim_change(c, a, what, amount, &down))
        return false;
    if (down)
        *amount = u256_zero();
    return true;
}

/* Available and locked together went down by (*down) or up by. */
static bool sim_holding_change(const effect_call *c, const eth_address *a,
                               wallet_figure_kind available, u256 *amount, bool *down)
{
    const wallet_figure *f = c->sim ? wallet_sim_figure(c->sim, a, available) : NULL;
    const wallet_figure *l = c->sim ? wallet_sim_figure(c->sim, a, available + 1) : NULL;
    u256 before, after;
    if (!f || !l || !f->has_before || !f->has_after || !l->has_before || !l->has_after ||
        !u256_add(&before, &f->before, &l->before) || !u256_add(&after, &f->after, &l->after))
        return false;
    *down = u256_cmp(&after, &before) < 0;
    return *down ? u256_sub(amount, &before, &after) : u256_sub(amount, &after, &before);
}

/* ---- warnings about addresses ---- */

enum { OWN_OK = 1u << 0, NEED_UNIT = 1u << 1 };

static void check_address(const effect_ctx *x, size_t i, unsigned flags)
{
    const effect_call *c = x->c;
    const eth_address *a = addr(x, i);
    char label[32];
    pc_method_arg_name(x->m, i, label, sizeof label);
    eth_address zero;
    memset(&zero, 0, sizeof zero);
    if (eth_address_equal(a, &zero))
        say(x->out, EFFECT_WARNING, "%s is the zero address: nobody holds its key", label);
    else if (eth_address_equal(a, &c->contract))
        say(x->out, EFFECT_WARNING, "%s is the contract's own address, not a person's", label);
    else if (!(flags & OWN_OK) && eth_address_equal(a, &c->own))
        say(x->out, EFFECT_WARNING, "%s is your own address", label);
    if ((flags & NEED_UNIT) && is_unit(c, a) == 0)
        say(x->out, EFFECT_WARNING, "%s %s is not an active storage unit", label,
            who(c, a).s);
}

/* ---- tokens and the banker ---- */

/* Transfers and the banker's calls: the sentence of intent, then the
 * warnings about the address (the banker may name itself). */
static void transfer(effect_ctx *x)
{
    say(x->out, EFFECT_WHAT, "%s", intent(x).s);
    check_address(x, 0, 0);
}

static void lock_eeuro(effect_ctx *x)
{
    say(x->out, EFFECT_WHAT, "%s", intent(x).s);
}

static void banker_call(effect_ctx *x)
{
    say(x->out, EFFECT_WHAT, "%s", intent(x).s);
    check_address(x, 0, OWN_OK);
}

/* ---- energy ---- */

static void start_session(effect_ctx *x)
{
    const effect_call *c = x->c;
    const u256 *ent = num(x, 1);
    u256 wh;
    bool simulated = sim_drop(c, addr(x, 0), WALLET_FIG_ENERGY, &wh);
    if (simulated || (has(c, WALLET_SEC_COSTS) && wallet_session_wh(c->state, ent, &wh))) {
        say_figure(x->out, simulated, "buys %s from %s", wh_text(&wh).s, who(c, addr(x, 0)).s);
        say(x->out, EFFECT_WHAT, "locks %s until the session is used up or expires",
            amount(ent, PC_UNIT_ENT).s);
        if (u256_is_zero(&wh) && !u256_is_zero(ent))
            say(x->out, EFFECT_WARNING, "%s rounds down to 0 Wh: the lock buys nothing",
                amount(ent, PC_UNIT_ENT).s);
    } else {
        say(x->out, EFFECT_WHAT, "%s (the burn cost could not be read)", intent(x).s);
    }
    check_address(x, 0, NEED_UNIT);
}

/* Expired sessions stay open, their ENT locked, until this call; the
 * node's getConsumptionSessions no longer lists them, so they are counted
 * from the history index's sessions at the snapshot's time. */
static void clear_sessions(effect_ctx *x)
{
    const effect_call *c = x->c;
    const wallet_state *s = c->state;
    const wallet_past *p = c->past;
    say(x->out, EFFECT_WHAT, "%s", intent(x).s);
    u256 back;
    bool simulated = sim_drop(c, &c->own, WALLET_FIG_ENT_LOCKED, &back);
    if (!p || !has(c, WALLET_SEC_PARAMS)) {
        if (simulated)
            say_figure(x->out, true, "gives you back %s locked in expired sessions",
                       amount(&back, PC_UNIT_ENT).s);
        else
            say(x->out, EFFECT_WHAT, "how many have expired is not known: the history index "
                                     "has not been read");
        return;
    }
    size_t all = 0, mine = 0;
    u256 ent = u256_zero();
    for (size_t i = 0; i < p->nsessions; i++) {
        const series_session *e = &p->sessions[i];
        if (wallet_session_seconds_left(s, e->start) != 0)
            continue;
        all++;
        if (eth_address_equal(&e->consumer, &c->own) && u256_add(&ent, &ent, &e->ent))
            mine++;
    }
    /* The ENT that comes back is the simulation's where there is one. */
    if (simulated)
        ent = back;
    if (!all && u256_is_zero(&ent))
        say(x->out, EFFECT_WARNING, "no session has expired: the call changes nothing");
    else if (!mine && u256_is_zero(&ent))
        say(x->out, EFFECT_WHAT, "%zu session%s of others %s expired, none of yours", all,
            all == 1 ? "" : "s", all == 1 ? "has" : "have");
    else if (mine == all)
        say_figure(x->out, simulated, "%zu of your sessions %s expired: %s comes back to you",
                   mine, mine == 1 ? "has" : "have", amount(&ent, PC_UNIT_ENT).s);
    else
        say_figure(x->out, simulated, "%zu sessions have expired, %zu of them yours: %s comes "
                                      "back to you", all, mine, amount(&ent, PC_UNIT_ENT).s);
}

/* ENT minted for `wh` produced: wh*(10^18 - mint cost)/1000. */
static bool minted_for(const wallet_state *s, const u256 *wh, u256 *ent)
{
    u256 one = u256_pow10(18), k = u256_from_u64(1000), rate, p;
    return u256_sub(&rate, &one, &s->mint_cost) && u256_mul(&p, wh, &rate) &&
           u256_divmod(ent, NULL, &p, &k);
}

/* What the simulation says production minted: the producer's share, and
 * the rest of what came into circulation (the unit owner's). */
static bool simulated_mint(const effect_call *c, const eth_address *producer, u256 *rest,
                           u256 *share)
{
    u256 total;
    return sim_rise(c, producer, WALLET_FIG_ENT, rest) &&
           sim_rise(c, &c->contract, WALLET_FIG_TOTAL_ENT, &total) &&
           u256_sub(share, &total, rest);
}

static void produced(effect_ctx *x)
{
    const effect_call *c = x->c;
    u256 total, share, rest;
    bool simulated = simulated_mint(c, addr(x, 0), &rest, &share);
    if (simulated ||
        (has(c, WALLET_SEC_COSTS | WALLET_SEC_PARAMS) && minted_for(c->state, num(x, 1), &total) &&
         mul_fixed(&share, &total, &c->state->params[WALLET_PARAM_F]) &&
         u256_sub(&rest, &total, &share))) {
        eth_address owner;
        const char *about = simulated ? "" : "about ";
        say_figure(x->out, simulated, "mints %s%s to %s for %s produced", about,
                   amount(&rest, PC_UNIT_ENT).s, who(c, addr(x, 0)).s, wh_text(num(x, 1)).s);
        if (unit_owner(c, &c->own, &owner))
            say_figure(x->out, simulated, "and %s%s to this unit's owner %s", about,
                       amount(&share, PC_UNIT_ENT).s, who(c, &owner).s);
        else
            say_figure(x->out, simulated, "and %s%s to this unit's owner", about,
                       amount(&share, PC_UNIT_ENT).s);
    } else {
        say(x->out, EFFECT_WHAT, "%s (the costs could not be read)", intent(x).s);
    }
    check_address(x, 0, 0);
}

static void consumed(effect_ctx *x)
{
    const effect_call *c = x->c;
    u256 one = u256_pow10(18), k = u256_from_u64(1000), rate, p, ent, back;
    if (sim_drop(c, &c->contract, WALLET_FIG_TOTAL_ENT, &ent)) {
        say_figure(x->out, true, "burns %s of %s's locked ENT for %s consumed",
                   amount(&ent, PC_UNIT_ENT).s, who(c, addr(x, 0)).s, wh_text(num(x, 1)).s);
        if (sim_rise(c, addr(x, 0), WALLET_FIG_ENT, &back) && !u256_is_zero(&back))
            say_figure(x->out, true, "and gives %s back to %s", amount(&back, PC_UNIT_ENT).s,
                       who(c, addr(x, 0)).s);
    } else if (has(c, WALLET_SEC_COSTS) && u256_add(&rate, &one, &c->state->burn_cost) &&
               u256_mul(&p, num(x, 1), &rate) && u256_divmod(&ent, NULL, &p, &k)) {
        say_figure(x->out, false, "burns about %s of %s's locked ENT for %s consumed",
                   amount(&ent, PC_UNIT_ENT).s, who(c, addr(x, 0)).s, wh_text(num(x, 1)).s);
    } else {
        say(x->out, EFFECT_WHAT, "%s", intent(x).s);
    }
    check_address(x, 0, 0);
}

static void actual(effect_ctx *x)
{
    const effect_call *c = x->c;
    say(x->out, EFFECT_WHAT, "%s", intent(x).s);
    for (size_t i = 0; has(c, WALLET_SEC_UNITS) && i < c->state->nunits; i++)
        if (eth_address_equal(&c->state->units[i].addr, &c->own))
            say(x->out, EFFECT_WHAT, "the books say %s available now",
                wh_text(&c->state->units[i].wh).s);
}

/* ---- the market ---- */

/* Whether resting order a is matched before b (PROTOCOL.md: the best price
 * for the incoming order, then the lowest id). */
static bool before(const wallet_order *a, const wallet_order *b, bool incoming_buy)
{
    int by_price = u256_cmp(&a->price, &b->price);
    if (by_price)
        return incoming_buy ? by_price < 0 : by_price > 0;
    return u256_cmp(&a->id, &b->id) < 0;
}

/* What an order trades at once against the snapshot's book: ENT and the
 * eEuro paid for it (each match at the sell price). */
static bool match_now(const effect_call *c, bool is_buy, const u256 *price, const u256 *qty,
                      u256 *traded, u256 *paid)
{
    const wallet_state *s = c->state;
    const wallet_order *book = is_buy ? s->sells : s->buys;
    size_t n = is_buy ? s->nsells : s->nbuys;
    const wallet_order *prev = NULL;
    u256 left = *qty;
    *traded = *paid = u256_zero();
    while (!u256_is_zero(&left)) {
        const wallet_order *next = NULL;
        for (size_t i = 0; i < n; i++) {
            const wallet_order *o = &book[i];
            int cmp = u256_cmp(&o->price, price);
            if (eth_address_equal(&o->user, &c->own) || (is_buy ? cmp > 0 : cmp < 0) ||
                (prev && !before(prev, o, is_buy)) || (next && !before(o, next, is_buy)))
                continue;
            next = o;
        }
        if (!next)
            break;
        u256 t = u256_cmp(&left, &next->quantity) < 0 ? left : next->quantity, eur;
        if (!mul_fixed(&eur, &t, is_buy ? &next->price : price) || !u256_add(paid, paid, &eur) ||
            !u256_add(traded, traded, &t) || !u256_sub(&left, &left, &t))
            return false;
        prev = next;
    }
    return true;
}

/* What the simulation says an order traded at once: a buy's ENT came in
 * and its eEuro went out (available and locked together); a sell's ENT
 * went out and its eEuro came in. */
static bool simulated_trade(const effect_call *c, bool is_buy, u256 *traded, u256 *paid)
{
    bool ent_down, eur_down;
    if (!sim_holding_change(c, &c->own, WALLET_FIG_ENT, traded, &ent_down) ||
        !sim_holding_change(c, &c->own, WALLET_FIG_EEURO, paid, &eur_down))
        return false;
    if (ent_down == is_buy)
        *traded = u256_zero();
    if (eur_down != is_buy)
        *paid = u256_zero();
    return true;
}

static void add_order(effect_ctx *x)
{
    const effect_call *c = x->c;
    const u256 *price = num(x, 0), *qty = num(x, 1);
    bool is_buy = x->arg[2].boolean;
    sentence head = intent(x);
    u256 traded, paid, locked;
    bool simulated = simulated_trade(c, is_buy, &traded, &paid);
    if (!simulated &&
        (!has(c, WALLET_SEC_ORDERS) || !match_now(c, is_buy, price, qty, &traded, &paid)))
        say(x->out, EFFECT_WHAT, "%s (the book could not be read)", head.s);
    else if (u256_is_zero(&traded))
        say_figure(x->out, simulated, "%s: nothing matches now, it waits in the book", head.s);
    else if (u256_cmp(&traded, qty) == 0)
        say_figure(x->out, simulated, "%s: trades all of it at once for %s", head.s,
                   amount(&paid, PC_UNIT_EEURO).s);
    else
        say_figure(x->out, simulated, "%s: trades %s at once for %s, the rest waits", head.s,
                   amount(&traded, PC_UNIT_ENT).s, amount(&paid, PC_UNIT_EEURO).s);
    if (!is_buy) {
        say(x->out, EFFECT_WHAT, "locks %s until it trades or is removed",
            amount(qty, PC_UNIT_ENT).s);
    } else if (mul_fixed(&locked, price, qty)) {
        say(x->out, EFFECT_WHAT, "locks %s until it trades or is removed",
            amount(&locked, PC_UNIT_EEURO).s);
        if (u256_is_zero(&locked))
            say(x->out, EFFECT_WARNING, "the eEuro it locks rounds down to 0: price x amount "
                                        "is below the smallest eEuro unit");
    }
}

static void remove_order(effect_ctx *x)
{
    const effect_call *c = x->c;
    bool is_buy = x->arg[1].boolean;
    const u256 *id = num(x, 0);
    char id_text[U256_DEC_MAX];
    const char *side = is_buy ? "buy" : "sell";
    u256_to_dec(id, id_text);
    sentence what = intent(x);
    u256 freed;
    if (sim_drop(c, &c->own, is_buy ? WALLET_FIG_EEURO_LOCKED : WALLET_FIG_ENT_LOCKED, &freed)) {
        say_figure(x->out, true, "%s and unlocks %s", what.s,
                   amount(&freed, is_buy ? PC_UNIT_EEURO : PC_UNIT_ENT).s);
        return;
    }
    const wallet_order *book = has(c, WALLET_SEC_ORDERS) ? (is_buy ? c->state->buys
                                                                   : c->state->sells) : NULL;
    size_t n = book ? (is_buy ? c->state->nbuys : c->state->nsells) : 0;
    for (size_t i = 0; i < n; i++) {
        const wallet_order *o = &book[i];
        u256 back;
        if (u256_cmp(&o->id, id) != 0 || !eth_address_equal(&o->user, &c->own))
            continue;
        if (is_buy && !mul_fixed(&back, &o->price, &o->quantity))
            break;
        say_figure(x->out, false, "%s (%s at %s) and unlocks %s", what.s,
                   amount(&o->quantity, PC_UNIT_ENT).s, amount(&o->price, PC_UNIT_PRICE).s,
                   is_buy ? amount(&back, PC_UNIT_EEURO).s : amount(&o->quantity, PC_UNIT_ENT).s);
        return;
    }
    say(x->out, EFFECT_WHAT, "%s", what.s);
    if (book)
        say(x->out, EFFECT_WARNING, "the book holds no open %s order #%s of yours", side,
            id_text);
}

/* ---- votes ---- */

/* The proposal this call votes on, as the governance replay keys it. */
static view_proposal as_proposal(const effect_ctx *x, view_proposal_kind kind)
{
    view_proposal p;
    memset(&p, 0, sizeof p);
    p.kind = kind;
    if (kind == VIEW_SET_PARAMETER) {
        p.param = (char)x->arg[0].bytes[0];
        p.value = x->arg[1].num;
    } else if (kind != VIEW_DESTROY) {
        p.target = x->arg[0].addr;
        if (kind == VIEW_REGISTER_UNIT)
            p.owner = x->arg[1].addr;
    }
    return p;
}

static bool same_call(const view_proposal *a, const view_proposal *b)
{
    return a->kind == b->kind && eth_address_equal(&a->target, &b->target) &&
           eth_address_equal(&a->owner, &b->owner) && a->param == b->param &&
           u256_cmp(&a->value, &b->value) == 0;
}

/* What the call does to the account's vote: a vote call toggles the
 * caller's side on the open proposal (PROTOCOL.md, Voting), or proposes. */
static void vote_side(const effect_ctx *x, const view_proposal *call)
{
    const effect_call *c = x->c;
    if (!c->past) {
        say(x->out, EFFECT_WHAT, "votes on it (the history is not read yet: whether this adds "
                                 "your vote or turns it around is unknown)");
        return;
    }
    const view_governance *g = &c->past->governance;
    bool passed_before = false;
    for (size_t i = 0; i < g->nproposals; i++) {
        const view_proposal *p = &g->proposals[i];
        if (!same_call(p, call))
            continue;
        if (p->passed) {
            passed_before = true;
            continue;
        }
        const wallet_state *s = c->state;
        if (!s || !s->is_voter || (s->missing & WALLET_SEC_VOTES)) {
            say(x->out, EFFECT_WHAT, "turns your vote around (your side could not be read)");
            return;
        }
        for (size_t v = 0; v < s->nvotes; v++)
            if (strcmp(s->votes[v].text, p->vote) == 0) {
                say(x->out, EFFECT_WHAT, "%s", s->votes[v].in_favour ? "turns your vote against"
                                                                     : "turns your vote in favour");
                return;
            }
        say(x->out, EFFECT_WHAT, "adds your vote in favour");
        return;
    }
    say(x->out, EFFECT_WHAT, "%s", passed_before ? "proposes again a passed change"
                                                 : "proposes it, with your vote in favour");
}

/* What the call does to the account's vote, then the proposal: the
 * method table's sentence and `after` (a figure the snapshot adds). */
static void vote_on(effect_ctx *x, view_proposal_kind kind, const char *after)
{
    view_proposal call = as_proposal(x, kind);
    vote_side(x, &call);
    say(x->out, EFFECT_WHAT, "the proposal: %s%s", intent(x).s, after);
}

static void add_voter(effect_ctx *x)
{
    vote_on(x, VIEW_ADD_VOTER, "");
    check_address(x, 0, 0);
}

static void remove_voter(effect_ctx *x)
{
    vote_on(x, VIEW_REMOVE_VOTER, "");
    check_address(x, 0, 0);
}

static void register_unit(effect_ctx *x)
{
    vote_on(x, VIEW_REGISTER_UNIT, "");
    check_address(x, 0, 0);
    check_address(x, 1, OWN_OK);
}

static void remove_unit(effect_ctx *x)
{
    vote_on(x, VIEW_REMOVE_UNIT, "");
    check_address(x, 0, NEED_UNIT);
}

static void change_banker(effect_ctx *x)
{
    vote_on(x, VIEW_CHANGE_BANKER, "");
    check_address(x, 0, OWN_OK);
}

/* The proposal, and the parameter's value now. */
static void set_parameter(effect_ctx *x)
{
    static const struct { char name; int index; } PARAMS[] = {
        { 'M', WALLET_PARAM_M }, { 'B', WALLET_PARAM_B }, { 'C', WALLET_PARAM_C },
        { 'H', WALLET_PARAM_H }, { 'F', WALLET_PARAM_F },
    };
    const char *name = (const char *)x->arg[0].bytes;
    char now[PC_UNIT_TEXT_MAX + 8] = "";
    for (size_t i = 0; i < sizeof PARAMS / sizeof PARAMS[0]; i++)
        if (PARAMS[i].name == name[0] && has(x->c, WALLET_SEC_PARAMS))
            snprintf(now, sizeof now, " (now %s)",
                     amount(&x->c->state->params[PARAMS[i].index],
                            pc_method_unit(pc_method_get(PC_FN_GET_PARAMETERS), name)).s);
    vote_on(x, VIEW_SET_PARAMETER, now);
}

static void destroy(effect_ctx *x)
{
    vote_on(x, VIEW_DESTROY, "");
}

/* ---- fee and balance ---- */

static void fee(const effect_call *c, effect_lines *out)
{
    u256 total, limit = u256_from_u64(c->gas_limit);
    char gwei[U256_DEC_MAX + 2], coin[U256_DEC_MAX + 2];
    u256_format_fixed(&c->max_fee_per_gas, 9, gwei);
    if (!u256_mul(&total, &limit, &c->max_fee_per_gas)) {
        say(out, EFFECT_WARNING, "the fee overflows: %llu gas x %s gwei",
            (unsigned long long)c->gas_limit, gwei);
        return;
    }
    u256_format_fixed(&total, 18, coin);
    say(out, EFFECT_FEE, "fee at most %s " COIN " (%llu gas x %s gwei)", coin,
        (unsigned long long)c->gas_limit, gwei);
    const wallet_state *s = c->state;
    if (!s || !s->has_account || !eth_address_equal(&s->account, &c->own) ||
        (s->missing & WALLET_SEC_COIN)) {
        say(out, EFFECT_BALANCE, "your " COIN " balance could not be read");
        return;
    }
    char have[U256_DEC_MAX + 2];
    u256_format_fixed(&s->coin, 18, have);
    say(out, EFFECT_BALANCE, "your balance %s " COIN, have);
    if (u256_cmp(&total, &s->coin) > 0)
        say(out, EFFECT_WARNING, "the fee can reach %s " COIN ", more than the %s " COIN
                                 " you hold: the node will refuse it", coin, have);
}

/* ---- the simulation ---- */

/* What the node's simulation says: the contract's refusal first, then its
 * texts, the figures it changes, and what it could not simulate. */
static void simulation(const effect_call *c, effect_lines *out)
{
    const wallet_sim *sim = c->sim;
    if (!sim) {
        if (c->no_sim)
            say(out, EFFECT_NOTE, "not simulated: %s", c->no_sim);
        return;
    }
    char why[EFFECT_LINE_MAX];
    if (wallet_sim_refusal(sim, why, sizeof why)) {
        out->refused = true;
        say(out, EFFECT_WARNING, "the contract would refuse it: %s", why);
    }
    for (size_t i = 0; i < sim->ntexts; i++)
        say_as(out, EFFECT_TEXT, EFFECT_SIMULATED, "%s: %s", sim->texts[i].is_error ? "Error" : "Info", sim->texts[i].text);
    if (sim->outcome == WALLET_SIM_REVERTED)
        say_as(out, EFFECT_TEXT, EFFECT_SIMULATED, "reverted: %s",
                  sim->revert_reason ? sim->revert_reason : "no reason given");
    else if (sim->has_texts && sim->ntexts == 0)
        say_as(out, EFFECT_TEXT, EFFECT_SIMULATED, "%s", "no Info or Error text");
    for (size_t i = 0; i < sim->nfigures; i++) {
        const wallet_figure *f = &sim->figures[i];
        if (!wallet_figure_changed(f))
            continue;
        char before[PC_UNIT_TEXT_MAX], after[PC_UNIT_TEXT_MAX];
        wallet_figure_format(f->what, &f->before, before, sizeof before);
        wallet_figure_format(f->what, &f->after, after, sizeof after);
        if (eth_address_equal(&f->account, &c->contract))
            say_as(out, EFFECT_CHANGE, EFFECT_SIMULATED, "%s %s -> %s",
                 wallet_figure_name(f->what), before, after);
        else
            say_as(out, EFFECT_CHANGE, EFFECT_SIMULATED, "%s: %s %s -> %s",
                 who(c, &f->account).s, wallet_figure_name(f->what), before, after);
    }
    char note[EFFECT_LINE_MAX];
    wallet_sim_unsimulated(sim, note, sizeof note);
    if (note[0])
        say(out, EFFECT_NOTE, "%s", note);
}

/* ---- by function ---- */

/* Says what a call of x->m does; false when this module does not know. */
static bool describe(effect_ctx *x)
{
    switch (x->m->id) {
    case PC_FN_TRANSFER_ENT:
    case PC_FN_TRANSFER_EEURO: transfer(x); return true;
    case PC_FN_LOCK_EEURO: lock_eeuro(x); return true;
    case PC_FN_MINT_EEURO:
    case PC_FN_BURN_EEURO:
    case PC_FN_UNLOCK_EEURO: banker_call(x); return true;
    case PC_FN_START_CONSUMPTION_SESSION: start_session(x); return true;
    case PC_FN_CLEAR_OLD_SESSIONS: clear_sessions(x); return true;
    case PC_FN_ENERGY_PRODUCED: produced(x); return true;
    case PC_FN_ENERGY_CONSUMED: consumed(x); return true;
    case PC_FN_REPORT_ACTUAL_ENERGY: actual(x); return true;
    case PC_FN_ADD_ORDER: add_order(x); return true;
    case PC_FN_REMOVE_ORDER: remove_order(x); return true;
    case PC_FN_ADD_VOTER: add_voter(x); return true;
    case PC_FN_REMOVE_VOTER: remove_voter(x); return true;
    case PC_FN_REGISTER_STORAGE_UNIT: register_unit(x); return true;
    case PC_FN_REMOVE_STORAGE_UNIT: remove_unit(x); return true;
    case PC_FN_CHANGE_BANKER: change_banker(x); return true;
    case PC_FN_SET_PARAMETER: set_parameter(x); return true;
    case PC_FN_DESTROY: destroy(x); return true;
    default: return false;
    }
}

/* Parses the arguments; false with a warning naming the bad one. */
static bool parse_args(effect_ctx *x)
{
    const effect_call *c = x->c;
    if (c->nargs != x->m->nargs) {
        say(x->out, EFFECT_WARNING, "%s takes %zu arguments, not %zu", x->m->name, x->m->nargs,
            c->nargs);
        return false;
    }
    for (size_t i = 0; i < c->nargs; i++) {
        pc_error e = { 0 };
        const char *param = i > 0 ? c->args[0] : NULL;
        if (pc_parse_arg(x->m->args[i], c->args[i], param, &x->arg[i], &e) != PC_OK) {
            say(x->out, EFFECT_WARNING, "cannot tell what it does: %s", e.msg);
            return false;
        }
    }
    return true;
}

void effect_describe(const effect_call *c, effect_lines *out)
{
    out->n = 0;
    out->refused = false;
    effect_ctx x = { .c = c, .m = c->method, .out = out };
    if (!x.m || x.m->kind == PC_READ)
        say(out, EFFECT_WARNING, "%s: no description of what it does", x.m ? x.m->name : "");
    else if (parse_args(&x) && !describe(&x))
        say(out, EFFECT_WARNING, "%s: no description of what it does", x.m->name);
    for (size_t a = 0; x.m && a < x.m->nargs && a < c->nargs; a++)
        abi_value_free(&x.arg[a]);
    simulation(c, out);
    fee(c, out);
}
