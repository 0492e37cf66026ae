#include "screens/common.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tui/ui.h"

void screen_short_address(const eth_address *a, char out[16])
{
    char full[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, full);
    snprintf(out, 16, "%.6s..%s", full, full + 38);
}

bool screen_cursor_key(int ch, size_t *cursor, size_t count)
{
    switch (ch) {
    case KEY_UP:
        if (*cursor > 0)
            (*cursor)--;
        return true;
    case KEY_DOWN:
        if (*cursor + 1 < count)
            (*cursor)++;
        return true;
    case KEY_HOME:
        *cursor = 0;
        return true;
    case KEY_END:
        *cursor = count ? count - 1 : 0;
        return true;
    default:
        return false;
    }
}

size_t screen_cursor_clamp(size_t cursor, size_t count)
{
    return count == 0 ? 0 : cursor >= count ? count - 1 : cursor;
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

/* A long text over at most `lines` rows from (*y, x), cut at characters. */
static void print_wrapped(WINDOW *win, int *y, int x, tui_style st, const char *text, int lines)
{
    int width = getmaxx(win) - x;
    while (*text && lines-- > 0 && *y < getmaxy(win) && width > 0) {
        size_t len = 0;
        for (int cols = 0; text[len] && cols < width; cols++) {
            size_t n = tui_utf8_char(text + len, strlen(text + len));
            len += n ? n : 1; /* tui_print shows a stray byte as one cell */
        }
        tui_print(win, (*y)++, x, width, st, "%.*s", (int)len, text);
        text += len;
    }
}

bool screen_past_missing(WINDOW *win, int *y, const tui_app *app)
{
    uint64_t done, total;
    const char *problem = tui_app_past_problem(app);
    bool indexing = tui_app_indexing(app, &done, &total);
    if (tui_app_past(app)) {
        if (problem[0]) {
            tui_print(win, (*y)++, 2, 0, TUI_WARN, "history not up to date:");
            print_wrapped(win, y, 4, TUI_WARN, problem, 3);
        }
        return false;
    }
    if (problem[0]) {
        tui_print(win, (*y)++, 2, 0, TUI_BAD, "history index unavailable:");
        print_wrapped(win, y, 4, TUI_BAD, problem, 4);
    } else if (indexing) {
        tui_print(win, (*y)++, 2, 0, TUI_WARN, "indexing history... %llu of %llu blocks",
                  (unsigned long long)done, (unsigned long long)total);
    } else {
        tui_print(win, (*y)++, 2, 0, TUI_WARN, "indexing history...");
    }
    return true;
}
