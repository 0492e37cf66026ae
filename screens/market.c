/* 4 Market: the order books as a price ladder (sells above, buys below, best
 * prices next to the spread) with depth bars; the account's own orders are
 * marked; add a buy or sell order, remove an own order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

typedef struct row {
    const wallet_order *o;
    bool buy;
} row;

static size_t g_cursor;
static row g_rows[512];
static size_t g_nrows;

static int by_price_desc(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = u256_cmp(&y->o->price, &x->o->price);
    return c ? c : (x->o->id < y->o->id ? -1 : x->o->id > y->o->id);
}

/* Sells then buys, each from the highest price down. */
static void build_rows(const wallet_state *s, size_t *nsell)
{
    g_nrows = 0;
    for (size_t i = 0; i < s->nsells && g_nrows < 256; i++)
        g_rows[g_nrows++] = (row){ &s->sells[i], false };
    *nsell = g_nrows;
    qsort(g_rows, g_nrows, sizeof g_rows[0], by_price_desc);
    for (size_t i = 0; i < s->nbuys && g_nrows < 512; i++)
        g_rows[g_nrows++] = (row){ &s->buys[i], true };
    qsort(g_rows + *nsell, g_nrows - *nsell, sizeof g_rows[0], by_price_desc);
    g_cursor = screen_cursor_clamp(g_cursor, g_nrows);
}

static bool own(const wallet_state *s, const wallet_order *o)
{
    return s->has_account && eth_address_equal(&o->user, &s->account);
}

static void draw_row(WINDOW *win, const wallet_state *s, int y, size_t i, const u256 *max)
{
    const row *r = &g_rows[i];
    char price[PC_UNIT_TEXT_MAX], qty[PC_UNIT_TEXT_MAX];
    pc_format_unit_number(&r->o->price, PC_UNIT_PRICE, price, sizeof price);
    pc_format_unit_number(&r->o->quantity, PC_UNIT_ENT, qty, sizeof qty);
    bool mine = own(s, r->o);
    tui_print(win, y, 0, 0, i == g_cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
              i == g_cursor ? '>' : ' ');
    tui_print(win, y, 2, 0, r->buy ? TUI_GOOD : TUI_BAD, "%-4s #%-4llu", r->buy ? "BUY" : "SELL",
              (unsigned long long)r->o->id);
    tui_print(win, y, 13, 14, TUI_NORMAL, "%14s", price);
    tui_print(win, y, 28, 14, TUI_NORMAL, "%14s", qty);
    int bar_w = getmaxx(win) - 50;
    if (bar_w > 0)
        tui_bar(win, y, 44, tui_scale(&r->o->quantity, max, (unsigned)bar_w), (unsigned)bar_w,
                r->buy ? TUI_GOOD : TUI_BAD);
    if (mine)
        tui_print(win, y, 45 + (bar_w > 0 ? bar_w : 0), 0, TUI_ACCENT, "mine");
}

static void draw(tui_app *app, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    size_t nsell;
    screen_heading(win, 0, "Order book");
    if (screen_missing(win, 1, s, WALLET_SEC_ORDERS, "orders"))
        return;
    build_rows(s, &nsell);
    tui_print(win, 1, 2, 0, TUI_DIM, "side  id    eEuro/ENT            ENT  depth");
    if (g_nrows == 0) {
        tui_print(win, 2, 2, 0, TUI_DIM, "no open orders: b to buy ENT, s to sell ENT");
        return;
    }
    u256 max = u256_zero();
    for (size_t i = 0; i < g_nrows; i++)
        if (u256_cmp(&g_rows[i].o->quantity, &max) > 0)
            max = g_rows[i].o->quantity;
    int rows = getmaxy(win) - 3;
    /* Keep the cursor visible; the spread line takes one row. */
    size_t first = g_cursor + 1 >= (size_t)rows ? g_cursor + 2 - (size_t)rows : 0;
    int y = 2;
    for (size_t i = first; i < g_nrows && y < getmaxy(win); i++) {
        if (i == nsell && nsell > 0) {
            tui_print(win, y++, 2, 0, TUI_DIM, "---- spread ----");
            if (y >= getmaxy(win))
                break;
        }
        draw_row(win, s, y++, i, &max);
    }
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

static bool key(tui_app *app, int ch)
{
    const wallet_state *s = tui_app_snapshot(app);
    static char id[24];
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
    if (s && screen_cursor_key(ch, &g_cursor, g_nrows))
        return true;
    switch (ch) {
    case 'b':
    case 's':
        add.title = ch == 'b' ? "Buy ENT" : "Sell ENT";
        add.fields[2].preset = ch == 'b' ? "buy" : "sell";
        tui_app_open_form(app, &add);
        return true;
    case 'x':
        if (!s || g_cursor >= g_nrows || !own(s, g_rows[g_cursor].o)) {
            tui_app_message(app, true, "choose one of your own orders (marked mine) first");
            return true;
        }
        snprintf(id, sizeof id, "%llu", (unsigned long long)g_rows[g_cursor].o->id);
        remove.fields[1].preset = g_rows[g_cursor].buy ? "buy" : "sell";
        remove.title = g_rows[g_cursor].buy ? "Remove your buy order" : "Remove your sell order";
        tui_app_open_form(app, &remove);
        return true;
    default:
        return false;
    }
}

const tui_page screen_market = { "Market", "b buy  s sell  Up/Down choose  x remove own order",
                                 draw, key };
