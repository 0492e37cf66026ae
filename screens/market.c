/* 4 Market: the order books as a price ladder (sells above, buys below, best
 * prices next to the spread) with each order's owner and cumulative depth
 * bars, scrolled so that every order is reachable; the last trade price,
 * the spread, and the recent trades replayed from the history index. The
 * account's own orders are marked; add a buy or sell order, remove an own
 * order. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/table_draw.h"
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
    row *all;              /* every order (total), sells first */
    row *rows;             /* those that pass the filter (nrows, nsell of them sells) */
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
    screen_named_address(app, &r->o->user, INT_MAX, owner, sizeof owner);
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
    if (!(lad->rows = malloc(2 * n * sizeof *lad->rows)))
        return false;
    lad->all = lad->rows + n;
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
    memcpy(lad->all, lad->rows, n * sizeof *lad->rows);
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

/* The ladder's table: side and id, price, quantity, owner (whole address
 * and name, short address and name, short address, then hidden), and the
 * depth bar, which fills the rest and goes first. The owner's column says
 * "mine" for the account's orders, which the gutter marks with '*' too. */
enum { COL_ORDER, COL_PRICE, COL_QTY, COL_OWNER, COL_DEPTH, NCOLS };

static const table_col COLUMNS[NCOLS] = {
    [COL_ORDER] = { .heading = "order", .priority = 9, .keep = true },
    [COL_PRICE] = { .heading = "eEuro/ENT", .align = TABLE_RIGHT, .priority = 8, .keep = true },
    [COL_QTY] = { .heading = "ENT", .align = TABLE_RIGHT, .priority = 8, .keep = true },
    [COL_OWNER] = { .heading = "owner", .priority = 3, .nforms = 3 },
    [COL_DEPTH] = { .heading = "depth", .priority = 1, .fill = true, .min = 8, .max = 30 },
};

/* The gutter left of the table: the cursor and the mark of own orders. */
#define GUTTER 2

/* A row's texts, in the forms the layout chose (all forms of the owner
 * when l is NULL, for measuring). */
typedef struct row_text {
    char order[8 + U256_DEC_MAX], price[PC_UNIT_TEXT_MAX], qty[PC_UNIT_TEXT_MAX];
    char owner[TABLE_FORMS][ETH_ADDRESS_TEXT_LEN + 72];
} row_text;

static void row_texts(const tui_app *app, const wallet_state *s, const row *r, row_text *t)
{
    char id[U256_DEC_MAX], whole[ETH_ADDRESS_TEXT_LEN];
    u256_to_dec(&r->o->id, id);
    snprintf(t->order, sizeof t->order, "%s #%s", r->buy ? "BUY" : "SELL", id);
    pc_format_unit_number(&r->o->price, PC_UNIT_PRICE, t->price, sizeof t->price);
    pc_format_unit_number(&r->o->quantity, PC_UNIT_ENT, t->qty, sizeof t->qty);
    if (own(s, r->o)) {
        for (int f = 0; f < TABLE_FORMS; f++)
            snprintf(t->owner[f], sizeof t->owner[f], "mine");
        return;
    }
    const char *name = names_lookup(tui_app_names(app), &r->o->user);
    eth_address_to_checksum(&r->o->user, whole);
    snprintf(t->owner[0], sizeof t->owner[0], "%s%s%s", whole, name ? " " : "", name ? name : "");
    screen_named_address(app, &r->o->user, INT_MAX, t->owner[1], sizeof t->owner[1]);
    eth_address_short(&r->o->user, t->owner[2]);
}

/* The columns measured over every order of the book, so that their widths
 * do not change with the rows in view. The owner's widths follow from the
 * name alone (an address is 42 characters, or 12 short). */
static void measure(const tui_app *app, const wallet_state *s, const ladder *lad,
                    table_col cols[NCOLS])
{
    memcpy(cols, COLUMNS, sizeof COLUMNS);
    for (size_t i = 0; i < lad->total; i++) {
        const row *r = &lad->all[i];
        char t[8 + U256_DEC_MAX];
        u256_to_dec(&r->o->id, t);
        table_col_width(&cols[COL_ORDER], 0, (int)strlen(t) + (r->buy ? 5 : 6)); /* "SELL #" */
        table_col_width(&cols[COL_PRICE], 0, screen_number_width(&r->o->price, PC_UNIT_PRICE));
        table_col_width(&cols[COL_QTY], 0, screen_number_width(&r->o->quantity, PC_UNIT_ENT));
        const char *name = own(s, r->o) ? NULL : names_lookup(tui_app_names(app), &r->o->user);
        int named = name ? 1 + table_text_width(name) : 0;
        table_col_width(&cols[COL_OWNER], 0, own(s, r->o) ? 4 : ETH_ADDRESS_TEXT_LEN - 1 + named);
        table_col_width(&cols[COL_OWNER], 1, own(s, r->o) ? 4 : SCREEN_SHORT_ADDRESS_W + named);
        table_col_width(&cols[COL_OWNER], 2, own(s, r->o) ? 4 : SCREEN_SHORT_ADDRESS_W);
    }
}

/* What the list's rows need to know to say how tall each is. */
typedef struct rows_ctx {
    const tui_app *app;
    const wallet_state *s;
    const ladder *lad;
    const table_layout *l;
} rows_ctx;

static void layout_texts(const table_layout *l, const row_text *t, const char *texts[NCOLS])
{
    texts[COL_ORDER] = t->order;
    texts[COL_PRICE] = t->price;
    texts[COL_QTY] = t->qty;
    texts[COL_OWNER] = table_shown(l, COL_OWNER) ? t->owner[l->form[COL_OWNER]] : NULL;
    texts[COL_DEPTH] = NULL;
}

/* Rows order i takes: its lines, and the spread's line above the best buy. */
static int row_height(void *ctx, size_t i)
{
    rows_ctx *c = ctx;
    row_text t;
    const char *texts[NCOLS];
    row_texts(c->app, c->s, &c->lad->rows[i], &t);
    layout_texts(c->l, &t, texts);
    return tui_table_rows(c->l, texts) + (i == c->lad->nsell && c->lad->nsell > 0);
}

static int draw_row(const tui_app *app, WINDOW *win, const wallet_state *s, int y, int bottom,
                    const row *r, bool chosen, const table_layout *l, const u256 *max)
{
    row_text t;
    const char *texts[NCOLS];
    row_texts(app, s, r, &t);
    layout_texts(l, &t, texts);
    tui_style side = r->buy ? TUI_GOOD : TUI_BAD;
    const tui_style styles[NCOLS] = { side, TUI_NORMAL, TUI_NORMAL,
                                      own(s, r->o) ? TUI_ACCENT : TUI_NORMAL, side };
    tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    if (own(s, r->o))
        tui_print(win, y, 1, 1, TUI_ACCENT, "*");
    if (table_shown(l, COL_DEPTH))
        tui_bar(win, y + l->line[COL_DEPTH], GUTTER + l->x[COL_DEPTH],
                tui_scale(&r->depth, max, (unsigned)l->w[COL_DEPTH]), (unsigned)l->w[COL_DEPTH],
                side);
    return tui_table_row(win, y, GUTTER, bottom, l, texts, styles);
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

/* One trade: "18:05  1.9 ENT at 0.5 eEuro/ENT  from 0xC..93BC c to 0xf3..2266 a",
 * the day too on wide pages. */
static void trade_text(const tui_app *app, const view_fill *f, int W, char *out, size_t cap)
{
    bool day = W >= 100;
    char when[24], qty[PC_UNIT_TEXT_MAX], price[PC_UNIT_TEXT_MAX], buyer[96], seller[96];
    screen_time(f->time, when);
    pc_format_unit(&f->quantity, PC_UNIT_ENT, qty, sizeof qty);
    pc_format_unit(&f->price, PC_UNIT_PRICE, price, sizeof price);
    screen_named_address(app, &f->buyer, W - 6, buyer, sizeof buyer);
    screen_named_address(app, &f->seller, W - 6, seller, sizeof seller);
    snprintf(out, cap, "%s  %s at %s  from %s to %s", day ? when : when + 11, qty, price, seller,
             buyer);
}

/* The rows the recent trades take at width W (their heading and what the
 * history's state says included), at most `most` of them for trades;
 * *shown receives how many trades fit in them. */
static int trades_rows(const tui_app *app, int W, int most, size_t *shown)
{
    const wallet_past *p = tui_app_past(app);
    *shown = 0;
    int rows = 1 + screen_past_missing_rows(app, W);
    if (!p)
        return rows;
    if (p->market.nfills == 0)
        return rows + 1;
    const view_fill *fills = p->market.fills;
    for (size_t i = p->market.nfills; i > 0 && *shown < MARKET_TRADES; i--) {
        char t[4 * PC_UNIT_TEXT_MAX + 200];
        trade_text(app, &fills[i - 1], W, t, sizeof t);
        int h = tui_text_rows(W - 2, 4, "  ", t);
        if (rows + h > most)
            break;
        rows += h;
        (*shown)++;
    }
    return rows;
}

/* The recent trades from the replay, newest first, from row y down. */
static void draw_trades(const tui_app *app, WINDOW *win, int y, size_t shown)
{
    int W = getmaxx(win);
    screen_heading(win, y++, "Recent trades");
    if (screen_past_missing(win, &y, app))
        return;
    const view_market *m = &tui_app_past(app)->market;
    if (m->nfills == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "none yet");
    for (size_t i = m->nfills; i > 0 && i + shown > m->nfills; i--) {
        char t[4 * PC_UNIT_TEXT_MAX + 200];
        trade_text(app, &m->fills[i - 1], W, t, sizeof t);
        y += tui_text(win, y, 2, W - 2, 4, 0, TUI_NORMAL, "  ", t);
    }
}

/* Before any node answered: the book is the node's, the trades the
 * history index's, as of the block the header names. */
static void draw_offline(const tui_app *app, WINDOW *win, const char *offline)
{
    int H = getmaxy(win), W = getmaxx(win), y = 1;
    y += tui_text(win, y, 2, W - 2, 2, H, TUI_WARN, NULL, offline);
    y += tui_text(win, y, 2, W - 2, 2, H, TUI_WARN, "; ",
                  "the order book and orders need the node; the trades are the history "
                  "index's") + 1;
    size_t shown = 0;
    trades_rows(app, W, H - y, &shown);
    draw_trades(app, win, y, shown);
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    market_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    const wallet_past *p = tui_app_past(app);
    int H = getmaxy(win), W = getmaxx(win);
    screen_heading(win, 0, "Order book");
    char offline[96];
    if (!s && tui_app_offline(app, offline, sizeof offline)) {
        draw_offline(app, win, offline);
        return;
    }
    if (!s) {
        tui_print(win, 1, 2, 0, TUI_DIM, "reading the chain...");
        return;
    }
    if (screen_missing(win, 1, s, WALLET_SEC_ORDERS, "orders"))
        return;
    ladder lad;
    if (!build_ladder(app, &st->list, s, &lad)) {
        tui_print(win, 1, 2, 0, TUI_BAD, "out of memory for the order book");
        return;
    }
    char line[4 * PC_UNIT_TEXT_MAX], last[PC_UNIT_TEXT_MAX + 32] = "last trade none yet";
    u256 price;
    if (!p)
        snprintf(last, sizeof last, "last trade (history not read yet)");
    else if (view_market_last_price(&p->market, &price)) {
        char t[PC_UNIT_TEXT_MAX];
        pc_format_unit(&price, PC_UNIT_PRICE, t, sizeof t);
        snprintf(last, sizeof last, "last trade %s", t);
    }
    spread_text(&lad, line, sizeof line);
    int y = 1;
    y += tui_text(win, y, 2, W - 2, 2, H, TUI_ACCENT, NULL, last);
    y += tui_text(win, y, 2, W - 2, 2, H, TUI_ACCENT, NULL, line);
    /* The trades take the bottom rows when the page is tall enough; the
     * list's line (position, filter, hidden columns) the row above them. */
    size_t trades = 0;
    int trades_y = H >= 18 ? H - trades_rows(app, W, (H - y) / 3, &trades) : H;
    if (trades_y < H)
        draw_trades(app, win, trades_y, trades);
    table_col cols[NCOLS];
    measure(app, s, &lad, cols);
    table_layout l;
    table_fit(cols, NCOLS, W - GUTTER, 2, 4, &l);
    tui_table_heading(win, y, GUTTER, cols, &l, TUI_DIM);
    y += l.nlines;
    int rows = trades_y - 1 - y;
    char hidden[64];
    table_hidden(cols, &l, hidden, sizeof hidden);
    bool mine = false;
    for (size_t i = 0; i < lad.total && !mine; i++)
        mine = own(s, lad.all[i].o);
    screen_list_footer(win, trades_y - 1, &st->list, "order", lad.nrows, lad.total,
                       mine ? "* yours" : NULL, hidden);
    if (lad.nrows == 0 || rows < 1) {
        if (rows >= 1)
            tui_print(win, y, 2, 0, TUI_DIM, lad.total ? "no order matches the filter"
                                                       : "no open orders: b to buy, s to sell");
        free(lad.rows);
        return;
    }
    u256 max = lad.rows[0].depth;
    if (u256_cmp(&lad.rows[lad.nrows - 1].depth, &max) > 0)
        max = lad.rows[lad.nrows - 1].depth;
    rows_ctx ctx = { app, s, &lad, &l };
    size_t fit, first = screen_list_begin_rows(&st->list, lad.nrows, rows, row_height, &ctx, &fit);
    for (size_t i = first; i < first + fit; i++) {
        if (i == lad.nsell && lad.nsell > 0)
            tui_print(win, y++, 2, 0, TUI_DIM, "---- spread ----");
        screen_list_mark(&st->list, y, i);
        y += draw_row(app, win, s, y, trades_y - 1, &lad.rows[i], i == st->list.cursor, &l, &max);
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
        .title = "Remove your order", .method = PC_FN_REMOVE_ORDER, .nfields = 2,
        .fields = { { .label = "Order id", .preset = id },
                    { .label = "Side", .hidden = true } },
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
        .method = PC_FN_ADD_ORDER, .nfields = 3,
        .fields = { { .label = "Price eEuro/ENT",
                      .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Amount (ENT)", .limit = TUI_LIMIT_POSITIVE },
                    { .label = "Side", .hidden = true } },
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
    char offline[96];
    if (screen_list_key(&st->list, ch, lad.nrows))
        ;
    else if ((ch == 'b' || ch == 's' || ch == 'x') && !s &&
             tui_app_offline(app, offline, sizeof offline))
        tui_app_message(app, true, "%s: %s an order needs the node, which does not answer yet",
                        offline, ch == 'x' ? "removing" : "placing");
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

/* The quantity of the order under the cursor, as a number to type. */
static bool copy(const tui_app *app, void *state, char *text, size_t cap, char *what,
                 size_t what_cap)
{
    market_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    ladder lad = { 0 };
    if (!s || !build_ladder(app, &st->list, s, &lad))
        return false;
    bool has = st->list.cursor < lad.nrows;
    if (has) {
        const row *r = &lad.rows[st->list.cursor];
        char id[U256_DEC_MAX];
        u256_to_dec(&r->o->id, id);
        pc_format_unit_number(&r->o->quantity, PC_UNIT_ENT, text, cap);
        snprintf(what, what_cap, "the ENT of %s order #%s", r->buy ? "buy" : "sell", id);
    }
    free(lad.rows);
    return has;
}

/* Offline the book and its keys wait for the node. */
static const char *hints_now(const tui_app *app)
{
    return tui_app_snapshot(app) ? screen_market.hints : "";
}

const tui_page screen_market = {
    .title = "Market",
    .hints = "b buy  s sell  x remove own order  " SCREEN_LIST_HINTS,
    .hints_now = hints_now,
    .offline = true,
    .state_size = sizeof(market_state),
    .draw = draw,
    .key = key,
    .click = click,
    .copy = copy,
};
