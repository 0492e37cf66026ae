/* 9 Activity: this session's transactions (pending, mined, failed) and the
 * contract's recent Info/Error events, newest first. */
#include <stdio.h>

#include "eth/hex.h"
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_scroll; /* events skipped from the newest */

static void draw(tui_app *app, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    int W = getmaxx(win), H = getmaxy(win), y = 1;
    size_t ntx = tui_app_tx_count(app);
    screen_heading(win, 0, "This session's transactions");
    if (ntx == 0)
        tui_print(win, y++, 2, 0, TUI_DIM, "none yet");
    /* At most a third of the page, newest first. */
    for (size_t i = ntx; i > 0 && y <= H / 3; i--) {
        const tui_tx_record *r = tui_app_tx_at(app, i - 1);
        static const char *const NAMES[] = { "signing", "pending", "mined", "failed" };
        static const tui_style STYLES[] = { TUI_WARN, TUI_WARN, TUI_GOOD, TUI_BAD };
        char h[65] = "";
        if (r->has_hash)
            hex_encode(r->hash, 32, h);
        const char *state = r->state == TUI_TX_PENDING ? tui_spinner(tui_app_clock_ms(app)) : "";
        tui_print(win, y, 0, 10, STYLES[r->state], "%s%s", state, NAMES[r->state]);
        tui_print(win, y, 10, W - 10, TUI_NORMAL, "%s  0x%.10s", r->description, h);
        y++;
        if (r->outcome[0] && y < H)
            tui_print(win, y++, 10, W - 10, TUI_DIM, "%s", r->outcome);
    }
    y++;
    screen_heading(win, y++, "Contract events (last blocks)");
    if (screen_missing(win, y, s, WALLET_SEC_EVENTS, "events"))
        return;
    if (s->nevents == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "no Info or Error events in the last %d blocks",
                  WALLET_EVENT_BLOCKS);
    g_scroll = screen_cursor_clamp(g_scroll, s->nevents);
    for (size_t i = s->nevents - g_scroll; i > 0 && y < H; i--, y++) {
        const wallet_event *e = &s->events[i - 1];
        tui_print(win, y, 0, 9, TUI_DIM, "#%llu", (unsigned long long)e->block);
        tui_print(win, y, 9, 6, e->is_error ? TUI_BAD : TUI_GOOD, "%s",
                  e->is_error ? "Error" : "Info");
        tui_print(win, y, 15, W - 15, TUI_NORMAL, "%s", e->text);
    }
}

static bool key(tui_app *app, int ch)
{
    const wallet_state *s = tui_app_snapshot(app);
    return s && screen_cursor_key(ch, &g_scroll, s->nevents);
}

const tui_page screen_activity = { "Activity", "Up/Down scroll events", draw, key };
