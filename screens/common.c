#include "screens/common.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "rpcclient/calltext.h"
#include "rpcclient/units.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

int screen_number_width(const u256 *v, pc_unit u)
{
    if (u != PC_UNIT_ENT && u != PC_UNIT_EEURO && u != PC_UNIT_PRICE && u != PC_UNIT_COST) {
        char text[PC_UNIT_TEXT_MAX];
        pc_format_unit_number(v, u, text, sizeof text);
        return table_text_width(text);
    }
    /* "0.000000000000000001", "1.9", "5": the integer digits (one at
     * least), then the point and the fraction's digits up to its last
     * non-zero one. */
    const size_t dec = 18;
    char d[U256_DEC_MAX];
    u256_to_dec(v, d);
    size_t n = strlen(d), frac = n > dec ? n - dec : 0, end = n;
    while (end > frac && d[end - 1] == '0')
        end--;
    size_t nint = n > dec ? n - dec : 1, nfrac = end - frac;
    if (nfrac > 0 && n < dec)
        nfrac += dec - n;
    return (int)(nint + (nfrac ? 1 + nfrac : 0));
}

/* Keeps a cursor inside a list that may have shrunk. */
static size_t screen_cursor_clamp(size_t cursor, size_t count)
{
    return count == 0 ? 0 : cursor >= count ? count - 1 : cursor;
}

bool screen_cursor_key(int ch, size_t *cursor, size_t count, size_t page)
{
    size_t last = count ? count - 1 : 0, step = page ? page : 1;
    switch (ch) {
    case KEY_UP:
    case 'k':
        if (*cursor > 0)
            (*cursor)--;
        return true;
    case KEY_DOWN:
    case 'j':
        if (*cursor < last)
            (*cursor)++;
        return true;
    case KEY_PPAGE:
        *cursor = *cursor > step ? *cursor - step : 0;
        return true;
    case KEY_NPAGE:
        *cursor = last - *cursor > step ? *cursor + step : last;
        return true;
    case KEY_HOME:
    case 'g':
        *cursor = 0;
        return true;
    case KEY_END:
    case 'G':
        *cursor = last;
        return true;
    default:
        return false;
    }
}

#define KEY_ESC 27

bool screen_list_key(screen_list *l, int ch, size_t count)
{
    size_t len = strlen(l->filter);
    if (l->typing) {
        if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
            l->typing = false;
        } else if (ch == KEY_ESC) {
            l->typing = false;
            l->filter[0] = '\0';
        } else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
            if (len > 0)
                l->filter[len - 1] = '\0';
        } else if (ch >= ' ' && ch < 127 && len + 1 < sizeof l->filter) {
            l->filter[len] = (char)ch;
            l->filter[len + 1] = '\0';
        } else {
            /* Nothing else reaches the shell while typing (digits, q). */
            screen_cursor_key(ch, &l->cursor, count, l->page);
            return true;
        }
        l->cursor = l->first = 0; /* the rows changed: start from the top */
        return true;
    }
    if (ch == '/') {
        l->typing = true;
        return true;
    }
    if (ch == KEY_ESC && len > 0) {
        l->filter[0] = '\0';
        l->cursor = l->first = 0;
        return true;
    }
    return screen_cursor_key(ch, &l->cursor, count, l->page);
}

size_t screen_list_begin(screen_list *l, size_t count, size_t rows)
{
    memset(l->at_row, 0, sizeof l->at_row);
    l->page = rows ? rows : 1;
    l->cursor = screen_cursor_clamp(l->cursor, count);
    if (l->cursor < l->first)
        l->first = l->cursor;
    else if (l->cursor >= l->first + l->page)
        l->first = l->cursor + 1 - l->page;
    if (l->first + l->page > count) /* no empty rows below while entries are above */
        l->first = count > l->page ? count - l->page : 0;
    return l->first;
}

/* Rows entries first..last (inclusive) take, stopping once past `limit`. */
static int rows_of(size_t first, size_t last, int limit, int (*height)(void *, size_t), void *ctx)
{
    int sum = 0;
    for (size_t i = first; i <= last && sum <= limit; i++) {
        int h = height(ctx, i);
        sum += h > 0 ? h : 1;
    }
    return sum;
}

size_t screen_list_begin_rows(screen_list *l, size_t count, int rows,
                              int (*height)(void *ctx, size_t i), void *ctx, size_t *fit)
{
    memset(l->at_row, 0, sizeof l->at_row);
    *fit = 0;
    l->cursor = screen_cursor_clamp(l->cursor, count);
    if (count == 0) {
        l->first = 0;
        l->page = 1;
        return 0;
    }
    if (l->first >= count)
        l->first = count - 1;
    if (l->cursor < l->first)
        l->first = l->cursor;
    /* Every entry takes a row at least: no more than `rows` of them end at the cursor. */
    if (rows > 0 && l->cursor >= l->first + (size_t)rows)
        l->first = l->cursor + 1 - (size_t)rows;
    while (l->first < l->cursor && rows_of(l->first, l->cursor, rows, height, ctx) > rows)
        l->first++;
    /* No empty rows below while entries are above. */
    while (l->first > 0 && rows_of(l->first - 1, count - 1, rows, height, ctx) <= rows)
        l->first--;
    int used = 0;
    for (size_t i = l->first; i < count; i++) {
        int h = height(ctx, i);
        used += h > 0 ? h : 1;
        if (used > rows && *fit > 0)
            break;
        (*fit)++;
    }
    l->page = *fit;
    return l->first;
}

void screen_list_footer(WINDOW *win, int y, const screen_list *l, const char *what, size_t shown,
                        size_t total, const char *note, const char *hidden)
{
    if (screen_list_filter_line(win, y, l, shown, total))
        return;
    char text[256] = "";
    size_t used = 0;
    if (shown > 0)
        used += (size_t)snprintf(text, sizeof text, "%s%s%zu of %zu", what, what[0] ? " " : "",
                                 l->cursor + 1, shown);
    if (note && note[0] && used < sizeof text)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", used ? "  " : "", note);
    if (hidden && hidden[0] && used < sizeof text)
        snprintf(text + used, sizeof text - used, "%shidden: %s", used ? "  " : "", hidden);
    tui_text(win, y, 0, 0, 2, y + 1, TUI_DIM, "  ", text);
}

void screen_list_mark(screen_list *l, int y, size_t i)
{
    if (y >= 0 && y < SCREEN_ROWS_MAX)
        l->at_row[y] = i + 1;
}

int screen_list_click(screen_list *l, int y)
{
    if (y < 0 || y >= SCREEN_ROWS_MAX || l->at_row[y] == 0)
        return 0;
    size_t i = l->at_row[y] - 1;
    if (i == l->cursor)
        return 2;
    l->cursor = i;
    return 1;
}

bool screen_list_match(const screen_list *l, const char *text)
{
    size_t n = strlen(l->filter);
    if (n == 0)
        return true;
    for (; *text; text++)
        if (strncasecmp(text, l->filter, n) == 0)
            return true;
    return false;
}

bool screen_list_filter_line(WINDOW *win, int y, const screen_list *l, size_t shown,
                             size_t total)
{
    if (!l->typing && !l->filter[0])
        return false;
    int used = tui_print(win, y, 0, 0, l->typing ? TUI_ACCENT : TUI_DIM, "filter: %s%s",
                         l->filter, l->typing ? "_" : "");
    tui_print(win, y, used + 1, 0, TUI_DIM, "(%zu of %zu)%s", shown, total,
              l->typing ? "  Enter keeps, Esc clears" : "  / edits, Esc clears");
    return true;
}

/* An address, whole or short as screen_named_address writes it, with its
 * name from the address book when it has one no wider than name_max. */
static void address_text(const tui_app *app, const eth_address *a, bool whole, int name_max,
                         char *out, size_t cap)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    if (whole)
        eth_address_to_checksum(a, text);
    else
        eth_address_short(a, text);
    const char *name = names_lookup(tui_app_names(app), a);
    bool named = name && table_text_width(name) <= name_max;
    snprintf(out, cap, "%s%s%s", text, named ? " " : "", named ? name : "");
}

int screen_name_width(const tui_app *app, screen_name_cache *cache, const eth_address *a)
{
    unsigned h = (unsigned)(a->b[0] ^ a->b[7] * 3u ^ a->b[13] * 7u ^ a->b[19] * 11u) %
                 (sizeof cache->slot / sizeof cache->slot[0]);
    if (cache->slot[h].used && eth_address_equal(&cache->slot[h].a, a))
        return cache->slot[h].width;
    const char *name = names_lookup(tui_app_names(app), a);
    int w = name ? 1 + table_text_width(name) : 0;
    cache->slot[h].a = *a;
    cache->slot[h].width = w;
    cache->slot[h].used = true;
    return w;
}

void screen_address_fitted(const tui_app *app, const eth_address *a, int width, char *out,
                           size_t cap)
{
    address_text(app, a, true, width, out, cap);
}

void screen_named_address(const tui_app *app, const eth_address *a, int name_max, char *out,
                          size_t cap)
{
    address_text(app, a, false, name_max, out, cap);
}

screen_flow screen_flow_start(WINDOW *win, int y)
{
    return (screen_flow){ win, y, getmaxy(win), false };
}

bool screen_flow_fits(screen_flow *f, int rows, bool last, const char *what)
{
    if (!f->full && f->y + rows <= f->bottom - (last ? 0 : 1))
        return true;
    if (!f->full && f->y < f->bottom) {
        char note[160];
        snprintf(note, sizeof note, "more below: a taller terminal shows %s", what);
        tui_print(f->win, f->y, 0, 0, TUI_DIM, "%s", note);
    }
    f->full = true;
    return false;
}

void screen_heading(WINDOW *win, int y, const char *title)
{
    tui_print(win, y, 0, 0, TUI_TITLE, "%s", title);
}

bool screen_missing(WINDOW *win, int y, const wallet_state *s, unsigned section,
                    const char *what)
{
    if (!(s->missing & section))
        return false;
    tui_print(win, y, 2, 0, TUI_DIM, "%s: not available from this node or contract", what);
    return true;
}

void screen_time(uint64_t unix_s, char out[24])
{
    time_t t = (time_t)unix_s;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, 24, "%Y-%m-%d %H:%M", &tm))
        snprintf(out, 24, "%llu", (unsigned long long)unix_s);
}

/* The lines screen_past_missing draws, and the style of each. */
static int past_missing_lines(const tui_app *app, const char *lines[2], tui_style *st)
{
    uint64_t done, total;
    const char *problem = tui_app_past_problem(app);
    bool indexing = tui_app_indexing(app, &done, &total);
    static char progress[96];
    if (tui_app_past(app)) {
        if (!problem[0])
            return 0;
        lines[0] = "history not up to date:", lines[1] = problem, *st = TUI_WARN;
        return 2;
    }
    *st = problem[0] ? TUI_BAD : TUI_WARN;
    if (problem[0]) {
        lines[0] = "history index unavailable:", lines[1] = problem;
        return 2;
    }
    if (indexing)
        snprintf(progress, sizeof progress, "indexing history... %llu of %llu blocks",
                 (unsigned long long)done, (unsigned long long)total);
    else
        snprintf(progress, sizeof progress, "indexing history...");
    lines[0] = progress;
    return 1;
}

int screen_past_missing_rows(const tui_app *app, int width)
{
    const char *lines[2];
    tui_style st;
    int n = past_missing_lines(app, lines, &st), rows = 0;
    for (int i = 0; i < n; i++)
        rows += tui_text_rows(width - 2 - 2 * i, 2, NULL, lines[i]);
    return rows;
}

bool screen_past_missing(WINDOW *win, int *y, const tui_app *app)
{
    const char *lines[2];
    tui_style st;
    int n = past_missing_lines(app, lines, &st);
    for (int i = 0; i < n; i++)
        *y += tui_text(win, *y, 2 + 2 * i, 0, 2, 0, st, NULL, lines[i]);
    return !tui_app_past(app);
}

/* What pc_call_text needs to write an address as the page does. */
typedef struct address_style {
    const tui_app *app;
    bool whole;
    int name_max;
} address_style;

static void styled_address(const eth_address *a, const void *ctx, char *out, size_t cap)
{
    const address_style *st = ctx;
    address_text(st->app, a, st->whole, st->name_max, out, cap);
}

void screen_call_text(const tui_app *app, const history_tx *t, bool whole, int name_max,
                      char *out, size_t cap)
{
    if (t->is_creation || !t->method) {
        snprintf(out, cap, "%s", t->is_creation ? "constructor" : "(unknown call)");
        return;
    }
    address_style st = { app, whole, name_max };
    pc_call_text(t->method, &t->args, styled_address, &st, out, cap);
}

bool screen_unit_owner(const tui_app *app, const eth_address *unit, eth_address *owner)
{
    const wallet_past *p = tui_app_past(app);
    for (size_t i = 0; p && i < p->nowners; i++)
        if (eth_address_equal(&p->owners[i].unit, unit)) {
            *owner = p->owners[i].owner;
            return true;
        }
    return false;
}

static bool unit_event(const history_tx *t, const eth_address *unit)
{
    if (t->outcome != HISTORY_OK || !t->method || t->args.count == 0)
        return false;
    /* The addresses first: most records are another unit's. */
    pc_fn m = t->method->id;
    if (eth_address_equal(&t->from, unit) &&
        (m == PC_FN_ENERGY_PRODUCED || m == PC_FN_ENERGY_CONSUMED ||
         m == PC_FN_REPORT_ACTUAL_ENERGY))
        return true;
    return t->args.items[0].kind == ABI_ADDRESS &&
           eth_address_equal(&t->args.items[0].addr, unit) &&
           m == PC_FN_START_CONSUMPTION_SESSION;
}

size_t screen_unit_events(const wallet_past *p, const eth_address *unit, const history_tx **out,
                          size_t max)
{
    size_t n = 0;
    for (size_t i = p->ntxs; i > 0; i--)
        if (unit_event(&p->txs[i - 1], unit)) {
            if (out && n < max)
                out[n] = &p->txs[i - 1];
            n++;
        }
    return n;
}

void screen_text_addresses(const tui_app *app, const char *text, bool whole, int name_max,
                           char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    while (*text && used + 1 < cap) {
        eth_address a;
        char word[43] = "";
        size_t hex = text[0] == '0' && text[1] == 'x' ? strspn(text + 2, "0123456789abcdefABCDEF")
                                                      : 0;
        if (hex == 40)
            memcpy(word, text, 42);
        if (hex == 40 && eth_address_parse(word, &a, NULL) == PC_OK) {
            char named[ETH_ADDRESS_TEXT_LEN + 72];
            address_text(app, &a, whole, name_max, named, sizeof named);
            used += (size_t)snprintf(out + used, cap - used, "%s", named);
            text += 42;
        } else {
            out[used++] = *text++;
            out[used] = '\0';
        }
    }
    if (used >= cap)
        out[cap - 1] = '\0';
}

enum { EVENT_WHEN, EVENT_CALL, EVENT_COLS };

void screen_event_layout(int width, table_layout *l)
{
    const table_col cols[EVENT_COLS] = {
        [EVENT_WHEN] = { .priority = 3, .keep = true, .nforms = 2, .width = { 16, 5 } },
        [EVENT_CALL] = { .priority = 8, .keep = true, .fill = true, .min = 46 },
    };
    table_fit(cols, EVENT_COLS, width, 2, 4, l);
}

int screen_event_row(const tui_app *app, WINDOW *win, int y, int x, int bottom,
                     const table_layout *l, const eth_address *unit, const history_tx *t)
{
    static const tui_style STYLES[EVENT_COLS] = { TUI_DIM, TUI_NORMAL };
    char when[24], call[600], by[ETH_ADDRESS_TEXT_LEN + 80];
    size_t at = 0;
    screen_time(t->time, when);
    if (!eth_address_equal(&t->from, unit)) {
        screen_named_address(app, &t->from, INT_MAX, by, sizeof by);
        at = (size_t)snprintf(call, sizeof call, "%s: ", by);
    }
    screen_call_text(app, t, false, l->w[EVENT_CALL], call + at, sizeof call - at);
    const char *texts[EVENT_COLS] = { l->form[EVENT_WHEN] == 0 ? when : when + 11, call };
    return win ? tui_table_row(win, y, x, bottom, l, texts, STYLES) : tui_table_rows(l, texts);
}
