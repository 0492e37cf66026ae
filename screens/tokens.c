/* 1 Tokens: the account's ENT and eEuro, available and locked, the totals in
 * circulation; transfers and withdrawals. Then what waits for the account
 * (wallet/waiting.h), each item with the page and the key that act on it:
 * Enter goes there. Leaving the page marks them looked at (tui/waits.h):
 * the fills listed stop counting. A list on this page rather than a page
 * of its own: the sidebar's ten keys are taken, and the figures the items
 * change are these. */
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

static const char *const TOKENS[] = { "ENT", "eEuro" };
static const pc_unit UNITS[] = { PC_UNIT_ENT, PC_UNIT_EEURO };

/* Each token's figures: in columns under their headings (each figure with
 * its unit, right-aligned) when they fit side by side on one line, else
 * as labelled lines ("ENT available  1.5 ENT"), whatever their width.
 * Returns the row after them. */
static int draw_figures(WINDOW *win, int y, const char *const headings[], const u256 *v[][2],
                        size_t nfig, const tui_style styles[])
{
    table_col cols[3] = { { .heading = "", .priority = 9, .keep = true } };
    char t[2][2][PC_UNIT_TEXT_MAX];
    for (size_t f = 0; f < nfig; f++)
        cols[1 + f] = (table_col){ .heading = headings[f], .align = TABLE_RIGHT, .priority = 8,
                                   .keep = true };
    for (size_t r = 0; r < 2; r++) {
        table_col_see(&cols[0], 0, TOKENS[r]);
        for (size_t f = 0; f < nfig; f++) {
            pc_format_unit(v[r][f], UNITS[r], t[r][f], sizeof t[r][f]);
            table_col_see(&cols[1 + f], 0, t[r][f]);
        }
    }
    table_layout l;
    int W = getmaxx(win) - 2;
    table_fit(cols, 1 + nfig, W, 3, 4, &l);
    bool one_line = l.nlines == 1;
    for (size_t f = 0; f < nfig; f++)
        one_line &= l.w[1 + f] >= cols[1 + f].width[0];
    if (!one_line) {
        char labels[2][2][32];
        tui_field fields[4];
        size_t n = 0;
        for (size_t r = 0; r < 2; r++)
            for (size_t f = 0; f < nfig; f++) {
                snprintf(labels[r][f], sizeof labels[r][f], "%s%s%s", TOKENS[r],
                         headings[f][0] ? " " : "", headings[f]);
                fields[n++] = (tui_field){ labels[r][f], t[r][f], styles[1 + f] };
            }
        return y + tui_fields(win, y, 2, W, 0, TUI_NORMAL, fields, n);
    }
    if (headings[0][0]) {
        tui_table_heading(win, y, 2, cols, &l, TUI_DIM);
        y++;
    }
    for (size_t r = 0; r < 2; r++) {
        const char *texts[3] = { TOKENS[r], t[r][0], t[r][1] };
        y += tui_table_row(win, y, 2, 0, &l, texts, styles);
    }
    return y;
}

/* What the account's locked eEuro backs, from row y + 1 when it fits: its
 * open buy orders (the node's book), its withdrawal request (the index)
 * and what is left, which backs nothing the node shows (the thesis's
 * contract leaves the difference of a buy filled below its limit locked).
 * Returns the row after it (y when nothing was drawn). */
static int draw_backing(const tui_app *app, WINDOW *win, int y, const wallet_state *s)
{
    if (u256_is_zero(&s->eeuro_locked))
        return y;
    const wallet_past *p = tui_app_past(app);
    u256 orders, request = u256_zero(), backed, rest = u256_zero();
    bool unbacked = false;
    char lk[PC_UNIT_TEXT_MAX], o[PC_UNIT_TEXT_MAX], w[PC_UNIT_TEXT_MAX], r[PC_UNIT_TEXT_MAX];
    char text[5 * PC_UNIT_TEXT_MAX + 200];
    if (!wallet_orders_locked_eeuro(s->buys, s->nbuys, &s->account, &orders))
        return y;
    for (size_t i = 0; p && i < p->withdrawals.count; i++)
        if (eth_address_equal(&p->withdrawals.items[i].account, &s->account))
            request = p->withdrawals.items[i].amount;
    pc_format_unit(&s->eeuro_locked, PC_UNIT_EEURO, lk, sizeof lk);
    pc_format_unit(&orders, PC_UNIT_EEURO, o, sizeof o);
    pc_format_unit(&request, PC_UNIT_EEURO, w, sizeof w);
    bool behind = p && (!u256_add(&backed, &orders, &request) ||
                        !u256_sub(&rest, &s->eeuro_locked, &backed));
    unbacked = p && !behind && !u256_is_zero(&rest);
    pc_format_unit(&rest, PC_UNIT_EEURO, r, sizeof r);
    /* The parts that are not zero, in one sentence. */
    int n = snprintf(text, sizeof text, "Your %s locked:", lk);
    const char *sep = " ";
    if (!u256_is_zero(&orders)) {
        n += snprintf(text + n, sizeof text - (size_t)n, "%s%s backs your open buy orders", sep, o);
        sep = "; ";
    }
    if (!u256_is_zero(&request)) {
        n += snprintf(text + n, sizeof text - (size_t)n, "%s%s backs your withdrawal request",
                      sep, w);
        sep = "; ";
    }
    if (unbacked)
        snprintf(text + n, sizeof text - (size_t)n, "%s%s backs nothing: this deployment keeps "
                 "it locked (a buy filled below its limit leaves the difference locked).", sep, r);
    else if (!p)
        snprintf(text + n, sizeof text - (size_t)n, "%swhat backs a withdrawal is known once the "
                 "history is read.", sep);
    else if (behind)
        snprintf(text + n, sizeof text - (size_t)n, "%sthe history is behind the node.", sep);
    else
        snprintf(text + n, sizeof text - (size_t)n, ".");
    int rows = tui_text_rows(getmaxx(win), 0, NULL, text);
    if (y + 1 + rows > getmaxy(win))
        return y; /* never cut: a taller terminal shows it */
    tui_text(win, y + 1, 0, 0, 0, 0, unbacked ? TUI_WARN : TUI_DIM, NULL, text);
    return y + 1 + rows;
}

typedef struct tokens_page {
    screen_list list; /* what waits */
} tokens_page;

/* The keys that act on an item on the page that takes it (NULL: looking
 * is all there is to do). */
static const char *const ACTS[WAITING_KINDS] = {
    [WAITING_VOTE] = "y join, o oppose",
    [WAITING_SESSION] = "c clear old sessions",
    [WAITING_WITHDRAWALS] = "x burn, u unlock",
};

/* "5 Voting: y join, o oppose": where item `it` is acted on. */
static void where(const tui_app *app, const waiting_item *it, char *out, size_t cap)
{
    int page = tui_app_page_for(app, it->kind);
    char label[64] = "";
    if (page >= 0)
        tui_app_page_label(app, (size_t)page, label, sizeof label);
    snprintf(out, cap, "%s%s%s", label, ACTS[it->kind] && page >= 0 ? ": " : "",
             ACTS[it->kind] ? ACTS[it->kind] : "");
}

typedef struct waits_rows {
    const tui_app *app;
    const waiting *w;
    table_layout l;
} waits_rows;

static void item_texts(const waits_rows *r, size_t i, char *at, size_t cap, const char *texts[2])
{
    where(r->app, &r->w->items[i], at, cap);
    texts[0] = r->w->items[i].text;
    texts[1] = at;
}

static int item_height(void *ctx, size_t i)
{
    const waits_rows *r = ctx;
    char at[96];
    const char *texts[2];
    item_texts(r, i, at, sizeof at, texts);
    return tui_table_rows(&r->l, texts);
}

/* The items from row y to the window's bottom, the chosen one marked. */
static void draw_waiting(const tui_app *app, tokens_page *pg, WINDOW *win, int y)
{
    const waiting *w = tui_app_waiting(app);
    screen_heading(win, y++, "Waiting for you");
    if (!w || !w->count) {
        const wallet_state *s = tui_app_snapshot(app);
        tui_print(win, y, 2, 0, TUI_DIM, "%s",
                  w ? "nothing" : s && !s->has_account ? "no account chosen" : "not known yet");
        return;
    }
    waits_rows r = { .app = app, .w = w };
    table_col cols[2] = { { .priority = 9, .keep = true, .fill = true, .min = 20 },
                          { .priority = 8, .keep = true } };
    for (size_t i = 0; i < w->count; i++) {
        char at[96];
        where(app, &w->items[i], at, sizeof at);
        table_col_see(&cols[1], 0, at);
    }
    int H = getmaxy(win);
    table_fit(cols, 2, getmaxx(win) - 2, 2, 4, &r.l);
    /* The last row says which of how many when they do not all fit. */
    size_t fit, first = screen_list_begin_rows(&pg->list, w->count, H - y - 1, item_height, &r,
                                               &fit);
    if (item_height(&r, first) > H - y - 1) {
        tui_print(win, y, 2, 0, TUI_DIM, "%zu waiting: a taller terminal lists them", w->count);
        return;
    }
    if (fit < w->count)
        screen_list_footer(win, H - 1, &pg->list, "item", w->count, w->count, NULL, NULL);
    static const tui_style STYLES[] = { TUI_NORMAL, TUI_ACCENT };
    for (size_t i = first; i < w->count && i < first + fit; i++) {
        char at[96];
        const char *texts[2];
        item_texts(&r, i, at, sizeof at, texts);
        bool chosen = i == pg->list.cursor;
        screen_list_mark(&pg->list, y, i);
        tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
        y += tui_table_row(win, y, 2, H - 1, &r.l, texts, STYLES);
    }
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Your tokens");
    int y = 1;
    if (!screen_missing(win, y, s, WALLET_SEC_BALANCES, "balances")) {
        static const char *const HEADINGS[] = { "available", "locked" };
        static const tui_style STYLES[] = { TUI_NORMAL, TUI_ACCENT, TUI_WARN };
        const u256 *v[2][2] = { { &s->ent_available, &s->ent_locked },
                                { &s->eeuro_available, &s->eeuro_locked } };
        y = draw_figures(win, y, HEADINGS, v, 2, STYLES);
    } else {
        y++;
    }
    screen_heading(win, ++y, "In circulation");
    y++;
    if (!screen_missing(win, y, s, WALLET_SEC_TOTALS, "totals")) {
        static const char *const HEADINGS[] = { "" };
        static const tui_style STYLES[] = { TUI_NORMAL, TUI_NORMAL };
        const u256 *v[2][2] = { { &s->total_ent, NULL }, { &s->total_eeuro, NULL } };
        y = draw_figures(win, y, HEADINGS, v, 1, STYLES);
    } else {
        y++;
    }
    if (!(s->missing & (WALLET_SEC_BALANCES | WALLET_SEC_ORDERS)) && s->has_account)
        y = draw_backing(app, win, y, s);
    static const char GENERAL[] = "Locked ENT backs open sessions and sell orders; locked eEuro "
                                  "backs buy orders and withdrawals the banker pays out.";
    int general = tui_text_rows(getmaxx(win), 0, NULL, GENERAL);
    if (y + 1 + general <= getmaxy(win)) {
        tui_text(win, y + 1, 0, 0, 0, 0, TUI_DIM, NULL, GENERAL);
        y += 1 + general;
    }
    if (y + 2 < getmaxy(win))
        draw_waiting(app, state, win, y + 1);
}

/* Enter on an item: the page that acts on it. */
static void go(tui_app *app, const tokens_page *pg)
{
    const waiting *w = tui_app_waiting(app);
    int page = w && pg->list.cursor < w->count
                   ? tui_app_page_for(app, w->items[pg->list.cursor].kind) : -1;
    if (page >= 0)
        tui_app_go_page(app, (size_t)page);
}

static bool key(tui_app *app, void *state, int ch)
{
    tokens_page *pg = state;
    const waiting *w = tui_app_waiting(app);
    if (screen_cursor_key(ch, &pg->list.cursor, w ? w->count : 0, pg->list.page))
        return true;
    if (ch == '\r' || ch == '\n' || ch == KEY_ENTER) {
        go(app, pg);
        return true;
    }
    static const tui_form_spec ent = {
        .title = "Transfer ENT", .method = PC_FN_TRANSFER_ENT, .nfields = 2,
        .fields = { { .label = "To" },
                    { .label = "Amount (ENT)", .limit = TUI_LIMIT_ENT } },
    };
    static const tui_form_spec eur = {
        .title = "Transfer eEuro", .method = PC_FN_TRANSFER_EEURO, .nfields = 2,
        .fields = { { .label = "To" },
                    { .label = "Amount (eEuro)",
                      .limit = TUI_LIMIT_EEURO } },
    };
    static const tui_form_spec withdraw = {
        .title = "Withdraw eEuro (lock it for the banker to pay out)", .method = PC_FN_LOCK_EEURO,
        .nfields = 1,
        .fields = { { .label = "Amount (eEuro)",
                      .limit = TUI_LIMIT_EEURO } },
    };
    switch (ch) {
    case 't': tui_app_open_form(app, &ent); return true;
    case 'e': tui_app_open_form(app, &eur); return true;
    case 'w': tui_app_open_form(app, &withdraw); return true;
    default: return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)x;
    int hit = screen_list_click(&((tokens_page *)state)->list, y);
    if (hit == 2)
        go(app, state);
    return hit != 0;
}

const tui_page screen_tokens = {
    .title = "Tokens",
    .hints = "t transfer ENT  e transfer eEuro  w withdraw  Enter go to the chosen waiting item",
    .state_size = sizeof(tokens_page),
    .draw = draw,
    .key = key,
    .click = click,
};
