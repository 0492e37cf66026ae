/* The confirmation's sentences (wallet/effect.h) on hand-made snapshots and
 * histories: every method the panel sends, the market matched against the
 * book, each side of a vote, every warning, the fee and the balance; and
 * with a hand-made simulation: each predicted figure replaced by the
 * simulated one (or marked an estimate without), the contract's texts, the
 * figures that change, a refusal first, what could not be simulated. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "wallet/effect.h"

static eth_address addr(uint8_t n)
{
    eth_address a;
    memset(a.b, 0, sizeof a.b);
    a.b[0] = 0xa0;
    a.b[19] = n;
    return a;
}

enum { ME = 1, BOB = 2, CAROL = 3, U1 = 10, NOT_UNIT = 12, CONTRACT = 99 };

/* The checksummed text of addr(n), with its name when given. */
static const char *hex(uint8_t n, const char *name)
{
    static char buf[8][80];
    static int next;
    char *b = buf[next++ % 8];
    eth_address a = addr(n);
    char t[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&a, t);
    if (name)
        snprintf(b, 80, "%s (%s)", t, name);
    else
        snprintf(b, 80, "%s", t);
    return b;
}

static u256 fixed(const char *text)
{
    u256 v;
    if (u256_parse_fixed(text, 18, &v, NULL) != PC_OK)
        abort();
    return v;
}

static wallet_unit g_units[1];
static wallet_session g_sessions[2];
static wallet_order g_buys[3], g_sells[2];
static wallet_vote g_votes[1];
static char g_vote_text[80];
static wallet_state g_state;
static wallet_unit_owner g_owners[1];
static view_proposal g_proposals[1];
static wallet_past g_past;
static series_session g_open[3];
static names *g_book;

static void setup(void)
{
    wallet_state *s = &g_state;
    memset(s, 0, sizeof *s);
    s->has_account = true;
    s->account = addr(ME);
    s->coin = fixed("1");
    s->block_time = 10000;
    s->params[WALLET_PARAM_H] = u256_from_u64(7200);
    s->params[WALLET_PARAM_F] = fixed("0.2");
    s->burn_cost = fixed("0.05");
    g_units[0] = (wallet_unit){ addr(U1), u256_from_u64(8000) };
    s->units = g_units, s->nunits = 1;
    g_sessions[0] = (wallet_session){ "a", u256_from_u64(10), 0, addr(U1) };
    g_sessions[1] = (wallet_session){ "b", u256_from_u64(10), 9000, addr(U1) };
    s->sessions = g_sessions, s->nsessions = 2;
    /* A sell of 2 ENT at 0.12 meets bob's 1.2 at 0.15; my own buy and
     * carol's 0.1 do not match. */
    g_buys[0] = (wallet_order){ u256_from_u64(0), addr(BOB), fixed("0.15"), fixed("1.2") };
    g_buys[1] = (wallet_order){ u256_from_u64(1), addr(ME), fixed("0.2"), fixed("5") };
    g_buys[2] = (wallet_order){ u256_from_u64(2), addr(CAROL), fixed("0.1"), fixed("1") };
    s->buys = g_buys, s->nbuys = 3;
    g_sells[0] = (wallet_order){ u256_from_u64(0), addr(BOB), fixed("0.4"), fixed("0.3") };
    g_sells[1] = (wallet_order){ u256_from_u64(1), addr(CAROL), fixed("0.35"), fixed("2") };
    s->sells = g_sells, s->nsells = 2;
    s->is_voter = true;
    snprintf(g_vote_text, sizeof g_vote_text, "Add_Voter_%s", hex(BOB, NULL) + 2);
    g_votes[0] = (wallet_vote){ g_vote_text, true, false };
    s->votes = g_votes, s->nvotes = 1;

    memset(&g_past, 0, sizeof g_past);
    g_owners[0] = (wallet_unit_owner){ addr(U1), addr(CAROL) };
    g_past.owners = g_owners, g_past.nowners = 1;
    memset(g_proposals, 0, sizeof g_proposals);
    g_proposals[0].vote = g_vote_text;
    g_proposals[0].kind = VIEW_ADD_VOTER;
    g_proposals[0].target = addr(BOB);
    g_past.governance.proposals = g_proposals, g_past.governance.nproposals = 1;
    /* Sessions the index has open at block time 10000 with H = 2 h: mine
     * of 0.75 ENT started at 2000 (expired), carol's at 2800 (expired),
     * mine at 9000 (open). */
    g_open[0] = (series_session){ addr(U1), addr(ME), fixed("0.75"), u256_from_u64(10), 2000 };
    g_open[1] = (series_session){ addr(U1), addr(CAROL), fixed("1"), u256_from_u64(10), 2800 };
    g_open[2] = (series_session){ addr(U1), addr(ME), fixed("2"), u256_from_u64(10), 9000 };
    g_past.sessions = g_open, g_past.nsessions = 3;
}

static effect_lines run(const char *method, const char *const *args, size_t nargs)
{
    effect_call c = { .method = pc_method_find(method), .nargs = nargs, .args = args, .state = &g_state,
                      .past = &g_past, .book = g_book, .own = addr(ME),
                      .contract = addr(CONTRACT), .gas_limit = 21000,
                      .max_fee_per_gas = u256_from_u64(2000000000) };
    effect_lines l;
    effect_describe(&c, &l);
    return l;
}

static size_t count(const effect_lines *l, effect_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += l->line[i].kind == kind;
    return n;
}

/* The i-th line of that kind, or "" when there are fewer. */
static const char *nth(const effect_lines *l, effect_kind kind, size_t i)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->line[k].kind == kind && i-- == 0)
            return l->line[k].text;
    return "";
}

#define WHAT(l, i) nth(&(l), EFFECT_WHAT, i)
#define WARN(l, i) nth(&(l), EFFECT_WARNING, i)
#define ARGS(...) (const char *const[]){ __VA_ARGS__ }, sizeof (const char *const[]){ __VA_ARGS__ } / sizeof(const char *)
#define RUN(method, ...) run(method, ARGS(__VA_ARGS__))

static char g_line[400];
static const char *fmt(const char *f, const char *a, const char *b)
{
    snprintf(g_line, sizeof g_line, f, a, b ? b : "");
    return g_line;
}

static void test_tokens(void)
{
    effect_lines l = RUN("transferENT", hex(BOB, NULL), "1.5");
    CHECK_STR(WHAT(l, 0), fmt("transfers 1.5 ENT to %s", hex(BOB, "bob"), NULL));
    CHECK(count(&l, EFFECT_WARNING) == 0);
    l = RUN("transfereEuro", hex(CAROL, NULL), "2");
    CHECK_STR(WHAT(l, 0), fmt("transfers 2 eEuro to %s", hex(CAROL, NULL), NULL));
    l = RUN("lockeEuro", "0.4");
    CHECK_STR(WHAT(l, 0), "locks 0.4 eEuro for the banker to pay out in euros (a withdrawal)");
    l = RUN("minteEuro", hex(BOB, NULL), "10");
    CHECK_STR(WHAT(l, 0), fmt("mints 10 eEuro into %s (euros received)", hex(BOB, "bob"), NULL));
    l = RUN("burneEuro", hex(ME, NULL), "0.4");
    CHECK_STR(WHAT(l, 0), fmt("burns 0.4 eEuro that %s locked for withdrawal (paid out in euros)",
                              hex(ME, NULL), NULL));
    CHECK(count(&l, EFFECT_WARNING) == 0); /* the banker settles its own withdrawal */
    l = RUN("unlockeEuro", hex(BOB, NULL), "0.4");
    CHECK_STR(WHAT(l, 0), fmt("gives 0.4 eEuro locked by %s back to them (withdrawal refused)",
                              hex(BOB, "bob"), NULL));
}

static void test_energy(void)
{
    /* 0.525 ENT at burn cost 0.05 ENT/kWh: 525*1000/1.05 = 500 Wh. */
    effect_lines l = RUN("startConsumptionSession", hex(U1, NULL), "0.525");
    CHECK_STR(WHAT(l, 0), fmt("buys 500 Wh from %s", hex(U1, "u1"), NULL));
    CHECK_STR(WHAT(l, 1), "locks 0.525 ENT until the session is used up or expires");
    CHECK(count(&l, EFFECT_WARNING) == 0);
    /* Expired sessions are no longer among the node's (the snapshot's):
     * counted from the index's, at the snapshot's time. */
    l = run("clearOldSessions", NULL, 0);
    CHECK_STR(WHAT(l, 0), "closes every expired session and returns its ENT and energy");
    CHECK_STR(WHAT(l, 1), "2 sessions have expired, 1 of them yours: 0.75 ENT comes back to you");
    g_past.nsessions = 1;
    l = run("clearOldSessions", NULL, 0);
    CHECK_STR(WHAT(l, 1), "1 of your sessions has expired: 0.75 ENT comes back to you");
    g_state.block_time = 2000 + 7199;
    l = run("clearOldSessions", NULL, 0);
    CHECK(count(&l, EFFECT_WARNING) == 1);
    CHECK_STR(WARN(l, 0), "no session has expired: the call changes nothing");
    g_past.nsessions = 2;
    g_state.block_time = 2800 + 7200;
    l = run("clearOldSessions", NULL, 0);
    CHECK_STR(WHAT(l, 1), "2 sessions have expired, 1 of them yours: 0.75 ENT comes back to you");
    g_open[0].start = 2801;
    l = run("clearOldSessions", NULL, 0);
    CHECK_STR(WHAT(l, 1), "1 session of others has expired, none of yours");
    effect_call unread = { .method = pc_method_find("clearOldSessions"), .state = &g_state, .own = addr(ME) };
    effect_describe(&unread, &l);
    CHECK_STR(WHAT(l, 1), "how many have expired is not known: the history index has not "
                          "been read");
    setup();
    /* As the unit: 5000 Wh at mint cost 0 mint 5 ENT, F = 20% to the owner. */
    g_state.account = addr(U1);
    effect_call c = { .method = pc_method_find("energyProduced"), .nargs = 2,
                      .args = (const char *const[]){ hex(BOB, NULL), "5000" },
                      .state = &g_state, .past = &g_past, .book = g_book, .own = addr(U1),
                      .contract = addr(CONTRACT) };
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), fmt("mints about 4 ENT to %s for 5000 Wh produced", hex(BOB, "bob"),
                              NULL));
    CHECK_STR(WHAT(l, 1), fmt("and about 1 ENT to this unit's owner %s", hex(CAROL, NULL), NULL));
    c.method = pc_method_find("energyConsumed");
    c.args = (const char *const[]){ hex(BOB, NULL), "1000" };
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), fmt("burns about 1.05 ENT of %s's locked ENT for 1000 Wh consumed",
                              hex(BOB, "bob"), NULL));
    c.method = pc_method_find("reportActualEnergy");
    c.nargs = 1;
    c.args = (const char *const[]){ "7000" };
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), "reports 7000 Wh really stored in this unit");
    CHECK_STR(WHAT(l, 1), "the books say 8000 Wh available now");
    g_state.account = addr(ME);
}

static void test_market(void)
{
    effect_lines l = RUN("addOrder", "0.12", "2", "sell");
    CHECK_STR(WHAT(l, 0), "sells 2 ENT at 0.12 eEuro/ENT: trades 1.2 ENT at once for 0.144 "
                          "eEuro, the rest waits");
    CHECK_STR(WHAT(l, 1), "locks 2 ENT until it trades or is removed");
    /* The cheapest sell first: carol's 2 at 0.35 fills the whole buy. */
    l = RUN("addOrder", "0.5", "1", "buy");
    CHECK_STR(WHAT(l, 0), "buys 1 ENT at up to 0.5 eEuro/ENT: trades all of it at once for "
                          "0.35 eEuro");
    CHECK_STR(WHAT(l, 1), "locks 0.5 eEuro until it trades or is removed");
    /* Both sells, the cheaper first: 2 at 0.35 then 0.3 at 0.4. */
    l = RUN("addOrder", "0.5", "3", "buy");
    CHECK_STR(WHAT(l, 0), "buys 3 ENT at up to 0.5 eEuro/ENT: trades 2.3 ENT at once for "
                          "0.82 eEuro, the rest waits");
    l = RUN("addOrder", "0.3", "1", "buy");
    CHECK_STR(WHAT(l, 0), "buys 1 ENT at up to 0.3 eEuro/ENT: nothing matches now, it waits "
                          "in the book");
    l = RUN("removeOrder", "1", "buy");
    CHECK_STR(WHAT(l, 0), "removes your buy order #1 (5 ENT at 0.2 eEuro/ENT) and unlocks "
                          "1 eEuro");
    CHECK(count(&l, EFFECT_WARNING) == 0);
    l = RUN("removeOrder", "0", "buy");
    CHECK_STR(WHAT(l, 0), "removes your buy order #0");
    CHECK_STR(WARN(l, 0), "the book holds no open buy order #0 of yours");
}

static void test_votes(void)
{
    effect_lines l = RUN("addVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 0), "turns your vote against");
    CHECK_STR(WHAT(l, 1), fmt("the proposal: make %s a voter", hex(BOB, "bob"), NULL));
    g_votes[0].in_favour = false;
    l = RUN("addVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 0), "turns your vote in favour");
    g_state.nvotes = 0;
    l = RUN("addVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 0), "adds your vote in favour");
    g_state.missing |= WALLET_SEC_VOTES;
    l = RUN("addVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 0), "turns your vote around (your side could not be read)");
    g_proposals[0].passed = true;
    l = RUN("addVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 0), "proposes again a passed change");
    l = RUN("addVoter", hex(CAROL, NULL));
    CHECK_STR(WHAT(l, 0), "proposes it, with your vote in favour");
    l = RUN("removeVoter", hex(BOB, NULL));
    CHECK_STR(WHAT(l, 1), fmt("the proposal: remove %s from the voters", hex(BOB, "bob"), NULL));
    l = RUN("registerStorageUnit", hex(NOT_UNIT, NULL), hex(CAROL, NULL));
    CHECK_STR(WHAT(l, 1), fmt("the proposal: register %s as a storage unit owned by %s",
                              hex(NOT_UNIT, NULL), hex(CAROL, NULL)));
    CHECK(count(&l, EFFECT_WARNING) == 0);
    l = RUN("removeStorageUnit", hex(U1, NULL));
    CHECK_STR(WHAT(l, 1), fmt("the proposal: remove the storage unit %s", hex(U1, "u1"), NULL));
    CHECK(count(&l, EFFECT_WARNING) == 0);
    l = RUN("changeBanker", hex(ME, NULL));
    CHECK_STR(WHAT(l, 1), fmt("the proposal: make %s the banker", hex(ME, NULL), NULL));
    CHECK(count(&l, EFFECT_WARNING) == 0);
    g_state.missing = 0;
    l = RUN("setParameter", "H", "3");
    CHECK_STR(WHAT(l, 1), "the proposal: set H to 3 h (now 2 h)");
    l = RUN("setParameter", "C", "0.1");
    CHECK_STR(WHAT(l, 1), "the proposal: set C to 10% (now 0%)");
    l = run("destroy", NULL, 0);
    CHECK_STR(WHAT(l, 1), "the proposal: retire the contract");
    effect_call c = { .method = pc_method_find("addVoter"), .nargs = 1,
                      .args = (const char *const[]){ hex(BOB, NULL) }, .own = addr(ME) };
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), "votes on it (the history is not read yet: whether this adds your "
                          "vote or turns it around is unknown)");
}

static void test_warnings(void)
{
    const char *zero = "0x0000000000000000000000000000000000000000";
    effect_lines l = RUN("transferENT", zero, "1");
    CHECK_STR(WARN(l, 0), "TO is the zero address: nobody holds its key");
    l = RUN("transferENT", hex(ME, NULL), "1");
    CHECK_STR(WARN(l, 0), "TO is your own address");
    l = RUN("transfereEuro", hex(CONTRACT, NULL), "1");
    CHECK_STR(WARN(l, 0), "TO is the contract's own address, not a person's");
    l = RUN("startConsumptionSession", hex(NOT_UNIT, NULL), "1");
    CHECK_STR(WARN(l, 0), fmt("UNIT %s is not an active storage unit",
                              hex(NOT_UNIT, NULL), NULL));
    l = RUN("removeStorageUnit", hex(NOT_UNIT, NULL));
    CHECK_STR(WARN(l, 0), fmt("UNIT %s is not an active storage unit", hex(NOT_UNIT, NULL),
                              NULL));
    l = RUN("startConsumptionSession", hex(U1, NULL), "0.000000000000000001");
    CHECK_STR(WARN(l, 0), "0.000000000000000001 ENT rounds down to 0 Wh: the lock buys nothing");
    l = RUN("addOrder", "0.000000000000000001", "0.5", "buy");
    CHECK_STR(WARN(l, 0), "the eEuro it locks rounds down to 0: price x amount is below the "
                          "smallest eEuro unit");
    l = RUN("transferENT", "bob", "1");
    CHECK(count(&l, EFFECT_WHAT) == 0 && count(&l, EFFECT_WARNING) == 1);
    l = run("balanceENT", NULL, 0);
    CHECK_STR(WARN(l, 0), "balanceENT: no description of what it does");
}

static void test_fee(void)
{
    effect_lines l = RUN("lockeEuro", "1");
    CHECK_STR(nth(&l, EFFECT_FEE, 0), "fee at most 0.000042 ETH (21000 gas x 2 gwei)");
    CHECK_STR(nth(&l, EFFECT_BALANCE, 0), "your balance 1 ETH");
    CHECK(count(&l, EFFECT_WARNING) == 0);
    g_state.coin = fixed("0.00004");
    l = RUN("lockeEuro", "1");
    CHECK_STR(WARN(l, 0), "the fee can reach 0.000042 ETH, more than the 0.00004 ETH you "
                          "hold: the node will refuse it");
    g_state.missing |= WALLET_SEC_COIN;
    l = RUN("lockeEuro", "1");
    CHECK_STR(nth(&l, EFFECT_BALANCE, 0), "your ETH balance could not be read");
    CHECK(count(&l, EFFECT_WARNING) == 0);
    g_state.missing = 0;
    g_state.coin = fixed("1");
}

static wallet_figure figure(uint8_t who, wallet_figure_kind what, const char *before,
                            const char *after)
{
    return (wallet_figure){ .account = addr(who), .what = what, .has_before = true,
                            .before = fixed(before), .has_after = after != NULL,
                            .after = after ? fixed(after) : u256_zero() };
}

static void test_simulated(void)
{
    /* U1 reports 1500 Wh against bob's 1000 Wh session: the contract burns
     * the session's 1 ENT, not 1.5 at the snapshot's cost. */
    pc_event texts[1] = { { false, "Energy consumed >> 1000 Wh by bob: 1 ENT burned; 500 Wh "
                                   "beyond the session, session ended" } };
    wallet_figure figs[3] = { figure(BOB, WALLET_FIG_ENT_LOCKED, "1", "0"),
                              figure(BOB, WALLET_FIG_ENT, "2", "2"),
                              figure(CONTRACT, WALLET_FIG_TOTAL_ENT, "10", "9") };
    wallet_sim sim = { .via = SIM_SIMULATE_V1, .outcome = WALLET_SIM_OK, .has_texts = true,
                       .texts = texts, .ntexts = 1, .figures = figs, .nfigures = 3 };
    const char *const args[] = { hex(BOB, NULL), "1500" };
    effect_call c = { .method = pc_method_find("energyConsumed"), .nargs = 2, .args = args, .state = &g_state,
                      .book = g_book, .own = addr(U1), .contract = addr(CONTRACT) };
    effect_lines l;
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), fmt("burns about 1.575 ENT of %s's locked ENT for 1500 Wh consumed",
                              hex(BOB, "bob"), NULL));
    CHECK(l.line[0].basis == EFFECT_ESTIMATE && !l.refused);
    c.no_sim = "the node could not be reached";
    effect_describe(&c, &l);
    CHECK_STR(nth(&l, EFFECT_NOTE, 0), "not simulated: the node could not be reached");
    c.sim = &sim;
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 0), fmt("burns 1 ENT of %s's locked ENT for 1500 Wh consumed",
                              hex(BOB, "bob"), NULL));
    CHECK(l.line[0].basis == EFFECT_SIMULATED && !l.refused);
    CHECK(count(&l, EFFECT_WARNING) == 0 && count(&l, EFFECT_NOTE) == 0);
    CHECK_STR(nth(&l, EFFECT_TEXT, 0), "Info: Energy consumed >> 1000 Wh by bob: 1 ENT burned; "
                                       "500 Wh beyond the session, session ended");
    CHECK(count(&l, EFFECT_CHANGE) == 2); /* bob's available ENT did not change */
    CHECK_STR(nth(&l, EFFECT_CHANGE, 0), fmt("%s: ENT locked 1 ENT -> 0 ENT", hex(BOB, "bob"),
                                             NULL));
    CHECK_STR(nth(&l, EFFECT_CHANGE, 1), "ENT in circulation 10 ENT -> 9 ENT");
    /* The contract's Error comes first, as a warning, and says No. */
    texts[0] = (pc_event){ true, "No open consumption session with bob" };
    figs[0].after = figs[0].before;
    figs[2].after = figs[2].before;
    sim.outcome = WALLET_SIM_ERROR;
    effect_describe(&c, &l);
    CHECK(l.refused);
    CHECK_STR(WARN(l, 0), "the contract would refuse it: Error: No open consumption session "
                          "with bob");
    CHECK_STR(WHAT(l, 0), fmt("burns 0 ENT of %s's locked ENT for 1500 Wh consumed",
                              hex(BOB, "bob"), NULL));
    /* A revert, through debug_traceCall: no figure after it. */
    sim = (wallet_sim){ .via = SIM_TRACE_CALL, .outcome = WALLET_SIM_REVERTED, .has_texts = true,
                        .revert_reason = "panic 0x11 (arithmetic overflow or underflow)" };
    effect_describe(&c, &l);
    CHECK(l.refused && l.line[0].basis == EFFECT_ESTIMATE);
    CHECK_STR(WARN(l, 0), "the contract would refuse it: reverted: panic 0x11 (arithmetic "
                          "overflow or underflow)");
    CHECK_STR(nth(&l, EFFECT_TEXT, 0), "reverted: panic 0x11 (arithmetic overflow or underflow)");
    CHECK_STR(nth(&l, EFFECT_NOTE, 0), "the node offers no eth_simulateV1: the figures after it "
                                       "(ENT, eEuro, energy, coin) could not be simulated");
    /* A clearing gives back what the simulation says, however many
     * sessions the snapshot thought expired. */
    wallet_figure mine[1] = { figure(ME, WALLET_FIG_ENT_LOCKED, "1.5", "0.5") };
    sim = (wallet_sim){ .via = SIM_SIMULATE_V1, .has_texts = true, .figures = mine,
                        .nfigures = 1 };
    c = (effect_call){ .method = pc_method_find("clearOldSessions"), .state = &g_state, .own = addr(ME),
                       .contract = addr(CONTRACT), .sim = &sim };
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 1), "gives you back 1 ENT locked in expired sessions");
    CHECK_STR(nth(&l, EFFECT_TEXT, 0), "no Info or Error text");
    /* With the index's sessions: counted there, the ENT back simulated. */
    c.past = &g_past;
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 1), "2 sessions have expired, 1 of them yours: 1 ENT comes back to you");
    CHECK(l.line[1].basis == EFFECT_SIMULATED);
    c.sim = NULL;
    effect_describe(&c, &l);
    CHECK_STR(WHAT(l, 1), "2 sessions have expired, 1 of them yours: 0.75 ENT comes back to you");
    CHECK(l.line[1].basis == EFFECT_ESTIMATE);
}

/* Without the costs or the book, the method table's sentence of intent
 * alone, with what could not be read. */
static void test_unread(void)
{
    unsigned missing = g_state.missing;
    g_state.missing |= WALLET_SEC_COSTS | WALLET_SEC_ORDERS;
    effect_lines l = RUN("startConsumptionSession", hex(U1, NULL), "1");
    CHECK_STR(WHAT(l, 0), fmt("locks 1 ENT for energy from %s (the burn cost could not be read)",
                              hex(U1, "u1"), NULL));
    l = RUN("energyProduced", hex(BOB, NULL), "5000");
    CHECK_STR(WHAT(l, 0), fmt("mints ENT to %s for 5000 Wh produced (the costs could not be "
                              "read)", hex(BOB, "bob"), NULL));
    l = RUN("energyConsumed", hex(BOB, NULL), "1500");
    CHECK_STR(WHAT(l, 0), fmt("burns %s's locked ENT for 1500 Wh consumed", hex(BOB, "bob"),
                              NULL));
    l = RUN("addOrder", "0.5", "1", "buy");
    CHECK_STR(WHAT(l, 0), "buys 1 ENT at up to 0.5 eEuro/ENT (the book could not be read)");
    l = RUN("addOrder", "0.5", "1", "sell");
    CHECK_STR(WHAT(l, 0), "sells 1 ENT at 0.5 eEuro/ENT (the book could not be read)");
    l = RUN("removeOrder", "3", "sell");
    CHECK_STR(WHAT(l, 0), "removes your sell order #3");
    CHECK(count(&l, EFFECT_WARNING) == 0);
    g_state.missing = missing;
}

int main(void)
{
    pc_error e = { 0 };
    eth_address b = addr(BOB), u = addr(U1);
    if (names_new(&g_book, &e) != PC_OK || names_add_contact(g_book, "bob", &b, &e) != PC_OK ||
        names_add_contact(g_book, "u1", &u, &e) != PC_OK)
        return 1;
    setup();
    test_tokens();
    test_energy();
    test_market();
    test_unread();
    test_votes();
    test_warnings();
    test_fee();
    test_simulated();
    names_free(g_book);
    return check_summary();
}
