/* 9 Activity: this session's transactions (pending, mined, failed), then
 * every transaction to the contract since its deployment, newest first,
 * from the history index: block, time, sender, call, outcome, and the
 * Info/Error texts it left (shown as they are, never read for meaning). */
#include <stdio.h>
#include <string.h>

#include "eth/hex.h"
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_scroll; /* history records skipped from the newest */

static void draw_session(tui_app *app, WINDOW *win, int *y)
{
    int W = getmaxx(win), H = getmaxy(win);
    size_t ntx = tui_app_tx_count(app);
    screen_heading(win, 0, "This session's transactions");
    if (ntx == 0)
        tui_print(win, (*y)++, 2, 0, TUI_DIM, "none yet");
    /* At most a third of the page, newest first. */
    for (size_t i = ntx; i > 0 && *y <= H / 3; i--) {
        const tui_tx_record *r = tui_app_tx_at(app, i - 1);
        static const char *const NAMES[] = { "signing", "pending", "mined", "failed" };
        static const tui_style STYLES[] = { TUI_WARN, TUI_WARN, TUI_GOOD, TUI_BAD };
        char h[65] = "";
        if (r->has_hash)
            hex_encode(r->hash, 32, h);
        const char *state = r->state == TUI_TX_PENDING ? tui_spinner(tui_app_clock_ms(app)) : "";
        tui_print(win, *y, 0, 10, STYLES[r->state], "%s%s", state, NAMES[r->state]);
        tui_print(win, *y, 10, W - 10, TUI_NORMAL, "%s  0x%.10s", r->description, h);
        (*y)++;
        if (r->outcome[0] && *y < H)
            tui_print(win, (*y)++, 10, W - 10, TUI_DIM, "%s", r->outcome);
    }
}

/* One record: a line with its facts, and one with its texts if it left any. */
static int draw_record(WINDOW *win, int y, const history_tx *t)
{
    static const char *const OUTCOMES[] = { "ok", "Error", "reverted" };
    int W = getmaxx(win);
    char when[24], from[16], text[512];
    screen_time(t->time, when);
    screen_short_address(&t->from, from);
    tui_print(win, y, 0, 9, TUI_DIM, "#%llu", (unsigned long long)t->block);
    tui_print(win, y, 9, 17, TUI_DIM, "%s", when);
    tui_print(win, y, 26, 14, TUI_NORMAL, "%s", from);
    tui_print(win, y, 40, 9, t->outcome == HISTORY_OK ? TUI_GOOD : TUI_BAD, "%s",
              OUTCOMES[t->outcome]);
    tui_print(win, y, 49, W - 49, TUI_ACCENT, "%s",
              t->is_creation ? "constructor" : t->method ? t->method->name : "(unknown call)");
    if (!t->text[0] || y + 1 >= getmaxy(win))
        return 1;
    /* Several texts on one line. */
    snprintf(text, sizeof text, "%s", t->text);
    for (char *p = strchr(text, '\n'); p; p = strchr(p, '\n'))
        *p = '|';
    tui_print(win, y + 1, 9, W - 9, TUI_NORMAL, "%s", text);
    return 2;
}

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    int H = getmaxy(win), y = 1;
    draw_session(app, win, &y);
    y++;
    const wallet_past *p = tui_app_past(app);
    if (p)
        tui_print(win, y++, 0, 0, TUI_TITLE, "Contract history, newest first (%zu transaction%s)",
                  p->ntxs, p->ntxs == 1 ? "" : "s");
    else
        screen_heading(win, y++, "Contract history");
    if (screen_past_missing(win, &y, app))
        return;
    g_scroll = screen_cursor_clamp(g_scroll, p->ntxs);
    for (size_t i = p->ntxs - g_scroll; i > 0 && y < H; i--)
        y += draw_record(win, y, &p->txs[i - 1]);
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)state;
    const wallet_past *p = tui_app_past(app);
    return p && screen_cursor_key(ch, &g_scroll, p->ntxs);
}

const tui_page screen_activity = {
    .title = "Activity",
    .hints = "Up/Down scroll history",
    .draw = draw,
    .key = key,
};
