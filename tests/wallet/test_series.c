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

int main(void)
{
    test_fills();
    test_supply();
    test_balance();
    test_since();
    reset();
    return check_summary();
}
