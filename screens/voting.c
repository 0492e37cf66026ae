/* 5 Voting: every proposal replayed from the history index, open ones
 * first and passed ones apart, each with what it does, its tally and the
 * account's side (getVotes); under them the chosen one's vote string and
 * who is in favour and against. Voters join (`y`) or oppose (`o`) the
 * chosen proposal or turn their vote around (`v`): the contract toggles the
 * caller's side on each call (PROTOCOL.md, Voting), so the confirmation
 * says what this call does. New proposals: add/remove a voter,
 * register/remove a storage unit, change the banker, set a parameter. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/vote.h"
#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

typedef struct voting_state {
    screen_list list;
} voting_state;

/* The proposals in page order (open, then passed) that pass the filter, as
 * positions in the governance replay they were built from. */
typedef struct proposal_order {
    size_t *at;
    size_t n, nopen, total;
} proposal_order;


static const view_governance *governance(const tui_app *app)
{
    const wallet_past *p = tui_app_past(app);
    return p ? &p->governance : NULL;
}

static bool proposal_matches(const screen_list *l, const view_proposal *p)
{
    if (!l->filter[0]) /* nothing to format */
        return true;
    char what[200], tally[64], text[600];
    view_proposal_describe(p, what, sizeof what);
    view_proposal_tally(p, tally, sizeof tally);
    snprintf(text, sizeof text, "%s %s %s %s", what, tally, p->vote, p->passed ? "passed" : "open");
    return screen_list_match(l, text);
}

/* False when out of memory. */
static bool build_order(const screen_list *l, const view_governance *g, proposal_order *o)
{
    *o = (proposal_order){ .total = g->nproposals };
    if (g->nproposals == 0)
        return true;
    if (!(o->at = malloc(g->nproposals * sizeof *o->at)))
        return false;
    for (int passed = 0; passed < 2; passed++) {
        for (size_t i = 0; i < g->nproposals; i++)
            if (g->proposals[i].passed == (passed == 1) && proposal_matches(l, &g->proposals[i]))
                o->at[o->n++] = i;
        if (!passed)
            o->nopen = o->n;
    }
    return true;
}

typedef enum side { SIDE_UNKNOWN, SIDE_NONE, SIDE_FOR, SIDE_AGAINST } side;

/* The account's side on a vote string, from the live getVotes. */
static side account_side(const wallet_state *s, const char *vote)
{
    if (!s || !s->is_voter || (s->missing & WALLET_SEC_VOTES))
        return SIDE_UNKNOWN;
    for (size_t i = 0; i < s->nvotes; i++)
        if (strcmp(s->votes[i].text, vote) == 0)
            return s->votes[i].in_favour ? SIDE_FOR : SIDE_AGAINST;
    return SIDE_NONE;
}

/* The list's table: the account's side, the tally and what the proposal
 * does, which wraps in the room left (with whole addresses when they fit
 * on its first line, else short ones with names). */
enum { COL_SIDE, COL_TALLY, COL_WHAT, NCOLS };

typedef struct proposal_rows {
    const tui_app *app;
    const wallet_state *s;
    const view_governance *g;
    const proposal_order *o;
    const table_layout *l;
} proposal_rows;

static const char *const SIDES[] = { "", "not voted", "in favour", "against" };

/* Row i's texts (what into what_buf). */
static void proposal_texts(const proposal_rows *c, size_t i, char *tally, size_t tcap, char *what,
                           size_t wcap, const char *texts[NCOLS])
{
    const view_proposal *p = &c->g->proposals[c->o->at[i]];
    char plain[200];
    side sd = p->passed ? SIDE_UNKNOWN : account_side(c->s, p->vote);
    view_proposal_describe(p, plain, sizeof plain);
    int w = c->l->w[COL_WHAT];
    screen_text_addresses(c->app, plain, true, w, what, wcap);
    if (table_text_width(what) > w)
        screen_text_addresses(c->app, plain, false, w, what, wcap);
    view_proposal_tally(p, tally, tcap);
    texts[COL_SIDE] = SIDES[sd];
    texts[COL_TALLY] = tally;
    texts[COL_WHAT] = what;
}

/* Rows entry i takes, the heading of the passed ones included. */
static int proposal_height(void *ctx, size_t i)
{
    const proposal_rows *c = ctx;
    char tally[64], what[400];
    const char *texts[NCOLS];
    proposal_texts(c, i, tally, sizeof tally, what, sizeof what, texts);
    return tui_table_rows(c->l, texts) + (i == c->o->nopen && i > 0);
}

static int draw_proposal(const proposal_rows *c, WINDOW *win, int y, int bottom, size_t i,
                         bool chosen)
{
    static const tui_style STYLES[] = { TUI_DIM, TUI_DIM, TUI_GOOD, TUI_BAD };
    const view_proposal *p = &c->g->proposals[c->o->at[i]];
    char tally[64], what[400];
    const char *texts[NCOLS];
    proposal_texts(c, i, tally, sizeof tally, what, sizeof what, texts);
    side sd = p->passed ? SIDE_UNKNOWN : account_side(c->s, p->vote);
    const tui_style styles[NCOLS] = { STYLES[sd], p->passed ? TUI_GOOD : TUI_NORMAL, TUI_NORMAL };
    tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    return tui_table_row(win, y, 2, bottom, c->l, texts, styles);
}

/* "0xf39F..2266 alice, 0x7099..79C8" into out, or "nobody". */
static void list_addresses(const tui_app *app, const eth_address *a, size_t n, char *out,
                           size_t cap)
{
    size_t used = 0;
    snprintf(out, cap, "nobody");
    for (size_t i = 0; i < n && used < cap; i++) {
        char s[96];
        screen_named_address(app, &a[i], INT_MAX, s, sizeof s);
        used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? ", " : "", s);
    }
}

/* The chosen proposal under the list, from row y to the page's bottom:
 * what it does, its vote string, its tally, who is in favour and against,
 * each wrapped; what does not fit is said. Returns nothing: it takes the
 * rows it is given. */
static void draw_detail(const tui_app *app, WINDOW *win, int y, const view_proposal *p)
{
    char what[400], plain[200], tally[64], line[256], yes[1024], no[1024], in_favour[1040],
        against[1040];
    int W = getmaxx(win);
    view_proposal_describe(p, plain, sizeof plain);
    screen_text_addresses(app, plain, true, W - 4, what, sizeof what);
    view_proposal_tally(p, tally, sizeof tally);
    if (p->passed)
        snprintf(line, sizeof line, "passed at block #%llu with %s",
                 (unsigned long long)p->passed_block, tally);
    else
        snprintf(line, sizeof line, "%s, passes at more than half; first vote at block #%llu",
                 tally, (unsigned long long)p->first_block);
    list_addresses(app, p->in_favour, p->nin_favour, yes, sizeof yes);
    list_addresses(app, p->against, p->nagainst, no, sizeof no);
    snprintf(in_favour, sizeof in_favour, "in favour: %s", yes);
    snprintf(against, sizeof against, "against: %s", no);
    const struct { const char *text; tui_style style; const char *sep; } PARTS[] = {
        { what, TUI_TITLE, NULL },   { p->vote, TUI_ACCENT, "_" },
        { line, p->passed ? TUI_GOOD : TUI_NORMAL, ", " },
        { in_favour, TUI_GOOD, ", " }, { against, TUI_BAD, ", " },
    };
    screen_flow f = screen_flow_start(win, y);
    for (size_t k = 0; k < sizeof PARTS / sizeof PARTS[0]; k++) {
        int rows = tui_text_rows(W - 2, 2, PARTS[k].sep, PARTS[k].text);
        if (!screen_flow_fits(&f, rows, k + 1 == sizeof PARTS / sizeof PARTS[0],
                              "the rest of it"))
            break;
        f.y += tui_text(win, f.y, 2, W - 2, 2, 0, PARTS[k].style, PARTS[k].sep, PARTS[k].text);
    }
}

/* Rows the chosen proposal's detail gets under the list. */
#define VOTING_DETAIL 7

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    voting_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int y = 0, H = getmaxy(win), W = getmaxx(win);
    if (!s->is_voter)
        y += tui_text(win, y, 2, 0, 2, 0, TUI_WARN, NULL,
                      "This account is not a voter: only voters vote and make proposals.");
    if (screen_past_missing(win, &y, app))
        return;
    const view_governance *g = governance(app);
    proposal_order o;
    if (!build_order(&st->list, g, &o)) {
        tui_print(win, y, 2, 0, TUI_BAD, "out of memory for the proposals");
        return;
    }
    table_col cols[NCOLS] = {
        [COL_SIDE] = { .priority = 5, .width = { 9 } },
        [COL_TALLY] = { .priority = 8, .keep = true },
        [COL_WHAT] = { .priority = 9, .keep = true, .fill = true, .min = 24 },
    };
    for (size_t i = 0; i < g->nproposals; i++) {
        char tally[64];
        view_proposal_tally(&g->proposals[i], tally, sizeof tally);
        table_col_see(&cols[COL_TALLY], 0, tally);
    }
    table_layout l;
    /* The account's side only when there are open proposals to have one on
     * (a column with nothing in it takes no room). */
    if (o.nopen == 0)
        cols[COL_SIDE].width[0] = 0;
    table_fit(cols, NCOLS, W - 2, 2, 4, &l);
    /* The list scrolls as one, open ones first; the heading of the section
     * its first row is in stays on top, the passed ones' heading goes
     * before them; the line under the list says where the cursor is. */
    int detail = o.n > 0 ? VOTING_DETAIL : 0;
    if (o.nopen == 0)
        tui_print(win, y++, 0, 0, TUI_TITLE, "Open proposals: %s",
                  st->list.filter[0] ? "none matches" : "none");
    int rows = H - y - 2 - detail; /* under the section's heading, above the list's line */
    if (rows < 1) {
        free(o.at);
        return;
    }
    screen_list_footer(win, y + 1 + rows, &st->list, "proposal", o.n, o.total, NULL, NULL);
    proposal_rows c = { app, s, g, &o, &l };
    size_t fit = 0, first = 0;
    if (o.n > 0)
        first = screen_list_begin_rows(&st->list, o.n, rows, proposal_height, &c, &fit);
    bool passed_first = o.n > 0 && first >= o.nopen;
    screen_heading(win, y++, passed_first ? "Passed proposals" : "Open proposals");
    int bottom = y + rows;
    for (size_t i = first; i < first + fit && y < bottom; i++) {
        if (i == o.nopen && i > first)
            screen_heading(win, y++, "Passed proposals");
        screen_list_mark(&st->list, y, i);
        y += draw_proposal(&c, win, y, bottom, i, i == st->list.cursor);
    }
    if (o.n > 0)
        draw_detail(app, win, H - detail, &g->proposals[o.at[st->list.cursor]]);
    free(o.at);
}

/* The labels of each vote form's fields, as the forms below name them. */
static const struct {
    pc_fn method;
    const char *labels[2];
} VOTES[] = {
    { PC_FN_ADD_VOTER, { "Address" } },
    { PC_FN_REMOVE_VOTER, { "Address" } },
    { PC_FN_REGISTER_STORAGE_UNIT, { "Unit", "Owner" } },
    { PC_FN_REMOVE_STORAGE_UNIT, { "Unit" } },
    { PC_FN_CHANGE_BANKER, { "New banker" } },
    { PC_FN_SET_PARAMETER, { "Parameter", "Value" } },
    { PC_FN_DESTROY, { NULL } },
};

/* Calls the vote recorded as `text` again, through the usual confirmation,
 * which says what the call does to the account's vote (wallet/effect.h). */
static void revote(tui_app *app, const char *text)
{
    pc_vote v;
    if (pc_vote_parse(text, &v, NULL) != PC_OK) {
        tui_app_message(app, true, "cannot read the vote \"%.60s\" back into a proposal", text);
        return;
    }
    size_t at = 0, n = sizeof VOTES / sizeof VOTES[0];
    while (at < n && VOTES[at].method != v.method->id)
        at++;
    tui_form_spec spec = { .title = "Vote", .method = v.method->id, .nfields = v.nargs };
    for (size_t i = 0; i < v.nargs; i++)
        spec.fields[i] = (tui_field_spec){ .label = at < n ? VOTES[at].labels[i] : NULL,
                                           .preset = v.args[i] };
    tui_app_submit_form(app, &spec);
}

/* Two proposals that make the same call (one passed, one proposed again). */
static bool same_call(const view_proposal *a, const view_proposal *b)
{
    return a->kind == b->kind && eth_address_equal(&a->target, &b->target) &&
           eth_address_equal(&a->owner, &b->owner) && a->param == b->param &&
           u256_cmp(&a->value, &b->value) == 0;
}

/* `y` (in favour), `o` (against) or `v` (the other side) on the chosen
 * proposal: one call toggles the caller's side, so the call is sent only
 * when it moves the account where the key asks, and the confirmation says
 * which way. */
static void vote(tui_app *app, const wallet_state *s, const view_governance *g,
                 const proposal_order *o, size_t cursor, int ch)
{
    if (!g || cursor >= o->n) {
        tui_app_message(app, true, "no proposal to vote on");
        return;
    }
    const view_proposal *p = &g->proposals[o->at[cursor]];
    if (p->passed) {
        if (ch == 'o') {
            tui_app_message(app, true, "it passed: there is no vote left to oppose");
            return;
        }
        for (size_t i = 0; i < g->nproposals; i++)
            if (!g->proposals[i].passed && same_call(&g->proposals[i], p)) {
                tui_app_message(app, true, "proposed again already as %.80s: choose that one",
                                g->proposals[i].vote);
                return;
            }
        revote(app, p->vote);
        return;
    }
    /* Per side: the key that would move the vote the other way (so sends
     * nothing) and why. */
    static const struct { int refused; const char *why; } BY_SIDE[] = {
        [SIDE_UNKNOWN] = { 0, "" },
        [SIDE_NONE] = { 'o', "you have not voted on it: a first vote counts in favour, so "
                             "there is nothing to turn against" },
        [SIDE_FOR] = { 'y', "you are in favour already" },
        [SIDE_AGAINST] = { 'o', "you are against already" },
    };
    side sd = account_side(s, p->vote);
    if (ch == BY_SIDE[sd].refused)
        tui_app_message(app, true, "%s", BY_SIDE[sd].why);
    else
        revote(app, p->vote);
}

static bool key(tui_app *app, void *state, int ch)
{
    voting_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    static const tui_form_spec add_voter = {
        .title = "Vote: add a voter", .method = PC_FN_ADD_VOTER, .nfields = 1,
        .fields = { { .label = "Address" } },
    };
    static const tui_form_spec remove_voter = {
        .title = "Vote: remove a voter", .method = PC_FN_REMOVE_VOTER, .nfields = 1,
        .fields = { { .label = "Address" } },
    };
    static const tui_form_spec add_unit = {
        .title = "Vote: register a storage unit", .method = PC_FN_REGISTER_STORAGE_UNIT,
        .nfields = 2,
        .fields = { { .label = "Unit" },
                    { .label = "Owner" } },
    };
    static const tui_form_spec remove_unit = {
        .title = "Vote: remove a storage unit", .method = PC_FN_REMOVE_STORAGE_UNIT, .nfields = 1,
        .fields = { { .label = "Unit" } },
    };
    static const tui_form_spec banker = {
        .title = "Vote: change the banker", .method = PC_FN_CHANGE_BANKER, .nfields = 1,
        .fields = { { .label = "New banker" } },
    };
    static const tui_form_spec param = {
        .title = "Vote: set a parameter (M, B, C, F fractions; H whole hours)",
        .method = PC_FN_SET_PARAMETER, .nfields = 2,
        .fields = { { .label = "Parameter" },
                    { .label = "Value" } },
    };
    static const struct { int key; const tui_form_spec *form; } KEYS[] = {
        { 'a', &add_voter }, { 'd', &remove_voter }, { 'u', &add_unit },
        { 'x', &remove_unit }, { 'b', &banker }, { 'p', &param },
    };
    /* The order of the past held now (a past read since the last draw may
     * be shorter: a reorganisation rolled blocks back). */
    const view_governance *g = governance(app);
    proposal_order o = { 0 };
    if (g && !build_order(&st->list, g, &o)) {
        tui_app_message(app, true, "out of memory for the proposals");
        return true;
    }
    bool list_key = screen_list_key(&st->list, ch, o.n);
    if (!list_key && (ch == 'y' || ch == 'o' || ch == 'v')) {
        if (s && s->is_voter)
            vote(app, s, g, &o, st->list.cursor, ch);
        else
            tui_app_message(app, true, "only voters can vote");
    }
    free(o.at);
    if (list_key || ch == 'y' || ch == 'o' || ch == 'v')
        return true;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (ch != KEYS[i].key)
            continue;
        if (s && !s->is_voter)
            tui_app_message(app, true, "only voters can make proposals");
        else
            tui_app_open_form(app, KEYS[i].form);
        return true;
    }
    return false;
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)app, (void)x;
    voting_state *st = state;
    return screen_list_click(&st->list, y) != 0;
}

const tui_page screen_voting = {
    .title = "Voting",
    .hints = "y join  o oppose  v change your vote  a/d add/remove voter  "
             "u/x register/remove unit  b banker  p parameter  " SCREEN_LIST_HINTS,
    .state_size = sizeof(voting_state),
    .draw = draw,
    .key = key,
    .click = click,
};
