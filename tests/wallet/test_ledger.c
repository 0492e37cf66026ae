/* One account's ledger (wallet/ledger.h) over PROTOCOL.md's worked figures
 * 1 to 8: each row's change by part, which rows the contract's rules
 * decide, and balances that end on the figures (A: 2.143 ENT, 0.95 eEuro
 * available and 8.1 locked in its open buy; C: 0 ENT, 0.95 eEuro). Then a
 * withdrawal the banker half burns and half unlocks, a removed buy that
 * frees what it held, a removed sell, and a transfer to oneself (no row). */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "synthetic.h"
#include "wallet/ledger.h"

static const char *signed_text(const ledger_amount *a)
{
    static char out[4][U256_DEC_MAX + 1];
    static int next;
    char *o = out[next++ % 4];
    o[0] = '-';
    u256_format_fixed(&a->value, 18, o + 1);
    return a->negative ? o : o + 1;
}

/* "ENT av/lk eEuro av/lk" of a row's changes. */
static const char *changes(const ledger_row *r)
{
    static char out[400];
    snprintf(out, sizeof out, "%s %s %s %s", signed_text(&r->change[0]),
             signed_text(&r->change[1]), signed_text(&r->change[2]), signed_text(&r->change[3]));
    return out;
}

typedef struct account_view {
    ledger l;
    u256 balance[LEDGER_PARTS];
} account_view;

static account_view replay_for(const char *who)
{
    view_governance g;
    view_market m;
    account_view v;
    memset(&v, 0, sizeof v);
    eth_address a = addr(who);
    if (view_governance_replay(txs, ntx, &g, NULL) != PC_OK ||
        view_market_replay(txs, ntx, &m, NULL) != PC_OK ||
        ledger_replay(txs, ntx, &g, &m, &a, &v.l, NULL) != PC_OK)
        abort();
    for (size_t i = 0; i < v.l.count; i++)
        for (int p = 0; p < LEDGER_PARTS; p++)
            CHECK(ledger_apply(&v.balance[p], &v.l.rows[i].change[p], &v.balance[p]));
    view_market_free(&m);
    view_governance_free(&g);
    return v;
}

static const char *balances(const account_view *v)
{
    static char out[400];
    char x[4][U256_DEC_MAX];
    for (int p = 0; p < LEDGER_PARTS; p++)
        u256_format_fixed(&v->balance[p], 18, x[p]);
    snprintf(out, sizeof out, "%s %s %s %s", x[0], x[1], x[2], x[3]);
    return out;
}

/* The row of the transaction in `block` (one per block here), or NULL. */
static const ledger_row *at_block(const account_view *v, uint64_t block)
{
    for (size_t i = 0; i < v->l.count; i++)
        if (txs[v->l.rows[i].tx].block == block)
            return &v->l.rows[i];
    return NULL;
}

static void figures(void)
{
    reset();
    worked_figures();            /* blocks 1 to 16 */
    TX(A, "changeBanker", C);    /* 17 */
    TX(B, "changeBanker", C);    /* 18 */
    TX(C, "minteEuro", A, "10"); /* 19 */
    TX(C, "addOrder", "0.5", "1.9", "sell"); /* 20 */
    TX(A, "addOrder", "1", "10", "buy");     /* 21 */
}

static void test_figures(void)
{
    figures();
    account_view a = replay_for(A);
    CHECK_STR(balances(&a), "2.143 0 0.95 8.1");
    const ledger_row *r;
    CHECK((r = at_block(&a, 7)) && r->by_rules && strcmp(changes(r), "8 0 0 0") == 0);
    CHECK((r = at_block(&a, 12)) && !r->by_rules && strcmp(changes(r), "7.6 0 0 0") == 0);
    CHECK((r = at_block(&a, 13)) && strcmp(changes(r), "-7.35 7.35 0 0") == 0);
    CHECK((r = at_block(&a, 15)) && r->by_rules && strcmp(changes(r), "0 -7.35 0 0") == 0);
    /* 8.007 burned, 0.243 back: the session ends. */
    CHECK((r = at_block(&a, 16)) && strcmp(changes(r), "0.243 -8.25 0 0") == 0);
    CHECK((r = at_block(&a, 19)) && !r->by_rules && strcmp(changes(r), "0 0 10 0") == 0);
    /* Locks 10, pays 0.95, keeps 8.1 for the rest, 0.95 comes back. */
    CHECK((r = at_block(&a, 21)) && r->by_rules && strcmp(changes(r), "1.9 0 -9.05 8.1") == 0);
    CHECK(at_block(&a, 2) == NULL); /* a vote moves nothing */
    ledger_free(&a.l);

    account_view c = replay_for(C);
    CHECK_STR(balances(&c), "0 0 0.95 0");
    CHECK((r = at_block(&c, 7)) && strcmp(changes(r), "2 0 0 0") == 0);  /* the owner's 20% */
    CHECK((r = at_block(&c, 10)) && strcmp(changes(r), "0 -1 0 0") == 0); /* burns the rest */
    CHECK((r = at_block(&c, 20)) && !r->by_rules && strcmp(changes(r), "-1.9 1.9 0 0") == 0);
    CHECK((r = at_block(&c, 21)) && r->by_rules && strcmp(changes(r), "0 -1.9 0.95 0") == 0);
    ledger_free(&c.l);

    account_view d = replay_for(D);              /* never touched: no row */
    CHECK(d.l.count == 0 && d.l.rows == NULL);
    CHECK_STR(balances(&d), "0 0 0 0");
    ledger_free(&d.l);
}

static void test_settle_and_remove(void)
{
    figures();
    TX(A, "lockeEuro", "0.5");             /* 22 */
    TX(C, "burneEuro", A, "0.2");           /* 23 */
    TX(C, "unlockeEuro", A, "0.3");         /* 24 */
    TX(A, "removeOrder", "0", "buy");       /* 25: frees the 8.1 */
    TX(A, "addOrder", "3", "1", "sell");    /* 26 */
    TX(A, "removeOrder", "1", "sell");      /* 27 */
    TX(A, "transferENT", A, "1");           /* 28: to oneself */
    TX(A, "transfereEuro", B, "0.25");      /* 29 */
    account_view a = replay_for(A);
    CHECK_STR(balances(&a), "2.143 0 8.6 0");
    const ledger_row *r;
    CHECK((r = at_block(&a, 22)) && strcmp(changes(r), "0 0 -0.5 0.5") == 0);
    CHECK((r = at_block(&a, 23)) && strcmp(changes(r), "0 0 0 -0.2") == 0);
    CHECK((r = at_block(&a, 24)) && strcmp(changes(r), "0 0 0.3 -0.3") == 0);
    CHECK((r = at_block(&a, 25)) && r->by_rules && strcmp(changes(r), "0 0 8.1 -8.1") == 0);
    CHECK((r = at_block(&a, 26)) && strcmp(changes(r), "-1 1 0 0") == 0);
    CHECK((r = at_block(&a, 27)) && strcmp(changes(r), "1 -1 0 0") == 0);
    CHECK(at_block(&a, 28) == NULL);
    CHECK((r = at_block(&a, 29)) && strcmp(changes(r), "0 0 -0.25 0") == 0);
    ledger_free(&a.l);
    account_view b = replay_for(B);
    CHECK_STR(balances(&b), "0 0 0.25 0");
    ledger_free(&b.l);
}

static void test_amounts(void)
{
    ledger_amount a = { false, amount("1") }, b = { true, amount("3") };
    CHECK(ledger_add(&a, &b) && a.negative && strcmp(fixed(&a.value), "2") == 0);
    b.negative = false;
    CHECK(ledger_add(&a, &b) && !a.negative && strcmp(fixed(&a.value), "1") == 0);
    ledger_amount d = ledger_diff(&b.value, &a.value);
    CHECK(d.negative && strcmp(fixed(&d.value), "2") == 0);
    u256 out, one = amount("1");
    CHECK(!ledger_apply(&one, &d, &out));
    d = ledger_diff(&one, &one);
    CHECK(!d.negative && u256_is_zero(&d.value));
}

int main(void)
{
    test_figures();
    test_settle_and_remove();
    test_amounts();
    reset();
    return check_summary();
}
