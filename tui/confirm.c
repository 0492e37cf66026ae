#include "tui/confirm.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eth/u256.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

#define MAX_W 84
#define SIGN_BUTTON "[ y  Sign and send ]"
#define CANCEL_BUTTON "[ n  Cancel ]"
#define BUTTON_GAP 4
#define ROWS_MAX 16 /* rows of one wrapped value */

static tui_confirm_line *line(tui_confirm_line *l, const char *label, bool emphasis,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static tui_confirm_line *line(tui_confirm_line *l, const char *label, bool emphasis,
                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->value, sizeof l->value, fmt, ap);
    va_end(ap);
    l->label = label;
    l->emphasis = emphasis;
    l->warning = false;
    return l + 1;
}

/* Whether the k-th text line of the simulation is an Error or the revert. */
static bool text_is_refusal(const tui_action *a, size_t k)
{
    if (!a->has_sim)
        return false;
    return k < a->sim.ntexts ? a->sim.texts[k].is_error
                             : a->sim.outcome == WALLET_SIM_REVERTED;
}

/* wallet/effect.h's lines for the prepared call: what it does, from the
 * figures held now (a figure predicted here is marked as an estimate) or
 * from the node's simulation, what the contract would emit, the figures it
 * would change, what could not be simulated. */
static tui_confirm_line *effect_of(tui_confirm_line *l, const tui_action *a,
                                   const tui_confirm_view *v)
{
    const char *argv[PC_MAX_ARGS];
    for (size_t i = 0; i < a->call.nargs; i++)
        argv[i] = a->call.encoded[i];
    effect_call c = { .method = a->call.method, .nargs = a->call.nargs, .args = argv,
                      .state = v->snap, .past = v->past, .book = v->book, .own = a->t.from,
                      .contract = a->t.to, .gas_limit = a->tx.gas_limit,
                      .max_fee_per_gas = a->tx.type == ETH_TX_EIP1559 ? a->tx.max_fee
                                                                      : a->tx.gas_price,
                      .sim = a->has_sim ? &a->sim : NULL,
                      .no_sim = a->has_sim ? NULL : a->no_sim };
    effect_lines lines;
    effect_describe(&c, &lines);
    static const char *const LABELS[] = { [EFFECT_WHAT] = "what it does",
                                          [EFFECT_FEE] = "", /* the text says it */
                                          [EFFECT_BALANCE] = "",
                                          [EFFECT_WARNING] = "warning",
                                          [EFFECT_TEXT] = "the contract",
                                          [EFFECT_CHANGE] = "changes",
                                          [EFFECT_NOTE] = "simulation" };
    /* A group's later lines stand under its first, but for the figures it
     * changes: those, with a whole address each, take the wider room. */
    static const char *const MORE[] = { [EFFECT_WHAT] = " ", [EFFECT_FEE] = "",
                                        [EFFECT_BALANCE] = "", [EFFECT_WARNING] = " ",
                                        [EFFECT_TEXT] = " ", [EFFECT_CHANGE] = "",
                                        [EFFECT_NOTE] = " " };
    size_t texts = 0;
    for (size_t i = 0; i < lines.n; i++) {
        const effect_line *e = &lines.line[i];
        bool first = i == 0 || lines.line[i - 1].kind != e->kind;
        l = line(l, first ? LABELS[e->kind] : MORE[e->kind],
                 e->kind == EFFECT_WHAT || e->kind == EFFECT_TEXT, "%s%s", e->text,
                 e->basis == EFFECT_ESTIMATE ? " (estimate)" : "");
        l[-1].warning = e->kind == EFFECT_WARNING ||
                        (e->kind == EFFECT_TEXT && text_is_refusal(a, texts));
        texts += e->kind == EFFECT_TEXT;
    }
    return l;
}

size_t tui_confirm_lines(const tui_action *a, const tui_confirm_view *v,
                         tui_confirm_line out[TUI_CONFIRM_LINES])
{
    char from[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN];
    char v1[U256_DEC_MAX];
    const char *name = v->account_name ? v->account_name : "";
    eth_address_to_checksum(&a->t.from, from);
    eth_address_to_checksum(&a->t.to, to);
    tui_confirm_line *l = out;
    l = effect_of(l, a, v);
    for (size_t i = 0; i < a->call.nargs; i++)
        l = line(l, "", false, "%s", a->call.args[i]);
    l = line(l, "account", false, "%s%s%s", name, name[0] ? " " : "", from);
    l = line(l, "contract", false, "%s on chain %llu", to, (unsigned long long)a->tx.chain_id);
    /* The most per gas is in the fee line (wallet/effect.h) already. */
    unsigned long long nonce = a->tx.nonce, gas = a->tx.gas_limit;
    if (a->tx.type == ETH_TX_EIP1559) {
        u256_to_dec(&a->tx.max_priority_fee, v1);
        l = line(l, "nonce", false, "%llu, gas limit %llu, tip %s wei/gas", nonce, gas, v1);
    } else {
        l = line(l, "nonce", false, "%llu, gas limit %llu", nonce, gas);
    }
    return (size_t)(l - out);
}

/* One row of the dialog: a piece of a line's value, the line's label
 * beside its first. */
typedef struct row {
    const tui_confirm_line *line;
    table_span span;
    bool first;
} row;

/* Where the dialog and its buttons go. */
typedef struct layout {
    int y, x, h, w, lw, vx, vw; /* box; labels' width; values' column and width */
    int by, sign_x, cancel_x;
    int nrows, shown;           /* rows of values, and how many fit */
} layout;

static int value_width(const tui_confirm_line *l, const layout *g)
{
    return l->label[0] ? g->vw : g->w - 6;
}

/* Every line wrapped at spaces into rows, never parting a figure from its
 * unit (tui/table.h; out may be NULL: counts them). */
static int all_rows(const tui_confirm_line *lines, size_t n, const layout *g, row *out,
                    int max)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        table_span spans[ROWS_MAX];
        int m = table_wrap(lines[i].value, value_width(&lines[i], g),
                           value_width(&lines[i], g), NULL, spans, ROWS_MAX);
        for (int j = 0; j < m && j < ROWS_MAX; j++, k++)
            if (out && k < max)
                out[k] = (row){ &lines[i], spans[j], j == 0 };
    }
    return k;
}

static layout place(const tui_confirm_line *lines, size_t n)
{
    layout g = { 0 };
    g.w = COLS - 4 > MAX_W ? MAX_W : COLS - 4;
    /* Labels as wide as the longest, and a space before the values. */
    for (size_t i = 0; i < n; i++)
        if (table_text_width(lines[i].label) + 1 > g.lw)
            g.lw = table_text_width(lines[i].label) + 1;
    g.vw = g.w - g.lw - 4;
    g.nrows = all_rows(lines, n, &g, NULL, 0);
    /* the frame, and a blank line above the buttons */
    g.shown = g.nrows < LINES - 4 ? g.nrows : LINES - 4;
    g.h = g.shown + 4;
    g.y = (LINES - g.h) / 2;
    g.x = (COLS - g.w) / 2;
    g.vx = g.x + 2 + g.lw;
    g.by = g.y + g.h - 2;
    g.sign_x = g.x + 2;
    g.cancel_x = g.sign_x + (int)strlen(SIGN_BUTTON) + BUTTON_GAP;
    return g;
}

#define ALL_ROWS (TUI_CONFIRM_LINES * 4)

/* The first row of line `first` among rows. */
static int row_of(const row *rows, int nrows, size_t first)
{
    size_t line = 0;
    for (int k = 0; k < nrows; k++)
        if (rows[k].first && line++ == first)
            return k;
    return nrows;
}

void tui_confirm_draw(const tui_action *a, const tui_confirm_view *v, int *scroll)
{
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    row rows[ALL_ROWS];
    size_t n = tui_confirm_lines(a, v, lines);
    layout g = place(lines, n);
    int nrows = all_rows(lines, n, &g, rows, ALL_ROWS);
    nrows = nrows < ALL_ROWS ? nrows : ALL_ROWS;
    /* Whole lines from the *scroll-th, no further than the first from
     * which the rest fits: a value is never parted by the dialog's edges. */
    int most = 0;
    while (most + 1 < (int)n && nrows - row_of(rows, nrows, (size_t)most) > g.shown)
        most++;
    *scroll = *scroll < 0 ? 0 : *scroll > most ? most : *scroll;
    int top = row_of(rows, nrows, (size_t)*scroll), end = top;
    while (end < nrows) {
        int next = end + 1;
        while (next < nrows && !rows[next].first)
            next++;
        if (next - top > g.shown && end > top)
            break;
        end = next;
    }
    /* The method goes in the title. */
    char title[160];
    const pc_method *m = a->call.method;
    if (a->refused)
        snprintf(title, sizeof title, "%s: the contract would refuse it. Sign all the same?",
                 m->name);
    else
        snprintf(title, sizeof title, "Sign and send this transaction? %s%s", m->name,
                 m->kind == PC_VOTE ? " (a vote)" : "");
    int y, x;
    tui_box(stdscr, g.h, g.w, title, &y, &x);
    for (int k = top; k < end; k++) {
        const row *r = &rows[k];
        const tui_confirm_line *l = r->line;
        bool labelled = l->label[0] != '\0';
        int vx = labelled ? g.vx : g.x + 4, row_y = g.y + 1 + k - top;
        if (labelled && r->first)
            tui_print(stdscr, row_y, g.x + 2, g.lw, TUI_DIM, "%s", l->label);
        if (!r->first && rows[k - 1].span.cont)
            tui_ui_trace_cont(stdscr, row_y - 1, vx + rows[k - 1].span.cols,
                              value_width(l, &g), row_y, vx);
        tui_print(stdscr, row_y, vx, value_width(l, &g),
                  l->warning ? TUI_WARN : l->emphasis ? TUI_ACCENT : TUI_NORMAL, "%.*s",
                  r->span.len, l->value + r->span.at);
    }
    int after = g.cancel_x + (int)strlen(CANCEL_BUTTON) + 2, room = g.x + g.w - 2 - after;
    tui_print(stdscr, g.by, g.sign_x, (int)strlen(SIGN_BUTTON),
              a->sign_focused ? TUI_SELECTED : TUI_NORMAL, SIGN_BUTTON);
    tui_print(stdscr, g.by, g.cancel_x, (int)strlen(CANCEL_BUTTON),
              a->sign_focused ? TUI_NORMAL : TUI_SELECTED, CANCEL_BUTTON);
    /* Lines that do not fit scroll: the hint says how many are out of sight. */
    int below = 0, above = *scroll;
    for (int k = end; k < nrows; k++)
        below += rows[k].first;
    if (below > 0)
        tui_print(stdscr, g.by, after, room, TUI_WARN, "Down: %d more below", below);
    else if (above > 0)
        tui_print(stdscr, g.by, after, room, TUI_WARN, "Up: %d more above", above);
    else
        tui_print(stdscr, g.by, after, room, TUI_DIM, "or Esc");
}

tui_confirm_hit tui_confirm_click(const tui_action *a, const tui_confirm_view *v, int y, int x)
{
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    layout g = place(lines, tui_confirm_lines(a, v, lines));
    if (y != g.by)
        return TUI_CONFIRM_NONE;
    if (x >= g.sign_x && x < g.sign_x + (int)strlen(SIGN_BUTTON))
        return TUI_CONFIRM_SIGN;
    if (x >= g.cancel_x && x < g.cancel_x + (int)strlen(CANCEL_BUTTON))
        return TUI_CONFIRM_CANCEL;
    return TUI_CONFIRM_NONE;
}
