/* 6 Banker (banker only): eEuro in circulation, withdrawal requests (eEuro
 * that accounts locked to be paid out and the banker has not settled yet,
 * replayed from the history index: buy orders' locks are not requests)
 * with their count and total, mint, burn, unlock, and the requests'
 * export as CSV (the same as `withdrawals --csv`). */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keystore/safefile.h"
#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

typedef struct banker_state {
    screen_list list; /* the withdrawal requests */
} banker_state;

/* The requests, or none before the index was read. */
static const view_withdrawals *requests(const tui_app *app)
{
    const wallet_past *p = tui_app_past(app);
    return p ? &p->withdrawals : NULL;
}

/* The requests that pass the filter, as positions in w; false when out of
 * memory. */
static bool filter_requests(const tui_app *app, const screen_list *l, const view_withdrawals *w,
                            size_t **at, size_t *n)
{
    *n = 0;
    *at = NULL;
    if (!w || w->count == 0)
        return true;
    if (!(*at = malloc(w->count * sizeof **at)))
        return false;
    for (size_t i = 0; i < w->count; i++) {
        char a[ETH_ADDRESS_TEXT_LEN], amount[PC_UNIT_TEXT_MAX], when[24], text[256];
        const char *name = names_lookup(tui_app_names(app), &w->items[i].account);
        eth_address_to_checksum(&w->items[i].account, a);
        pc_format_unit(&w->items[i].amount, PC_UNIT_EEURO, amount, sizeof amount);
        screen_time(w->items[i].time, when);
        snprintf(text, sizeof text, "%s %s %s %s", a, name ? name : "", amount, when);
        if (screen_list_match(l, text))
            (*at)[(*n)++] = i;
    }
    return true;
}

/* The requests' table: the account (whole address and name, short address
 * and name, short address), the amount, and when it was asked (the day
 * too, then the time alone, then hidden). */
enum { COL_ACCOUNT, COL_AMOUNT, COL_WHEN, NCOLS };

typedef struct request_text {
    char account[TABLE_FORMS][ETH_ADDRESS_TEXT_LEN + 72];
    char amount[PC_UNIT_TEXT_MAX];
    char when[TABLE_FORMS][24];
} request_text;

static void request_texts(const tui_app *app, const view_withdrawal *r, request_text *t)
{
    const char *name = names_lookup(tui_app_names(app), &r->account);
    char whole[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&r->account, whole);
    snprintf(t->account[0], sizeof t->account[0], "%s%s%s", whole, name ? " " : "",
             name ? name : "");
    screen_named_address(app, &r->account, INT_MAX, t->account[1], sizeof t->account[1]);
    eth_address_short(&r->account, t->account[2]);
    pc_format_unit(&r->amount, PC_UNIT_EEURO, t->amount, sizeof t->amount);
    screen_time(r->time, t->when[0]);
    snprintf(t->when[1], sizeof t->when[1], "%s", t->when[0] + 5);
}

/* What a request's row needs to say how tall it is. */
typedef struct request_rows {
    const tui_app *app;
    const view_withdrawals *w;
    const size_t *at;
    const table_layout *l;
} request_rows;

static void row_texts(const table_layout *l, const request_text *t, const char *texts[NCOLS])
{
    texts[COL_ACCOUNT] = t->account[l->form[COL_ACCOUNT]];
    texts[COL_AMOUNT] = t->amount;
    texts[COL_WHEN] = table_shown(l, COL_WHEN) ? t->when[l->form[COL_WHEN]] : NULL;
}

static int request_height(void *ctx, size_t i)
{
    const request_rows *c = ctx;
    request_text t;
    const char *texts[NCOLS];
    request_texts(c->app, &c->w->items[c->at[i]], &t);
    row_texts(c->l, &t, texts);
    return tui_table_rows(c->l, texts);
}

/* The contract's refusal of this banker's burn (else unlock) of another
 * account's request, simulated (wallet/settle.h); NULL when it would go
 * through or the answer is not in yet. */
static const char *refusal(const tui_app *app, bool burn)
{
    const wallet_settle *t = tui_app_settle(app);
    const char *why = t ? burn ? t->burn : t->unlock : "";
    return why[0] ? why : NULL;
}

/* The line that says what the deployment refuses, in the node's words. */
static bool refusal_text(const tui_app *app, char *out, size_t cap)
{
    const char *burn = refusal(app, true), *unlock = refusal(app, false);
    if (!burn && !unlock)
        return false;
    snprintf(out, cap, "this deployment refuses this account's %s of another account's "
             "request: the node says \"%s\" (simulated)",
             burn && unlock ? "burn and unlock" : burn ? "burn" : "unlock", burn ? burn : unlock);
    return true;
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    banker_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int W = getmaxx(win), H = getmaxy(win), y = 0;
    screen_heading(win, y++, "Banker");
    char offline[96];
    if (!s && tui_app_offline(app, offline, sizeof offline)) {
        y += tui_text(win, y, 2, W - 2, 2, 0, TUI_WARN, NULL, offline);
        y += tui_text(win, y, 2, W - 2, 2, 0, TUI_WARN, "; ",
                      "the requests the history index holds; minting, burning and unlocking "
                      "need the node") + 1;
    } else if (!s) {
        tui_print(win, y, 2, 0, TUI_DIM, "reading the chain...");
        return;
    } else if (!(tui_app_roles(app) & WALLET_ROLE_BANKER)) {
        char b[ETH_ADDRESS_TEXT_LEN + 80];
        if (eth_address_is_zero(&s->banker))
            snprintf(b, sizeof b, "nobody yet (voters choose one)");
        else
            screen_address_fitted(app, &s->banker, W - 16, b, sizeof b);
        tui_print(win, y++, 2, 0, TUI_WARN, "This account is not the banker.");
        const tui_field f = { "The banker is", b, TUI_DIM };
        tui_fields(win, y, 2, W - 2, 0, TUI_DIM, &f, 1);
        return;
    } else {
        char eeuro[PC_UNIT_TEXT_MAX];
        pc_format_unit(&s->total_eeuro, PC_UNIT_EEURO, eeuro, sizeof eeuro);
        const tui_field total = { "eEuro in circulation", eeuro, TUI_ACCENT };
        y += tui_fields(win, y, 2, W - 2, 0, TUI_NORMAL, &total, 1) + 1;
    }
    char why[2 * WALLET_SETTLE_TEXT_MAX];
    if (s && refusal_text(app, why, sizeof why))
        y += tui_text(win, y, 2, W - 2, 2, 0, TUI_WARN, "; ", why) + 1;
    y += tui_text(win, y, 0, 0, 2, 0, TUI_TITLE, NULL,
                  "Withdrawal requests (eEuro locked to withdraw)");
    if (screen_past_missing(win, &y, app))
        return;
    const view_withdrawals *w = requests(app);
    u256 sum;
    if (w && w->count && view_withdrawals_total(w, &sum)) {
        char amount[PC_UNIT_TEXT_MAX];
        pc_format_unit(&sum, PC_UNIT_EEURO, amount, sizeof amount);
        tui_print(win, y++, 2, 0, TUI_NORMAL, "%zu request%s, %s in all", w->count,
                  w->count == 1 ? "" : "s", amount);
    }
    size_t *at, n;
    if (!filter_requests(app, &st->list, w, &at, &n)) {
        tui_print(win, y, 2, 0, TUI_BAD, "out of memory for the requests");
        return;
    }
    table_col cols[NCOLS] = {
        [COL_ACCOUNT] = { .heading = "account", .priority = 4, .keep = true, .nforms = 3 },
        [COL_AMOUNT] = { .heading = "eEuro locked", .align = TABLE_RIGHT, .priority = 8,
                         .keep = true },
        [COL_WHEN] = { .heading = "asked", .name = "time", .priority = 2, .nforms = 2 },
    };
    for (size_t i = 0; i < w->count; i++) {
        request_text t;
        request_texts(app, &w->items[i], &t);
        for (int f = 0; f < 3; f++)
            table_col_see(&cols[COL_ACCOUNT], f, t.account[f]);
        table_col_see(&cols[COL_AMOUNT], 0, t.amount);
        for (int f = 0; f < 2; f++)
            table_col_see(&cols[COL_WHEN], f, t.when[f]);
    }
    table_layout l;
    table_fit(cols, NCOLS, W - 2, 2, 4, &l);
    char hidden[32];
    table_hidden(cols, &l, hidden, sizeof hidden);
    if (n == 0) {
        tui_print(win, y, 2, 0, TUI_DIM, w->count ? "none matches the filter" : "none");
        screen_list_footer(win, H - 1, &st->list, "request", n, w->count, NULL, hidden);
        free(at);
        return;
    }
    tui_table_heading(win, y, 2, cols, &l, TUI_DIM);
    y += l.nlines;
    screen_list_footer(win, H - 1, &st->list, "request", n, w->count, NULL, hidden);
    request_rows c = { app, w, at, &l };
    size_t fit, first = screen_list_begin_rows(&st->list, n, H - y - 1, request_height, &c, &fit);
    static const tui_style STYLES[NCOLS] = { TUI_NORMAL, TUI_WARN, TUI_DIM };
    for (size_t i = first; i < first + fit; i++) {
        request_text t;
        const char *texts[NCOLS];
        request_texts(app, &w->items[at[i]], &t);
        row_texts(&l, &t, texts);
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, i == st->list.cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == st->list.cursor ? '>' : ' ');
        y += tui_table_row(win, y, 2, H - 1, &l, texts, STYLES);
    }
    free(at);
}

/* The requests as CSV in the working folder, named after the chain and
 * the block they are from; an existing file is left alone. */
static void export_requests(tui_app *app)
{
    const wallet_state *s = tui_app_snapshot(app);
    const view_withdrawals *w = requests(app);
    pc_error err = { 0 };
    char *text = NULL, name[96];
    if (!w || !s) {
        tui_app_message(app, true, "the requests are not read yet");
        return;
    }
    snprintf(name, sizeof name, "withdrawals-%" PRIu64 "-%" PRIu64 ".csv", s->chain_id,
             s->block);
    if (view_withdrawals_csv(w, &text, &err) == PC_OK &&
        safefile_write_atomic(".", name, text, strlen(text), false, &err) == PC_OK)
        tui_app_message(app, false, "%zu request%s written to %s", w->count,
                        w->count == 1 ? "" : "s", name);
    else
        tui_app_message(app, true, "%s", err.msg);
    free(text);
}

static bool key(tui_app *app, void *state, int ch)
{
    banker_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    /* Presets outlive the forms that point at them. */
    static char who[ETH_ADDRESS_TEXT_LEN], amount[U256_DEC_MAX];
    static const tui_form_spec mint = {
        .title = "Mint eEuro (euros received)", .method = PC_FN_MINT_EEURO, .nfields = 2,
        .fields = { { .label = "To" },
                    { .label = "Amount (eEuro)",
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec burn = {
        .title = "Burn locked eEuro (withdrawal paid out)", .method = PC_FN_BURN_EEURO,
        .nfields = 2,
        .fields = { { .label = "From", .preset = who },
                    { .label = "Amount (eEuro)", .preset = amount,
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec unlock = {
        .title = "Unlock eEuro (withdrawal refused)", .method = PC_FN_UNLOCK_EEURO, .nfields = 2,
        .fields = { { .label = "For", .preset = who },
                    { .label = "Amount (eEuro)", .preset = amount,
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    char offline[96];
    bool off = !s && tui_app_offline(app, offline, sizeof offline);
    if (!off && (!s || !(tui_app_roles(app) & WALLET_ROLE_BANKER))) {
        if (ch == 'm' || ch == 'x' || ch == 'u' || ch == 'e') {
            tui_app_message(app, true, "only the banker can do this");
            return true;
        }
        return false;
    }
    const view_withdrawals *w = requests(app);
    size_t *at, n;
    if (!filter_requests(app, &st->list, w, &at, &n)) {
        tui_app_message(app, true, "out of memory for the requests");
        return true;
    }
    who[0] = amount[0] = '\0';
    bool own = false; /* the chosen request is the banker's own */
    if (st->list.cursor < n) {
        const view_withdrawal *r = &w->items[at[st->list.cursor]];
        eth_address_to_checksum(&r->account, who);
        u256_format_fixed(&r->amount, 18, amount);
        own = s && eth_address_equal(&r->account, &s->account);
    }
    free(at);
    if (screen_list_key(&st->list, ch, n))
        return true;
    if (off && (ch == 'm' || ch == 'x' || ch == 'u' || ch == 'e')) {
        tui_app_message(app, true, "%s: %s the node, which does not answer yet", offline,
                        ch == 'm'   ? "minting needs"
                        : ch == 'x' ? "burning needs"
                        : ch == 'u' ? "unlocking needs"
                                    : "the export's file is named after the chain and block of");
        return true;
    }
    /* The simulation tried another account's request; the banker's own is
     * not refused by what it found. */
    const char *no = (ch == 'x' || ch == 'u') && !own ? refusal(app, ch == 'x') : NULL;
    if (no) {
        tui_app_message(app, true, "%s another account's request is not offered here: the node "
                        "says \"%s\" (simulated)", ch == 'x' ? "burning" : "unlocking", no);
        return true;
    }
    switch (ch) {
    case 'm': tui_app_open_form(app, &mint); return true;
    case 'x': tui_app_open_form(app, &burn); return true;
    case 'u': tui_app_open_form(app, &unlock); return true;
    case 'e': export_requests(app); return true;
    default: return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)app, (void)x;
    banker_state *st = state;
    return screen_list_click(&st->list, y) != 0;
}

/* The address of the request under the cursor: the one to burn or unlock for. */
static bool copy(const tui_app *app, void *state, char *text, size_t cap, char *what,
                 size_t what_cap)
{
    banker_state *st = state;
    const view_withdrawals *w = requests(app);
    size_t *at, n;
    if (!filter_requests(app, &st->list, w, &at, &n))
        return false;
    bool has = st->list.cursor < n && cap >= ETH_ADDRESS_TEXT_LEN;
    if (has)
        eth_address_to_checksum(&w->items[at[st->list.cursor]].account, text);
    free(at);
    if (has)
        snprintf(what, what_cap, "the requester's address");
    return has;
}

/* The keys as the account's role and the deployment stand: the banker's
 * actions to the banker only, and those the deployment lets it do; the
 * list's keys wherever the requests are shown. */
static const char *hints_now(const tui_app *app)
{
    if (!tui_app_snapshot(app)) {
        char offline[96];
        return tui_app_offline(app, offline, sizeof offline) ? SCREEN_LIST_HINTS : "";
    }
    if (!(tui_app_roles(app) & WALLET_ROLE_BANKER))
        return "";
    bool burn = !refusal(app, true), unlock = !refusal(app, false);
    if (burn && unlock)
        return screen_banker.hints;
    if (burn)
        return "m mint  x burn (the chosen request)  e export CSV  " SCREEN_LIST_HINTS;
    if (unlock)
        return "m mint  u unlock (the chosen request)  e export CSV  " SCREEN_LIST_HINTS;
    return "m mint  e export CSV  " SCREEN_LIST_HINTS;
}

const tui_page screen_banker = {
    .title = "Banker",
    .hints = "m mint  x burn  u unlock (the chosen request)  e export CSV  " SCREEN_LIST_HINTS,
    .hints_now = hints_now,
    .offline = true,
    .state_size = sizeof(banker_state),
    .draw = draw,
    .key = key,
    .click = click,
    .copy = copy,
};
