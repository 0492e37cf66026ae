/* 8 Meter (a storage unit's own account): report production, consumption
 * and the energy really in the battery; look up the energy left in a
 * session. Under them the unit's owner and its readings and sessions from
 * the history index, newest first, in a list that scrolls and filters. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"

typedef struct meter_state {
    screen_list list; /* the unit's readings and sessions */
} meter_state;

/* The unit's events that pass the filter, newest first; false when out of
 * memory. */
static bool filter_events(const tui_app *app, const screen_list *l, const wallet_past *p,
                          const eth_address *unit, const history_tx ***out, size_t *n,
                          size_t *total)
{
    *n = 0;
    *out = NULL;
    *total = screen_unit_events(p, unit, NULL, 0);
    if (*total == 0)
        return true;
    if (!(*out = malloc(*total * sizeof **out)))
        return false;
    screen_unit_events(p, unit, *out, *total);
    for (size_t i = 0; i < *total; i++) {
        if (!l->filter[0]) {
            (*out)[(*n)++] = (*out)[i];
            continue;
        }
        char call[512], when[24], text[560];
        screen_call_text(app, (*out)[i], false, INT_MAX, call, sizeof call);
        screen_time((*out)[i]->time, when);
        snprintf(text, sizeof text, "%s %s", when, call);
        if (screen_list_match(l, text))
            (*out)[(*n)++] = (*out)[i];
    }
    return true;
}

/* What the list's rows need to say how tall each is. */
typedef struct event_rows {
    const tui_app *app;
    const eth_address *unit;
    const history_tx **ev;
    const table_layout *l;
} event_rows;

static int event_height(void *ctx, size_t i)
{
    const event_rows *c = ctx;
    return screen_event_row(c->app, NULL, 0, 0, 0, c->l, c->unit, c->ev[i]);
}

static void draw_events(const tui_app *app, meter_state *st, WINDOW *win, const wallet_state *s, int y)
{
    int H = getmaxy(win), W = getmaxx(win);
    screen_heading(win, y++, "Readings and sessions, newest first");
    if (screen_past_missing(win, &y, app))
        return;
    const history_tx **ev;
    size_t n, total;
    if (!filter_events(app, &st->list, tui_app_past(app), &s->account, &ev, &n, &total)) {
        tui_print(win, y, 2, 0, TUI_BAD, "out of memory for the readings");
        return;
    }
    screen_list_footer(win, H - 1, &st->list, "reading", n, total, NULL, NULL);
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, total ? "none matches the filter" : "none yet");
    table_layout l;
    screen_event_layout(W - 2, &l);
    event_rows c = { app, &s->account, ev, &l };
    size_t fit = 0, first = n ? screen_list_begin_rows(&st->list, n, H - 1 - y, event_height, &c,
                                                       &fit)
                              : 0;
    for (size_t i = first; i < first + fit; i++) {
        bool chosen = i == st->list.cursor;
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
        y += screen_event_row(app, win, y, 2, H - 1, &l, &s->account, ev[i]);
    }
    free(ev);
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    meter_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int y = 0, W = getmaxx(win);
    screen_heading(win, y++, "Smart meter");
    if (!(tui_app_roles(app) & WALLET_ROLE_UNIT)) {
        static const char *const LINES_[] = {
            "This account is not an active storage unit.",
            "Voters register units (Voting page, u); then sign in as the unit's key.",
            "e  looks up the energy left in a session with you.",
        };
        for (size_t i = 0; i < 3; i++)
            y += tui_text(win, y + (i == 2), 2, W - 2, i == 2 ? 3 : 0, 0,
                          i ? TUI_DIM : TUI_WARN, "; ", LINES_[i]);
        return;
    }
    char wh[PC_UNIT_TEXT_MAX] = "", o[ETH_ADDRESS_TEXT_LEN + 80] = "unknown";
    for (size_t i = 0; i < s->nunits; i++)
        if (eth_address_equal(&s->units[i].addr, &s->account))
            pc_format_unit(&s->units[i].wh, PC_UNIT_WH, wh, sizeof wh);
    eth_address owner;
    if (screen_unit_owner(app, &s->account, &owner))
        screen_address_fitted(app, &owner, W - 20, o, sizeof o);
    const tui_field facts[] = {
        { "available energy", wh, TUI_ACCENT },
        { "owner", o, TUI_NORMAL },
    };
    y += tui_fields(win, y, 2, W - 2, 0, TUI_NORMAL, facts, 2);
    static const tui_field KEYS[] = {
        { "p", "energy produced: mints ENT for the producer", TUI_NORMAL },
        { "c", "energy consumed: burns a consumer's locked ENT", TUI_NORMAL },
        { "a", "actual energy: the Wh really in the battery", TUI_NORMAL },
        { "e", "energy left in a session with an address", TUI_NORMAL },
    };
    y += tui_fields(win, y, 2, W - 2, 0, TUI_ACCENT, KEYS, 4);
    draw_events(app, st, win, s, y + 1);
}

static pc_status read_session(tui_app *app, char *const texts[], secret *const secrets[],
                              pc_error *err)
{
    (void)secrets, (void)err;
    tui_app_read(app, PC_FN_GET_CONSUMPTION_SESSION_ENERGY, 1, texts);
    return PC_OK;
}

/* How many of the unit's events pass the filter (0 without the index). */
static size_t event_count(const tui_app *app, const screen_list *l)
{
    const wallet_state *s = tui_app_snapshot(app);
    const wallet_past *p = tui_app_past(app);
    const history_tx **ev;
    size_t n = 0, total;
    if (s && p && s->has_account && filter_events(app, l, p, &s->account, &ev, &n, &total))
        free(ev);
    return n;
}

static bool key(tui_app *app, void *state, int ch)
{
    meter_state *st = state;
    static const tui_form_spec produced = {
        .title = "Report energy produced", .method = PC_FN_ENERGY_PRODUCED, .nfields = 2,
        .fields = { { .label = "Producer" },
                    { .label = "Energy (Wh)", .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec consumed = {
        .title = "Report energy consumed", .method = PC_FN_ENERGY_CONSUMED, .nfields = 2,
        .fields = { { .label = "Consumer" },
                    { .label = "Energy (Wh)", .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec actual = {
        .title = "Report the actual energy stored", .method = PC_FN_REPORT_ACTUAL_ENERGY,
        .nfields = 1, .fields = { { .label = "Energy (Wh)" } },
    };
    static const tui_form_spec session = {
        .title = "Energy left in a session", .nfields = 1,
        .fields = { { .label = "Other side", .kind = PC_ARG_ADDRESS } },
        .submit = read_session,
    };
    if ((tui_app_roles(app) & WALLET_ROLE_UNIT) &&
        screen_list_key(&st->list, ch, event_count(app, &st->list)))
        return true;
    switch (ch) {
    case 'p': tui_app_open_form(app, &produced); return true;
    case 'c': tui_app_open_form(app, &consumed); return true;
    case 'a': tui_app_open_form(app, &actual); return true;
    case 'e': tui_app_open_form(app, &session); return true;
    default: return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)app, (void)x;
    meter_state *st = state;
    return screen_list_click(&st->list, y) != 0;
}

/* A unit's reports and readings list to the unit only; anyone may look
 * up a session's energy. */
static const char *hints_now(const tui_app *app)
{
    return tui_app_roles(app) & WALLET_ROLE_UNIT ? screen_meter.hints : "e session energy";
}

const tui_page screen_meter = {
    .title = "Meter",
    .hints = "p produced  c consumed  a actual  e session energy  " SCREEN_LIST_HINTS,
    .hints_now = hints_now,
    .state_size = sizeof(meter_state),
    .draw = draw,
    .key = key,
    .click = click,
};
