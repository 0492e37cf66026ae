/* watch's events (wallet/events.h) from synthetic histories and hand-made
 * looks: the chapter 6 market and governance in the order they happened
 * (a transaction's order_added, trades, order_filled; a block's header
 * first), ranges, withdrawal requests; the peg gap crossing its threshold
 * both ways; an expired session reported once; nodes lost and back; a new
 * genesis; and --events' list. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "synthetic.h"
#include "wallet/events.h"

static wallet_past past_of(void)
{
    wallet_past p;
    memset(&p, 0, sizeof p);
    p.txs = txs;
    p.ntxs = ntx;
    p.head = txs[ntx - 1].block;
    if (view_governance_replay(txs, ntx, &p.governance, NULL) != PC_OK ||
        view_market_replay(txs, ntx, &p.market, NULL) != PC_OK)
        abort();
    return p;
}

static void past_free(wallet_past *p)
{
    view_governance_free(&p->governance);
    view_market_free(&p->market);
}

static const char *kinds(const events_list *l)
{
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; i < l->count; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s@%llu", i ? " " : "",
                 event_name(l->items[i].kind), (unsigned long long)l->items[i].block);
    return out;
}

static void test_chapter6(void)
{
    reset();
    chapter6();
    TX(B, "lockeEuro", "2");
    wallet_past p = past_of();
    events_list l = { 0 };
    CHECK(events_from_past(&p, 0, p.head, false, &l, NULL) == PC_OK);
    /* Blocks 2 to 8 are the votes (one transaction each: block = position). */
    CHECK_STR(kinds(&l), "proposal_opened@2 proposal_passed@2 proposal_opened@3 "
                         "proposal_passed@4 proposal_opened@5 proposal_passed@6 "
                         "proposal_opened@7 proposal_passed@8 order_added@10 "
                         "order_added@11 trade@11 order_filled@11 withdrawal_requested@12");
    const event *e = &l.items[10];
    CHECK(e->kind == EVENT_TRADE && e->has_tx && e->tx[0] == 11);
    CHECK_STR(fixed(&e->price), "0.5");
    CHECK_STR(fixed(&e->quantity), "1.9");
    CHECK_STR(hexaddr(&e->a), A);
    CHECK_STR(hexaddr(&e->b), C);
    e = &l.items[11];
    CHECK(e->kind == EVENT_ORDER_FILLED && !e->is_buy && u256_is_zero(&e->id));
    e = &l.items[3];
    CHECK(e->kind == EVENT_PROPOSAL_PASSED && e->tx[0] == 4);
    CHECK_STR(hexaddr(&e->a), B); /* B's vote passed it */
    CHECK(strstr(e->text, "Register storage unit") != NULL);
    e = &l.items[12];
    CHECK_STR(hexaddr(&e->a), B);
    CHECK_STR(fixed(&e->quantity), "2");

    l.count = 0;
    CHECK(events_from_past(&p, 10, 11, true, &l, NULL) == PC_OK);
    CHECK_STR(kinds(&l), "block@11 order_added@11 trade@11 order_filled@11");
    CHECK(l.count && l.items[0].count == 1 && !l.items[0].has_hash);
    l.count = 0;
    CHECK(events_from_past(&p, 12, 40, true, &l, NULL) == PC_OK);
    CHECK(l.count == 0);
    events_list_free(&l);
    past_free(&p);
}

static void test_list(void)
{
    unsigned mask;
    pc_error err = { 0 };
    CHECK(event_parse_list("trade,peg_gap", &mask, NULL) == PC_OK &&
          mask == ((1u << EVENT_TRADE) | (1u << EVENT_PEG_GAP)));
    CHECK(event_parse_list("trade,", &mask, &err) == PC_EINPUT);
    CHECK(event_parse_list("trades", &mask, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "\"trades\"") && strstr(err.msg, "chain_replaced"));
}

static void test_peg(void)
{
    events_watch w = { 0 };
    events_list l = { 0 };
    wallet_state s;
    memset(&s, 0, sizeof s);
    u256 one = amount("1");
    s.total_wh = u256_from_u64(2000);
    s.total_ent = amount("2.5");  /* within 1 ENT: nothing on the first look */
    CHECK(events_peg(&w, &s, &one, &l, NULL) == PC_OK && l.count == 0);
    s.total_ent = amount("0.9");  /* 1.1 ENT below the energy */
    CHECK(events_peg(&w, &s, &one, &l, NULL) == PC_OK && l.count == 1);
    CHECK(l.count && l.items[0].over && l.items[0].is_buy);
    CHECK(l.count && strcmp(fixed(&l.items[0].quantity), "1.1") == 0);
    CHECK(events_peg(&w, &s, &one, &l, NULL) == PC_OK && l.count == 1); /* still past it */
    s.total_ent = amount("3");    /* exactly 1: within */
    CHECK(events_peg(&w, &s, &one, &l, NULL) == PC_OK && l.count == 2);
    CHECK(l.count == 2 && !l.items[1].over && !l.items[1].is_buy);
    events_watch fresh = { 0 };
    s.total_ent = amount("4");
    CHECK(events_peg(&fresh, &s, &one, &l, NULL) == PC_OK && l.count == 3); /* past at once */
    events_list_free(&l);
}

static void test_sessions(void)
{
    events_watch w = { 0 };
    events_list l = { 0 };
    series_session x[2] = {
        { addr(U1), addr(A), amount("2"), u256_from_u64(2000), 1000 },
        { addr(U2), addr(B), amount("1"), u256_from_u64(1000), 5000 },
    };
    series_peg_detail d = { .sessions = x, .nsessions = 2, .h = u256_from_u64(7200) };
    CHECK(events_sessions(&w, &d, 9, 8199, false, &l, NULL) == PC_OK && l.count == 0);
    CHECK(events_sessions(&w, &d, 10, 8200, false, &l, NULL) == PC_OK && l.count == 1);
    CHECK(l.count && l.items[0].count == 1000 && l.items[0].block == 10);
    CHECK_STR(hexaddr(&l.items[0].a), A);
    CHECK(events_sessions(&w, &d, 11, 12200, false, &l, NULL) == PC_OK && l.count == 2);
    CHECK(events_sessions(&w, &d, 12, 99999, false, &l, NULL) == PC_OK && l.count == 2);
    events_watch quiet = { 0 };
    CHECK(events_sessions(&quiet, &d, 12, 99999, true, &l, NULL) == PC_OK && l.count == 2);
    CHECK(quiet.nreported == 2);
    events_watch_free(&w);
    events_watch_free(&quiet);
    events_list_free(&l);
}

static void test_nodes_and_chain(void)
{
    events_watch w = { 0 };
    events_list l = { 0 };
    nodes_report r;
    memset(&r, 0, sizeof r);
    r.count = 2;
    strcpy(r.node[0].shown, "http://a:1");
    strcpy(r.node[1].shown, "http://b:2");
    r.node[0].up = true;
    strcpy(r.node[1].why, "cannot reach node");
    CHECK(events_nodes(&w, &r, 5, 100, &l, NULL) == PC_OK);
    CHECK_STR(kinds(&l), "node_lost@5");
    CHECK(l.count && strcmp(l.items[0].node, "http://b:2") == 0 &&
          strcmp(l.items[0].text, "cannot reach node") == 0);
    r.node[1].up = true;
    r.node[0].up = false;
    CHECK(events_nodes(&w, &r, 6, 101, &l, NULL) == PC_OK);
    CHECK_STR(kinds(&l), "node_lost@5 node_lost@6 node_back@6");
    l.count = 0;
    r.has_reference = r.has_genesis = true;
    r.genesis[0] = 1;
    CHECK(events_chain(&w, &r, 0, 7, 102, &l, NULL) == PC_OK && l.count == 0);
    CHECK(events_chain(&w, NULL, 2, 7, 102, &l, NULL) == PC_OK);
    CHECK(l.count == 1 && strcmp(l.items[0].text, "reorg") == 0 && l.items[0].count == 2);
    r.genesis[0] = 2;
    CHECK(events_chain(&w, &r, 0, 8, 103, &l, NULL) == PC_OK);
    CHECK(l.count == 2 && strcmp(l.items[1].text, "genesis") == 0);
    events_watch_free(&w);
    events_list_free(&l);
}

int main(void)
{
    test_chapter6();
    test_list();
    test_peg();
    test_sessions();
    test_nodes_and_chain();
    reset();
    return check_summary();
}
