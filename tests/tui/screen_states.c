#include "screen_states.h"

#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "wallet/roles.h"

/* ---- small helpers ---- */

static char *keep(world *w, const char *text)
{
    if (w->nstrings == w->strings_cap) {
        w->strings_cap = w->strings_cap ? w->strings_cap * 2 : 64;
        w->strings = realloc(w->strings, w->strings_cap * sizeof *w->strings);
        if (!w->strings)
            abort();
    }
    char *s = strdup(text);
    if (!s)
        abort();
    return w->strings[w->nstrings++] = s;
}

static char *keepf(world *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *keepf(world *w, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return keep(w, buf);
}

/* A different address for each n (n = 0 is the account's). */
static eth_address addr(unsigned n)
{
    eth_address a;
    uint32_t x = 0x9e3779b9u * (n + 1);
    for (int i = 0; i < 20; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        a.b[i] = (uint8_t)x;
    }
    return a;
}

static u256 dec(const char *text)
{
    u256 v;
    if (u256_parse_dec(text, strlen(text), &v, NULL) != PC_OK)
        abort();
    return v;
}

static u256 fixed(const char *text)
{
    u256 v;
    if (u256_parse_fixed(text, 18, &v, NULL) != PC_OK)
        abort();
    return v;
}

#define MAX_WEI "115792089237316195423570985008687907853269984665640564039457584007913129639935"

/* Amounts of every width: 1 wei, 18 decimals, whole, 2^256 - 1 wei. */
static u256 amount(unsigned i)
{
    static const char *const AMOUNTS[] = {
        "1", "1123456789012345678", "1000000000000000000", MAX_WEI,
        "1234567891234567891234567", "98765432109886123456789012345678", "500000000000000000",
        "100000000000000000000000000000000000000000", "8100000000000000000", "7",
    };
    return dec(AMOUNTS[i % (sizeof AMOUNTS / sizeof AMOUNTS[0])]);
}

/* A name of exactly 64 characters, different for each n. */
static const char *long_name(world *w, unsigned n)
{
    static const char *const WORDS[] = { "alice", "bob", "carol", "dave", "erin", "frank",
                                         "grace", "heidi", "ivan", "judy", "mallory", "oscar" };
    char name[65];
    snprintf(name, sizeof name, "%s-%s-who-has-a-name-long-enough-to-fill-any-column-there-is",
             WORDS[n % 12], WORDS[(n / 12) % 12]);
    size_t len = strlen(name);
    memset(name + len, 'z', 64 - len);
    name[64] = '\0';
    return keep(w, name);
}

/* ---- the history ---- */

typedef struct rec_opts {
    history_outcome outcome;
    const char *text;
} rec_opts;

/* Appends a record of method(args) sent by `from`, args as people type them. */
static void rec(world *w, const eth_address *from, rec_opts o, const char *method, ...)
{
    if (w->ntxs == w->txs_cap) {
        w->txs_cap = w->txs_cap ? w->txs_cap * 2 : 256;
        w->txs = realloc(w->txs, w->txs_cap * sizeof *w->txs);
        if (!w->txs)
            abort();
    }
    history_tx *t = &w->txs[w->ntxs];
    memset(t, 0, sizeof *t);
    t->block = 1000 + w->ntxs / 3;
    t->index = (uint32_t)(w->ntxs % 3);
    t->time = 1764000000 + 12 * t->block;
    for (int i = 0; i < 32; i++)
        t->hash[i] = (uint8_t)(w->ntxs * 7 + (size_t)i * 13);
    t->from = *from;
    t->outcome = o.outcome;
    t->text = strdup(o.text ? o.text : "");
    if (!method) {
        t->is_creation = true;
    } else {
        const pc_method *m = pc_method_find(method);
        if (!m)
            abort();
        t->method = m;
        t->args.kind = ABI_TUPLE;
        t->args.items = calloc(m->nargs ? m->nargs : 1, sizeof *t->args.items);
        t->args.count = m->nargs;
        va_list ap;
        va_start(ap, method);
        const char *param = NULL;
        for (size_t i = 0; i < m->nargs; i++) {
            const char *text = va_arg(ap, const char *);
            pc_error e = { 0 };
            if (pc_parse_arg(m->args[i], text, param, &t->args.items[i], &e) != PC_OK) {
                fprintf(stderr, "screen_states: %s argument %zu '%s': %s\n", method, i, text,
                        e.msg);
                abort();
            }
            if (m->args[i] == PC_ARG_PARAM_NAME)
                param = text;
        }
        va_end(ap);
    }
    w->ntxs++;
}

static const char *hex_of(world *w, const eth_address *a)
{
    char t[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, t);
    return keep(w, t);
}

#define REC_OK ((rec_opts){ HISTORY_OK, NULL })

/* A text of 200 characters with figures and a bare address in it, as a
 * contract's Info texts are. */
static const char *long_text(world *w, unsigned n)
{
    char a[ETH_ADDRESS_TEXT_LEN];
    eth_address x = addr(n);
    eth_address_to_checksum(&x, a);
    char t[256];
    snprintf(t, sizeof t,
             "Energy consumed >> 1000 Wh by %s: 1 session closed, 0.000000000000000001 ENT "
             "returned and 1234567.891234567891234567 eEuro locked for the order that waits "
             "for its match",
             a + 2);
    t[200] = '\0';
    return keep(w, t);
}

/* ---- the worlds ---- */

static void add_contacts(world *w, unsigned n, bool long_names)
{
    for (unsigned i = 0; i < n; i++) {
        eth_address a = addr(i);
        const char *name = long_names ? long_name(w, i) : keepf(w, "%c", 'a' + (char)i);
        if (names_add_contact(w->book, name, &a, NULL) != PC_OK)
            abort();
    }
}

static void state_base(world *w)
{
    wallet_state *s = w->snap = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->chain_id = 4200;
    s->block = 4321;
    s->block_time = 1764000000 + 12 * 4321;
    s->has_account = true;
    s->account = addr(0);
    s->banker = addr(0);
    s->is_voter = true;
}

static void build_demo(world *w)
{
    add_contacts(w, 5, false);
    state_base(w);
    wallet_state *s = w->snap;
    s->ent_available = fixed("2.143");
    s->eeuro_available = fixed("0.95");
    s->eeuro_locked = fixed("8.1");
    s->total_ent = fixed("2.143");
    s->total_eeuro = fixed("10");
    s->total_wh = dec("2143");
    s->mint_cost = fixed("0.5");
    s->burn_cost = fixed("0.5");
    s->params[WALLET_PARAM_M] = fixed("0.5");
    s->params[WALLET_PARAM_B] = fixed("0.5");
    s->params[WALLET_PARAM_C] = fixed("0.05");
    s->params[WALLET_PARAM_H] = u256_from_u64(7200);
    s->params[WALLET_PARAM_F] = fixed("0.2");
    s->nunits = 2;
    s->units = calloc(2, sizeof *s->units);
    s->units[0] = (wallet_unit){ addr(3), dec("1143") };
    s->units[1] = (wallet_unit){ addr(4), dec("1000") };
    s->nbuys = 1;
    s->buys = calloc(1, sizeof *s->buys);
    s->buys[0] = (wallet_order){ u256_zero(), addr(0), fixed("1"), fixed("8.1") };
    s->nsessions = 1;
    s->sessions = calloc(1, sizeof *s->sessions);
    s->sessions[0] = (wallet_session){ strdup("1"), dec("1000"), s->block_time - 600, addr(3) };
    eth_address a = addr(0), b = addr(1), c = addr(2), u1 = addr(3), u2 = addr(4);
    rec(w, &a, REC_OK, NULL);
    rec(w, &a, REC_OK, "addVoter", hex_of(w, &b));
    rec(w, &a, REC_OK, "registerStorageUnit", hex_of(w, &u1), hex_of(w, &c));
    rec(w, &b, REC_OK, "registerStorageUnit", hex_of(w, &u1), hex_of(w, &c));
    rec(w, &a, REC_OK, "registerStorageUnit", hex_of(w, &u2), hex_of(w, &c));
    rec(w, &b, REC_OK, "registerStorageUnit", hex_of(w, &u2), hex_of(w, &c));
    rec(w, &u1, (rec_opts){ HISTORY_OK, "Energy produced >> 10000 Wh" }, "energyProduced",
        hex_of(w, &a), "10000");
    rec(w, &c, (rec_opts){ HISTORY_OK, "Order added >> sell #0: 1.9 ENT at 0.5 eEuro/ENT" },
        "addOrder", "0.5", "1.9", "sell");
    rec(w, &a, (rec_opts){ HISTORY_OK, "Order added >> buy #0: 10 ENT at 1 eEuro/ENT\nTrade >> "
                                       "1.9 ENT" },
        "addOrder", "1", "10", "buy");
}

static void build_adversarial(world *w)
{
    enum { CONTACTS = 40, UNITS = 200, ORDERS = 2000, SESSIONS = 30, REQUESTS = 60 };
    add_contacts(w, CONTACTS, true);
    state_base(w);
    wallet_state *s = w->snap;
    s->ent_available = dec(MAX_WEI);
    s->ent_locked = dec("1");
    s->eeuro_available = dec("1123456789012345678");
    s->eeuro_locked = dec(MAX_WEI);
    s->coin = dec(MAX_WEI);
    s->total_ent = dec(MAX_WEI);
    s->total_eeuro = dec("98765432109886123456789012345678");
    s->total_wh = dec(MAX_WEI);
    s->mint_cost = dec("1");
    s->burn_cost = dec("123456789012345678");
    s->params[WALLET_PARAM_M] = dec("1");
    s->params[WALLET_PARAM_B] = dec("123456789012345678");
    s->params[WALLET_PARAM_C] = dec(MAX_WEI);
    s->params[WALLET_PARAM_H] = u256_from_u64(7200);
    s->params[WALLET_PARAM_F] = dec("1");
    /* The account is a unit too: every page has something to show. */
    s->nunits = UNITS;
    s->units = calloc(UNITS, sizeof *s->units);
    for (unsigned i = 0; i < UNITS; i++)
        s->units[i] = (wallet_unit){ addr(i == 0 ? 0 : 100 + i), amount(i) };
    s->nsessions = SESSIONS;
    s->sessions = calloc(SESSIONS, sizeof *s->sessions);
    for (unsigned i = 0; i < SESSIONS; i++)
        s->sessions[i] = (wallet_session){ strdup("7"), amount(i + 3),
                                           s->block_time - 1000 * i, addr(100 + i) };
    s->sells = calloc(ORDERS / 2, sizeof *s->sells);
    s->buys = calloc(ORDERS / 2, sizeof *s->buys);
    for (unsigned i = 0; i < ORDERS; i++) {
        bool buy = i % 2;
        wallet_order o = { u256_from_u64(i / 2), addr(i % (CONTACTS + 7)), amount(i * 7 + 1),
                           amount(i * 3 + 2) };
        if (buy)
            s->buys[s->nbuys++] = o;
        else
            s->sells[s->nsells++] = o;
    }
    /* The history: voters, units, passed and open proposals, the banker,
     * eEuro minted and locked to withdraw, trades, readings and texts. */
    eth_address a = addr(0), b = addr(1), c = addr(2);
    rec(w, &a, REC_OK, NULL);
    rec(w, &a, REC_OK, "addVoter", hex_of(w, &b));
    rec(w, &a, REC_OK, "addVoter", hex_of(w, &c));
    rec(w, &b, REC_OK, "addVoter", hex_of(w, &c));
    for (unsigned i = 0; i < 24; i++) {
        eth_address u = addr(i == 0 ? 0 : 100 + i), o = addr(i % CONTACTS);
        rec(w, &a, REC_OK, "registerStorageUnit", hex_of(w, &u), hex_of(w, &o));
        rec(w, &b, REC_OK, "registerStorageUnit", hex_of(w, &u), hex_of(w, &o));
    }
    rec(w, &a, REC_OK, "changeBanker", hex_of(w, &a));
    rec(w, &b, REC_OK, "changeBanker", hex_of(w, &a));
    rec(w, &a, REC_OK, "setParameter", "C", "0.123456789012345678");
    rec(w, &b, REC_OK, "setParameter", "C", "0.123456789012345678");
    rec(w, &a, REC_OK, "setParameter", "H", "3");
    rec(w, &b, REC_OK, "setParameter", "H", "3");
    for (unsigned i = 0; i < 20; i++) { /* open: one vote of three */
        eth_address x = addr(300 + i);
        rec(w, i % 2 ? &b : &a, REC_OK, i % 3 ? "addVoter" : "removeStorageUnit", hex_of(w, &x));
    }
    rec(w, &a, REC_OK, "minteEuro", hex_of(w, &b), "98765432109886.123456789012345678");
    rec(w, &a, REC_OK, "minteEuro", hex_of(w, &c), "0.000000000000000001");
    for (unsigned i = 0; i < REQUESTS; i++) {
        eth_address x = addr(i % CONTACTS + (i >= CONTACTS ? 500 : 0));
        char amt[U256_DEC_MAX];
        u256 v = amount(i);
        u256_format_fixed(&v, 18, amt);
        rec(w, &x, REC_OK, "lockeEuro", keep(w, amt));
    }
    rec(w, &c, REC_OK, "addOrder", "0.000000000000000001", "1.123456789012345678", "sell");
    rec(w, &b, REC_OK, "addOrder", "1234567.891234567891234567", "0.000000000000000001", "buy");
    rec(w, &c, REC_OK, "addOrder", "98765432109886.123456789012345678", "8.1", "sell");
    rec(w, &b, REC_OK, "addOrder", "98765432109886.123456789012345678", "1", "buy");
    for (unsigned i = 0; i < 40; i++) {
        eth_address x = addr(i % CONTACTS);
        rec(w, &a, (rec_opts){ i % 5 ? HISTORY_OK : HISTORY_ERROR, long_text(w, i) },
            "energyProduced", hex_of(w, &x), i % 2 ? "1" : "98765432109886123456789");
        rec(w, &a, REC_OK, "energyConsumed", hex_of(w, &x), "7857");
        rec(w, &x, REC_OK, "startConsumptionSession", hex_of(w, &a), "1.123456789012345678");
    }
    rec(w, &b, (rec_opts){ HISTORY_REVERTED, "" }, "transferENT", hex_of(w, &c),
        "0.000000000000000001");
    rec(w, &b, (rec_opts){ HISTORY_ERROR, long_text(w, 99) }, "transfereEuro", hex_of(w, &c),
        "98765432109886.123456789012345678");
    rec(w, &a, REC_OK, "reportActualEnergy", "98765432109886123456789");
    /* The account's own sessions, expired long since: their ENT stays
     * locked until clearOldSessions. */
    for (unsigned i = 1; i < 4; i++) {
        eth_address u = addr(100 + i);
        rec(w, &u, REC_OK, "energyProduced", hex_of(w, &a), "98765432109886123456789");
        rec(w, &a, REC_OK, "startConsumptionSession", hex_of(w, &u), "1.123456789012345678");
    }
    /* Six proposals passed at the end: the newest must be reachable. */
    for (unsigned i = 0; i < 6; i++) {
        eth_address x = addr(700 + i);
        rec(w, &a, REC_OK, "registerStorageUnit", hex_of(w, &x), hex_of(w, &c));
        rec(w, &b, REC_OK, "registerStorageUnit", hex_of(w, &x), hex_of(w, &c));
    }
    /* SCREENCHECK_RECORDS=N (with SCREENCHECK_BENCH): N readings more, over
     * every unit, as bench/tui-scale.sh's deployment has. */
    const char *more = getenv("SCREENCHECK_RECORDS");
    for (unsigned i = 0, n = more ? (unsigned)atoi(more) : 0; i < n; i++) {
        eth_address u = addr(i % UNITS == 0 ? 0 : 100 + i % UNITS);
        rec(w, &a, REC_OK, "energyProduced", hex_of(w, &u), "1000");
    }
}

static void build_empty(world *w)
{
    state_base(w);
    w->snap->is_voter = false;
    w->snap->banker = (eth_address){ { 0 } };
    eth_address a = addr(0);
    rec(w, &a, REC_OK, NULL);
}

/* ---- the keystore, this session's transactions, the app ---- */

static void add_accounts(world *w, world_kind kind)
{
    size_t n = kind == WORLD_ADVERSARIAL ? 45 : kind == WORLD_DEMO ? 5 : 0;
    w->naccounts = n;
    w->accounts = calloc(n ? n : 1, sizeof *w->accounts);
    for (size_t i = 0; i < n; i++) {
        keystore_account *k = &w->accounts[i];
        k->file = keepf(w, "UTC--2026-%zu", i);
        k->path = k->file;
        k->has_address = i % 9 != 4;
        k->address_learnt = i % 9 == 4;
        k->address = addr((unsigned)i);
        k->name = kind == WORLD_ADVERSARIAL ? long_name(w, (unsigned)i) : keepf(w, "%c", 'a' + (char)i);
        k->problem = i % 9 == 7 ? PC_EINPUT : PC_OK;
        k->problem_msg = i % 9 == 7 ? long_text(w, (unsigned)i) : NULL;
    }
}

static void add_session(world *w, world_kind kind)
{
    if (kind != WORLD_ADVERSARIAL)
        return;
    /* Signing, pending, mined and failed. */
    static const tui_action_state STATES[] = { TUI_ACTION_SENDING, TUI_ACTION_WAITING,
                                               TUI_ACTION_DONE, TUI_ACTION_DONE };
    w->nsession = 4;
    w->session = calloc(4, sizeof *w->session);
    for (size_t i = 0; i < 4; i++) {
        tui_action *r = &w->session[i];
        r->id = (unsigned)i + 1;
        r->state = STATES[i];
        r->failed = i == 3;
        snprintf(r->call.description, sizeof r->call.description,
                 "sells 98765432109886.123456789012345678 ENT at 0.000000000000000001 eEuro/ENT "
                 "to %s", long_name(w, (unsigned)i));
        r->has_hash = i > 0;
        for (int k = 0; k < 32; k++)
            r->hash[k] = (uint8_t)(i * 31 + (size_t)k);
        r->block = i == 2 ? 4320 : 0;
        snprintf(r->outcome, sizeof r->outcome, "%s", i >= 2 ? long_text(w, (unsigned)i) : "");
    }
}

/* Every figure the world holds, as pages may show it. */
static void see_figures(world *w)
{
    figures *f = w->figs;
    const wallet_state *s = w->snap;
    const u256 *ent[] = { &s->ent_available, &s->ent_locked, &s->total_ent };
    for (size_t i = 0; i < 3; i++)
        figures_amount(f, ent[i], PC_UNIT_ENT);
    const u256 *eeuro[] = { &s->eeuro_available, &s->eeuro_locked, &s->total_eeuro };
    for (size_t i = 0; i < 3; i++)
        figures_amount(f, eeuro[i], PC_UNIT_EEURO);
    figures_amount(f, &s->total_wh, PC_UNIT_WH);
    /* What the account holds, locked included (the Charts page's check). */
    u256 held;
    if (u256_add(&held, &s->ent_available, &s->ent_locked))
        figures_amount(f, &held, PC_UNIT_ENT);
    if (u256_add(&held, &s->eeuro_available, &s->eeuro_locked))
        figures_amount(f, &held, PC_UNIT_EEURO);
    figures_amount(f, &s->mint_cost, PC_UNIT_COST);
    figures_amount(f, &s->burn_cost, PC_UNIT_COST);
    static const pc_unit PARAM_UNITS[WALLET_NPARAMS] = { PC_UNIT_COST, PC_UNIT_COST,
                                                         PC_UNIT_FRACTION, PC_UNIT_SECONDS,
                                                         PC_UNIT_FRACTION };
    for (int p = 0; p < WALLET_NPARAMS; p++)
        figures_amount(f, &s->params[p], PARAM_UNITS[p]);
    for (size_t i = 0; i < s->nunits; i++)
        figures_amount(f, &s->units[i].wh, PC_UNIT_WH);
    for (size_t i = 0; i < s->nsessions; i++) {
        figures_amount(f, &s->sessions[i].wh, PC_UNIT_WH);
        uint64_t left = wallet_session_seconds_left(s, s->sessions[i].timestamp);
        u256 l = u256_from_u64(left ? (left + 59) / 60 * 60 : 0);
        figures_amount(f, &l, PC_UNIT_SECONDS);
    }
    const wallet_order *books[] = { s->sells, s->buys };
    size_t counts[] = { s->nsells, s->nbuys };
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < counts[side]; i++) {
            figures_amount(f, &books[side][i].price, PC_UNIT_PRICE);
            figures_amount(f, &books[side][i].quantity, PC_UNIT_ENT);
        }
    u256 stored, pegged;
    wallet_peg(s, &stored, &pegged);
    figures_amount(f, &pegged, PC_UNIT_ENT);
    /* The spread: the lowest sell against the highest buy. */
    if (s->nsells && s->nbuys) {
        u256 ask = s->sells[0].price, bid = s->buys[0].price, d;
        for (size_t i = 1; i < s->nsells; i++)
            if (u256_cmp(&s->sells[i].price, &ask) < 0)
                ask = s->sells[i].price;
        for (size_t i = 1; i < s->nbuys; i++)
            if (u256_cmp(&s->buys[i].price, &bid) > 0)
                bid = s->buys[i].price;
        if (u256_sub(&d, &ask, &bid))
            figures_amount(f, &d, PC_UNIT_PRICE);
    }
    const wallet_past *p = &w->past;
    /* What the account's locked eEuro backs (Tokens): its buys' lock, and
     * what is left after them and its withdrawal request. */
    u256 backs, rest;
    if (wallet_orders_locked_eeuro(s->buys, s->nbuys, &s->account, &backs)) {
        figures_amount(f, &backs, PC_UNIT_EEURO);
        for (size_t i = 0; i < p->withdrawals.count; i++)
            if (eth_address_equal(&p->withdrawals.items[i].account, &s->account) &&
                !u256_add(&backs, &backs, &p->withdrawals.items[i].amount))
                backs = s->eeuro_locked; /* past the range: nothing left to show */
        if (u256_sub(&rest, &s->eeuro_locked, &backs))
            figures_amount(f, &rest, PC_UNIT_EEURO);
    }
    for (size_t i = 0; i < p->nsessions; i++)
        figures_amount(f, &p->sessions[i].ent, PC_UNIT_ENT);
    for (size_t i = 0; i < p->withdrawals.count; i++)
        figures_amount(f, &p->withdrawals.items[i].amount, PC_UNIT_EEURO);
    for (size_t i = 0; i < p->market.nfills; i++) {
        figures_amount(f, &p->market.fills[i].price, PC_UNIT_PRICE);
        figures_amount(f, &p->market.fills[i].quantity, PC_UNIT_ENT);
    }
    for (size_t i = 0; i < p->governance.nproposals; i++) {
        char t[400];
        view_proposal_describe(&p->governance.proposals[i], t, sizeof t);
        figures_text(f, t);
        view_proposal_tally(&p->governance.proposals[i], t, sizeof t);
        figures_text(f, t);
    }
    for (size_t i = 0; i < w->ntxs; i++) {
        char t[1024];
        figures_text(f, w->txs[i].text);
        screen_call_text(&w->app, &w->txs[i], true, INT_MAX, t, sizeof t);
        figures_text(f, t);
    }
    for (size_t i = 0; i < w->nsession; i++) {
        figures_text(f, w->session[i].call.description);
        figures_text(f, w->session[i].outcome);
    }
    for (size_t i = 0; i < w->naccounts; i++)
        if (w->accounts[i].problem_msg)
            figures_text(f, w->accounts[i].problem_msg);
    /* The charts' points, and the sums a bar of them may show. */
    const series_set *r = &p->series;
    const series *all[] = { &r->prices, &r->volumes, &r->eeuro, &r->energy.ent, &r->energy.wh,
                            &r->energy.mint_cost, &r->energy.burn_cost, &r->energy.account_ent,
                            &r->my_eeuro };
    const pc_unit units[] = { PC_UNIT_PRICE, PC_UNIT_ENT, PC_UNIT_EEURO, PC_UNIT_ENT,
                              PC_UNIT_WH, PC_UNIT_COST, PC_UNIT_COST, PC_UNIT_ENT,
                              PC_UNIT_EEURO };
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        for (size_t i = 0; i < all[k]->count; i++) {
            figures_amount(f, &all[k]->points[i].value, units[k]);
            u256 sum = all[k]->points[i].value;
            for (size_t j = i + 1; all[k] == &r->volumes && j < all[k]->count; j++)
                if (u256_add(&sum, &sum, &all[k]->points[j].value))
                    figures_amount(f, &sum, units[k]);
        }
    for (size_t u = 0; u < r->energy.nunits; u++)
        for (size_t i = 0; i < r->energy.units[u].wh.count; i++)
            figures_amount(f, &r->energy.units[u].wh.points[i].value, PC_UNIT_WH);
    u256 zero = u256_zero();
    figures_amount(f, &zero, PC_UNIT_ENT);
    figures_amount(f, &zero, PC_UNIT_EEURO);
    figures_amount(f, &zero, PC_UNIT_WH);
}

static const char *const NETWORKS[] = { "devnet", "site", "sepolia" };

/* What waits for the account (every fill unseen, a peg threshold of
 * 1 wei), and two nodes' health, as the panel would be given them; their
 * texts' figures are the state's. */
static bool add_waits_and_nodes(world *w, world_kind kind)
{
    series_peg_detail peg = { .sessions = w->past.sessions, .nsessions = w->past.nsessions };
    waiting_input in = { .state = w->snap, .past = &w->past, .peg = &peg,
                         .account = w->snap->account, .has_peg_threshold = true,
                         .peg_threshold = u256_from_u64(1), .book = w->book };
    if (waiting_compute(&in, &w->waits, NULL) != PC_OK)
        return false;
    for (size_t i = 0; i < w->waits.count; i++)
        world_see(w, w->waits.items[i].text);
    w->app.waits = &w->waits;
    if (kind == WORLD_EMPTY)
        return true; /* not probed yet */
    nodes_report *r = &w->nodes;
    r->count = 2;
    r->node[0] = (node_health){ .up = true, .has_client = true, .chain_id = 4200,
                                .has_genesis = true, .genesis = { 0xb0, 0xf6, 0x89, 0xa0 },
                                .head = w->snap->block, .latency_us = 412, .has_syncing = true };
    snprintf(r->node[0].shown, sizeof r->node[0].shown, "http://127.0.0.1:8545");
    snprintf(r->node[0].client, sizeof r->node[0].client, "anvil/v1.7.1");
    snprintf(r->node[1].shown, sizeof r->node[1].shown, "%s",
             kind == WORLD_ADVERSARIAL ? "https://a-very-long-host-name.example.org:18545"
                                       : "http://127.0.0.1:8546");
    snprintf(r->node[1].why, sizeof r->node[1].why,
             "cannot reach node at %.60s: Failed to connect after 0 ms: Couldn't connect to "
             "server", r->node[1].shown);
    char figs[NODES_WHY_MAX + NODES_CLIENT_MAX + 64];
    snprintf(figs, sizeof figs, "#%llu 0 0.4 ms 4200 %s %s",
             (unsigned long long)w->snap->block, r->node[0].client, r->node[1].why);
    world_see(w, figs);
    w->app.nodes = r;
    return true;
}

bool world_build(world *w, world_kind kind)
{
    static const char *const NAMES[WORLD_COUNT] = { "demo", "adversarial", "empty" };
    memset(w, 0, sizeof *w);
    w->name = NAMES[kind];
    if (names_new(&w->book, NULL) != PC_OK || !(w->figs = figures_new()) ||
        pc_contract_from_address("0x5FbDB2315678afecb367f032d93F642f64180aa3", &w->contract,
                                 NULL) != PC_OK)
        return false;
    switch (kind) {
    case WORLD_DEMO: build_demo(w); break;
    case WORLD_ADVERSARIAL: build_adversarial(w); break;
    default: build_empty(w); break;
    }
    add_accounts(w, kind);
    add_session(w, kind);
    wallet_past *p = &w->past;
    p->head = w->snap->block;
    p->txs = w->txs;
    p->ntxs = w->ntxs;
    if (view_governance_replay(w->txs, w->ntxs, &p->governance, NULL) != PC_OK ||
        wallet_owners_from_governance(&p->governance, &p->owners, &p->nowners, NULL) != PC_OK ||
        view_withdrawals_replay(w->txs, w->ntxs, &p->withdrawals, NULL) != PC_OK ||
        view_market_replay(w->txs, w->ntxs, &p->market, NULL) != PC_OK ||
        series_set_replay(w->txs, w->ntxs, &p->governance, &p->market, &w->snap->account,
                          &p->series, NULL) != PC_OK)
        return false;
    p->has_series = true;
    series_sessions *ss = NULL;
    bool sessions_ok = series_sessions_new(&ss, NULL) == PC_OK &&
                       series_sessions_feed(ss, w->txs, w->ntxs, &p->governance, &p->market,
                                            NULL) == PC_OK &&
                       series_sessions_open(ss, &p->sessions, &p->nsessions, NULL) == PC_OK;
    series_sessions_free(ss);
    if (!sessions_ok)
        return false;
    eth_address a = addr(0);
    const char *account_name = kind == WORLD_ADVERSARIAL ? long_name(w, 0) : "a";
    w->app = (tui_app){
        .snap = w->snap, .past = p, .connected = true, .chain_id = 4200,
        .node = "http://127.0.0.1:8545", .contract = w->contract, .book = w->book,
        .wallet = { .has_account = true, .account = a, .name = account_name,
                    .unlocked_for = 299, .keystore = true, .accounts = w->accounts,
                    .naccounts = w->naccounts },
        .networks = NETWORKS, .nnetworks = 3, .network = "devnet",
        .txs = w->session, .ntxs = w->nsession, .clock_ms = 12345,
    };
    w->app.roles = wallet_roles(w->snap, &a, p->owners, p->nowners);
    see_figures(w);
    return add_waits_and_nodes(w, kind);
}

void world_see(world *w, const char *text) { figures_text(w->figs, text); }

void world_free(world *w)
{
    wallet_past *p = &w->past;
    free(p->owners);
    free(p->sessions);
    view_withdrawals_free(&p->withdrawals);
    view_governance_free(&p->governance);
    view_market_free(&p->market);
    series_set_free(&p->series);
    history_tx_free_all(w->txs, w->ntxs);
    wallet_state_free(w->snap);
    names_free(w->book);
    pc_contract_free(w->contract);
    free(w->accounts);
    free(w->session);
    for (size_t i = 0; i < w->nstrings; i++)
        free(w->strings[i]);
    free(w->strings);
    figures_free(w->figs);
    waiting_free(&w->waits);
    memset(w, 0, sizeof *w);
}
