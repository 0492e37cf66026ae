/* What waits for an account (wallet/waiting.h) on synthetic histories and
 * hand-made states: a proposal waits for the voters that have not voted
 * on it (not for others, nor once passed); fills after the block last
 * seen; an expired session with ENT locked, and not one still running or
 * another account's; the banker's withdrawal requests with their total,
 * for the banker only; the peg gap past the threshold. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "synthetic.h"
#include "wallet/waiting.h"

static wallet_past past_of(void)
{
    wallet_past p;
    memset(&p, 0, sizeof p);
    p.txs = txs;
    p.ntxs = ntx;
    if (view_governance_replay(txs, ntx, &p.governance, NULL) != PC_OK ||
        view_market_replay(txs, ntx, &p.market, NULL) != PC_OK ||
        view_withdrawals_replay(txs, ntx, &p.withdrawals, NULL) != PC_OK)
        abort();
    return p;
}

static void past_free(wallet_past *p)
{
    view_governance_free(&p->governance);
    view_market_free(&p->market);
    view_withdrawals_free(&p->withdrawals);
}

static waiting waiting_of(const wallet_state *s, const wallet_past *p, const series_peg_detail *d,
                   const char *who, uint64_t seen)
{
    waiting_input in = { .state = s, .past = p, .peg = d, .account = addr(who),
                         .seen_block = seen };
    waiting w;
    if (waiting_compute(&in, &w, NULL) != PC_OK)
        abort();
    return w;
}

static void test_votes_fills_withdrawals(void)
{
    reset();
    chapter6();                                /* blocks 1 to 11: A's buy fills at 11 */
    TX(B, "addVoter", D);                      /* 12: open, B in favour */
    TX(B, "lockeEuro", "2");                   /* 13 */
    TX(A, "lockeEuro", "0.5");                 /* 14 */
    wallet_past p = past_of();
    wallet_state s;
    memset(&s, 0, sizeof s);
    s.is_voter = true;
    s.banker = addr(C);
    waiting w = waiting_of(&s, &p, NULL, A, 0);
    CHECK(w.counts[WAITING_VOTE] == 1 && w.counts[WAITING_FILL] == 1 && w.count == 2);
    CHECK(w.count == 2 && w.items[0].kind == WAITING_VOTE &&
          w.items[0].method == PC_FN_ADD_VOTER && w.items[0].block == 12);
    CHECK(w.count == 2 && strstr(w.items[0].text, "Add voter") != NULL);
    CHECK(w.count == 2 && w.items[1].kind == WAITING_FILL && w.items[1].block == 11 &&
          w.items[1].method == PC_FN_NONE && strcmp(fixed(&w.items[1].amount), "1.9") == 0);
    CHECK(w.count == 2 && w.items[1].text[0] &&
          strcmp(strstr(w.items[1].text, "bought"), "bought 1.9 ENT at 0.5 eEuro/ENT from "
                                                      "0x3C44..93BC") == 0);
    waiting_free(&w);
    /* The counterpart by its name in the book, after its short address. */
    names *book;
    eth_address c = addr(C);
    CHECK(names_new(&book, NULL) == PC_OK && names_add_contact(book, "carol", &c, NULL) == PC_OK);
    waiting_input in = { .state = &s, .past = &p, .account = addr(A), .book = book };
    CHECK(waiting_compute(&in, &w, NULL) == PC_OK && w.count == 2 &&
          strstr(w.items[1].text, "from 0x3C44..93BC carol") != NULL);
    waiting_free(&w);
    names_free(book);
    w = waiting_of(&s, &p, NULL, A, 11);              /* seen up to the fill's block */
    CHECK(w.counts[WAITING_FILL] == 0 && w.counts[WAITING_VOTE] == 1);
    waiting_free(&w);
    w = waiting_of(&s, &p, NULL, B, 0);               /* B voted on it; B filled nothing */
    CHECK(w.count == 0);
    waiting_free(&w);
    s.is_voter = false;
    w = waiting_of(&s, &p, NULL, C, 0);               /* the banker; sold to A */
    CHECK(w.counts[WAITING_VOTE] == 0 && w.counts[WAITING_FILL] == 1);
    CHECK(w.counts[WAITING_WITHDRAWALS] == 1);
    for (size_t i = 0; i < w.count; i++)
        if (w.items[i].kind == WAITING_WITHDRAWALS) {
            CHECK(w.items[i].count == 2 && strcmp(fixed(&w.items[i].amount), "2.5") == 0);
            CHECK(w.items[i].method == PC_FN_BURN_EEURO && w.items[i].block == 14);
            CHECK_STR(w.items[i].text, "2 withdrawal requests waiting, 2.5 eEuro in all");
        }
    waiting_free(&w);
    TX(A, "addVoter", D);                      /* 15: passes (2 of 2) */
    past_free(&p);
    p = past_of();
    s.is_voter = true;
    w = waiting_of(&s, &p, NULL, A, 11);
    CHECK(w.count == 0);
    waiting_free(&w);
    past_free(&p);
}

static void test_sessions_and_gap(void)
{
    reset();
    deploy(A);
    wallet_past p = past_of();
    wallet_state s;
    memset(&s, 0, sizeof s);
    s.block = 50;
    s.block_time = 10000;
    s.params[WALLET_PARAM_H] = u256_from_u64(7200);
    series_session x[3] = {
        { addr(U1), addr(A), amount("2"), u256_from_u64(2000), 2800 },  /* expired at 10000 */
        { addr(U2), addr(A), amount("1"), u256_from_u64(1000), 2801 },  /* 1 s to go */
        { addr(U1), addr(B), amount("3"), u256_from_u64(3000), 1000 },  /* B's */
    };
    series_peg_detail d = { .sessions = x, .nsessions = 3 };
    waiting w = waiting_of(&s, &p, &d, A, 0);
    CHECK(w.count == 1 && w.items[0].kind == WAITING_SESSION);
    CHECK(w.count == 1 && w.items[0].method == PC_FN_CLEAR_OLD_SESSIONS &&
          strcmp(fixed(&w.items[0].amount), "2") == 0 && w.items[0].block == 50);
    CHECK(w.count == 1 && strstr(w.items[0].text, "with 0x15d3..6A65: 2 ENT still locked"));
    waiting_free(&w);

    s.total_wh = u256_from_u64(2000);
    s.total_ent = amount("3.5");
    waiting_input in = { .state = &s, .past = &p, .account = addr(A), .has_peg_threshold = true,
                         .peg_threshold = amount("1.5") };
    CHECK(waiting_compute(&in, &w, NULL) == PC_OK && w.count == 0); /* exactly 1.5 */
    waiting_free(&w);
    s.total_ent = amount("0.4");
    CHECK(waiting_compute(&in, &w, NULL) == PC_OK && w.count == 1);
    CHECK(w.count == 1 && w.items[0].kind == WAITING_PEG_GAP &&
          strcmp(fixed(&w.items[0].amount), "1.6") == 0);
    CHECK(w.count == 1 && strstr(w.items[0].text, "peg gap -1.6 ENT (more energy than ENT)"));
    waiting_free(&w);
    in.has_peg_threshold = false;
    CHECK(waiting_compute(&in, &w, NULL) == PC_OK && w.count == 0);
    waiting_free(&w);
    past_free(&p);
}

int main(void)
{
    test_votes_fills_withdrawals();
    test_sessions_and_gap();
    reset();
    return check_summary();
}
