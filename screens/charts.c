/* 10 Charts: the deployment's past as time series (wallet/series.h), one
 * chart at a time, its parts stacked in the page's height: fill prices
 * with their volume, ENT in circulation against stored energy, the energy
 * costs, each unit's energy, eEuro in circulation, and the account's ENT
 * and eEuro. Up/Down or c pick the chart; h, d, w and a show the last
 * hour, day, week or everything, up to the latest block.
 *
 * Every series is replayed from the history index by the worker, over the
 * transactions each read of it brings (wallet_past_reader_series). The
 * peg's figures (ENT in circulation, stored energy, the costs, each unit's
 * energy, the account's ENT) depend on the contract's rules, which a
 * deployment of the thesis's contract applies otherwise: the worker reads
 * their points from the node at each point's block (wallet/series_node.h),
 * and the page says where they come from, and how many blocks' figures are
 * replayed still (the node keeps no state that old, or has not been read
 * that far yet). When the index has caught up with the snapshot and a
 * series' last figure differs from the node's, the page says "replayed;
 * the node says X" beside it instead of passing the replay off as the
 * node's. */
#include <stdarg.h>
#include <stdio.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/chart.h"
#include "tui/table_draw.h"
#include "tui/ui.h"
#include "wallet/series.h"

typedef enum chart_id {
    CHART_PRICES,
    CHART_PEG,
    CHART_COSTS,
    CHART_UNITS,
    CHART_EEURO,
    CHART_MINE,
    CHART_COUNT
} chart_id;

static const char *const CHART_TITLES[CHART_COUNT] = {
    [CHART_PRICES] = "Prices and volume",
    [CHART_PEG] = "ENT against stored energy",
    [CHART_COSTS] = "Energy costs",
    [CHART_UNITS] = "Energy per unit",
    [CHART_EEURO] = "eEuro in circulation",
    [CHART_MINE] = "My balances",
};

typedef enum range_id { RANGE_ALL, RANGE_HOUR, RANGE_DAY, RANGE_WEEK } range_id;

static const struct {
    int key;
    const char *name;
    uint64_t seconds; /* 0: since the first transaction */
} RANGES[] = {
    [RANGE_ALL] = { 'a', "all", 0 },
    [RANGE_HOUR] = { 'h', "hour", 3600 },
    [RANGE_DAY] = { 'd', "day", 86400 },
    [RANGE_WEEK] = { 'w', "week", 604800 },
};

typedef struct charts_view {
    chart_id chart;
    range_id range;
} charts_view;

/* One stacked part of a chart: a title line over a rendered series. */
typedef struct panel {
    char title[3 * PC_UNIT_TEXT_MAX + 60];
    const series *data;
    chart_style style;
    pc_unit unit;
} panel;

#define MAX_PANELS 8

/* The time range shown: up to the latest block (or the newest record when
 * the snapshot is older), back by the range's length. */
static void time_range(const wallet_state *s, const wallet_past *p, range_id r, uint64_t *from,
                       uint64_t *to)
{
    uint64_t first = p->ntxs ? p->txs[0].time : 0, last = p->ntxs ? p->txs[p->ntxs - 1].time : 0;
    *to = s && s->block_time > last ? s->block_time : last;
    uint64_t span = RANGES[r].seconds;
    *from = span == 0 ? first : *to > span ? *to - span : 0;
}

static const u256 *last_of(const series *s)
{
    static const u256 zero;
    return s->count ? &s->points[s->count - 1].value : &zero;
}

static void add_panel(panel *ps, size_t *n, const char *title, const series *data,
                      chart_style style, pc_unit unit)
{
    if (*n == MAX_PANELS)
        return;
    panel *p = &ps[(*n)++];
    snprintf(p->title, sizeof p->title, "%s", title);
    p->data = data;
    p->style = style;
    p->unit = unit;
}

/* A line of words at row *y, wrapped across the page; *y goes under it. */
static void say(WINDOW *win, int *y, int x, tui_style st, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void say(WINDOW *win, int *y, int x, tui_style st, const char *fmt, ...)
{
    char text[4 * PC_UNIT_TEXT_MAX + 160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    *y += tui_text(win, *y, x, 0, 2, 0, st, NULL, text);
}

/* Where the peg's figures (`what`) of the chart come from, in a line. */
static void say_origin(WINDOW *win, int *y, const char *what, const series_origin *o)
{
    size_t replayed = o->blocks - o->from_node;
    if (!o->asked)
        say(win, y, 0, TUI_WARN, "%s replayed: the node was not read", what);
    else if (replayed == 0)
        say(win, y, 0, TUI_DIM, "%s read from the node at each point's block", what);
    else if (o->not_kept == o->blocks)
        say(win, y, 0, TUI_WARN, "%s replayed (the node keeps no past state)", what);
    else if (o->unread == 0)
        say(win, y, 0, TUI_WARN, "%s replayed at %zu of %zu blocks (the node keeps no older "
            "state), read from the node at the rest", what, replayed, o->blocks);
    else
        say(win, y, 0, TUI_WARN, "%s replayed at %zu of %zu blocks (%zu not read from the node "
            "yet)", what, replayed, o->blocks, o->unread);
}

/* When there is a snapshot (s; then node points into it), the index is as
 * new as it and it read the section: the replay's figure against the
 * node's, and a line at *y when they differ. */
static void compare(WINDOW *win, int *y, const char *what, const u256 *replay, const u256 *node,
                    pc_unit unit, const wallet_state *s, bool index_current, unsigned section)
{
    if (!s || !index_current || (s->missing & section) || u256_cmp(replay, node) == 0)
        return;
    char a[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX];
    pc_format_unit(replay, unit, a, sizeof a);
    pc_format_unit(node, unit, b, sizeof b);
    say(win, y, 0, TUI_WARN, "%s %s: replayed; the node says %s", what, a, b);
}

/* The node's figure for a unit's energy in the snapshot, or NULL when the
 * snapshot does not say (then nothing is compared). */
static const u256 *unit_wh(const wallet_state *s, bool index_current, const eth_address *unit)
{
    for (size_t i = 0; s && index_current && !(s->missing & WALLET_SEC_UNITS) && i < s->nunits;
         i++)
        if (eth_address_equal(&s->units[i].addr, unit))
            return &s->units[i].wh;
    return NULL;
}

/* available + locked. */
static u256 held(const u256 *available, const u256 *locked)
{
    u256 sum;
    return u256_add(&sum, available, locked) ? sum : u256_zero();
}

/* The line of words under the title, and the panels of the chart; false
 * when there is nothing to chart (the reason drawn instead). */
static bool describe(WINDOW *win, int *y, chart_id id, const series_set *r,
                     const wallet_state *s, bool index_current, panel *ps, size_t *n)
{
    char a[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX], c[PC_UNIT_TEXT_MAX];
    const series_energy *e = &r->energy;
    switch (id) {
    case CHART_PRICES:
        if (r->prices.count == 0) {
            say(win, y, 2, TUI_DIM, "no trades yet");
            return false;
        }
        pc_format_unit(last_of(&r->prices), PC_UNIT_PRICE, a, sizeof a);
        say(win, y, 0, TUI_NORMAL, "%zu trade%s, last at %s", r->prices.count,
                  r->prices.count == 1 ? "" : "s", a);
        add_panel(ps, n, "Fill prices", &r->prices, CHART_POINTS, PC_UNIT_PRICE);
        add_panel(ps, n, "Volume", &r->volumes, CHART_BARS, PC_UNIT_ENT);
        return true;
    case CHART_PEG:
        pc_format_unit(last_of(&e->ent), PC_UNIT_ENT, a, sizeof a);
        pc_format_unit(last_of(&e->wh), PC_UNIT_WH, b, sizeof b);
        say(win, y, 0, TUI_NORMAL, "now %s against %s stored", a, b);
        say_origin(win, y, "Figures", &r->origin);
        compare(win, y, "ENT", last_of(&e->ent), s ? &s->total_ent : NULL, PC_UNIT_ENT, s,
                index_current, WALLET_SEC_TOTALS);
        compare(win, y, "Energy", last_of(&e->wh), s ? &s->total_wh : NULL, PC_UNIT_WH, s,
                index_current, WALLET_SEC_TOTALS);
        add_panel(ps, n, "ENT in circulation", &e->ent, CHART_STEPS, PC_UNIT_ENT);
        add_panel(ps, n, "Stored energy", &e->wh, CHART_STEPS, PC_UNIT_WH);
        return true;
    case CHART_COSTS:
        pc_format_unit(last_of(&e->mint_cost), PC_UNIT_COST, a, sizeof a);
        pc_format_unit(last_of(&e->burn_cost), PC_UNIT_COST, b, sizeof b);
        say(win, y, 0, TUI_NORMAL, "now: mint %s, burn %s", a, b);
        say_origin(win, y, "Costs", &r->origin);
        compare(win, y, "Minting cost", last_of(&e->mint_cost), s ? &s->mint_cost : NULL,
                PC_UNIT_COST, s, index_current, WALLET_SEC_COSTS);
        compare(win, y, "Burning cost", last_of(&e->burn_cost), s ? &s->burn_cost : NULL,
                PC_UNIT_COST, s, index_current, WALLET_SEC_COSTS);
        add_panel(ps, n, "Minting cost", &e->mint_cost, CHART_STEPS, PC_UNIT_COST);
        add_panel(ps, n, "Burning cost", &e->burn_cost, CHART_STEPS, PC_UNIT_COST);
        return true;
    case CHART_UNITS:
        if (e->nunits == 0) {
            say(win, y, 2, TUI_DIM, "no storage units registered yet");
            return false;
        }
        say(win, y, 0, TUI_NORMAL, "%zu unit%s, available energy", e->nunits,
                  e->nunits == 1 ? "" : "s");
        say_origin(win, y, "Figures", &r->origin);
        for (size_t i = 0; i < e->nunits; i++) {
            char who[16], title[3 * PC_UNIT_TEXT_MAX + 60];
            eth_address_short(&e->units[i].unit, who);
            pc_format_unit(last_of(&e->units[i].wh), PC_UNIT_WH, a, sizeof a);
            const u256 *node = unit_wh(s, index_current, &e->units[i].unit);
            if (node && u256_cmp(node, last_of(&e->units[i].wh)) != 0) {
                pc_format_unit(node, PC_UNIT_WH, b, sizeof b);
                snprintf(title, sizeof title, "Unit %s: %s replayed; the node says %s", who, a, b);
            } else {
                snprintf(title, sizeof title, "Unit %s: %s", who, a);
            }
            add_panel(ps, n, title, &e->units[i].wh, CHART_STEPS, PC_UNIT_WH);
        }
        return true;
    case CHART_EEURO:
        pc_format_unit(last_of(&r->eeuro), PC_UNIT_EEURO, a, sizeof a);
        say(win, y, 0, TUI_NORMAL, "now %s", a);
        compare(win, y, "eEuro", last_of(&r->eeuro), s ? &s->total_eeuro : NULL, PC_UNIT_EEURO,
                s, index_current, WALLET_SEC_TOTALS);
        add_panel(ps, n, "eEuro in circulation", &r->eeuro, CHART_STEPS, PC_UNIT_EEURO);
        return true;
    case CHART_MINE:
        if (!(s && s->has_account)) {
            say(win, y, 2, TUI_DIM, "no account selected (7 Accounts)");
            return false;
        }
        if (!r->has_account || !eth_address_equal(&r->account, &s->account)) {
            say(win, y, 2, TUI_DIM, "reading the history for this account");
            return false;
        }
        pc_format_unit(last_of(&e->account_ent), PC_UNIT_ENT, a, sizeof a);
        pc_format_unit(last_of(&r->my_eeuro), PC_UNIT_EEURO, b, sizeof b);
        eth_address_short(&s->account, c);
        say(win, y, 0, TUI_NORMAL, "%s holds %s and %s, locked included", c,
                  a, b);
        say_origin(win, y, "ENT", &r->origin);
        u256 ent = held(&s->ent_available, &s->ent_locked),
             eeuro = held(&s->eeuro_available, &s->eeuro_locked);
        compare(win, y, "ENT", last_of(&e->account_ent), &ent, PC_UNIT_ENT, s, index_current,
                WALLET_SEC_BALANCES);
        compare(win, y, "eEuro", last_of(&r->my_eeuro), &eeuro, PC_UNIT_EEURO, s, index_current,
                WALLET_SEC_BALANCES);
        add_panel(ps, n, "ENT", &e->account_ent, CHART_STEPS, PC_UNIT_ENT);
        add_panel(ps, n, "eEuro", &r->my_eeuro, CHART_STEPS, PC_UNIT_EEURO);
        return true;
    case CHART_COUNT: break;
    }
    return false;
}

/* One panel at row y in `rows` rows: its title and its chart, or why the
 * range holds nothing of it. */
static void draw_panel(WINDOW *win, int y, int rows, const panel *p, uint64_t from, uint64_t to)
{
    char from_label[24], to_label[24];
    screen_time(from, from_label);
    screen_time(to, to_label);
    int title = tui_text(win, y, 0, 0, 2, y + rows, TUI_TITLE, NULL, p->title);
    chart_spec spec = { p->data,    p->style, p->unit, from, to, from_label, to_label,
                        tui_ui_utf8(), rows - title, getmaxx(win) };
    y += title - 1;
    if (!chart_has_data(&spec)) {
        tui_print(win, y + 1, 2, 0, TUI_DIM, "nothing in this range");
        return;
    }
    chart_grid g;
    pc_error err;
    if (chart_render(&spec, &g, &err) != PC_OK) {
        tui_print(win, y + 1, 2, 0, TUI_BAD, "%s", err.msg);
        return;
    }
    chart_draw(win, y + 1, 0, &g);
    chart_grid_free(&g);
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    charts_view *v = state;
    int H = getmaxy(win), y = 0;
    say(win, &y, 0, TUI_TITLE, "%s   range: %s", CHART_TITLES[v->chart], RANGES[v->range].name);
    if (screen_past_missing(win, &y, app))
        return;
    const wallet_past *p = tui_app_past(app);
    const wallet_state *s = tui_app_snapshot(app);
    if (!p->has_series) {
        tui_print(win, y, 2, 0, TUI_DIM, "the series are not replayed yet");
        return;
    }
    panel ps[MAX_PANELS];
    size_t n = 0;
    if (describe(win, &y, v->chart, &p->series, s, s && p->head >= s->block, ps, &n)) {
        uint64_t from, to;
        time_range(s, p, v->range, &from, &to);
        /* As many panels as fit with a chart of the minimum size each. */
        size_t fit = (size_t)((H - y) / (1 + CHART_MIN_ROWS + 1));
        size_t shown = n < fit ? n : fit;
        if (shown < n && H - y > 0)
            tui_print(win, H - 1, 0, 0, TUI_DIM, "%zu more below: a taller terminal shows them",
                      n - shown);
        int rows = shown ? (H - y - (shown < n)) / (int)shown : 0;
        for (size_t i = 0; i < shown; i++)
            draw_panel(win, y + (int)i * rows, rows, &ps[i], from, to);
    }
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)app;
    charts_view *v = state;
    if (ch == KEY_DOWN || ch == 'c') {
        v->chart = (chart_id)((v->chart + 1) % CHART_COUNT);
        return true;
    }
    if (ch == KEY_UP) {
        v->chart = (chart_id)((v->chart + CHART_COUNT - 1) % CHART_COUNT);
        return true;
    }
    for (size_t i = 0; i < sizeof RANGES / sizeof RANGES[0]; i++)
        if (ch == RANGES[i].key) {
            v->range = (range_id)i;
            return true;
        }
    return false;
}

const tui_page screen_charts = {
    .title = "Charts",
    .hints = "Up/Down c chart  h d w a range",
    .state_size = sizeof(charts_view),
    .offline = true,
    .shows_series = true,
    .draw = draw,
    .key = key,
};
