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

/* wallet/effect.h's lines for the prepared call, from the figures held now. */
static tui_confirm_line *effect_of(tui_confirm_line *l, const tui_action *a,
                                   const tui_confirm_view *v)
{
    const char *argv[PC_MAX_ARGS];
    for (size_t i = 0; i < a->call.nargs; i++)
        argv[i] = a->call.encoded[i];
    effect_call c = { .method = a->call.method->name, .nargs = a->call.nargs, .args = argv,
                      .state = v->snap, .past = v->past, .book = v->book, .own = a->t.from,
                      .contract = a->t.to, .gas_limit = a->tx.gas_limit,
                      .max_fee_per_gas = a->tx.type == ETH_TX_EIP1559 ? a->tx.max_fee
                                                                      : a->tx.gas_price };
    effect_lines lines;
    effect_describe(&c, &lines);
    static const char *const LABELS[] = { [EFFECT_WHAT] = "what it does",
                                          [EFFECT_FEE] = "", /* the text says it */
                                          [EFFECT_BALANCE] = "",
                                          [EFFECT_WARNING] = "warning" };
    for (size_t i = 0; i < lines.n; i++) {
        const effect_line *e = &lines.line[i];
        bool first = i == 0 || lines.line[i - 1].kind != e->kind;
        l = line(l, first ? LABELS[e->kind] : "", e->kind == EFFECT_WHAT, "%s", e->text);
        l[-1].warning = e->kind == EFFECT_WARNING;
    }
    return l;
}

size_t tui_confirm_lines(const tui_action *a, const tui_confirm_view *v,
                         tui_confirm_line out[TUI_CONFIRM_LINES])
{
    char from[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN];
    char v1[U256_DEC_MAX], v2[U256_DEC_MAX];
    const char *name = v->account_name ? v->account_name : "";
    eth_address_to_checksum(&a->t.from, from);
    eth_address_to_checksum(&a->t.to, to);
    tui_confirm_line *l = out;
    l = line(l, "method", true, "%s (%s)", a->call.method->name,
             a->call.method->kind == PC_VOTE ? "a vote" : "a transaction");
    l = effect_of(l, a, v);
    for (size_t i = 0; i < a->call.nargs; i++)
        l = line(l, "", false, "%s", a->call.args[i]);
    l = line(l, "account", false, "%s%s%s", name, name[0] ? " " : "", from);
    l = line(l, "contract", false, "%s", to);
    l = line(l, "chain id", false, "%llu", (unsigned long long)a->tx.chain_id);
    l = line(l, "nonce", false, "%llu", (unsigned long long)a->tx.nonce);
    l = line(l, "gas limit", false, "%llu", (unsigned long long)a->tx.gas_limit);
    if (a->tx.type == ETH_TX_EIP1559) {
        u256_to_dec(&a->tx.max_fee, v1);
        u256_to_dec(&a->tx.max_priority_fee, v2);
        l = line(l, "fee", false, "max %s wei/gas (tip %s)", v1, v2);
    } else {
        u256_to_dec(&a->tx.gas_price, v1);
        l = line(l, "fee", false, "%s wei/gas", v1);
    }
    return (size_t)(l - out);
}

/* Where the dialog and its buttons go. */
typedef struct layout {
    int y, x, h, w, lw, vx, vw; /* box; labels' width; values' column and width */
    size_t first, last;         /* the values shown: lines first..last-1, whole */
    int most;                   /* the largest first that still fills the dialog */
    int by, sign_x, cancel_x;
} layout;

static int value_width(const tui_confirm_line *l, const layout *g)
{
    return l->label[0] ? g->vw : g->w - 6;
}

static int value_rows(const tui_confirm_line *l, const layout *g)
{
    return tui_text_rows(value_width(l, g), 0, NULL, l->value);
}

/* The dialog as high as its values need; taller than the screen, it shows
 * whole values from the `scroll`th (clamped) and a line saying which. */
static layout place(const tui_confirm_line *lines, size_t n, int scroll)
{
    layout g = { 0 };
    g.w = COLS - 4 > MAX_W ? MAX_W : COLS - 4;
    /* Labels as wide as the longest, and a space before the values. */
    for (size_t i = 0; i < n; i++)
        if (table_text_width(lines[i].label) + 1 > g.lw)
            g.lw = table_text_width(lines[i].label) + 1;
    g.vw = g.w - g.lw - 4;
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += value_rows(&lines[i], &g);
    /* The frame, a blank line above the values and one above the buttons. */
    g.h = 5 + total;
    g.last = n;
    if (g.h > LINES) {
        int room = LINES - 6; /* and the line that says which values show */
        g.h = LINES;
        for (int used = 0, k = (int)n - 1; k >= 0; k--) {
            used += value_rows(&lines[k], &g);
            if (used > room)
                break;
            g.most = k;
        }
        g.first = scroll < 0 ? 0 : scroll > g.most ? (size_t)g.most : (size_t)scroll;
        int used = 0;
        for (g.last = g.first; g.last < n; g.last++) {
            int k = value_rows(&lines[g.last], &g);
            if (used + k > room && g.last > g.first)
                break;
            used += k;
        }
    }
    g.y = (LINES - g.h) / 2;
    g.x = (COLS - g.w) / 2;
    g.vx = g.x + 2 + g.lw;
    g.by = g.y + g.h - 2;
    g.sign_x = g.x + 2;
    g.cancel_x = g.sign_x + (int)strlen(SIGN_BUTTON) + BUTTON_GAP;
    return g;
}

int tui_confirm_scroll_max(const tui_action *a, const tui_confirm_view *v)
{
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    size_t n = tui_confirm_lines(a, v, lines);
    return place(lines, n, 0).most;
}

void tui_confirm_draw(const tui_action *a, const tui_confirm_view *v)
{
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    size_t n = tui_confirm_lines(a, v, lines);
    layout g = place(lines, n, v->scroll);
    int y, x;
    tui_box(stdscr, g.h, g.w, "Sign and send this transaction?", &y, &x);
    int r = g.y + 2;
    for (size_t i = g.first; i < g.last; i++) {
        const tui_confirm_line *l = &lines[i];
        int vx = l->label[0] ? g.vx : g.x + 4;
        if (l->label[0])
            tui_print(stdscr, r, g.x + 2, g.lw, TUI_DIM, "%s", l->label);
        r += tui_text(stdscr, r, vx, value_width(l, &g), 0, g.by - 1,
                      l->warning ? TUI_WARN : l->emphasis ? TUI_ACCENT : TUI_NORMAL, NULL,
                      l->value);
    }
    if (g.first > 0 || g.last < n)
        tui_print(stdscr, r, g.x + 2, g.w - 4, TUI_DIM, "lines %zu-%zu of %zu: Up/Down show the rest",
                  g.first + 1, g.last, n);
    int after = g.cancel_x + (int)strlen(CANCEL_BUTTON) + 2;
    tui_print(stdscr, g.by, g.sign_x, (int)strlen(SIGN_BUTTON),
              a->sign_focused ? TUI_SELECTED : TUI_NORMAL, SIGN_BUTTON);
    tui_print(stdscr, g.by, g.cancel_x, (int)strlen(CANCEL_BUTTON),
              a->sign_focused ? TUI_NORMAL : TUI_SELECTED, CANCEL_BUTTON);
    tui_print(stdscr, g.by, after, g.x + g.w - 2 - after, TUI_DIM, "or Esc");
}

tui_confirm_hit tui_confirm_click(const tui_action *a, const tui_confirm_view *v, int y, int x)
{
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    size_t n = tui_confirm_lines(a, v, lines);
    layout g = place(lines, n, v->scroll);
    if (y != g.by)
        return TUI_CONFIRM_NONE;
    if (x >= g.sign_x && x < g.sign_x + (int)strlen(SIGN_BUTTON))
        return TUI_CONFIRM_SIGN;
    if (x >= g.cancel_x && x < g.cancel_x + (int)strlen(CANCEL_BUTTON))
        return TUI_CONFIRM_CANCEL;
    return TUI_CONFIRM_NONE;
}
