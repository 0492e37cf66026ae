/* wallet/series.h's incremental replay: a history fed in chunks, at every
 * split (one of them between the orders of a market's fill sequence and the
 * order that fills them), gives the series of a replay of the whole prefix
 * at once, point for point, also where one block's many points are thinned
 * (series.h); the series it handed out stay as they were while
 * it goes on and after it is freed; a rewritten history (a reorg) replayed
 * again from the start gives the full replay of the new one. */
#include <stdio.h>

#include "../check.h"
#include "wallet/series.h"

#include "series_same.h"
#include "synthetic.h"

/* Chapter 6, energy through sessions, a passed vote on F, and two sells that
 * one buy fills at once (two fills of one transaction). */
static size_t history(void)
{
    reset();
    chapter6();
    TX(U1, "energyProduced", A, "10000");
    TX(U2, "energyProduced", B, "10000");
    TX(C, "startConsumptionSession", U1, "2");
    TX(U1, "energyConsumed", C, "1000");
    TX(A, "setParameter", "F", "0.5");
    TX(B, "setParameter", "F", "0.5");
    TX(U1, "energyProduced", B, "3000");
    TX(B, "addOrder", "2", "1", "sell");
    TX(B, "addOrder", "3", "1", "sell");
    size_t fill_sequence = ntx; /* the buy that fills both */
    TX(A, "addOrder", "3", "2", "buy");
    TX(C, "minteEuro", D, "4");
    TX(B, "transferENT", D, "1");
    TX(D, "startConsumptionSession", U2, "1");
    TX(U2, "energyConsumed", D, "2000");
    TX(U2, "reportActualEnergy", "5000");
    /* One block of readings and sessions: ENT up and down at one time. */
    size_t first = ntx;
    TX(U1, "energyProduced", A, "1000");
    TX(A, "startConsumptionSession", U1, "1");
    TX(U1, "energyConsumed", A, "500");
    TX(U1, "energyProduced", A, "2000");
    TX(U1, "energyConsumed", A, "300");
    TX(U1, "energyProduced", B, "100");
    TX(U1, "energyConsumed", A, "200");
    for (size_t i = first + 1; i < ntx; i++) {
        txs[i].block = txs[first].block;
        txs[i].time = txs[first].time;
        txs[i].index = (uint32_t)(i - first);
    }
    return fill_sequence;
}


/* The replay of txs[0..n) at once. */
static void full(size_t n, const eth_address *account, series_set *out)
{
    view_governance g;
    view_market m;
    CHECK(view_governance_replay(txs, n, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, n, &m, NULL) == PC_OK);
    CHECK(series_set_replay(txs, n, &g, &m, account, out, NULL) == PC_OK);
    view_market_free(&m);
    view_governance_free(&g);
}

/* Feeds r up to n (governance and market replayed from txs[0..n), as the
 * history index's reader does) and checks what it shares against the full
 * replay; the shared set goes to *kept. */
static bool feed_to(series_replay *r, size_t n, const eth_address *account, series_set *kept)
{
    view_governance g;
    view_market m;
    series_set whole;
    CHECK(view_governance_replay(txs, n, &g, NULL) == PC_OK);
    CHECK(view_market_replay(txs, n, &m, NULL) == PC_OK);
    CHECK(series_replay_feed(r, txs, n, &g, &m, NULL) == PC_OK);
    CHECK(series_replay_done(r) == n);
    CHECK(series_replay_share(r, kept, NULL) == PC_OK);
    full(n, account, &whole);
    bool same = same_set(kept, &whole);
    series_set_free(&whole);
    view_market_free(&m);
    view_governance_free(&g);
    return same;
}

/* In two chunks split at every position, then one transaction at a time. */
static void test_chunks(const eth_address *account)
{
    size_t n = ntx;
    for (size_t split = 0; split <= n; split++) {
        series_replay *r;
        series_set first, second;
        CHECK(series_replay_new(account, &r, NULL) == PC_OK);
        CHECK(series_replay_is_for(r, account));
        bool same = feed_to(r, split, account, &first) && feed_to(r, n, account, &second);
        if (!same)
            printf("# split at %zu differs from the full replay\n", split);
        CHECK(same);
        series_replay_free(r);
        series_set_free(&first);
        series_set_free(&second);
    }
    series_replay *r;
    series_set sets[64], whole;
    CHECK(series_replay_new(account, &r, NULL) == PC_OK);
    for (size_t k = 1; k <= n; k++)
        CHECK(feed_to(r, k, account, &sets[k - 1]));
    series_replay_free(r);
    /* Each set shared on the way is still the full replay of its prefix,
     * though the replay appended to the same storage and is gone. */
    for (size_t k = 1; k <= n; k++) {
        full(k, account, &whole);
        CHECK(same_set(&sets[k - 1], &whole));
        series_set_free(&whole);
        series_set_free(&sets[k - 1]);
    }
}

/* The values of s at `time`, comma separated. */
static const char *at_time(const series *s, uint64_t time)
{
    static char out[256];
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->count && used < sizeof out; i++)
        if (s->points[i].time == time)
            used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", used ? "," : "",
                                     fixed(&s->points[i].value));
    return out;
}

/* The block of many calls: ENT after each is 21.8, 21.2, 22.8, 22.44, 22.52
 * and 22.4804; kept are the first, the lowest, the highest and the last. */
static void test_one_time(void)
{
    uint64_t time = txs[ntx - 1].time;
    series_set s;
    full(ntx - 3, NULL, &s);
    CHECK_STR(at_time(&s.energy.ent, time), "21.8,21.2,22.8");
    series_set_free(&s);
    full(ntx, NULL, &s);
    CHECK_STR(at_time(&s.energy.ent, time), "21.8,21.2,22.8,22.4804");
    series_set_free(&s);
}

static void test_fill_sequence(size_t at)
{
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    size_t of_buy = 0;
    for (size_t i = 0; i < m.nfills; i++)
        of_buy += memcmp(m.fills[i].tx, txs[at].hash, 32) == 0;
    CHECK(of_buy == 2);
    view_market_free(&m);
}

/* The last transactions replaced by others: a new replay, fed in chunks,
 * gives the full replay of the new history; a set shared before stays. */
static void test_reorg(const eth_address *account)
{
    series_replay *r;
    series_set before, whole;
    size_t n = ntx, kept = n - 3;
    CHECK(series_replay_new(account, &r, NULL) == PC_OK);
    CHECK(feed_to(r, n, account, &before));
    series_replay_free(r);
    full(n, account, &whole);
    while (ntx > kept)
        history_tx_clear(&txs[--ntx]);
    memset(&txs[kept], 0, 3 * sizeof *txs);
    TX(C, "burneEuro", D, "1");
    TX(U1, "energyProduced", D, "1000");
    CHECK(series_replay_new(account, &r, NULL) == PC_OK);
    series_set part, after;
    CHECK(feed_to(r, kept + 1, account, &part));
    CHECK(feed_to(r, ntx, account, &after));
    series_replay_free(r);
    CHECK(same_set(&before, &whole));
    CHECK(!same_set(&after, &before));
    series_set_free(&before);
    series_set_free(&whole);
    series_set_free(&part);
    series_set_free(&after);
}

int main(void)
{
    eth_address a = addr(A), d = addr(D);
    const eth_address *accounts[] = { &a, &d, NULL };
    for (size_t i = 0; i < 3; i++) {
        size_t fill_sequence = history();
        test_fill_sequence(fill_sequence);
        test_one_time();
        test_chunks(accounts[i]);
        test_reorg(accounts[i]);
    }
    series_replay *r;
    CHECK(series_replay_new(&a, &r, NULL) == PC_OK);
    CHECK(series_replay_is_for(r, &a) && !series_replay_is_for(r, &d) &&
          !series_replay_is_for(r, NULL));
    series_replay_free(r);
    reset();
    return check_summary();
}
