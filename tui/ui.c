#include "tui/ui.h"

#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eth/text.h"

static bool g_utf8;
static bool g_color;
static const tui_trace *g_trace;

void tui_ui_trace(const tui_trace *t) { g_trace = t; }

void tui_ui_trace_cont(WINDOW *win, int y, int x_end, int width, int next_y, int next_x)
{
    if (g_trace && g_trace->cont) {
        int by, bx;
        getbegyx(win, by, bx);
        g_trace->cont(g_trace->ctx, by + y, bx + x_end, width, by + next_y, bx + next_x);
    }
}

void tui_clear(WINDOW *win, int y, int x, int h, int w)
{
    for (int r = 0; r < h; r++)
        mvwhline(win, y + r, x, ' ', w);
    if (g_trace && g_trace->cover) {
        int by, bx;
        getbegyx(win, by, bx);
        g_trace->cover(g_trace->ctx, by + y, bx + x, h, w);
    }
}

void tui_ui_init(void)
{
    const char *cs = nl_langinfo(CODESET);
    g_utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
    const char *nc = getenv("NO_COLOR");
    g_color = has_colors() && !(nc && *nc);
    if (!g_color)
        return;
    start_color();
    use_default_colors();
    /* -1: the terminal's own background and foreground. */
    init_pair(TUI_TITLE, COLOR_CYAN, -1);
    init_pair(TUI_DIM, COLOR_BLUE, -1);
    init_pair(TUI_GOOD, COLOR_GREEN, -1);
    init_pair(TUI_BAD, COLOR_RED, -1);
    init_pair(TUI_WARN, COLOR_YELLOW, -1);
    init_pair(TUI_ACCENT, COLOR_MAGENTA, -1);
}

bool tui_ui_utf8(void)
{
    return g_utf8;
}

static attr_t style_attr(tui_style s)
{
    switch (s) {
    case TUI_NORMAL: return A_NORMAL;
    case TUI_SELECTED: return A_REVERSE;
    case TUI_TITLE: return A_BOLD | (g_color ? COLOR_PAIR(s) : 0);
    case TUI_DIM: return g_color ? COLOR_PAIR(s) : A_DIM;
    case TUI_BAD: return A_BOLD | (g_color ? COLOR_PAIR(s) : 0);
    default: return g_color ? COLOR_PAIR(s) : A_BOLD;
    }
}

void tui_style_on(WINDOW *win, tui_style s)
{
    wattron(win, style_attr(s));
}

void tui_style_off(WINDOW *win, tui_style s)
{
    wattroff(win, style_attr(s));
}

size_t tui_utf8_char(const char *s, size_t avail)
{
    return text_char_len(s, avail);
}

/* Copies src into dst (cap bytes), each character that may not reach the
 * terminal replaced by '?'; returns the characters copied, at most `chars`. */
static int printable_copy(char *dst, size_t cap, const char *src, int chars)
{
    size_t in = 0, out = 0, left = strlen(src);
    int n = 0;
    while (in < left && n < chars) {
        size_t len = tui_utf8_char(src + in, left - in);
        if (len > 1 && !g_utf8)
            len = 0;
        if (out + (len ? len : 1) >= cap)
            break;
        if (len) {
            memcpy(dst + out, src + in, len);
            out += len;
            in += len;
        } else {
            dst[out++] = '?';
            in += text_refused_len(src + in, left - in);
        }
        n++;
    }
    dst[out] = '\0';
    return n;
}

/* Tells the trace what a print drew and what it lost. */
static void trace_print(WINDOW *win, int y, int x, int cols, int lost, const char *text)
{
    if (!g_trace || !g_trace->print || (cols == 0 && lost == 0))
        return;
    int by, bx;
    getbegyx(win, by, bx);
    g_trace->print(g_trace->ctx, by + y, bx + x, cols, lost, text);
}

int tui_print(WINDOW *win, int y, int x, int width, tui_style s, const char *fmt, ...)
{
    char buf[512], clean[512];
    va_list ap;
    va_start(ap, fmt);
    int want = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Bytes vsnprintf had no room for are lost as well. */
    int over = want >= (int)sizeof buf ? want - (int)sizeof buf + 1 : 0;
    int maxx = getmaxx(win);
    if (y < 0 || y >= getmaxy(win) || x < 0 || x >= maxx) {
        trace_print(win, y, x, 0, printable_copy(clean, sizeof clean, buf, INT_MAX) + over, buf);
        return 0;
    }
    if (width <= 0 || x + width > maxx)
        width = maxx - x;
    /* Every text here is one column per character. */
    int cols = printable_copy(clean, sizeof clean, buf, width);
    tui_style_on(win, s);
    mvwaddstr(win, y, x, clean);
    tui_style_off(win, s);
    if (g_trace)
        trace_print(win, y, x, cols, printable_copy(clean, sizeof clean, buf, INT_MAX) - cols + over,
                    buf);
    return cols;
}

void tui_hline(WINDOW *win, int y, int x, int n)
{
    mvwhline(win, y, x, g_utf8 ? ACS_HLINE : '-', n);
}

void tui_vline(WINDOW *win, int y, int x, int n)
{
    mvwvline(win, y, x, g_utf8 ? ACS_VLINE : '|', n);
}

void tui_bar(WINDOW *win, int y, int x, unsigned cells, unsigned width, tui_style s)
{
    const char *full = g_utf8 ? "\u2588" : "#", *empty = g_utf8 ? "\u00b7" : ".";
    if (cells > width)
        cells = width;
    wmove(win, y, x);
    tui_style_on(win, s);
    for (unsigned i = 0; i < cells; i++)
        waddstr(win, full);
    tui_style_off(win, s);
    tui_style_on(win, TUI_DIM);
    for (unsigned i = cells; i < width; i++)
        waddstr(win, empty);
    tui_style_off(win, TUI_DIM);
}

void tui_gauge(WINDOW *win, int y, int x, unsigned pos, unsigned width)
{
    const char *line = g_utf8 ? "\u2500" : "-", *mid = g_utf8 ? "\u253c" : "+";
    const char *mark = g_utf8 ? "\u25c6" : "*";
    if (pos > width)
        pos = width;
    wmove(win, y, x);
    for (unsigned i = 0; i <= width; i++) {
        if (i == pos) {
            tui_style_on(win, TUI_ACCENT);
            waddstr(win, mark);
            tui_style_off(win, TUI_ACCENT);
        } else {
            waddstr(win, i == width / 2 ? mid : line);
        }
    }
}

const char *tui_spinner(unsigned long ms)
{
    static const char *const utf[] = { "\u280b", "\u2819", "\u2839", "\u2838",
                                       "\u283c", "\u2834", "\u2826", "\u2827",
                                       "\u2807", "\u280f" };
    static const char *const ascii[] = { "|", "/", "-", "\\" };
    unsigned long f = ms / 100;
    return g_utf8 ? utf[f % 10] : ascii[f % 4];
}

void tui_box(WINDOW *win, int h, int w, const char *title, int *y, int *x)
{
    int H = getmaxy(win), W = getmaxx(win);
    if (h > H)
        h = H;
    if (w > W)
        w = W;
    *y = (H - h) / 2;
    *x = (W - w) / 2;
    tui_clear(win, *y, *x, h, w);
    WINDOW *frame = derwin(win, h, w, *y, *x);
    if (frame) {
        if (g_utf8)
            box(frame, 0, 0);
        else
            wborder(frame, '|', '|', '-', '-', '+', '+', '+', '+');
        delwin(frame);
    }
    tui_print(win, *y, *x + 2, w - 4, TUI_TITLE, " %s ", title);
}

unsigned tui_scale(const u256 *v, const u256 *max, unsigned width)
{
    u256 w = u256_from_u64(width), num, q;
    uint64_t r;
    if (u256_is_zero(max))
        return 0;
    if (u256_cmp(v, max) >= 0)
        return width;
    /* v < max, so v*width overflows only for huge values: then scale both down. */
    if (u256_mul(&num, v, &w) && u256_divmod(&q, NULL, &num, max) && u256_to_u64(&q, &r))
        return (unsigned)r;
    u256 d = u256_pow10(18), vs, ms;
    u256_divmod(&vs, NULL, v, &d);
    u256_divmod(&ms, NULL, max, &d);
    return tui_scale(&vs, &ms, width);
}
