/* The charts' series replayed from synthetic histories: the thesis's
 * chapter 6 scenario, then a transfer, a withdrawal the banker settles and
 * calls that failed. */
#include <stdio.h>

#include "../check.h"
#include "wallet/series.h"

#include "synthetic.h"

/* Chapter 6, then A sends B 1 eEuro, locks 2 for withdrawal and the banker
 * burns them; a mint by someone who is not the banker fails. */
static void scenario(void)
{
    reset();
    chapter6();
    TX(A, "transfereEuro", B, "1");
    TX(A, "lockeEuro", "2");
    TX(C, "burneEuro", A, "2");
    char *argv[] = { A, "5" };
    tx_with(HISTORY_ERROR, B, "minteEuro", 2, argv);
    tx_with(HISTORY_REVERTED, C, "burneEuro", 2, argv);
}

/* "value@block" for each point, comma separated. */
static const char *points(const series *s)
{
    static char out[512];
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->count && used < sizeof out; i++)
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%s@%llu", i ? "," : "",
                                 fixed(&s->points[i].value),
                                 (unsigned long long)s->points[i].block);
    return out;
}

static void test_fills(void)
{
    scenario();
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    series prices, volumes;
    CHECK(series_fills(&m, &prices, &volumes, NULL) == PC_OK);
    CHECK_STR(points(&prices), "0.5@11");
    CHECK_STR(points(&volumes), "1.9@11");
    CHECK(prices.count == 1 && prices.points[0].time == txs[10].time);
    series_free(&prices);
    series_free(&volumes);
    view_market_free(&m);
}

static void test_supply(void)
{
    scenario();
    series s;
    CHECK(series_eeuro_supply(txs, ntx, &s, NULL) == PC_OK);
    /* 0 from the deployment, the mint in block 9, the burn in block 14;
     * the failed mint and the reverted burn change nothing. */
    CHECK_STR(points(&s), "0@1,10@9,8@14");
    series_free(&s);
    CHECK(series_eeuro_supply(NULL, 0, &s, NULL) == PC_OK);
    CHECK(s.count == 0 && s.points == NULL);
}

static void test_balance(void)
{
    scenario();
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    eth_address a = addr(A), b = addr(B), c = addr(C), d = addr(D);
    series s;
    /* A: minted 10, pays 1.9 * 0.5 for the fill (its buy at 1 locks more,
     * which stays A's), sends 1, locks 2 (no change), 2 burned. */
    CHECK(series_eeuro_balance(txs, ntx, &m, &a, &s, NULL) == PC_OK);
    CHECK_STR(points(&s), "0@1,10@9,9.05@11,8.05@12,6.05@14");
    series_free(&s);
    CHECK(series_eeuro_balance(txs, ntx, &m, &b, &s, NULL) == PC_OK);
    CHECK_STR(points(&s), "0@1,1@12");
    series_free(&s);
    /* The seller C receives the price of the fill. */
    CHECK(series_eeuro_balance(txs, ntx, &m, &c, &s, NULL) == PC_OK);
    CHECK_STR(points(&s), "0@1,0.95@11");
    series_free(&s);
    CHECK(series_eeuro_balance(txs, ntx, &m, &d, &s, NULL) == PC_OK);
    CHECK_STR(points(&s), "0@1");
    series_free(&s);
    view_market_free(&m);
}

static void test_since(void)
{
    scenario();
    series s;
    CHECK(series_eeuro_supply(txs, ntx, &s, NULL) == PC_OK);
    CHECK(series_since(&s, 0) == 0);
    CHECK(series_since(&s, txs[8].time) == 1);     /* the mint's own time */
    CHECK(series_since(&s, txs[8].time + 1) == 2);
    CHECK(series_since(&s, txs[ntx - 1].time + 1) == 3);
    series_free(&s);
}

static void test_peg(void)
{
    reset();
    worked_figures();
    view_governance g;
    view_market m;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    eth_address a = addr(A), c = addr(C);
    series_energy e;
    CHECK(series_energy_replay(txs, ntx, &g, &m, &a, &e, NULL) == PC_OK);
    CHECK_STR(points(&e.ent), "0@1,10@7,9@9,8@10,17.5@11,10.15@15,2.143@16");
    /* Wh: raw integers, printed here with 18 decimals. */
    u256 kwh = u256_pow10(15);
    CHECK(e.wh.count == 7);
    if (e.wh.count == 7) {
        u256 last;
        CHECK(u256_mul(&last, &e.wh.points[6].value, &kwh));
        CHECK_STR(fixed(&last), "2.143");
    }
    CHECK_STR(points(&e.mint_cost), "0@1,0.05@10,0@16");
    CHECK_STR(points(&e.burn_cost), "0@1,0.05@10,0@16");
    /* A: 8 produced, 7.6 from B, 7.35 and 8.007 burned. */
    CHECK_STR(points(&e.account_ent), "0@1,8@7,15.6@12,8.25@15,0.243@16");
    CHECK(e.nunits == 2);
    if (e.nunits == 2) {
        CHECK_STR(hexaddr(&e.units[0].unit), U1);
        /* 10 kWh, 2 locked, 1 beyond the session removed, 7 locked by A. */
        u256 wh[5];
        for (size_t i = 0; i < e.units[0].wh.count && i < 5; i++)
            CHECK(u256_mul(&wh[i], &e.units[0].wh.points[i].value, &kwh));
        CHECK(e.units[0].wh.count == 5);
        if (e.units[0].wh.count == 5) {
            CHECK_STR(fixed(&wh[0]), "0");
            CHECK_STR(fixed(&wh[1]), "10");
            CHECK_STR(fixed(&wh[2]), "8");
            CHECK_STR(fixed(&wh[3]), "7");
            CHECK_STR(fixed(&wh[4]), "0");
            CHECK(e.units[0].wh.points[0].block == 4); /* registered by B's vote */
        }
        u256 last = e.units[1].wh.points[e.units[1].wh.count - 1].value;
        CHECK(u256_mul(&last, &last, &kwh));
        CHECK_STR(fixed(&last), "2.143");
    }
    series_energy_free(&e);
    /* C: 2 as the owner, 2 burned, then 1.9 as the owner of U2. */
    CHECK(series_energy_replay(txs, ntx, &g, &m, &c, &e, NULL) == PC_OK);
    CHECK_STR(points(&e.account_ent), "0@1,2@7,1@9,0@10,1.9@11");
    series_energy_free(&e);
    CHECK(series_energy_replay(txs, ntx, &g, &m, NULL, &e, NULL) == PC_OK);
    CHECK(e.account_ent.count == 0);
    series_energy_free(&e);
    view_market_free(&m);
    view_governance_free(&g);
}

/* Parameters from passed votes, sessions expiring after H, removal of a
 * unit, reports and ENT moved by a fill. */
static void test_rules(void)
{
    reset();
    deploy(A);
    TX(A, "registerStorageUnit", U1, C);
    TX(A, "setParameter", "F", "0.5");
    TX(A, "setParameter", "H", "1");
    TX(U1, "energyProduced", B, "4000");         /* B 2, C 2 */
    TX(B, "startConsumptionSession", U1, "1");   /* block 6: 1 kWh locked */
    TX0(A, "clearOldSessions");                  /* not yet expired */
    history_tx *t = TX0(A, "clearOldSessions");  /* an hour later: expired */
    t->time = txs[5].time + 3600;
    TX(U1, "reportActualEnergy", "3500");        /* 0.5 kWh less: the gap opens */
    TX(B, "addOrder", "1", "1", "sell");
    TX(D, "addOrder", "1", "1", "buy");          /* block 11: B's ENT to D */
    TX(A, "removeStorageUnit", U1);
    view_governance g;
    view_market m;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    eth_address b = addr(B);
    series_energy e;
    CHECK(series_energy_replay(txs, ntx, &g, &m, &b, &e, NULL) == PC_OK);
    CHECK_STR(points(&e.ent), "0@1,4@5");
    CHECK_STR(points(&e.account_ent), "0@1,2@5,1@11");
    /* The gap 0.5 ENT at C = 5%: 0.025 ENT/kWh; all energy gone at the
     * removal widens it to 4 ENT: 0.2. */
    CHECK_STR(points(&e.mint_cost), "0@1,0.025@9,0.2@12");
    if (e.nunits == 1) {
        const series *u = &e.units[0].wh;
        /* From its registration: produced, locked, freed, reported, removed. */
        CHECK(u->count == 6);
        if (u->count == 6) {
            uint64_t wh[6];
            for (size_t i = 0; i < 6; i++)
                CHECK(u256_to_u64(&u->points[i].value, &wh[i]));
            CHECK(wh[0] == 0 && wh[1] == 4000 && wh[2] == 3000 && wh[3] == 4000 &&
                  wh[4] == 3500 && wh[5] == 0);
            CHECK(u->points[0].block == 2 && u->points[2].block == 6 &&
                  u->points[3].block == 8 && u->points[5].block == 12);
        }
    }
    CHECK(e.nunits == 1);
    CHECK(e.wh.count > 0 && u256_is_zero(&e.wh.points[e.wh.count - 1].value));
    series_energy_free(&e);
    view_market_free(&m);
    view_governance_free(&g);
}

/* "consumer unit ent wh start" for each open session, oldest first. */
static const char *open_sessions(const series_sessions *r)
{
    static char out[512];
    series_session *x = NULL;
    size_t n = 0, used = 0;
    out[0] = '\0';
    if (series_sessions_open(r, &x, &n, NULL) != PC_OK)
        return "(out of memory)";
    for (size_t i = 0; i < n && used < sizeof out; i++) {
        char unit[ETH_ADDRESS_TEXT_LEN], wh[U256_DEC_MAX];
        eth_address_to_checksum(&x[i].unit, unit);
        u256_to_dec(&x[i].wh, wh);
        used += (size_t)snprintf(out + used, sizeof out - used, "%s%.6s %.6s %s %s %llu",
                                 i ? ", " : "", hexaddr(&x[i].consumer), unit,
                                 fixed(&x[i].ent), wh,
                                 (unsigned long long)(x[i].start - txs[0].time));
    }
    free(x);
    return out;
}

/* The sessions left open, fed in two parts: one used up closes, one that
 * expired stays with its ENT until clearOldSessions, a new one with the
 * same unit replaces an expired one. */
static void test_sessions(void)
{
    reset();
    deploy(A);
    TX(A, "registerStorageUnit", U1, C);
    TX(A, "setParameter", "H", "1");
    TX(U1, "energyProduced", B, "4000");        /* B 3.2 ENT, C 0.8 */
    TX(B, "startConsumptionSession", U1, "1");  /* block 5: 1000 Wh */
    TX(C, "startConsumptionSession", U1, "0.5"); /* block 6: 500 Wh */
    TX(U1, "energyConsumed", B, "400");         /* B's: 0.6 ENT and 600 Wh left */
    TX(U1, "energyConsumed", C, "500");         /* C's used up: closed */
    view_governance g;
    view_market m;
    series_sessions *r = NULL;
    CHECK(series_sessions_new(&r, NULL) == PC_OK);
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(series_sessions_feed(r, txs, ntx, &g, &m, NULL) == PC_OK);
    CHECK(series_sessions_done(r) == ntx);
    CHECK_STR(open_sessions(r), "0x7099 0x15d3 0.6 600 20");
    view_market_free(&m);
    view_governance_free(&g);

    /* An hour later B's has expired: still open, until a clear. */
    history_tx *t = TX(C, "transferENT", A, "0.1");
    t->time = txs[4].time + 3600;
    TX(B, "startConsumptionSession", U2, "1");  /* not a unit: changes nothing */
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(series_sessions_feed(r, txs, ntx, &g, &m, NULL) == PC_OK);
    CHECK_STR(open_sessions(r), "0x7099 0x15d3 0.6 600 20");
    t = TX0(D, "clearOldSessions");
    t->time = txs[4].time + 3601;
    view_market_free(&m);
    view_governance_free(&g);
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(series_sessions_feed(r, txs, ntx, &g, &m, NULL) == PC_OK);
    CHECK_STR(open_sessions(r), "");
    series_sessions_free(r);
    view_market_free(&m);
    view_governance_free(&g);
}

int main(void)
{
    test_sessions();
    test_peg();
    test_rules();
    test_fills();
    test_supply();
    test_balance();
    test_since();
    reset();
    return check_summary();
}
