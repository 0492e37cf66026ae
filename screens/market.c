/* 4 Market: the order books as a price ladder (sells above, buys below, best
 * prices next to the spread) with each order's owner and cumulative depth
 * bars, scrolled so that every order is reachable; the last trade price,
 * the spread, and the recent trades replayed from the history index. The
 * account's own orders are marked; add a buy or sell order, remove an own
 * order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

typedef struct row {
    const wallet_order *o;
    bool buy;
    u256 depth;            /* quantity from the best price of its side out to it */
} row;

/* The ladder of the last draw or key: its rows point into the snapshot it
 * was built from, so keys build it again from the snapshot held now. */
typedef struct market_page {
    size_t cursor;
    row *rows;
    size_t nrows, cap, nsell;
} market_page;

static market_page g_page;

/* Trades listed under the book, newest first. */
#define MARKET_TRADES 5

static int by_price_desc(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = u256_cmp(&y->o->price, &x->o->price);
    return c ? c : (x->o->id < y->o->id ? -1 : x->o->id > y->o->id);
}

/* Sells then buys, each from the highest price down, with their running
 * depth from the best price outwards (up from the lowest sell, down from
 * the highest buy). False when out of memory. */
static bool build_rows(market_page *pg, const wallet_state *s)
{
    size_t n = s->nsells + s->nbuys;
    pg->nrows = pg->nsell = 0;
    if (n == 0) { /* rows may still be NULL: nothing to sort */
        pg->cursor = 0;
        return true;
    }
    if (n > pg->cap) {
        row *grown = realloc(pg->rows, n * sizeof *grown);
        if (!grown)
            return false;
        pg->rows = grown;
        pg->cap = n;
    }
    for (size_t i = 0; i < s->nsells; i++)
        pg->rows[pg->nrows++] = (row){ .o = &s->sells[i] };
    pg->nsell = pg->nrows;
    for (size_t i = 0; i < s->nbuys; i++)
        pg->rows[pg->nrows++] = (row){ .o = &s->buys[i], .buy = true };
    qsort(pg->rows, pg->nsell, sizeof *pg->rows, by_price_desc);
    qsort(pg->rows + pg->nsell, pg->nrows - pg->nsell, sizeof *pg->rows, by_price_desc);
    u256 sum = u256_zero();
    for (size_t i = pg->nsell; i > 0; i--) {
        u256_add(&sum, &sum, &pg->rows[i - 1].o->quantity);
        pg->rows[i - 1].depth = sum;
    }
    sum = u256_zero();
    for (size_t i = pg->nsell; i < pg->nrows; i++) {
        u256_add(&sum, &sum, &pg->rows[i].o->quantity);
        pg->rows[i].depth = sum;
    }
    pg->cursor = screen_cursor_clamp(pg->cursor, pg->nrows);
    return true;
}

static bool own(const wallet_state *s, const wallet_order *o)
{
    return s->has_account && eth_address_equal(&o->user, &s->account);
}

static void draw_row(WINDOW *win, const wallet_state *s, int y, size_t i, const u256 *max)
{
    const row *r = &g_page.rows[i];
    char price[PC_UNIT_TEXT_MAX], qty[PC_UNIT_TEXT_MAX], owner[16];
    pc_format_unit_number(&r->o->price, PC_UNIT_PRICE, price, sizeof price);
    pc_format_unit_number(&r->o->quantity, PC_UNIT_ENT, qty, sizeof qty);
    screen_short_address(&r->o->user, owner);
    tui_print(win, y, 0, 0, i == g_page.cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
              i == g_page.cursor ? '>' : ' ');
    tui_print(win, y, 2, 0, r->buy ? TUI_GOOD : TUI_BAD, "%-4s #%-4llu", r->buy ? "BUY" : "SELL",
              (unsigned long long)r->o->id);
    tui_print(win, y, 13, 20, TUI_NORMAL, "%20s", price);
    tui_print(win, y, 34, 20, TUI_NORMAL, "%20s", qty);
    tui_print(win, y, 56, 12, TUI_NORMAL, "%s", owner);
    int bar_w = getmaxx(win) - 75;
    if (bar_w > 0)
        tui_bar(win, y, 69, tui_scale(&r->depth, max, (unsigned)bar_w), (unsigned)bar_w,
                r->buy ? TUI_GOOD : TUI_BAD);
    if (own(s, r->o))
        tui_print(win, y, 70 + (bar_w > 0 ? bar_w : 0), 0, TUI_ACCENT, "mine");
}

/* "spread 0.2 eEuro/ENT (0.7 ask, 0.5 bid)", or why there is none. A bid at
 * or above the ask is left by the same owner's orders, which never match. */
static void spread_text(const wallet_state *s, char *out, size_t cap)
{
    if (s->nsells == 0 || s->nbuys == 0) {
        snprintf(out, cap, "spread: none (%s)", s->nsells ? "no buy orders" : "no sell orders");
        return;
    }
    /* Sells and buys come sorted in the ladder: the best ask is the last
     * sell, the best bid the first buy. */
    const u256 *ask = &g_page.rows[g_page.nsell - 1].o->price;
    const u256 *bid = &g_page.rows[g_page.nsell].o->price;
    char a[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX], d[PC_UNIT_TEXT_MAX];
    pc_format_unit_number(ask, PC_UNIT_PRICE, a, sizeof a);
    pc_format_unit_number(bid, PC_UNIT_PRICE, b, sizeof b);
    u256 diff;
    if (u256_cmp(ask, bid) <= 0) {
        snprintf(out, cap, "spread: none, best bid %s at or above best ask %s (same owner)", b,
                 a);
        return;
    }
    u256_sub(&diff, ask, bid);
    pc_format_unit(&diff, PC_UNIT_PRICE, d, sizeof d);
    snprintf(out, cap, "spread %s (ask %s, bid %s)", d, a, b);
}

/* The recent trades from the replay, newest first, from row y down. */
static void draw_trades(tui_app *app, WINDOW *win, int y)
{
    screen_heading(win, y++, "Recent trades");
    if (screen_past_missing(win, &y, app))
        return;
    const view_market *m = &tui_app_past(app)->market;
    if (m->nfills == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "none yet");
    for (size_t i = m->nfills; i > 0 && i + MARKET_TRADES > m->nfills && y < getmaxy(win); i--) {
        const view_fill *f = &m->fills[i - 1];
        char when[24], qty[PC_UNIT_TEXT_MAX], price[PC_UNIT_TEXT_MAX], buyer[16], seller[16];
        screen_time(f->time, when);
        pc_format_unit(&f->quantity, PC_UNIT_ENT, qty, sizeof qty);
        pc_format_unit(&f->price, PC_UNIT_PRICE, price, sizeof price);
        screen_short_address(&f->buyer, buyer);
        screen_short_address(&f->seller, seller);
        tui_print(win, y++, 2, getmaxx(win) - 2, TUI_NORMAL, "%s  %s at %s  from %s to %s", when,
                  qty, price, seller, buyer);
    }
}

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    const wallet_past *p = tui_app_past(app);
    int H = getmaxy(win);
    screen_heading(win, 0, "Order book");
    if (screen_missing(win, 1, s, WALLET_SEC_ORDERS, "orders"))
        return;
    if (!build_rows(&g_page, s)) {
        tui_print(win, 1, 2, 0, TUI_BAD, "out of memory for the order book");
        return;
    }
    char line[4 * PC_UNIT_TEXT_MAX], last[PC_UNIT_TEXT_MAX] = "none yet";
    u256 price;
    if (p && view_market_last_price(&p->market, &price))
        pc_format_unit(&price, PC_UNIT_PRICE, last, sizeof last);
    spread_text(s, line, sizeof line);
    tui_print(win, 1, 2, 0, TUI_ACCENT, "last trade %s", p ? last : "(history not read yet)");
    tui_print(win, 2, 2, getmaxx(win) - 2, TUI_ACCENT, "%s", line);
    /* The trades take the bottom rows when the page is tall enough. */
    int trades_y = H >= 18 ? H - MARKET_TRADES - 2 : H;
    int top = 4, rows = trades_y - top - 1;
    if (trades_y < H)
        draw_trades(app, win, trades_y);
    tui_print(win, 3, 2, 0, TUI_DIM,
              "side  id               eEuro/ENT                   ENT  owner        depth");
    if (g_page.nrows == 0) {
        tui_print(win, top, 2, 0, TUI_DIM, "no open orders: b to buy ENT, s to sell ENT");
        return;
    }
    u256 max = g_page.rows[0].depth;
    if (u256_cmp(&g_page.rows[g_page.nrows - 1].depth, &max) > 0)
        max = g_page.rows[g_page.nrows - 1].depth;
    if (rows < 2)
        return;
    /* Keep the cursor visible; the spread line takes one row. */
    size_t first = g_page.cursor + 1 >= (size_t)rows ? g_page.cursor + 2 - (size_t)rows : 0;
    int y = top;
    for (size_t i = first; i < g_page.nrows && y < top + rows; i++) {
        if (i == g_page.nsell && g_page.nsell > 0) {
            tui_print(win, y++, 2, 0, TUI_DIM, "---- spread ----");
            if (y >= top + rows)
                break;
        }
        draw_row(win, s, y++, i, &max);
    }
    tui_print(win, top + rows, 2, 0, TUI_DIM, "order %zu of %zu", g_page.cursor + 1, g_page.nrows);
}

static bool order_check(const tui_app *app, char *const texts[], size_t *field, char *why,
                        size_t cap)
{
    const wallet_state *s = tui_app_snapshot(app);
    u256 price, qty, cost, one = u256_pow10(18);
    bool buy = strcmp(texts[2], "buy") == 0;
    if (!s || (s->missing & WALLET_SEC_BALANCES) ||
        u256_parse_fixed(texts[0], 18, &price, NULL) != PC_OK ||
        u256_parse_fixed(texts[1], 18, &qty, NULL) != PC_OK)
        return true;
    if (!buy) {
        *field = 1;
        if (u256_cmp(&qty, &s->ent_available) <= 0)
            return true;
        pc_format_unit(&s->ent_available, PC_UNIT_ENT, why, cap);
        char have[PC_UNIT_TEXT_MAX];
        snprintf(have, sizeof have, "%s", why);
        snprintf(why, cap, "more than available (%s)", have);
        return false;
    }
    *field = 1;
    if (!u256_mul(&cost, &price, &qty) || !u256_divmod(&cost, NULL, &cost, &one)) {
        snprintf(why, cap, "price times amount is too large");
        return false;
    }
    if (u256_cmp(&cost, &s->eeuro_available) <= 0)
        return true;
    char need[PC_UNIT_TEXT_MAX], have[PC_UNIT_TEXT_MAX];
    pc_format_unit(&cost, PC_UNIT_EEURO, need, sizeof need);
    pc_format_unit(&s->eeuro_available, PC_UNIT_EEURO, have, sizeof have);
    snprintf(why, cap, "needs %s, available %s", need, have);
    return false;
}

static void order_preview(const tui_app *app, char *const texts[], char *out, size_t cap)
{
    (void)app;
    u256 price, qty, cost, one = u256_pow10(18);
    char t[PC_UNIT_TEXT_MAX];
    if (u256_parse_fixed(texts[0], 18, &price, NULL) != PC_OK ||
        u256_parse_fixed(texts[1], 18, &qty, NULL) != PC_OK)
        return;
    if (strcmp(texts[2], "sell") == 0) {
        pc_format_unit(&qty, PC_UNIT_ENT, t, sizeof t);
        snprintf(out, cap, "locks %s until it trades or is removed", t);
    } else if (u256_mul(&cost, &price, &qty) && u256_divmod(&cost, NULL, &cost, &one)) {
        pc_format_unit(&cost, PC_UNIT_EEURO, t, sizeof t);
        snprintf(out, cap, "locks %s until it trades or is removed", t);
    }
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    static char id[24];
    /* Rows of the snapshot held now: the one drawn last may have been freed
     * by a newer one when this page was not on screen. */
    if (s && !build_rows(&g_page, s))
        g_page.nrows = 0;
    tui_form_spec add = {
        .method = "addOrder", .nfields = 3,
        .fields = { { .label = "Price eEuro/ENT", .kind = PC_ARG_PRICE,
                      .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Amount (ENT)", .kind = PC_ARG_ENT, .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Side", .kind = PC_ARG_SIDE, .hidden = true } },
        .preview = order_preview,
        .check = order_check,
    };
    tui_form_spec remove = {
        .title = "Remove your order", .method = "removeOrder", .nfields = 2,
        .fields = { { .label = "Order id", .kind = PC_ARG_ORDER_ID, .preset = id },
                    { .label = "Side", .kind = PC_ARG_SIDE, .hidden = true } },
    };
    if (s && screen_cursor_key(ch, &g_page.cursor, g_page.nrows))
        return true;
    switch (ch) {
    case 'b':
    case 's':
        add.title = ch == 'b' ? "Buy ENT" : "Sell ENT";
        add.fields[2].preset = ch == 'b' ? "buy" : "sell";
        tui_app_open_form(app, &add);
        return true;
    case 'x':
        if (!s || g_page.cursor >= g_page.nrows || !own(s, g_page.rows[g_page.cursor].o)) {
            tui_app_message(app, true, "choose one of your own orders (marked mine) first");
            return true;
        }
        snprintf(id, sizeof id, "%llu", (unsigned long long)g_page.rows[g_page.cursor].o->id);
        remove.fields[1].preset = g_page.rows[g_page.cursor].buy ? "buy" : "sell";
        remove.title = g_page.rows[g_page.cursor].buy ? "Remove your buy order"
                                                       : "Remove your sell order";
        tui_app_open_form(app, &remove);
        return true;
    default:
        return false;
    }
}

const tui_page screen_market = {
    .title = "Market",
    .hints = "b buy  s sell  Up/Down choose  x remove own order",
    .draw = draw,
    .key = key,
};
