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

/* The ladder built for one draw or key from the snapshot held then (a
 * newer snapshot frees the orders it points into): every order with its
 * depth, then only those that pass the filter. */
typedef struct ladder {
    row *rows;
    size_t nrows, nsell, total;
    bool has_ask, has_bid;
    u256 ask, bid;         /* best prices of the whole book, before the filter */
} ladder;

typedef struct market_state {
    screen_list list;
} market_state;

/* Trades listed under the book, newest first. */
#define MARKET_TRADES 5

static int by_price_desc(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = u256_cmp(&y->o->price, &x->o->price);
    return c ? c : u256_cmp(&x->o->id, &y->o->id);
}

static bool own(const wallet_state *s, const wallet_order *o)
{
    return s->has_account && eth_address_equal(&o->user, &s->account);
}

/* What the filter searches in a row: all it shows. */
static bool row_matches(const tui_app *app, const screen_list *l, const wallet_state *s,
                        const row *r)
{
    if (!l->filter[0]) /* nothing to format */
        return true;
    char price[PC_UNIT_TEXT_MAX], qty[PC_UNIT_TEXT_MAX], owner[64], id[U256_DEC_MAX];
    char text[PC_UNIT_TEXT_MAX * 2 + sizeof owner + U256_DEC_MAX + 16];
    pc_format_unit(&r->o->price, PC_UNIT_PRICE, price, sizeof price);
    pc_format_unit(&r->o->quantity, PC_UNIT_ENT, qty, sizeof qty);
    screen_named_address(app, &r->o->user, owner, sizeof owner);
    u256_to_dec(&r->o->id, id);
    snprintf(text, sizeof text, "%s #%s %s %s %s%s", r->buy ? "buy" : "sell", id, price, qty,
             owner, own(s, r->o) ? " mine" : "");
    return screen_list_match(l, text);
}

/* Sells then buys, each from the highest price down, with their running
 * depth from the best price outwards (up from the lowest sell, down from
 * the highest buy); then the rows the filter keeps. False when out of
 * memory. */
static bool build_ladder(const tui_app *app, const screen_list *l, const wallet_state *s,
                         ladder *lad)
{
    size_t n = s->nsells + s->nbuys;
    *lad = (ladder){ .total = n };
    if (n == 0) /* nothing to sort: qsort must not get a null array */
        return true;
    if (!(lad->rows = malloc(n * sizeof *lad->rows)))
        return false;
    for (size_t i = 0; i < s->nsells; i++)
        lad->rows[lad->nrows++] = (row){ .o = &s->sells[i] };
    lad->nsell = lad->nrows;
    for (size_t i = 0; i < s->nbuys; i++)
        lad->rows[lad->nrows++] = (row){ .o = &s->buys[i], .buy = true };
    qsort(lad->rows, lad->nsell, sizeof *lad->rows, by_price_desc);
    qsort(lad->rows + lad->nsell, lad->nrows - lad->nsell, sizeof *lad->rows, by_price_desc);
    u256 sum = u256_zero();
    for (size_t i = lad->nsell; i > 0; i--) {
        u256_add(&sum, &sum, &lad->rows[i - 1].o->quantity);
        lad->rows[i - 1].depth = sum;
    }
    sum = u256_zero();
    for (size_t i = lad->nsell; i < lad->nrows; i++) {
        u256_add(&sum, &sum, &lad->rows[i].o->quantity);
        lad->rows[i].depth = sum;
    }
    if ((lad->has_ask = lad->nsell > 0))
        lad->ask = lad->rows[lad->nsell - 1].o->price;
    if ((lad->has_bid = lad->nrows > lad->nsell))
        lad->bid = lad->rows[lad->nsell].o->price;
    size_t kept = 0, sells = 0;
    for (size_t i = 0; i < lad->nrows; i++) {
        if (!row_matches(app, l, s, &lad->rows[i]))
            continue;
        sells += i < lad->nsell;
        lad->rows[kept++] = lad->rows[i];
    }
    lad->nrows = kept;
    lad->nsell = sells;
    return true;
}

/* Columns sized to the widest price and quantity, so no figure is cut. */
typedef struct columns {
    int price_x, price_w, qty_x, qty_w, owner_x;
} columns;

static columns measure(const ladder *lad, size_t first, size_t last)
{
    columns c = { .price_x = 13, .price_w = 9, .qty_w = 3 };
    for (size_t i = first; i < last; i++) {
        char t[PC_UNIT_TEXT_MAX];
        pc_format_unit_number(&lad->rows[i].o->price, PC_UNIT_PRICE, t, sizeof t);
        if ((int)strlen(t) > c.price_w)
            c.price_w = (int)strlen(t);
        pc_format_unit_number(&lad->rows[i].o->quantity, PC_UNIT_ENT, t, sizeof t);
        if ((int)strlen(t) > c.qty_w)
            c.qty_w = (int)strlen(t);
    }
    c.qty_x = c.price_x + c.price_w + 2;
    c.owner_x = c.qty_x + c.qty_w + 2;
    return c;
}

static void draw_row(const tui_app *app, WINDOW *win, const wallet_state *s, int y, const row *r,
                     bool chosen, const columns *c, const u256 *max)
{
    char price[PC_UNIT_TEXT_MAX], qty[PC_UNIT_TEXT_MAX], owner[64], id[U256_DEC_MAX];
    int W = getmaxx(win);
    u256_to_dec(&r->o->id, id);
    pc_format_unit_number(&r->o->price, PC_UNIT_PRICE, price, sizeof price);
    pc_format_unit_number(&r->o->quantity, PC_UNIT_ENT, qty, sizeof qty);
    screen_list_address(app, win, &r->o->user, owner, sizeof owner);
    tui_print(win, y, 0, 0, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    tui_print(win, y, 2, 0, r->buy ? TUI_GOOD : TUI_BAD, "%-4s #%-4s", r->buy ? "BUY" : "SELL",
              id);
    tui_print(win, y, c->price_x, 0, TUI_NORMAL, "%*s", c->price_w, price);
    tui_print(win, y, c->qty_x, 0, TUI_NORMAL, "%*s", c->qty_w, qty);
    bool mine = own(s, r->o);
    int x = c->owner_x + tui_print(win, y, c->owner_x, W - c->owner_x - (mine ? 5 : 0),
                                   TUI_NORMAL, "%s", owner) + 1;
    int bar_w = W - x - 6;
    if (bar_w >= 8) {
        bar_w = bar_w > 30 ? 30 : bar_w;
        tui_bar(win, y, x, tui_scale(&r->depth, max, (unsigned)bar_w), (unsigned)bar_w,
                r->buy ? TUI_GOOD : TUI_BAD);
        x += bar_w + 1;
    }
    if (mine)
        tui_print(win, y, x < W - 4 ? x : W - 4, 0, TUI_ACCENT, "mine");
}

/* "spread 0.2 eEuro/ENT (ask 0.7, bid 0.5)", or why there is none. A bid at
 * or above the ask is left by the same owner's orders, which never match. */
static void spread_text(const ladder *lad, char *out, size_t cap)
{
    if (!lad->has_ask || !lad->has_bid) {
        snprintf(out, cap, "spread: none (%s)", lad->has_ask ? "no buy orders" : "no sell orders");
        return;
    }
    char a[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX], d[PC_UNIT_TEXT_MAX];
    pc_format_unit_number(&lad->ask, PC_UNIT_PRICE, a, sizeof a);
    pc_format_unit_number(&lad->bid, PC_UNIT_PRICE, b, sizeof b);
    u256 diff;
    if (u256_cmp(&lad->ask, &lad->bid) <= 0) {
        snprintf(out, cap, "spread: none, bid %s at or above ask %s (same owner)", b, a);
        return;
    }
    u256_sub(&diff, &lad->ask, &lad->bid);
    pc_format_unit(&diff, PC_UNIT_PRICE, d, sizeof d);
    snprintf(out, cap, "spread %s (ask %s, bid %s)", d, a, b);
}

/* A trade's side: the short address with its name, or on narrow pages the
 * name alone when there is one, so that the figures before it stay whole. */
static void party(const tui_app *app, const eth_address *a, int width, char *out, size_t cap)
{
    const char *name = names_lookup(tui_app_names(app), a);
    if (width < 100 && name)
        snprintf(out, cap, "%s", name);
    else
        screen_named_address(app, a, out, cap);
}

/* The recent trades from the replay, newest first, from row y down. */
static void draw_trades(const tui_app *app, WINDOW *win, int y)
{
    int W = getmaxx(win);
    screen_heading(win, y++, "Recent trades");
    if (screen_past_missing(win, &y, app))
        return;
    const view_market *m = &tui_app_past(app)->market;
    if (m->nfills == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "none yet");
    for (size_t i = m->nfills; i > 0 && i + MARKET_TRADES > m->nfills && y < getmaxy(win); i--) {
        const view_fill *f = &m->fills[i - 1];
        char when[24], qty[PC_UNIT_TEXT_MAX], price[PC_UNIT_TEXT_MAX], buyer[64], seller[64];
        screen_time(f->time, when);
        pc_format_unit(&f->quantity, PC_UNIT_ENT, qty, sizeof qty);
        pc_format_unit(&f->price, PC_UNIT_PRICE, price, sizeof price);
        party(app, &f->buyer, W, buyer, sizeof buyer);
        party(app, &f->seller, W, seller, sizeof seller);
        /* Narrow pages show the time of day only, so the figures stay whole. */
        tui_print(win, y++, 2, W - 2, TUI_NORMAL, "%s  %s at %s  from %s to %s",
                  W >= 100 ? when : when + 11, qty, price, seller, buyer);
    }
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    market_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    const wallet_past *p = tui_app_past(app);
    int H = getmaxy(win), W = getmaxx(win);
    screen_heading(win, 0, "Order book");
    if (screen_missing(win, 1, s, WALLET_SEC_ORDERS, "orders"))
        return;
    ladder lad;
    if (!build_ladder(app, &st->list, s, &lad)) {
        tui_print(win, 1, 2, 0, TUI_BAD, "out of memory for the order book");
        return;
    }
    char line[4 * PC_UNIT_TEXT_MAX], last[PC_UNIT_TEXT_MAX] = "none yet";
    u256 price;
    if (p && view_market_last_price(&p->market, &price))
        pc_format_unit(&price, PC_UNIT_PRICE, last, sizeof last);
    spread_text(&lad, line, sizeof line);
    tui_print(win, 1, 2, 0, TUI_ACCENT, "last trade %s", p ? last : "(history not read yet)");
    tui_print(win, 2, 2, W - 2, TUI_ACCENT, "%s", line);
    /* The trades take the bottom rows when the page is tall enough; the
     * filter's line or the position takes the row above them. */
    int trades_y = H >= 18 ? H - MARKET_TRADES - 2 : H;
    int top = 4, rows = trades_y - top - 1;
    if (trades_y < H)
        draw_trades(app, win, trades_y);
    if (rows < 2) {
        free(lad.rows);
        return;
    }
    /* The spread line takes one row among the orders. */
    size_t first = screen_list_begin(&st->list, lad.nrows, (size_t)rows - 1);
    size_t last_row = first + (size_t)rows - 1 < lad.nrows ? first + (size_t)rows - 1 : lad.nrows;
    columns c = measure(&lad, first, last_row);
    tui_print(win, 3, 2, 0, TUI_DIM, "side  id");
    tui_print(win, 3, c.price_x, 0, TUI_DIM, "%*s", c.price_w, "eEuro/ENT");
    tui_print(win, 3, c.qty_x, 0, TUI_DIM, "%*s", c.qty_w, "ENT");
    tui_print(win, 3, c.owner_x, 0, TUI_DIM, "owner");
    if (!screen_list_filter_line(win, top + rows, &st->list, lad.nrows, lad.total) &&
        lad.nrows > 0)
        tui_print(win, top + rows, 2, 0, TUI_DIM, "order %zu of %zu", st->list.cursor + 1,
                  lad.nrows);
    if (lad.nrows == 0) {
        tui_print(win, top, 2, 0, TUI_DIM, lad.total ? "no order matches the filter"
                                                     : "no open orders: b to buy ENT, s to sell ENT");
        free(lad.rows);
        return;
    }
    u256 max = lad.rows[0].depth;
    if (u256_cmp(&lad.rows[lad.nrows - 1].depth, &max) > 0)
        max = lad.rows[lad.nrows - 1].depth;
    int y = top;
    for (size_t i = first; i < lad.nrows && y < top + rows; i++) {
        if (i == lad.nsell && lad.nsell > 0) {
            tui_print(win, y++, 2, 0, TUI_DIM, "---- spread ----");
            if (y >= top + rows)
                break;
        }
        screen_list_mark(&st->list, y, i);
        draw_row(app, win, s, y++, &lad.rows[i], i == st->list.cursor, &c, &max);
    }
    free(lad.rows);
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

/* Opens the removal of the order under the cursor, when it is the account's. */
static void remove_chosen(tui_app *app, const wallet_state *s, const ladder *lad, size_t cursor)
{
    static char id[U256_DEC_MAX]; /* outlives the form that points at it */
    tui_form_spec remove = {
        .title = "Remove your order", .method = "removeOrder", .nfields = 2,
        .fields = { { .label = "Order id", .kind = PC_ARG_ORDER_ID, .preset = id },
                    { .label = "Side", .kind = PC_ARG_SIDE, .hidden = true } },
    };
    if (!s || cursor >= lad->nrows || !own(s, lad->rows[cursor].o)) {
        tui_app_message(app, true, "choose one of your own orders (marked mine) first");
        return;
    }
    const row *r = &lad->rows[cursor];
    u256_to_dec(&r->o->id, id);
    remove.fields[1].preset = r->buy ? "buy" : "sell";
    remove.title = r->buy ? "Remove your buy order" : "Remove your sell order";
    tui_app_open_form(app, &remove);
}

static bool key(tui_app *app, void *state, int ch)
{
    market_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    tui_form_spec add = {
        .method = "addOrder", .nfields = 3,
        .fields = { { .label = "Price eEuro/ENT", .kind = PC_ARG_PRICE,
                      .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Amount (ENT)", .kind = PC_ARG_ENT, .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Side", .kind = PC_ARG_SIDE, .hidden = true } },
        .preview = order_preview,
        .check = order_check,
    };
    /* Rows of the snapshot held now: the one drawn last may have been freed
     * by a newer one when this page was not on screen. */
    ladder lad = { 0 };
    if (s && !build_ladder(app, &st->list, s, &lad)) {
        tui_app_message(app, true, "out of memory for the order book");
        return true;
    }
    bool used = true;
    if (screen_list_key(&st->list, ch, lad.nrows))
        ;
    else if (ch == 'b' || ch == 's') {
        add.title = ch == 'b' ? "Buy ENT" : "Sell ENT";
        add.fields[2].preset = ch == 'b' ? "buy" : "sell";
        tui_app_open_form(app, &add);
    } else if (ch == 'x')
        remove_chosen(app, s, &lad, st->list.cursor);
    else
        used = false;
    free(lad.rows);
    return used;
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)x;
    market_state *st = state;
    (void)app;
    return screen_list_click(&st->list, y) != 0; /* Enter does nothing here */
}

const tui_page screen_market = {
    .title = "Market",
    .hints = "b buy  s sell  x remove own order  " SCREEN_LIST_HINTS,
    .state_size = sizeof(market_state),
    .draw = draw,
    .key = key,
    .click = click,
};
