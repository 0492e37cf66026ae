/* 10 Charts: the deployment's past as time series (wallet/series.h), one
 * chart at a time, or the chosen one and the next stacked when the page is
 * tall enough: fill prices with their volume below, eEuro in circulation,
 * and the account's eEuro. Up/Down or c pick the chart; h, d, w and a show
 * the last hour, day, week or everything, up to the latest block. Every
 * figure is replayed exactly from the history index; ENT and stored energy
 * are not charted, since the index does not give them exactly (see
 * wallet/series.h). */
#include <stdio.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/chart.h"
#include "tui/ui.h"
#include "wallet/series.h"

typedef enum chart_id { CHART_PRICES, CHART_EEURO, CHART_MY_EEURO, CHART_COUNT } chart_id;

static const char *const CHART_TITLES[CHART_COUNT] = {
    [CHART_PRICES] = "Prices and volume",
    [CHART_EEURO] = "eEuro in circulation",
    [CHART_MY_EEURO] = "My eEuro",
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

/* A chart and its stacked companion need this many rows each. */
#define CHART_ROWS 10

typedef struct charts_view {
    chart_id chart;
    range_id range;
} charts_view;

/* The time range shown: up to the latest block (or the newest record when
 * the snapshot is older), back by the range's length. */
static void time_range(const tui_app *app, const wallet_past *p, range_id r, uint64_t *from,
                       uint64_t *to)
{
    const wallet_state *s = tui_app_snapshot(app);
    uint64_t first = p->ntxs ? p->txs[0].time : 0, last = p->ntxs ? p->txs[p->ntxs - 1].time : 0;
    *to = s && s->block_time > last ? s->block_time : last;
    uint64_t span = RANGES[r].seconds;
    *from = span == 0 ? first : *to > span ? *to - span : 0;
}

/* Renders and draws one series at row y in `rows` rows; false (with the
 * reason drawn instead) when the range holds nothing of it. */
static bool draw_series(WINDOW *win, int y, int rows, const series *data, chart_style style,
                        pc_unit unit, uint64_t from, uint64_t to, const char *empty)
{
    char from_label[24], to_label[24];
    screen_time(from, from_label);
    screen_time(to, to_label);
    chart_spec spec = { data, style, unit, from, to, from_label, to_label, tui_ui_utf8(), rows,
                        getmaxx(win) };
    if (!chart_has_data(&spec)) {
        tui_print(win, y, 2, 0, TUI_DIM, "%s", empty);
        return false;
    }
    chart_grid g;
    pc_error err;
    if (chart_render(&spec, &g, &err) != PC_OK) {
        tui_print(win, y, 2, 0, TUI_BAD, "%s", err.msg);
        return false;
    }
    chart_draw(win, y, 0, &g);
    chart_grid_free(&g);
    return true;
}

/* The latest value of a step series in words at row y. */
static void draw_now(WINDOW *win, int y, const char *what, const series *s, pc_unit unit)
{
    char v[PC_UNIT_TEXT_MAX] = "0";
    if (s->count)
        pc_format_unit(&s->points[s->count - 1].value, unit, v, sizeof v);
    tui_print(win, y, 0, 0, TUI_NORMAL, "%s now: %s", what, v);
}

static void draw_prices(const wallet_past *p, WINDOW *win, int y, int rows, uint64_t from,
                        uint64_t to)
{
    series prices, volumes;
    pc_error err;
    if (series_fills(&p->market, &prices, &volumes, &err) != PC_OK) {
        tui_print(win, y, 0, 0, TUI_BAD, "%s", err.msg);
        return;
    }
    if (prices.count == 0) {
        tui_print(win, y, 2, 0, TUI_DIM, "no trades yet");
    } else {
        char last[PC_UNIT_TEXT_MAX];
        pc_format_unit(&prices.points[prices.count - 1].value, PC_UNIT_PRICE, last, sizeof last);
        tui_print(win, y, 0, 0, TUI_NORMAL, "%zu trade%s, last at %s", prices.count,
                  prices.count == 1 ? "" : "s", last);
        /* The price above, the volume (ENT per column) below it. */
        int price_rows = (rows - 1) * 2 / 3;
        if (draw_series(win, y + 1, price_rows, &prices, CHART_POINTS, PC_UNIT_PRICE, from, to,
                        "no trades in this range"))
            draw_series(win, y + 1 + price_rows, rows - 1 - price_rows, &volumes, CHART_BARS,
                        PC_UNIT_ENT, from, to, "");
    }
    series_free(&prices);
    series_free(&volumes);
}

static void draw_chart(tui_app *app, const wallet_past *p, chart_id id, WINDOW *win, int y,
                       int rows, uint64_t from, uint64_t to)
{
    if (id == CHART_PRICES) {
        draw_prices(p, win, y, rows, from, to);
        return;
    }
    const wallet_state *s = tui_app_snapshot(app);
    if (id == CHART_MY_EEURO && !(s && s->has_account)) {
        tui_print(win, y, 2, 0, TUI_DIM, "no account selected (7 Accounts)");
        return;
    }
    series data;
    pc_error err;
    pc_status st = id == CHART_EEURO
                       ? series_eeuro_supply(p->txs, p->ntxs, &data, &err)
                       : series_eeuro_balance(p->txs, p->ntxs, &p->market, &s->account, &data,
                                              &err);
    if (st != PC_OK) {
        tui_print(win, y, 0, 0, TUI_BAD, "%s", err.msg);
        return;
    }
    draw_now(win, y, id == CHART_EEURO ? "In circulation" : "Held (available and locked)",
             &data, PC_UNIT_EEURO);
    draw_series(win, y + 1, rows - 1, &data, CHART_STEPS, PC_UNIT_EEURO, from, to,
                "no transactions yet");
    series_free(&data);
}

static void draw(tui_app *app, void *state, WINDOW *win)
{
    charts_view *v = state;
    int H = getmaxy(win), y = 0;
    tui_print(win, y++, 0, 0, TUI_TITLE, "%s   range: %s", CHART_TITLES[v->chart],
              RANGES[v->range].name);
    if (screen_past_missing(win, &y, app))
        return;
    const wallet_past *p = tui_app_past(app);
    uint64_t from, to;
    time_range(app, p, v->range, &from, &to);
    int rows = H - y;
    if (rows >= 2 * CHART_ROWS) {
        /* Tall enough for the next chart under the chosen one. */
        chart_id next = (chart_id)((v->chart + 1) % CHART_COUNT);
        int half = rows / 2;
        draw_chart(app, p, v->chart, win, y, half - 1, from, to);
        tui_print(win, y + half, 0, 0, TUI_TITLE, "%s", CHART_TITLES[next]);
        draw_chart(app, p, next, win, y + half + 1, rows - half - 1, from, to);
    } else {
        draw_chart(app, p, v->chart, win, y, rows, from, to);
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
    "Charts", "Up/Down c chart  h d w a range", sizeof(charts_view), draw, key, NULL,
};
