/* The views replayed from synthetic histories: the thesis's chapter 6
 * figures, the market's price-time priority, the voting rule, withdrawals,
 * units and the book comparison. Arguments are parsed by the binding the
 * way people write them, as the index stores them decoded from calldata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "rpcclient/units.h"
#include "wallet/views.h"

#include "synthetic.h"

static void test_chapter6_market(void)
{
    reset();
    chapter6();
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(m.nfills == 1);
    if (m.nfills == 1) {
        const view_fill *f = &m.fills[0];
        CHECK_STR(fixed(&f->price), "0.5");
        CHECK_STR(fixed(&f->quantity), "1.9");
        CHECK_STR(hexaddr(&f->buyer), A);
        CHECK_STR(hexaddr(&f->seller), C);
        CHECK(u256_is_zero(&f->buy_id) && u256_is_zero(&f->sell_id));
        CHECK(f->block == ntx && f->tx[0] == ntx && f->time == txs[ntx - 1].time);
    }
    CHECK(m.nsells == 0 && m.nbuys == 1);
    if (m.nbuys == 1) {
        CHECK(u256_is_zero(&m.buys[0].id));
        CHECK_STR(hexaddr(&m.buys[0].user), A);
        CHECK_STR(fixed(&m.buys[0].quantity), "8.1");
        CHECK_STR(fixed(&m.buys[0].price), "1");
    }
    u256 p;
    CHECK(view_market_last_price(&m, &p) && strcmp(fixed(&p), "0.5") == 0);
    CHECK(view_market_best_bid(&m, &p) && strcmp(fixed(&p), "1") == 0);
    CHECK(!view_market_best_ask(&m, &p));
    view_market_free(&m);
}

static void test_chapter6_governance(void)
{
    reset();
    chapter6();
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nvoters == 2);
    CHECK_STR(hexaddr(&g.banker), C);
    CHECK(!g.destroyed);
    CHECK(g.nunits == 2);
    for (size_t i = 0; i < g.nunits; i++) {
        CHECK_STR(hexaddr(&g.units[i].owner), C);
        CHECK(g.units[i].active);
    }
    CHECK(g.nproposals == 4);
    if (g.nproposals == 4) {
        char text[256];
        const view_proposal *p = &g.proposals[0];
        CHECK_STR(p->vote, "Add_Voter_70997970c51812dc3a010c7d01b50e0d17dc79c8");
        view_proposal_describe(p, text, sizeof text);
        CHECK_STR(text, "Add voter " B);
        view_proposal_tally(p, text, sizeof text);
        CHECK_STR(text, "1 of 1 in favour");
        CHECK(p->passed && p->first_block == 2 && p->passed_block == 2);

        p = &g.proposals[1];
        CHECK_STR(p->vote, "register_15d34aaf54267db7d7c367839aaf71a00a2c6a65_"
                           "3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
        view_proposal_describe(p, text, sizeof text);
        CHECK_STR(text, "Register storage unit " U1 " owned by " C);
        view_proposal_tally(p, text, sizeof text);
        CHECK_STR(text, "2 of 2 in favour");
        CHECK(p->passed && p->first_block == 3 && p->passed_block == 4);
        CHECK(p->nin_favour == 2 && p->nagainst == 0);

        p = &g.proposals[3];
        view_proposal_describe(p, text, sizeof text);
        CHECK_STR(text, "Make " C " the banker");
    }
    view_params d = view_params_default();
    CHECK_STR(fixed(&g.params.m), "0.5");
    CHECK_STR(fixed(&d.b), "0.5");
    CHECK_STR(fixed(&d.c), "0.05");
    CHECK_STR(fixed(&d.f), "0.2");
    uint64_t h;
    CHECK(u256_to_u64(&d.h, &h) && h == 7200);
    view_governance_free(&g);
}

static void test_priority(void)
{
    reset();
    TX(D, "addOrder", "0.6", "1", "sell"); /* sell #0 */
    TX(B, "addOrder", "0.5", "1", "sell"); /* sell #1 */
    TX(C, "addOrder", "0.5", "1", "sell"); /* sell #2 */
    TX(B, "addOrder", "0.4", "1", "sell"); /* sell #3 */
    TX(A, "addOrder", "0.55", "2.5", "buy"); /* buy #0: #3, then #1 before #2 */
    TX(B, "addOrder", "0.45", "1", "buy"); /* buy #1 */
    TX(C, "addOrder", "0.55", "1", "buy"); /* buy #2: crosses only C's own sell #2 */
    TX(D, "addOrder", "0.45", "1", "buy"); /* buy #3 */
    TX(C, "addOrder", "0.1", "2", "sell"); /* sell #4: skips its own #2; #1 before #3 */
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    static const struct {
        const char *price, *quantity, *buyer, *seller;
        uint64_t buy, sell;
    } want[] = {
        { "0.4", "1", A, B, 0, 3 }, { "0.5", "1", A, B, 0, 1 }, { "0.5", "0.5", A, C, 0, 2 },
        { "0.1", "1", B, C, 1, 4 }, { "0.1", "1", D, C, 3, 4 },
    };
    CHECK(m.nfills == 5);
    for (size_t i = 0; i < m.nfills && i < 5; i++) {
        const view_fill *f = &m.fills[i];
        uint64_t b, s;
        CHECK_STR(fixed(&f->price), want[i].price);
        CHECK_STR(fixed(&f->quantity), want[i].quantity);
        CHECK_STR(hexaddr(&f->buyer), want[i].buyer);
        CHECK_STR(hexaddr(&f->seller), want[i].seller);
        CHECK(u256_to_u64(&f->buy_id, &b) && b == want[i].buy);
        CHECK(u256_to_u64(&f->sell_id, &s) && s == want[i].sell);
    }
    /* Left: C's crossed self-pair and D's sell above every bid. */
    CHECK(m.nbuys == 1 && m.nsells == 2);
    uint64_t id;
    if (m.nbuys == 1)
        CHECK(u256_to_u64(&m.buys[0].id, &id) && id == 2);
    if (m.nsells == 2) {
        CHECK(u256_to_u64(&m.sells[0].id, &id) && id == 0);
        CHECK(u256_to_u64(&m.sells[1].id, &id) && id == 2);
        CHECK_STR(fixed(&m.sells[1].quantity), "0.5");
    }
    u256 p;
    CHECK(view_market_best_ask(&m, &p) && strcmp(fixed(&p), "0.5") == 0);
    CHECK(view_market_best_bid(&m, &p) && strcmp(fixed(&p), "0.55") == 0);
    CHECK(view_market_last_price(&m, &p) && strcmp(fixed(&p), "0.1") == 0);
    view_market_free(&m);
}

static void test_self_and_remove(void)
{
    reset();
    TX(A, "addOrder", "0.5", "1", "sell");   /* sell #0 */
    TX(A, "addOrder", "1", "1", "buy");      /* buy #0: A's own sell is skipped */
    TX(A, "removeOrder", "0", "sell");
    tx_with(HISTORY_ERROR, A, "removeOrder", 2, (char *[]){ "0", "buy" });
    TX(B, "addOrder", "0.5", "2", "sell");   /* sell #1: meets A's buy */
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(m.nfills == 1);
    if (m.nfills == 1) {
        uint64_t s;
        CHECK(u256_to_u64(&m.fills[0].sell_id, &s) && s == 1);
        CHECK_STR(hexaddr(&m.fills[0].seller), B);
        CHECK_STR(fixed(&m.fills[0].quantity), "1");
    }
    CHECK(m.nbuys == 0 && m.nsells == 1);
    if (m.nsells == 1)
        CHECK_STR(fixed(&m.sells[0].quantity), "1");
    /* What happened to each order, in order: sell #0 added and removed,
     * buy #0 added, sell #1 added, then buy #0 filled by it (its block). */
    static const struct {
        view_order_change_kind kind;
        bool is_buy;
        uint64_t id, block;
        const char *quantity;
    } want[] = {
        { VIEW_ORDER_ADDED, false, 0, 1, "1" },   { VIEW_ORDER_ADDED, true, 0, 2, "1" },
        { VIEW_ORDER_REMOVED, false, 0, 3, "1" }, { VIEW_ORDER_ADDED, false, 1, 5, "2" },
        { VIEW_ORDER_FILLED, true, 0, 5, "0" },
    };
    CHECK(m.nchanges == sizeof want / sizeof want[0]);
    for (size_t i = 0; i < m.nchanges && i < sizeof want / sizeof want[0]; i++) {
        const view_order_change *c = &m.changes[i];
        uint64_t id;
        CHECK(c->kind == want[i].kind && c->is_buy == want[i].is_buy);
        CHECK(u256_to_u64(&c->order.id, &id) && id == want[i].id);
        CHECK(c->block == want[i].block && c->tx[0] == (uint8_t)want[i].block);
        CHECK_STR(fixed(&c->order.quantity), want[i].quantity);
    }
    view_market_free(&m);
}

static void test_votes(void)
{
    reset();
    deploy(A);
    TX(A, "addVoter", B);
    TX(A, "changeBanker", C); /* 1 of 2: 10/2 = 5, not a pass */
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nproposals == 2 && !g.proposals[1].passed && eth_address_is_zero(&g.banker));
    view_governance_free(&g);

    TX(B, "changeBanker", C); /* 2 of 2 */
    TX(A, "changeBanker", D);
    TX(A, "changeBanker", D); /* A turns against */
    TX(B, "changeBanker", C); /* the same proposal again: changeBankerTo_<C>_1 */
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nproposals == 4);
    if (g.nproposals == 4) {
        char text[64];
        CHECK(g.proposals[1].passed && g.proposals[1].passed_block == 4);
        const view_proposal *d = &g.proposals[2];
        CHECK(!d->passed && d->nin_favour == 0 && d->nagainst == 1);
        view_proposal_tally(d, text, sizeof text);
        CHECK_STR(text, "0 of 2 in favour");
        const view_proposal *again = &g.proposals[3];
        CHECK_STR(again->vote, "changeBankerTo_3c44cdddb6a900fa2b585dd299e03d12fa4293bc_1");
        CHECK(!again->passed && again->nin_favour == 1 && again->first_block == 7);
    }
    CHECK_STR(hexaddr(&g.banker), C);
    view_governance_free(&g);

    /* The suffix counts passes of the base string: after `_1` comes `_2`. */
    TX(A, "changeBanker", C);
    TX(A, "changeBanker", C);
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nproposals == 5);
    if (g.nproposals == 5) {
        CHECK(g.proposals[3].passed && g.proposals[3].passed_block == 8);
        CHECK_STR(g.proposals[4].vote, "changeBankerTo_3c44cdddb6a900fa2b585dd299e03d12fa4293bc_2");
        CHECK(!g.proposals[4].passed && g.proposals[4].nin_favour == 1);
    }
    view_governance_free(&g);
}

static void test_removed_voter(void)
{
    reset();
    deploy(A);
    TX(A, "addVoter", B);
    TX(A, "addVoter", C);
    TX(B, "addVoter", C);           /* passes 2 of 2 */
    TX(A, "changeBanker", D);       /* 1 of 3 */
    TX(B, "removeVoter", A);
    TX(C, "removeVoter", A);        /* 2 of 3: A is out */
    TX(A, "changeBanker", D);       /* no longer a voter: nothing */
    TX(B, "changeBanker", D);       /* A's vote is void: 1 of 2, no pass */
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nvoters == 2 && eth_address_is_zero(&g.banker));
    const view_proposal *p = g.nproposals == 4 ? &g.proposals[2] : NULL;
    CHECK(p != NULL);
    if (p) {
        char text[64];
        CHECK_STR(p->vote, "changeBankerTo_90f79bf6eb2c4f870365e785982e1f101e93b906");
        view_proposal_tally(p, text, sizeof text);
        CHECK_STR(text, "1 of 2 in favour");
        CHECK(p->nballots == 2 && p->nin_favour == 1);
        CHECK(p->nin_favour == 1 && strcmp(hexaddr(&p->in_favour[0]), B) == 0);
        view_proposal_tally(&g.proposals[3], text, sizeof text);
        CHECK_STR(text, "2 of 3 in favour"); /* Remove_Voter_A, as it passed */
    }
    view_governance_free(&g);

    TX(C, "changeBanker", D);
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK_STR(hexaddr(&g.banker), D);
    view_governance_free(&g);
}

static void test_parameters_and_outcomes(void)
{
    reset();
    TX(A, "setParameter", "C", "0.1"); /* no creation record: A is the first voter */
    TX(A, "setParameter", "H", "3");
    tx_with(HISTORY_ERROR, A, "addVoter", 1, (char *[]){ B });
    tx_with(HISTORY_REVERTED, A, "destroy", 0, NULL);
    tx_with(HISTORY_REVERTED, A, "addOrder", 3, (char *[]){ "1", "1", "buy" });
    tx_with(HISTORY_ERROR, A, "lockeEuro", 1, (char *[]){ "1" });
    TX(B, "addVoter", B); /* not a voter */
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nvoters == 1 && !g.destroyed && g.nproposals == 2);
    CHECK_STR(fixed(&g.params.c), "0.1");
    uint64_t h;
    CHECK(u256_to_u64(&g.params.h, &h) && h == 10800);
    if (g.nproposals == 2) {
        char text[128];
        CHECK_STR(g.proposals[0].vote, "setParameter_C_100000000000000000");
        view_proposal_describe(&g.proposals[0], text, sizeof text);
        CHECK_STR(text, "Set C to 10% (was 5%)");
        CHECK_STR(g.proposals[1].vote, "setParameter_H_3");
        view_proposal_describe(&g.proposals[1], text, sizeof text);
        CHECK_STR(text, "Set H to 3 h (was 2 h)");
    }
    view_governance_free(&g);

    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    CHECK(m.nbuys == 0 && m.nfills == 0);
    view_market_free(&m);
    view_withdrawals w;
    CHECK(view_withdrawals_replay(txs, ntx, &w, NULL) == PC_OK);
    CHECK(w.count == 0 && w.items == NULL);
    view_withdrawals_free(&w);
}

/* destroy() on the thesis's contract: the passing call reports the Error
 * of its self-call after the vote, and the deployment keeps working; on the
 * project's contract the passing call is OK and retires it, after which a
 * voter's destroy() is refused with an Error. */
static void test_destroy(void)
{
    reset();
    deploy(A);
    TX(A, "addVoter", B);
    TX0(A, "destroy");
    tx_with(HISTORY_ERROR, C, "destroy", 0, NULL);  /* no voter: refused */
    tx_with(HISTORY_ERROR, B, "destroy", 0, NULL);  /* passes, on the thesis's contract */
    TX0(A, "destroy");                              /* destroy_contract_1 */
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(!g.destroyed && g.nproposals == 3);
    if (g.nproposals == 3) {
        CHECK_STR(g.proposals[1].vote, "destroy_contract");
        CHECK(g.proposals[1].passed && g.proposals[1].passed_block == 5);
        CHECK(g.proposals[1].nin_favour == 2);
        CHECK_STR(g.proposals[2].vote, "destroy_contract_1");
        CHECK(!g.proposals[2].passed && g.proposals[2].nin_favour == 1);
    }
    view_governance_free(&g);

    reset();
    deploy(A);
    TX(A, "addVoter", B);
    TX0(A, "destroy");
    TX0(B, "destroy");                              /* passes: retired */
    tx_with(HISTORY_ERROR, A, "destroy", 0, NULL);  /* refused: retired */
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.destroyed && g.nproposals == 2);
    if (g.nproposals == 2)
        CHECK(g.proposals[1].passed && g.proposals[1].passed_block == 4);
    view_governance_free(&g);
}

static void test_withdrawals(void)
{
    reset();
    TX(A, "lockeEuro", "5");
    TX(B, "lockeEuro", "2");
    TX(A, "lockeEuro", "1");
    TX(A, "addOrder", "1", "3", "buy"); /* a buy's lock is no withdrawal */
    TX(C, "burneEuro", B, "2");
    TX(C, "unlockeEuro", A, "1.5");
    TX(C, "burneEuro", D, "100");       /* never below 0 */
    tx_with(HISTORY_ERROR, C, "burneEuro", 2, (char *[]){ A, "1" });
    view_withdrawals w;
    CHECK(view_withdrawals_replay(txs, ntx, &w, NULL) == PC_OK);
    CHECK(w.count == 1);
    if (w.count == 1) {
        CHECK_STR(hexaddr(&w.items[0].account), A);
        CHECK_STR(fixed(&w.items[0].amount), "4.5");
        CHECK(w.items[0].block == 3 && w.items[0].time == txs[2].time);
    }
    view_withdrawals_free(&w);
}

static void test_units(void)
{
    reset();
    deploy(A);
    TX(A, "registerStorageUnit", U1, C);
    TX(A, "registerStorageUnit", U2, D);
    TX(A, "registerStorageUnit", U3, B);
    TX(A, "removeStorageUnit", U2);
    view_governance g;
    CHECK(view_governance_replay(txs, ntx, &g, NULL) == PC_OK);
    CHECK(g.nunits == 3);
    if (g.nunits == 3) {
        CHECK_STR(hexaddr(&g.units[0].owner), C);
        CHECK_STR(hexaddr(&g.units[1].owner), D);
        CHECK(g.units[0].active && !g.units[1].active && g.units[2].active);
    }
    char text[160];
    if (g.nproposals == 4) {
        view_proposal_describe(&g.proposals[3], text, sizeof text);
        CHECK_STR(text, "Remove storage unit " U2);
    }
    /* The head: U1 with energy, U2's empty slot, and a unit the history
     * never registered; U3 is missing. */
    view_head_unit head[] = {
        { addr(U1), true, u256_from_u64(8000) },
        { addr(U2), false, u256_zero() },
        { addr(D), true, u256_from_u64(5) },
        { { { 0 } }, false, u256_zero() },
    };
    view_unit_row *rows;
    size_t n;
    CHECK(view_units_merge(&g, head, 4, &rows, &n, NULL) == PC_OK);
    CHECK(n == 4);
    if (n == 4) {
        uint64_t wh;
        CHECK(rows[0].owner_known && rows[0].active && u256_to_u64(&rows[0].wh, &wh) && wh == 8000);
        CHECK_STR(hexaddr(&rows[0].owner), C);
        CHECK(rows[1].owner_known && !rows[1].active);
        CHECK(!rows[2].owner_known && rows[2].active);
        CHECK_STR(hexaddr(&rows[3].unit), U3);
        CHECK(rows[3].owner_known && !rows[3].active && u256_is_zero(&rows[3].wh));
    }
    free(rows);
    view_governance_free(&g);
}

static void test_book_compare(void)
{
    reset();
    chapter6();
    TX(B, "addOrder", "2", "1", "sell"); /* sell #1 */
    view_market m;
    CHECK(view_market_replay(txs, ntx, &m, NULL) == PC_OK);
    wallet_order buys[] = { { u256_zero(), addr(A), amount("1"), amount("8.1") } };
    wallet_order sells[] = { { u256_from_u64(1), addr(B), amount("2"), amount("1") } };
    char why[256];
    CHECK(view_book_equal(&m, buys, 1, sells, 1, why, sizeof why));
    CHECK_STR(why, "");
    buys[0].quantity = amount("8");
    CHECK(!view_book_equal(&m, buys, 1, sells, 1, why, sizeof why));
    CHECK_STR(why, "buy #0: the replay leaves 8.1 ENT, the node 8 ENT");
    buys[0].quantity = amount("8.1");
    CHECK(!view_book_equal(&m, buys, 1, sells, 0, why, sizeof why));
    CHECK_STR(why, "sell #1: open in the replay (1 ENT at 2 eEuro/ENT), not at the node");
    CHECK(!view_book_equal(&m, buys, 0, buys, 0, why, sizeof why));
    CHECK_STR(why, "buy #0: open in the replay (8.1 ENT at 1 eEuro/ENT), not at the node");
    wallet_order extra[] = { sells[0], { u256_from_u64(7), addr(C), amount("3"), amount("1") } };
    CHECK(!view_book_equal(&m, buys, 1, extra, 2, why, sizeof why));
    CHECK_STR(why, "sell #7: open at the node (1 ENT at 3 eEuro/ENT), not in the replay");
    extra[0].user = addr(C);
    CHECK(!view_book_equal(&m, buys, 1, extra, 1, why, sizeof why));
    CHECK_STR(why, "sell #1: the replay says its user is " B ", the node " C);
    view_market_free(&m);
}

/* getOrders keeps closed orders in its array: the head's book takes the
 * valid ones with ENT left, in the node's order. */
static void test_orders_take(void)
{
    abi_value fields[3][5], entries[3];
    const char *qty[3] = { "1", "0", "2" };
    const bool valid[3] = { true, true, false };
    for (int i = 0; i < 3; i++) {
        fields[i][0] = (abi_value){ .kind = ABI_UINT, .num = u256_from_u64(5 - (uint64_t)i) };
        fields[i][1] = (abi_value){ .kind = ABI_ADDRESS, .addr = addr(A) };
        fields[i][2] = (abi_value){ .kind = ABI_UINT, .num = amount("0.5") };
        fields[i][3] = (abi_value){ .kind = ABI_UINT, .num = amount(qty[i]) };
        fields[i][4] = (abi_value){ .kind = ABI_BOOL, .boolean = valid[i] };
        entries[i] = (abi_value){ .kind = ABI_TUPLE, .items = fields[i], .count = 5 };
    }
    abi_value side = { .kind = ABI_ARRAY, .items = entries, .count = 3 };
    wallet_order *o;
    size_t n;
    CHECK(wallet_orders_take(&side, &o, &n));
    CHECK(n == 1);
    uint64_t id;
    CHECK(u256_to_u64(&o[0].id, &id) && id == 5);
    u256 one = amount("1");
    CHECK(u256_cmp(&o[0].quantity, &one) == 0);
    free(o);
    side.count = 0;
    CHECK(wallet_orders_take(&side, &o, &n) && o && n == 0);
    free(o);
}

static void test_account(void)
{
    reset();
    chapter6();
    eth_address c = addr(C);
    size_t *idx, n;
    CHECK(view_account_history(txs, ntx, &c, &idx, &n, NULL) == PC_OK);
    /* The four register votes name C as owner, two banker votes, C's mint
     * and C's sell. */
    static const size_t want[] = { 2, 3, 4, 5, 6, 7, 8, 9 };
    CHECK(n == 8);
    for (size_t i = 0; i < n && i < 8; i++)
        CHECK(idx[i] == want[i]);
    free(idx);
}

int main(void)
{
    test_chapter6_market();
    test_chapter6_governance();
    test_priority();
    test_self_and_remove();
    test_votes();
    test_removed_voter();
    test_parameters_and_outcomes();
    test_destroy();
    test_withdrawals();
    test_units();
    test_book_compare();
    test_orders_take();
    test_account();
    reset();
    return check_summary();
}
